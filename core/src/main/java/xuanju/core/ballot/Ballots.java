package xuanju.core.ballot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import xuanju.core.rule.InvalidInputException;

/**
 * Judges single ballots (选票认定). In order: extraneous marks → invalid; write-ins are resolved per
 * the profile; 赞成 (incl. counted write-ins) over the seats → invalid; any unclear mark → needs
 * review; otherwise valid (a fully blank ballot is valid, all abstentions).
 */
public final class Ballots {
  private Ballots() {}

  /**
   * The verdict on one ballot.
   *
   * @throws InvalidInputException if the ballot has a different number of marks than candidates
   */
  public static BallotVerdict judge(BallotRules rules, Ballot ballot) {
    if (ballot.marks().size() != rules.candidates()) {
      throw new InvalidInputException(
          "marks", "选票上有" + ballot.marks().size() + "个符号位，而候选人有" + rules.candidates() + "名");
    }
    if (ballot.identifyingMarks()) {
      return new BallotVerdict.Invalid(List.of(BallotRule.BALLOT_IDENTIFYING_MARK));
    }
    long yes = 0;
    long no = 0;
    long abstain = 0;
    long unclear = 0;
    for (Mark m : ballot.marks()) {
      switch (m) {
        case YES -> yes++;
        case NO -> no++;
        case ABSTAIN -> abstain++;
        case UNCLEAR -> unclear++;
      }
    }
    List<BallotRule> notes = new ArrayList<>();
    List<String> expressed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean unclearWriteIn = false;
    for (WriteIn w : ballot.writeIns()) {
      if (w.name().isEmpty() || !seen.add(w.name())) {
        continue;
      }
      if (!rules.writeInAllowed()) {
        addOnce(notes, BallotRule.BALLOT_WRITE_IN_NOT_ALLOWED);
        continue;
      }
      switch (w.mark()) {
        case UNCLEAR -> unclearWriteIn = true;
        case NO -> {}
        case YES -> expressed.add(w.name());
        case ABSTAIN -> {
          switch (rules.writeInWithoutMark()) {
            case VOID_BALLOT -> {
              return new BallotVerdict.Invalid(
                  List.of(BallotRule.BALLOT_WRITE_IN_NO_MARK_VOID_BALLOT));
            }
            case VOID_ENTRY -> addOnce(notes, BallotRule.BALLOT_WRITE_IN_NO_MARK_VOID_ENTRY);
            case COUNTS_AS_YES -> {
              addOnce(notes, BallotRule.BALLOT_WRITE_IN_NO_MARK_COUNTS_YES);
              expressed.add(w.name());
            }
          }
        }
      }
    }
    // every choice expressed counts against the seats, even one that will not count as a vote
    if (yes + expressed.size() > rules.seats()) {
      List<BallotRule> r = new ArrayList<>();
      r.add(BallotRule.BALLOT_OVERMARKED);
      r.addAll(notes);
      return new BallotVerdict.Invalid(r);
    }
    List<String> counted = new ArrayList<>();
    long noLeft = no;
    for (String name : expressed) {
      if (rules.writeInRequiresNo()) {
        if (noLeft == 0) {
          addOnce(notes, BallotRule.BALLOT_WRITE_IN_REQUIRES_NO);
          continue;
        }
        noLeft--;
      }
      counted.add(name);
    }
    if (unclear > 0 || unclearWriteIn) {
      List<BallotRule> r = new ArrayList<>();
      r.add(BallotRule.BALLOT_MARK_UNCLEAR);
      r.addAll(notes);
      return new BallotVerdict.NeedsReview(r);
    }
    List<BallotRule> r = new ArrayList<>();
    r.add(
        yes == 0 && no == 0 && counted.isEmpty()
            ? BallotRule.BALLOT_BLANK_ABSTAIN
            : BallotRule.BALLOT_VALID);
    r.addAll(notes);
    return new BallotVerdict.Valid(yes, no, abstain, counted, r);
  }

  private static void addOnce(List<BallotRule> list, BallotRule r) {
    if (!list.contains(r)) {
      list.add(r);
    }
  }
}
