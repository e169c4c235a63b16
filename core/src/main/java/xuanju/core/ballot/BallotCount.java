package xuanju.core.ballot;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw result of counting a box of ballots (点票原始结果), by printed-candidate index.
 *
 * @param valid 有效票数
 * @param invalid 无效票数
 * @param review indexes of ballots awaiting the scrutineers' ruling (疑问票), ascending
 * @param yes 赞成 per printed candidate
 * @param no 不赞成 per printed candidate
 * @param abstain 弃权 per printed candidate
 * @param writeIns counted write-in 赞成 by name, in order of first appearance
 */
public record BallotCount(
    long valid,
    long invalid,
    List<Integer> review,
    long[] yes,
    long[] no,
    long[] abstain,
    Map<String, Long> writeIns) {
  public BallotCount {
    review = List.copyOf(review);
    yes = yes.clone();
    no = no.clone();
    abstain = abstain.clone();
    writeIns = Collections.unmodifiableMap(new LinkedHashMap<>(writeIns));
  }

  @Override
  public long[] yes() {
    return yes.clone();
  }

  @Override
  public long[] no() {
    return no.clone();
  }

  @Override
  public long[] abstain() {
    return abstain.clone();
  }

  /** Ballots counted: valid + invalid + awaiting review. */
  public long total() {
    return valid + invalid + review.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BallotCount b
        && valid == b.valid
        && invalid == b.invalid
        && review.equals(b.review)
        && Arrays.equals(yes, b.yes)
        && Arrays.equals(no, b.no)
        && Arrays.equals(abstain, b.abstain)
        && writeIns.equals(b.writeIns);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(valid) * 31 + Arrays.hashCode(yes);
  }

  @Override
  public String toString() {
    return "BallotCount[valid="
        + valid
        + ", invalid="
        + invalid
        + ", review="
        + review
        + ", yes="
        + Arrays.toString(yes)
        + ", no="
        + Arrays.toString(no)
        + ", abstain="
        + Arrays.toString(abstain)
        + ", writeIns="
        + writeIns
        + "]";
  }
}
