package xuanju.core.ballot;

import java.util.List;

/**
 * The verdict on one ballot (选票认定): valid, invalid, or to be ruled on by the scrutineers. Each
 * verdict lists the rules that produced it.
 */
public sealed interface BallotVerdict {
  /** The rules applied, most decisive first. */
  List<BallotRule> rules();

  /** The rule codes, in order. */
  default List<String> codes() {
    return rules().stream().map(BallotRule::code).toList();
  }

  /**
   * 有效票.
   *
   * @param yes 赞成 marks on printed candidates
   * @param no 不赞成 marks
   * @param abstain 弃权 (blank) marks
   * @param writeIns the write-in names that count as 赞成
   */
  record Valid(long yes, long no, long abstain, List<String> writeIns, List<BallotRule> rules)
      implements BallotVerdict {
    public Valid {
      writeIns = List.copyOf(writeIns);
      rules = List.copyOf(rules);
    }
  }

  /** 无效票（作废票）. */
  record Invalid(List<BallotRule> rules) implements BallotVerdict {
    public Invalid {
      rules = List.copyOf(rules);
    }
  }

  /** 疑问票：须由监票人认定. */
  record NeedsReview(List<BallotRule> rules) implements BallotVerdict {
    public NeedsReview {
      rules = List.copyOf(rules);
    }
  }
}
