package xuanju.core.quorum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Ratio;
import xuanju.core.profile.Regime;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Step;

/**
 * Quorum, turnout and ballot-count checks (到会人数、参加投票人数、收回选票数的检查).
 *
 * <ul>
 *   <li>Party: {@code present × d > expected × n} (4/5 grassroots, 1/2 local; plenum 4/5 or 2/3);
 *       with {@code quorumAllowExact} the test is {@code ≥}.
 *   <li>Direct, village, residents: turnout {@code returned × 2 > registered}.
 *   <li>Indirect: {@code present × 3 ≥ totalDeputies × 2}.
 *   <li>All: ballots returned ≤ ballots issued, otherwise the round is void.
 * </ul>
 */
public final class Quorum {
  private Quorum() {}

  /**
   * Checks the quorum (or turnout) of a meeting. The trail starts with the profile's override
   * steps.
   *
   * @throws InvalidInputException if a base count needed by the regime is 0, or a plenum is asked
   *     of a non-party profile
   */
  public static Decision<QuorumCheck> check(Profile profile, Meeting meeting, Electorate e) {
    List<Step> trail = new ArrayList<>(profile.overrideSteps());
    Step step = step(profile, meeting, e);
    trail.add(step);
    return new Decision<>(toCheck(step), trail);
  }

  /** Checks ballots returned ≤ ballots issued (rule {@code ROUND.BALLOTS.RETURNED_LE_ISSUED}). */
  public static Decision<QuorumCheck> checkBallotsReturned(Profile profile, Electorate e) {
    List<Step> trail = new ArrayList<>(profile.overrideSteps());
    Step step = ballotsStep(e);
    trail.add(step);
    return new Decision<>(toCheck(step), trail);
  }

  private static QuorumCheck toCheck(Step s) {
    Map<String, Long> in = s.inputs();
    return new QuorumCheck(
        s.passed(), in.get("actual"), in.get("base"), in.get("minimum"), s.code());
  }

  /** The ballot-count step, for engines composing their own trail. */
  public static Step ballotsStep(Electorate e) {
    boolean ok = e.ballotsReturned() <= e.ballotsIssued();
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("actual", e.ballotsReturned());
    in.put("base", e.ballotsIssued());
    in.put("minimum", e.ballotsIssued());
    String text =
        "收回选票"
            + e.ballotsReturned()
            + "张，发出选票"
            + e.ballotsIssued()
            + "张，"
            + (ok ? "收回数不多于发出数，本轮投票有效" : "收回数多于发出数，本轮选举无效，应重新投票");
    return new Step(QuorumRule.ROUND_RETURNED_LE_ISSUED, in, "returned <= issued", ok, text);
  }

  /** The quorum or turnout step, for engines composing their own trail. */
  public static Step step(Profile profile, Meeting meeting, Electorate e) {
    Regime r = profile.regime();
    boolean plenum = meeting == Meeting.PLENUM;
    if (plenum && !profile.has(Param.PLENUM_QUORUM_RATIO)) {
      throw new InvalidInputException("meeting", "规则配置 " + profile.id() + " 没有委员会全体会议的到会要求");
    }
    Ratio ratio = profile.ratio(plenum ? Param.PLENUM_QUORUM_RATIO : Param.QUORUM_RATIO);
    boolean exact =
        profile.flag(plenum ? Param.PLENUM_QUORUM_ALLOW_EXACT : Param.QUORUM_ALLOW_EXACT);
    long actual;
    long base;
    String actualZh;
    String baseZh;
    String actualName;
    String baseName;
    String baseUnitZh = "人";
    Rule rule;
    switch (r) {
      case PARTY_GRASSROOTS, PARTY_LOCAL -> {
        actual = e.present();
        base = e.expected();
        actualName = "present";
        baseName = "expected";
        actualZh = plenum ? "到会委员" : "实到会有选举权人数";
        baseZh = plenum ? "应到会委员" : "应到会人数";
        if (r == Regime.PARTY_GRASSROOTS) {
          rule = plenum ? QuorumRule.PARTY_QUORUM_PLENUM : QuorumRule.PARTY_QUORUM_4_5;
        } else {
          rule =
              plenum
                  ? QuorumRule.PARTY_LOCAL_QUORUM_PLENUM_2_3
                  : QuorumRule.PARTY_LOCAL_QUORUM_HALF;
        }
        require(base, "electorate.expected", "应到会人数");
      }
      case PEOPLES_CONGRESS_INDIRECT -> {
        actual = e.present();
        base = e.totalDeputies();
        actualName = "present";
        baseName = "totalDeputies";
        actualZh = "出席代表";
        baseZh = "全体代表";
        rule = QuorumRule.NPC_QUORUM_2_3;
        require(base, "electorate.totalDeputies", "全体代表人数");
      }
      default -> {
        actual = e.ballotsReturned();
        base = e.registered();
        actualName = "voted";
        baseName = "registered";
        actualZh = "参加投票人数";
        baseZh = e.registeredZh();
        baseUnitZh = e.registeredUnitZh();
        rule =
            switch (r) {
              case VILLAGE_COMMITTEE -> QuorumRule.VILLAGE_TURNOUT_HALF;
              case RESIDENTS_COMMITTEE -> QuorumRule.RESIDENTS_TURNOUT_HALF;
              default -> QuorumRule.NPC_TURNOUT_HALF;
            };
        require(base, "electorate.registered", baseZh);
      }
    }
    boolean ok = exact ? ratio.reachedBy(actual, base) : ratio.exceededBy(actual, base);
    long minimum = exact ? ratio.ceilOf(base) : ratio.floorOf(base) + 1;
    String op = exact ? ">=" : ">";
    String test =
        actualName
            + "*"
            + ratio.denominator()
            + " "
            + op
            + " "
            + baseName
            + "*"
            + ratio.numerator();
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("actual", actual);
    in.put("base", base);
    in.put("minimum", minimum);
    String cmp = exact ? "达到" : "超过";
    String text =
        actualZh
            + actual
            + "人，"
            + baseZh
            + base
            + baseUnitZh
            + "，"
            + (ok ? "" : "未")
            + cmp
            + baseZh
            + "的"
            + ratio.zh()
            + "（至少须"
            + minimum
            + "人），"
            + (ok ? "会议（投票）有效" : "会议（投票）无效，不能进行（或确认）选举");
    return new Step(rule, in, test, ok, text);
  }

  private static void require(long v, String field, String zh) {
    if (v <= 0) {
      throw new InvalidInputException(field, zh + "须大于0");
    }
  }
}
