package xuanju.server.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * Checks the plan against the roster (方案与名册核对): committee or not by the number of members with a
 * vote (SZ-02: 7 or more → a committee), the officers without a committee (SZ-03), the committee
 * size (SZ-06). Pure: the caller passes the numbers.
 */
public final class PlanChecks {
  private PlanChecks() {}

  /** The threshold of SZ-02: 党员7人以上设支部委员会. */
  public static final int COMMITTEE_THRESHOLD = 7;

  /**
   * The findings for a plan. Errors block the request (请示).
   *
   * @param membersWithVote members with a vote on the roster (有表决权的正式党员)
   */
  public static Findings check(
      boolean hasCommittee, int seats, int secretarySeats, int deputySeats, long membersWithVote) {
    List<Finding> out = new ArrayList<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("membersWithVote", membersWithVote);
    facts.put("hasCommittee", hasCommittee);
    facts.put("seats", seats);
    if (membersWithVote <= 0) {
      out.add(new Finding(PlanRule.NO_VOTERS, List.of("roster"), facts, null));
    }
    if (membersWithVote >= COMMITTEE_THRESHOLD && !hasCommittee) {
      out.add(
          new Finding(
              PlanRule.COMMITTEE_REQUIRED_7,
              List.of("hasCommittee"),
              facts,
              "名册中有表决权的党员" + membersWithVote + "名（7名以上），应设立支部委员会，但方案为不设委员会"));
    } else if (membersWithVote > 0 && membersWithVote < COMMITTEE_THRESHOLD && hasCommittee) {
      out.add(
          new Finding(
              PlanRule.COMMITTEE_NONE_UNDER_7,
              List.of("hasCommittee"),
              facts,
              "名册中有表决权的党员只有" + membersWithVote + "名（不足7名），不设支部委员会，但方案为设立支部委员会"));
    }
    if (!hasCommittee && (secretarySeats != 1 || deputySeats > 1)) {
      out.add(
          new Finding(
              PlanRule.NO_COMMITTEE_OFFICERS,
              List.of("secretarySeats", "deputySeats"),
              facts,
              "不设支部委员会时应选书记1名、副书记至多1名，方案为书记" + secretarySeats + "名、副书记" + deputySeats + "名"));
    }
    if (hasCommittee && (seats < 3 || seats > 5)) {
      out.add(
          new Finding(
              PlanRule.COMMITTEE_SIZE_3_5,
              List.of("seats"),
              facts,
              "方案的支部委员会委员为" + seats + "名，支部委员会一般设委员3至5人，最多不超过7人"));
    }
    return Findings.of(out);
  }
}
