package xuanju.core.nomination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Checks the nominations of one district's contest (选区代表候选人推荐审核), 选举法第三十条, in the order they were
 * made:
 *
 * <ul>
 *   <li>a nomination names its parties or organisations, or its voters ({@link
 *       NominationRule#NO_NOMINATOR});
 *   <li>a joint nomination has ten or more different voters registered in the district ({@link
 *       NominationRule#TOO_FEW_VOTERS}, {@link NominationRule#NOMINATOR_NOT_DISTRICT_VOTER}, {@link
 *       NominationRule#NOMINATOR_REPEATED});
 *   <li>each party or organisation, alone or jointly, and each voter takes part in no more
 *       nominations than the district has seats ({@link NominationRule#ORGANISATION_OVER_SEATS},
 *       {@link NominationRule#VOTER_OVER_SEATS}): the nomination that would exceed is refused, the
 *       earlier ones stand, and a refused nomination does not count;
 *   <li>a nominee who has not yet accepted is recorded with a warning ({@link
 *       NominationRule#NOT_ACCEPTED}).
 * </ul>
 *
 * Field paths are {@code nominations[i].…}. Pure: the district's register is asked through {@code
 * isDistrictVoter}.
 */
public final class CongressNominations {
  /** 十人以上联名. */
  public static final int MIN_JOINT_VOTERS = 10;

  private CongressNominations() {}

  /**
   * Checks every nomination of the contest.
   *
   * @param seats the district's seats in this contest (应选代表名额), at least 1
   * @param isDistrictVoter whether a resident ID number is a listed voter of the district
   */
  public static List<NominationCheck> checkAll(
      List<CongressNomination> nominations, int seats, Predicate<String> isDistrictVoter) {
    if (seats < 1) {
      throw new InvalidInputException("seats", "应选代表名额至少为1名，实为" + seats);
    }
    if (nominations == null) {
      throw new InvalidInputException("nominations", "缺少推荐");
    }
    Map<String, Integer> byOrganisation = new HashMap<>();
    Map<String, Integer> byVoter = new HashMap<>();
    List<NominationCheck> out = new ArrayList<>(nominations.size());
    for (int i = 0; i < nominations.size(); i++) {
      CongressNomination n = nominations.get(i);
      if (n == null) {
        throw new InvalidInputException("nominations[" + i + "]", "缺少推荐");
      }
      out.add(check(n, "nominations[" + i + "]", seats, isDistrictVoter, byOrganisation, byVoter));
    }
    return List.copyOf(out);
  }

  private static NominationCheck check(
      CongressNomination n,
      String path,
      int seats,
      Predicate<String> isDistrictVoter,
      Map<String, Integer> byOrganisation,
      Map<String, Integer> byVoter) {
    String who = n.nomineeName();
    List<Finding> errors = new ArrayList<>();
    Set<String> organisations = new LinkedHashSet<>();
    for (String o : n.organisations()) {
      if (o != null && !o.isBlank()) {
        organisations.add(o.strip());
      }
    }
    Set<String> voters = new LinkedHashSet<>();
    if (organisations.isEmpty() && n.nominators().isEmpty()) {
      errors.add(
          new Finding(
              NominationRule.NO_NOMINATOR,
              List.of(path + ".nominators"),
              Map.of(),
              "推荐" + who + "为代表候选人，须写明推荐的政党、人民团体，或者联名推荐的选民"));
    } else if (n.byVoters()) {
      errors.addAll(voterFindings(n, path, isDistrictVoter, voters));
    }
    if (errors.isEmpty()) {
      for (String o : organisations) {
        int before = byOrganisation.getOrDefault(o, 0);
        if (before >= seats) {
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("organisation", o);
          f.put("earlier", before);
          f.put("seats", seats);
          errors.add(
              new Finding(
                  NominationRule.ORGANISATION_OVER_SEATS,
                  List.of(path + ".organisations"),
                  f,
                  o
                      + "在本选区已推荐"
                      + before
                      + "名代表候选人，本选区应选"
                      + seats
                      + "名，不能再推荐"
                      + who
                      + "（各政党、各人民团体联合或者单独推荐的人数不得超过应选名额）"));
        }
      }
      List<String> over = new ArrayList<>();
      for (String v : voters) {
        if (byVoter.getOrDefault(v, 0) >= seats) {
          over.add(ResidentIds.mask(v));
        }
      }
      if (!over.isEmpty()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("voters", List.copyOf(over));
        f.put("seats", seats);
        errors.add(
            new Finding(
                NominationRule.VOTER_OVER_SEATS,
                List.of(path + ".nominators"),
                f,
                over.size()
                    + "名联名人（"
                    + String.join("、", over)
                    + "）在本选区已参加联名推荐"
                    + seats
                    + "名代表候选人，达到应选名额"
                    + seats
                    + "名，不能再联名推荐"
                    + who));
      }
    }
    if (!errors.isEmpty()) {
      return new NominationCheck(n, Findings.of(errors));
    }
    organisations.forEach(o -> byOrganisation.merge(o, 1, Integer::sum));
    voters.forEach(v -> byVoter.merge(v, 1, Integer::sum));
    List<Finding> all = new ArrayList<>();
    if (n.byVoters()) {
      all.add(
          new Finding(
              NominationRule.BY_VOTERS,
              List.of(path + ".nominators"),
              Map.of("voters", voters.size()),
              "本选区选民" + voters.size() + "人联名推荐" + who + "为代表候选人（十人以上联名）"));
    } else {
      all.add(
          new Finding(
              NominationRule.BY_ORGANISATIONS,
              List.of(path + ".organisations"),
              Map.of("organisations", List.copyOf(organisations)),
              String.join("、", organisations)
                  + (organisations.size() > 1 ? "联合" : "")
                  + "推荐"
                  + who
                  + "为代表候选人"));
    }
    if (!n.accepted()) {
      all.add(
          new Finding(
              NominationRule.NOT_ACCEPTED,
              List.of(path + ".accepted"),
              Map.of(),
              who + "尚未表示接受推荐；列入代表候选人名单前，须本人接受推荐并如实提供个人身份、简历等基本情况"));
    }
    return new NominationCheck(n, Findings.of(all));
  }

  private static List<Finding> voterFindings(
      CongressNomination n, String path, Predicate<String> isDistrictVoter, Set<String> voters) {
    String who = n.nomineeName();
    List<Finding> out = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (String raw : n.nominators()) {
      String id = raw == null ? "" : ResidentIds.normalise(raw);
      if (id.isEmpty()) {
        continue;
      }
      if (!voters.add(id)) {
        repeated.add(ResidentIds.mask(id));
      } else if (!isDistrictVoter.test(id)) {
        outside.add(ResidentIds.mask(id));
      }
    }
    if (!repeated.isEmpty()) {
      out.add(
          new Finding(
              NominationRule.NOMINATOR_REPEATED,
              List.of(path + ".nominators"),
              Map.of("repeated", List.copyOf(repeated)),
              "联名推荐" + who + "的选民中，" + String.join("、", repeated) + "重复签名（每人只能签名一次）"));
    }
    if (!outside.isEmpty()) {
      out.add(
          new Finding(
              NominationRule.NOMINATOR_NOT_DISTRICT_VOTER,
              List.of(path + ".nominators"),
              Map.of("outside", List.copyOf(outside)),
              "联名推荐"
                  + who
                  + "的"
                  + outside.size()
                  + "人不是本选区登记在册的选民（"
                  + String.join("、", outside)
                  + "），联名推荐人须是本选区选民"));
    }
    int counted = voters.size() - outside.size();
    if (counted < MIN_JOINT_VOTERS) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("voters", counted);
      f.put("minimum", MIN_JOINT_VOTERS);
      out.add(
          new Finding(
              NominationRule.TOO_FEW_VOTERS,
              List.of(path + ".nominators"),
              f,
              "联名推荐" + who + "的本选区选民只有" + counted + "人，选民联名推荐代表候选人须十人以上"));
    }
    return out;
  }

  /**
   * Checks a meeting of candidates with voters (代表候选人与选民见面), 选举法第三十四条: on a day before election
   * day, when introductions still may be given.
   */
  public static Findings checkMeeting(java.time.LocalDate heldOn, java.time.LocalDate electionDay) {
    if (heldOn == null) {
      throw new InvalidInputException("heldOn", "见面日期：不能为空");
    }
    if (electionDay == null) {
      throw new InvalidInputException("electionDay", "缺少选举日");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("heldOn", heldOn.toString());
    f.put("electionDay", electionDay.toString());
    if (!heldOn.isBefore(electionDay)) {
      return Findings.of(
          List.of(
              new Finding(
                  NominationRule.INTRODUCTION_ON_ELECTION_DAY,
                  List.of("heldOn"),
                  f,
                  "见面日期"
                      + heldOn
                      + (heldOn.isEqual(electionDay) ? "是选举日" : "在选举日" + electionDay + "之后")
                      + "：选举日必须停止代表候选人的介绍（选举法第三十四条）")));
    }
    return Findings.of(
        List.of(
            new Finding(
                NominationRule.MEETING,
                List.of("heldOn"),
                f,
                "代表候选人于" + heldOn + "与选民见面，介绍本人情况、回答选民的问题（选举日" + electionDay + "以前）")));
  }
}
