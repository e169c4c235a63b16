package xuanju.core.ballot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.InvalidInputException;

/**
 * A compact, immutable box of ballots (选票箱): 2 bits per candidate mark packed into a {@code long[]}
 * (32 marks per word, {@code ceil(candidates/32)} words per ballot); write-ins and extraneous-mark
 * flags are kept aside for the few ballots that have them. One million ballots of 15 candidates
 * take 8 MB.
 *
 * <p>Build with {@link #builder(int)}; a scrutineers' ruling on a questionable ballot gives a new
 * box with {@link #withRuling(int, Ballot)}. {@link #count(BallotRules)} tallies it in one pass.
 */
public final class CompactBallots {
  private static final long LOW_BITS = 0x5555_5555_5555_5555L;

  private final int candidates;
  private final int stride;
  private final int size;
  private final long[] words;
  private final BitSet special;
  private final Map<Integer, Ballot> specials;

  private CompactBallots(
      int candidates, int size, long[] words, BitSet special, Map<Integer, Ballot> specials) {
    this.candidates = candidates;
    this.stride = strideOf(candidates);
    this.size = size;
    this.words = words;
    this.special = special;
    this.specials = specials;
  }

  private static int strideOf(int candidates) {
    return Math.max(1, (candidates + 31) / 32);
  }

  /** A builder for ballots with this many printed candidates. */
  public static Builder builder(int candidates) {
    if (candidates < 0) {
      throw new InvalidInputException("candidates", "候选人数不能为负数");
    }
    return new Builder(candidates);
  }

  /** Number of ballots. */
  public int size() {
    return size;
  }

  /** Number of printed candidates. */
  public int candidates() {
    return candidates;
  }

  /** The mark of one ballot beside one printed candidate. */
  public Mark mark(int ballot, int candidate) {
    checkIndex(ballot);
    long w = words[ballot * stride + (candidate >>> 5)];
    return Mark.ofBits((int) (w >>> ((candidate & 31) << 1)));
  }

  /** Ballot {@code i}, decoded. */
  public Ballot get(int i) {
    checkIndex(i);
    Ballot s = specials.get(i);
    if (s != null) {
      return s;
    }
    List<Mark> marks = new ArrayList<>(candidates);
    for (int c = 0; c < candidates; c++) {
      marks.add(mark(i, c));
    }
    return new Ballot(marks, List.of(), false);
  }

  /** The verdict on ballot {@code i}. */
  public BallotVerdict verdict(int i, BallotRules rules) {
    return Ballots.judge(rules, get(i));
  }

  /** A copy with ballot {@code i} replaced by the scrutineers' reading of it (疑问票认定). */
  public CompactBallots withRuling(int i, Ballot resolved) {
    checkIndex(i);
    checkShape(resolved);
    long[] w = words.clone();
    BitSet sp = (BitSet) special.clone();
    Map<Integer, Ballot> spm = new HashMap<>(specials);
    write(w, i * stride, resolved.marks());
    if (resolved.writeIns().isEmpty() && !resolved.identifyingMarks()) {
      sp.clear(i);
      spm.remove(i);
    } else {
      sp.set(i);
      spm.put(i, resolved);
    }
    return new CompactBallots(candidates, size, w, sp, spm);
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new InvalidInputException("ballots[" + i + "]", "没有第" + i + "张选票（共" + size + "张）");
    }
  }

  private void checkShape(Ballot b) {
    if (b.marks().size() != candidates) {
      throw new InvalidInputException(
          "marks", "选票上有" + b.marks().size() + "个符号位，而候选人有" + candidates + "名");
    }
  }

  private static void write(long[] words, int base, List<Mark> marks) {
    int stride = strideOf(marks.size());
    Arrays.fill(words, base, base + stride, 0L);
    for (int c = 0; c < marks.size(); c++) {
      words[base + (c >>> 5)] |= ((long) marks.get(c).bits()) << ((c & 31) << 1);
    }
  }

  /**
   * Counts every ballot in one pass. Ballots without write-ins or extraneous marks take a
   * bit-parallel fast path (popcount of the 赞成 bits against the seats); the others go through
   * {@link Ballots#judge}. Both give the same verdicts.
   *
   * @throws InvalidInputException if the rules are for a different number of candidates
   */
  public BallotCount count(BallotRules rules) {
    if (rules.candidates() != candidates) {
      throw new InvalidInputException(
          "candidates", "选票有" + candidates + "名候选人，而计票规则按" + rules.candidates() + "名");
    }
    final int seats = rules.seats();
    final long[] yes = new long[stride * 32];
    final long[] no = new long[stride * 32];
    long valid = 0;
    long invalid = 0;
    List<Integer> review = new ArrayList<>();
    Map<String, Long> writeIns = new LinkedHashMap<>();
    final long[] w = words;
    for (int i = 0, base = 0; i < size; i++, base += stride) {
      if (special.get(i)) {
        BallotVerdict v = Ballots.judge(rules, specials.get(i));
        if (v instanceof BallotVerdict.Valid ok) {
          valid++;
          addMarks(w, base, yes, no);
          for (String n : ok.writeIns()) {
            writeIns.merge(n, 1L, Long::sum);
          }
        } else if (v instanceof BallotVerdict.Invalid) {
          invalid++;
        } else {
          review.add(i);
        }
        continue;
      }
      int yesCount = 0;
      long unclear = 0;
      for (int k = 0; k < stride; k++) {
        long x = w[base + k];
        long lo = x & LOW_BITS;
        long hi = (x >>> 1) & LOW_BITS;
        yesCount += Long.bitCount(lo & ~hi);
        unclear |= lo & hi;
      }
      if (yesCount > seats) {
        invalid++;
      } else if (unclear != 0) {
        review.add(i);
      } else {
        valid++;
        addMarks(w, base, yes, no);
      }
    }
    long[] y = Arrays.copyOf(yes, candidates);
    long[] n = Arrays.copyOf(no, candidates);
    long[] a = new long[candidates];
    for (int c = 0; c < candidates; c++) {
      a[c] = valid - y[c] - n[c];
    }
    return new BallotCount(valid, invalid, review, y, n, a, writeIns);
  }

  private void addMarks(long[] w, int base, long[] yes, long[] no) {
    for (int k = 0; k < stride; k++) {
      long x = w[base + k];
      long lo = x & LOW_BITS;
      long hi = (x >>> 1) & LOW_BITS;
      int off = k << 5;
      long yb = lo & ~hi;
      while (yb != 0) {
        yes[off + (Long.numberOfTrailingZeros(yb) >>> 1)]++;
        yb &= yb - 1;
      }
      long nb = hi & ~lo;
      while (nb != 0) {
        no[off + (Long.numberOfTrailingZeros(nb) >>> 1)]++;
        nb &= nb - 1;
      }
    }
  }

  /** Collects ballots; not thread-safe. */
  public static final class Builder {
    private final int candidates;
    private final int stride;
    private long[] words;
    private int size;
    private final BitSet special = new BitSet();
    private final Map<Integer, Ballot> specials = new HashMap<>();

    private Builder(int candidates) {
      this.candidates = candidates;
      this.stride = strideOf(candidates);
      this.words = new long[stride * 64];
    }

    private void grow() {
      if ((size + 1) * (long) stride > words.length) {
        words = Arrays.copyOf(words, Math.max(words.length * 2, (size + 1) * stride));
      }
    }

    /**
     * Adds a ballot.
     *
     * @throws InvalidInputException (field {@code ballots[i].marks}) on a wrong number of marks
     */
    public Builder add(Ballot b) {
      if (b.marks().size() != candidates) {
        throw new InvalidInputException(
            "ballots[" + size + "].marks",
            "选票上有" + b.marks().size() + "个符号位，而候选人有" + candidates + "名");
      }
      grow();
      write(words, size * stride, b.marks());
      if (!b.writeIns().isEmpty() || b.identifyingMarks()) {
        special.set(size);
        specials.put(size, b);
      }
      size++;
      return this;
    }

    /** Adds a ballot from a mark string such as {@code "YYNA-"}. */
    public Builder add(String marks) {
      return add(Ballot.of(marks));
    }

    /**
     * Adds a ballot of up to 32 candidates from its packed word (bits {@code 2c..2c+1} = {@link
     * Mark#bits()} of candidate {@code c}); for bulk loading and benchmarks.
     */
    public Builder addPacked(long word) {
      if (stride != 1) {
        throw new IllegalStateException("addPacked needs at most 32 candidates");
      }
      if (candidates < 32 && (word >>> (candidates * 2)) != 0) {
        throw new InvalidInputException("ballots[" + size + "]", "选票符号超出候选人数");
      }
      grow();
      words[size] = word;
      size++;
      return this;
    }

    public int size() {
      return size;
    }

    public CompactBallots build() {
      return new CompactBallots(
          candidates,
          size,
          Arrays.copyOf(words, size * stride),
          (BitSet) special.clone(),
          new HashMap<>(specials));
    }
  }
}
