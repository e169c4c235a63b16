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
    return new Builder(candidates, 64);
  }

  /**
   * A builder that expects about this many ballots (room for them is taken at once, so a large box
   * is not copied while it grows).
   */
  public static Builder builder(int candidates, int expectedBallots) {
    if (candidates < 0) {
      throw new InvalidInputException("candidates", "候选人数不能为负数");
    }
    return new Builder(candidates, Math.max(64, Math.min(expectedBallots, 1 << 28)));
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

  /** Ballots counted per call of the block methods (they are compiled early, not only by OSR). */
  private static final int BLOCK = 4096;

  /**
   * Per byte of a packed word (four 2-bit marks): the number of 赞成 marks (bits 0-2) and 8 when one
   * of them is unclear.
   */
  private static final byte[] BYTE_INFO = new byte[256];

  static {
    for (int v = 0; v < 256; v++) {
      int info = 0;
      for (int s = 0; s < 4; s++) {
        int m = (v >>> (s << 1)) & 3;
        if (m == 1) {
          info++;
        } else if (m == 3) {
          info |= 8;
        }
      }
      BYTE_INFO[v] = (byte) info;
    }
  }

  /**
   * Counts every ballot in one pass. Ballots without write-ins or extraneous marks take a fast
   * path: up to 32 candidates (one word per ballot) by byte tables (赞成 per byte, and a histogram of
   * the bytes of the valid ballots, turned into counts per candidate at the end); more candidates
   * bit-parallel (popcount of the 赞成 bits against the seats). The others go through {@link
   * Ballots#judge}. All give the same verdicts.
   *
   * @throws InvalidInputException if the rules are for a different number of candidates
   */
  public BallotCount count(BallotRules rules) {
    if (rules.candidates() != candidates) {
      throw new InvalidInputException(
          "candidates", "选票有" + candidates + "名候选人，而计票规则按" + rules.candidates() + "名");
    }
    Counting k = new Counting(rules, stride);
    for (int from = 0; from < size; from += BLOCK) {
      int to = Math.min(size, from + BLOCK);
      if (stride == 1) {
        countWords(k, from, to);
      } else {
        countWide(k, from, to);
      }
    }
    k.foldHistogram();
    long[] y = Arrays.copyOf(k.yes, candidates);
    long[] n = Arrays.copyOf(k.no, candidates);
    long[] a = new long[candidates];
    for (int c = 0; c < candidates; c++) {
      a[c] = k.valid - y[c] - n[c];
    }
    return new BallotCount(k.valid, k.invalid, k.review, y, n, a, k.writeIns);
  }

  /** The running count. */
  private static final class Counting {
    final BallotRules rules;
    final int seats;
    final long[] yes;
    final long[] no;

    /** For one-word ballots: how often each byte value occurs at each byte of a valid ballot. */
    final long[] histogram = new long[8 * 256];

    long valid;
    long invalid;
    final List<Integer> review = new ArrayList<>();
    final Map<String, Long> writeIns = new LinkedHashMap<>();

    Counting(BallotRules rules, int stride) {
      this.rules = rules;
      this.seats = rules.seats();
      this.yes = new long[stride * 32];
      this.no = new long[stride * 32];
    }

    void foldHistogram() {
      for (int b = 0; b < 8; b++) {
        for (int v = 0; v < 256; v++) {
          long h = histogram[(b << 8) | v];
          if (h == 0) {
            continue;
          }
          for (int s = 0; s < 4; s++) {
            int m = (v >>> (s << 1)) & 3;
            if (m == 1) {
              yes[(b << 2) + s] += h;
            } else if (m == 2) {
              no[(b << 2) + s] += h;
            }
          }
        }
      }
    }
  }

  private void countSpecial(Counting k, int i, int base) {
    BallotVerdict v = Ballots.judge(k.rules, specials.get(i));
    if (v instanceof BallotVerdict.Valid ok) {
      k.valid++;
      addMarks(words, base, k.yes, k.no);
      for (String n : ok.writeIns()) {
        k.writeIns.merge(n, 1L, Long::sum);
      }
    } else if (v instanceof BallotVerdict.Invalid) {
      k.invalid++;
    } else {
      k.review.add(i);
    }
  }

  /** Ballots {@code from} to {@code to} of a box with one word per ballot. */
  private void countWords(Counting k, int from, int to) {
    final long[] w = words;
    final long[] histogram = k.histogram;
    final int seats = k.seats;
    final int bytes = Math.max(1, (candidates + 3) >>> 2);
    int nextSpecial = special.nextSetBit(from);
    long valid = 0;
    long invalid = 0;
    for (int i = from; i < to; i++) {
      if (i == nextSpecial) {
        countSpecial(k, i, i);
        nextSpecial = special.nextSetBit(i + 1);
        continue;
      }
      long x = w[i];
      int yesCount = 0;
      int flags = 0;
      for (int b = 0; b < bytes; b++) {
        int t = BYTE_INFO[(int) (x >>> (b << 3)) & 0xFF];
        yesCount += t & 7;
        flags |= t;
      }
      if (yesCount > seats) {
        invalid++;
      } else if ((flags & 8) != 0) {
        k.review.add(i);
      } else {
        valid++;
        for (int b = 0; b < bytes; b++) {
          histogram[(b << 8) | ((int) (x >>> (b << 3)) & 0xFF)]++;
        }
      }
    }
    k.valid += valid;
    k.invalid += invalid;
  }

  /** Ballots {@code from} to {@code to} of a box with several words per ballot. */
  private void countWide(Counting k, int from, int to) {
    final long[] w = words;
    for (int i = from, base = from * stride; i < to; i++, base += stride) {
      if (special.get(i)) {
        countSpecial(k, i, base);
        continue;
      }
      int yesCount = 0;
      long unclear = 0;
      for (int j = 0; j < stride; j++) {
        long x = w[base + j];
        long lo = x & LOW_BITS;
        long hi = (x >>> 1) & LOW_BITS;
        yesCount += Long.bitCount(lo & ~hi);
        unclear |= lo & hi;
      }
      if (yesCount > k.seats) {
        k.invalid++;
      } else if (unclear != 0) {
        k.review.add(i);
      } else {
        k.valid++;
        addMarks(w, base, k.yes, k.no);
      }
    }
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

    private Builder(int candidates, int room) {
      this.candidates = candidates;
      this.stride = strideOf(candidates);
      this.words = new long[stride * room];
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

    /**
     * Adds a ballot of up to 32 candidates that needs the general rules (write-ins or identifying
     * marks) from its packed word and the ballot itself, read elsewhere (e.g. by a reader thread);
     * the word must be the packing of the ballot's marks.
     *
     * @throws IllegalArgumentException if the word and the ballot's marks differ
     */
    public Builder addSpecialPacked(long word, Ballot b) {
      if (stride != 1) {
        throw new IllegalStateException("addSpecialPacked needs at most 32 candidates");
      }
      if (b.marks().size() != candidates) {
        throw new InvalidInputException(
            "ballots[" + size + "].marks",
            "选票上有" + b.marks().size() + "个符号位，而候选人有" + candidates + "名");
      }
      long packed = 0;
      for (int c = 0; c < candidates; c++) {
        packed |= ((long) b.marks().get(c).bits()) << (c << 1);
      }
      if (packed != word) {
        throw new IllegalArgumentException("packed word and ballot differ at ballot " + size);
      }
      grow();
      words[size] = word;
      if (!b.writeIns().isEmpty() || b.identifyingMarks()) {
        special.set(size);
        specials.put(size, b);
      }
      size++;
      return this;
    }

    /**
     * Adds {@code count} ballots of up to 32 candidates from their packed words (see {@link
     * #addPacked(long)}), {@code packed[from]} first.
     */
    public Builder addPacked(long[] packed, int from, int count) {
      if (stride != 1) {
        throw new IllegalStateException("addPacked needs at most 32 candidates");
      }
      long outside = candidates < 32 ? -1L << (candidates * 2) : 0L;
      for (int i = 0; i < count; i++) {
        if ((packed[from + i] & outside) != 0) {
          throw new InvalidInputException("ballots[" + (size + i) + "]", "选票符号超出候选人数");
        }
      }
      if (size + (long) count > words.length) {
        words =
            Arrays.copyOf(
                words,
                (int)
                    Math.min(
                        Integer.MAX_VALUE - 8, Math.max(words.length * 2L, size + (long) count)));
      }
      System.arraycopy(packed, from, words, size, count);
      size += count;
      return this;
    }

    public int size() {
      return size;
    }

    /**
     * The box of the ballots added so far. When little room is left over the box shares the
     * builder's array instead of a copy: it reads only its own ballots, and later additions go past
     * them.
     */
    public CompactBallots build() {
      int used = size * stride;
      return new CompactBallots(
          candidates,
          size,
          words.length - used <= words.length / 8 ? words : Arrays.copyOf(words, used),
          (BitSet) special.clone(),
          new HashMap<>(specials));
    }
  }
}
