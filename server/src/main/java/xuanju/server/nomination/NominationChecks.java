package xuanju.server.nomination;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.MarginRange;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.profile.Profile;
import xuanju.core.roster.Member;
import xuanju.core.roster.Roster;
import xuanju.core.roster.VotingRight;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Step;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.PeriodUnit;
import xuanju.core.schedule.ScheduleRule;
import xuanju.server.election.kind.NomineeEligibility;

/**
 * The nomination checks (候选人推荐与审查检查) as pure functions over values: each returns the findings that
 * block a step (empty when the step may go ahead), with the numbers in the Chinese message. Integer
 * arithmetic only.
 */
public final class NominationChecks {
  private NominationChecks() {}

  /** Chinese name of a list at a stage. */
  static String stageZh(Stage stage) {
    return switch (stage) {
      case PRELIMINARY -> "初步人选";
      case PRE_CANDIDATES -> "预备人选";
      case FORMAL -> "正式候选人";
      case BY_ELECTION -> "补选候选人";
    };
  }

  /**
   * The margin of a list (差额): e.g. {@code 初步人选至少7名，现有6名（应选5名，差额不少于应选人数的百分之三十（进一，即2名），…）} under the
   * profile's margin rule ({@code PARTY.MARGIN.PRELIMINARY}, {@code PARTY.MARGIN.PRE_CANDIDATES},
   * {@code PARTY.MARGIN.MEMBERS}).
   *
   * @param currentCommitteeSize the outgoing committee's size (MG-13 plans), or null
   */
  public static List<Finding> margin(
      Profile profile, Stage stage, int seats, Integer currentCommitteeSize, int count) {
    Decision<MarginRange> d =
        Margins.range(
            profile,
            new MarginQuery(
                stage,
                Post.MEMBERS,
                seats,
                currentCommitteeSize == null ? 0 : currentCommitteeSize));
    MarginRange r = d.outcome();
    if (r.allows(count)) {
      return List.of();
    }
    Step last = d.trail().get(d.trail().size() - 1);
    boolean tooFew = count < r.min();
    String msg =
        stageZh(stage)
            + (tooFew ? "至少" + r.min() : "至多" + r.max().getAsLong())
            + "名，现有"
            + count
            + "名（"
            + last.explanationZh()
            + "）";
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("seats", seats);
    facts.put("count", count);
    facts.put("min", r.min());
    facts.put("max", r.max().isPresent() ? r.max().getAsLong() : "none");
    return List.of(new Finding(last.rule(), List.of("nominees"), facts, msg));
  }

  /**
   * The recommendation meeting's validity (推荐会有效): {@code present*den > expected*num}; nothing when
   * the plan sets no requirement.
   */
  public static List<Finding> meeting(MeetingRule rule, Integer expected, Integer present) {
    if (rule.rule().isEmpty()) {
      return List.of();
    }
    NominationRule r = rule.rule().get();
    if (expected == null || present == null || expected <= 0) {
      return List.of(Finding.of(r, "meeting", "尚未登记推荐会应到和实到人数，无法确认推荐有效（须" + rule.labelZh() + "）"));
    }
    long left = (long) present * rule.denominator();
    long right = (long) expected * rule.numerator();
    if (left > right) {
      return List.of();
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("expected", expected);
    facts.put("present", present);
    return List.of(
        new Finding(
            r,
            List.of("meeting.present"),
            facts,
            "推荐会应到"
                + expected
                + "人，实到"
                + present
                + "人，未"
                + rule.labelZh()
                + "（"
                + present
                + "×"
                + rule.denominator()
                + "="
                + left
                + " 不大于 "
                + expected
                + "×"
                + rule.numerator()
                + "="
                + right
                + "），推荐无效"));
  }

  /** A recommendation ballot naming more people than allowed (推荐票超过规定人数). */
  public static List<Finding> ballot(int names, int limit) {
    if (names <= limit) {
      return List.of();
    }
    return List.of(
        new Finding(
            NominationRule.RECOMMEND_BALLOT_OVER_LIMIT,
            List.of("memberIds"),
            Map.of("names", names, "limit", limit),
            "该推荐票推荐了" + names + "人，多于规定的" + limit + "人，该票无效，不计入推荐结果"));
  }

  /** The last day of a publicity posted on {@code posted} (张贴当日不计). */
  public static LocalDate publicityEnd(
      LocalDate posted, int days, PeriodUnit unit, HolidayCalendar calendar) {
    return unit == PeriodUnit.WORKING_DAYS
        ? calendar.plusWorkdays(posted, days)
        : posted.plusDays(days);
  }

  /** Whether the publicity has run (公示期满): {@code today > end}; an unhandled report also blocks. */
  public static List<Finding> publicityOver(
      LocalDate posted,
      int days,
      PeriodUnit unit,
      HolidayCalendar calendar,
      LocalDate today,
      List<PublicityReport> reports) {
    List<Finding> out = new ArrayList<>();
    if (posted == null) {
      out.add(
          Finding.of(ScheduleRule.PARTY_PUBLICITY_PRELIMINARY_5D, "publicityPosted", "初步人选尚未公示"));
    } else {
      LocalDate end = publicityEnd(posted, days, unit, calendar);
      if (!today.isAfter(end)) {
        out.add(
            new Finding(
                ScheduleRule.PARTY_PUBLICITY_PRELIMINARY_5D,
                List.of("publicityPosted"),
                Map.of(
                    "posted", posted.toString(), "end", end.toString(), "today", today.toString()),
                "初步人选公示期为"
                    + days
                    + unit.suffixZh()
                    + "（"
                    + posted
                    + "张贴，张贴当日不计，公示期至"
                    + end
                    + "），今天为"
                    + today
                    + "，公示期未满"));
      }
    }
    out.addAll(reports(reports));
    return out;
  }

  /** Reports without a recorded handling and outcome (未查核处理的举报). */
  public static List<Finding> reports(List<PublicityReport> reports) {
    List<Finding> out = new ArrayList<>();
    for (PublicityReport r : reports) {
      if (!r.handled()) {
        out.add(
            Finding.of(
                NominationRule.PUBLICITY_REPORT_UNHANDLED,
                "reports[" + r.id() + "]",
                r.receivedOn() + "收到的举报「" + abbreviate(r.content()) + "」尚未记录查核处理情况和结果"));
      }
    }
    return out;
  }

  /** The party branch's eligibility (资格审查), as {@link NomineeEligibility#PARTY_MEMBER_ONE_YEAR}. */
  public static List<Finding> eligibility(
      String name,
      Member m,
      LocalDate electionDay,
      Integer minAge,
      Integer maxAge,
      List<Disqualification> negatives) {
    return eligibility(
        NomineeEligibility.PARTY_MEMBER_ONE_YEAR, name, m, electionDay, minAge, maxAge, negatives);
  }

  /**
   * The eligibility of one nominee on election day (资格审查) under the election kind's rule: for the
   * party branch a vote (full member, rights not suspended, via core {@link Roster#votingRight})
   * and at least 1 year of party age; for direct elections ({@link NomineeEligibility#VOTER}) 18
   * years of age by election day and no party membership. Then the plan's age limits and the
   * negative list.
   */
  public static List<Finding> eligibility(
      NomineeEligibility rule,
      String name,
      Member m,
      LocalDate electionDay,
      Integer minAge,
      Integer maxAge,
      List<Disqualification> negatives) {
    List<Finding> out = new ArrayList<>();
    String field = "nominees[" + name + "]";
    int age = Period.between(m.birthDate(), electionDay).getYears();
    switch (rule) {
      case PARTY_MEMBER_ONE_YEAR -> out.addAll(partyMember(name, field, m, electionDay));
      case VOTER -> {
        if (age < 18) {
          out.add(
              Finding.of(
                  NominationRule.ELIGIBILITY_VOTER_AGE_18,
                  field + ".birthDate",
                  name + "：至选举日" + electionDay + "为" + age + "周岁，未满十八周岁"));
        }
      }
    }
    if (minAge != null && age < minAge) {
      out.add(
          Finding.of(
              NominationRule.ELIGIBILITY_AGE_LIMIT,
              field + ".birthDate",
              name + "：至选举日" + age + "周岁，低于方案规定的" + minAge + "周岁"));
    }
    if (maxAge != null && age > maxAge) {
      out.add(
          Finding.of(
              NominationRule.ELIGIBILITY_AGE_LIMIT,
              field + ".birthDate",
              name + "：至选举日" + age + "周岁，超过方案规定的" + maxAge + "周岁"));
    }
    for (Disqualification d : negatives) {
      out.add(
          Finding.of(
              NominationRule.ELIGIBILITY_NEGATIVE_LIST,
              field,
              name + "：" + d.reason() + "（依据：" + abbreviate(d.evidence()) + "）"));
    }
    return out;
  }

  /** A vote and a year of party age (PARTY.ELIGIBILITY.RIGHT_TO_STAND, PARTY_AGE_1Y). */
  private static List<Finding> partyMember(
      String name, String field, Member m, LocalDate electionDay) {
    List<Finding> out = new ArrayList<>();
    VotingRight vr = Roster.votingRight(m).outcome();
    if (!vr.hasVote()) {
      out.add(
          Finding.of(NominationRule.ELIGIBILITY_RIGHT_TO_STAND, field, name + "：" + vr.reasonZh()));
    }
    if (m.joinDate().plusYears(1).isAfter(electionDay)) {
      Period p = Period.between(m.joinDate(), electionDay);
      out.add(
          Finding.of(
              NominationRule.ELIGIBILITY_PARTY_AGE,
              field + ".joinDate",
              name
                  + "："
                  + m.joinDate()
                  + "入党，至选举日"
                  + electionDay
                  + "党龄"
                  + (p.isNegative() ? "不足1个月" : p.getYears() + "年" + p.getMonths() + "个月")
                  + "，不满1年"));
    }
    return out;
  }

  /** Pairs of close relatives both on the list (近亲属同为候选人). */
  public static List<Finding> relatives(List<Nominee> list, List<Relation> relations) {
    Map<Long, String> names = new LinkedHashMap<>();
    for (Nominee n : list) {
      names.put(n.memberId(), n.name());
    }
    List<Finding> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Relation r : relations) {
      if (names.containsKey(r.memberA()) && names.containsKey(r.memberB()) && seen.add(r.id())) {
        out.add(
            Finding.of(
                NominationRule.AVOIDANCE_RELATIVES,
                "nominees",
                names.get(r.memberA())
                    + "与"
                    + names.get(r.memberB())
                    + "为近亲属（"
                    + r.kind().labelZh()
                    + "），不能同时列为候选人"));
      }
    }
    return out;
  }

  /** Candidates whose close relative is proposed as scrutineer or clerk (warnings). */
  public static List<Finding> staff(
      List<Nominee> candidates, Map<Long, String> staff, List<Relation> relations) {
    List<Finding> out = new ArrayList<>();
    for (Nominee n : candidates) {
      for (Relation r : relations) {
        long other = r.other(n.memberId());
        if (other >= 0 && staff.containsKey(other)) {
          out.add(
              Finding.of(
                  NominationRule.AVOIDANCE_RELATIVE_STAFF,
                  "staff",
                  staff.get(other)
                      + "是候选人"
                      + n.name()
                      + "的近亲属（"
                      + r.kind().labelZh()
                      + "），不宜担任监票人、计票人"));
        }
      }
    }
    return out;
  }

  static String abbreviate(String s) {
    String t = s.strip();
    return t.codePointCount(0, t.length()) > 40
        ? t.substring(0, t.offsetByCodePoints(0, 40)) + "…"
        : t;
  }
}
