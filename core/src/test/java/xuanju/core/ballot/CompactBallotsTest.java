package xuanju.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.InvalidInputException;

/**
 * {@link CompactBallots#count} against the rules applied ballot by ballot ({@link Ballots#judge}):
 * random boxes of 0 to 70 candidates (one and several words per ballot), over-marked, blank and
 * unclear ballots, write-ins and identifying marks, boxes larger than a counting block, rulings;
 * and the bulk {@link CompactBallots.Builder#addPacked(long[], int, int)}.
 */
class CompactBallotsTest {
  static final int[] CANDIDATES = {0, 1, 2, 3, 4, 5, 7, 15, 16, 17, 31, 32, 33, 40, 64, 70};

  static Stream<Long> seeds() {
    return LongStream.range(0, 120).map(i -> 31L * i + 20261204L).boxed();
  }

  static Ballot randomBallot(Random r, int candidates, int seats) {
    List<Mark> marks = new ArrayList<>();
    // most ballots near the seats' number of 赞成, some over-marked, a few unclear
    double yes = Math.min(0.9, (seats + r.nextInt(3) - 1) / (double) Math.max(1, candidates));
    boolean unclear = r.nextInt(20) == 0;
    for (int c = 0; c < candidates; c++) {
      double x = r.nextDouble();
      marks.add(
          unclear && r.nextInt(4) == 0
              ? Mark.UNCLEAR
              : x < yes ? Mark.YES : x < yes + (1 - yes) / 2 ? Mark.NO : Mark.ABSTAIN);
    }
    List<WriteIn> w = new ArrayList<>();
    if (r.nextInt(15) == 0) {
      Mark[] ms = Mark.values();
      for (int k = 1 + r.nextInt(2); k > 0; k--) {
        w.add(new WriteIn("另选" + r.nextInt(4), ms[r.nextInt(ms.length)]));
      }
    }
    return new Ballot(marks, w, r.nextInt(40) == 0);
  }

  /** The count the slow way: each ballot judged on its own. */
  static String naive(CompactBallots box, BallotRules rules) {
    long valid = 0;
    long invalid = 0;
    List<Integer> review = new ArrayList<>();
    long[] yes = new long[box.candidates()];
    long[] no = new long[box.candidates()];
    Map<String, Long> writeIns = new LinkedHashMap<>();
    for (int i = 0; i < box.size(); i++) {
      Ballot b = box.get(i);
      BallotVerdict v = Ballots.judge(rules, b);
      if (v instanceof BallotVerdict.Valid ok) {
        valid++;
        for (int c = 0; c < b.marks().size(); c++) {
          yes[c] += b.marks().get(c) == Mark.YES ? 1 : 0;
          no[c] += b.marks().get(c) == Mark.NO ? 1 : 0;
        }
        ok.writeIns().forEach(n -> writeIns.merge(n, 1L, Long::sum));
      } else if (v instanceof BallotVerdict.Invalid) {
        invalid++;
      } else {
        review.add(i);
      }
    }
    long[] abstain = new long[box.candidates()];
    for (int c = 0; c < abstain.length; c++) {
      abstain[c] = valid - yes[c] - no[c];
    }
    return text(new BallotCount(valid, invalid, review, yes, no, abstain, writeIns));
  }

  static String text(BallotCount c) {
    return c.valid()
        + " valid, "
        + c.invalid()
        + " invalid, review "
        + c.review()
        + ", yes "
        + Arrays.toString(c.yes())
        + ", no "
        + Arrays.toString(c.no())
        + ", abstain "
        + Arrays.toString(c.abstain())
        + ", write-ins "
        + c.writeIns();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theCountIsTheRulesAppliedBallotByBallot(long seed) {
    Random r = new Random(seed);
    int candidates = CANDIDATES[r.nextInt(CANDIDATES.length)];
    int seats = 1 + r.nextInt(Math.max(1, candidates));
    int size = r.nextInt(8) == 0 ? 4096 * 2 + r.nextInt(3000) : r.nextInt(400);
    CompactBallots.Builder b = CompactBallots.builder(candidates);
    for (int i = 0; i < size; i++) {
      b.add(randomBallot(r, candidates, seats));
    }
    CompactBallots box = b.build();
    WriteInWithoutMark[] without = WriteInWithoutMark.values();
    BallotRules rules =
        new BallotRules(
            seats,
            candidates,
            r.nextBoolean(),
            r.nextBoolean(),
            without[r.nextInt(without.length)]);
    assertThat(text(box.count(rules))).as("seed %d", seed).isEqualTo(naive(box, rules));
    if (size > 0) {
      int i = r.nextInt(size);
      CompactBallots ruled = box.withRuling(i, randomBallot(r, candidates, seats));
      assertThat(text(ruled.count(rules))).isEqualTo(naive(ruled, rules));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void specialBallotsFromTheirPackedWordsAreTheSameBallots(long seed) {
    Random r = new Random(seed);
    int candidates = 1 + r.nextInt(32);
    int seats = 1 + r.nextInt(candidates);
    CompactBallots.Builder byBallot = CompactBallots.builder(candidates);
    CompactBallots.Builder byWord = CompactBallots.builder(candidates);
    for (int i = 0; i < 50; i++) {
      Ballot ballot = randomBallot(r, candidates, seats);
      long word = 0;
      for (int c = 0; c < candidates; c++) {
        word |= ((long) ballot.marks().get(c).bits()) << (c << 1);
      }
      byBallot.add(ballot);
      byWord.addSpecialPacked(word, ballot);
    }
    CompactBallots a = byBallot.build();
    CompactBallots b = byWord.build();
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).isEqualTo(a.get(i));
    }
    BallotRules rules =
        new BallotRules(seats, candidates, true, false, WriteInWithoutMark.VOID_ENTRY);
    assertThat(text(b.count(rules))).isEqualTo(text(a.count(rules)));
    // a word that is not the ballot's marks is refused
    Ballot one = Ballot.of("Y".repeat(candidates));
    assertThatThrownBy(() -> CompactBallots.builder(candidates).addSpecialPacked(0L, one))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void packedWordsInBulkAreTheSameBallots() {
    Random r = new Random(7);
    CompactBallots.Builder one = CompactBallots.builder(15);
    CompactBallots.Builder bulk = CompactBallots.builder(15);
    long[] words = new long[5000];
    for (int i = 0; i < words.length; i++) {
      long w = 0;
      for (int c = 0; c < 15; c++) {
        w |= (long) r.nextInt(4) << (c << 1);
      }
      words[i] = w;
      one.addPacked(w);
    }
    bulk.addPacked(words, 0, 10).addPacked(words, 10, 4990);
    CompactBallots a = one.build();
    CompactBallots b = bulk.build();
    assertThat(b.size()).isEqualTo(5000);
    for (int i = 0; i < 5000; i++) {
      assertThat(b.get(i)).isEqualTo(a.get(i));
    }
    long outside = 1L << 30;
    assertThatThrownBy(() -> bulk.addPacked(new long[] {0, outside}, 0, 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("选票符号超出候选人数");
    assertThat(bulk.size()).isEqualTo(5000);
    // a box built with room to spare shares the array; what is added later is not in it
    CompactBallots.Builder roomy = CompactBallots.builder(15, 5100);
    roomy.addPacked(words, 0, 5000);
    CompactBallots shared = roomy.build();
    roomy.addPacked(words, 0, 100).add(Ballot.of("YYYYYYYYYYYYYYY"));
    assertThat(shared.size()).isEqualTo(5000);
    assertThat(roomy.build().size()).isEqualTo(5101);
    for (int i = 0; i < 5000; i++) {
      assertThat(shared.get(i)).isEqualTo(a.get(i));
    }
    assertThat(roomy.build().get(5100)).isEqualTo(Ballot.of("YYYYYYYYYYYYYYY"));
    assertThatThrownBy(() -> CompactBallots.builder(33).addPacked(words, 0, 1))
        .isInstanceOf(IllegalStateException.class);
  }
}
