package xuanju.core.recall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.profile.Profile;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * Recall thresholds (罢免的票数要求): village — petition by ≥1/5 of voters or ≥1/3 of representatives,
 * more than half of registered voters vote and more than half of those voting approve; county or
 * township deputy — petition by ≥50 / ≥30 voters, more than half of the constituency's voters
 * approve whatever the turnout; deputy elected by a congress — more than half of all deputies.
 */
public final class Recall {
  private Recall() {}

  /**
   * Checks a recall.
   *
   * @throws InvalidInputException for a party profile (no recall vote), or a base count of 0
   */
  public static Decision<RecallResult> check(Profile profile, RecallInput in) {
    List<Step> trail = new ArrayList<>(profile.overrideSteps());
    boolean petition = true;
    boolean passed;
    switch (profile.regime()) {
      case VILLAGE_COMMITTEE, RESIDENTS_COMMITTEE -> {
        boolean village = profile.regime() == xuanju.core.profile.Regime.VILLAGE_COMMITTEE;
        require(in.registered(), "recall.registered");
        if (village && in.petitioners() >= 0) {
          boolean byVoters = in.petitioners() * 5 >= in.registered();
          boolean byReps =
              in.representatives() > 0
                  && in.representativePetitioners() * 3 >= in.representatives();
          petition = byVoters || byReps;
          Map<String, Long> m = new LinkedHashMap<>();
          m.put("petitioners", in.petitioners());
          m.put("registered", in.registered());
          m.put("representativePetitioners", in.representativePetitioners());
          m.put("representatives", in.representatives());
          trail.add(
              new Step(
                  RecallRule.VILLAGE_RECALL_PETITION,
                  m,
                  "petitioners*5 >= registered || repPetitioners*3 >= representatives",
                  petition,
                  "联名"
                      + in.petitioners()
                      + "人（登记村民"
                      + in.registered()
                      + "人的五分之一为"
                      + ceilDiv(in.registered(), 5)
                      + "人）"
                      + (in.representatives() > 0
                          ? "，村民代表联名"
                              + in.representativePetitioners()
                              + "人/"
                              + in.representatives()
                              + "人"
                          : "")
                      + (petition ? "，罢免要求成立" : "，罢免要求不成立")));
        }
        boolean turnout = in.voted() * 2 > in.registered();
        Map<String, Long> t = new LinkedHashMap<>();
        t.put("voted", in.voted());
        t.put("registered", in.registered());
        trail.add(
            new Step(
                village
                    ? RecallRule.VILLAGE_RECALL_TURNOUT_HALF
                    : RecallRule.RESIDENTS_RECALL_TURNOUT_HALF,
                t,
                "voted*2 > registered",
                turnout,
                "参加罢免投票"
                    + in.voted()
                    + "人，"
                    + (turnout ? "超过" : "未超过")
                    + "登记选民"
                    + in.registered()
                    + "人的半数"
                    + (turnout ? "" : "，罢免不成立")));
        boolean yes = false;
        if (turnout) {
          yes = in.yes() * 2 > in.voted();
          Map<String, Long> y = new LinkedHashMap<>();
          y.put("yes", in.yes());
          y.put("voted", in.voted());
          trail.add(
              new Step(
                  village
                      ? RecallRule.VILLAGE_RECALL_YES_HALF_VOTED
                      : RecallRule.RESIDENTS_RECALL_YES_HALF_VOTED,
                  y,
                  "yes*2 > voted",
                  yes,
                  "赞成罢免"
                      + in.yes()
                      + "票，"
                      + (yes ? "超过" : "未超过")
                      + "投票人数"
                      + in.voted()
                      + "人的半数（"
                      + half(in.voted())
                      + "），罢免"
                      + (yes ? "通过" : "未通过")));
        }
        passed = petition && turnout && yes;
      }
      case PEOPLES_CONGRESS_DIRECT -> {
        require(in.registered(), "recall.registered");
        if (in.petitioners() >= 0) {
          long need = in.level() == RecallInput.Level.TOWNSHIP ? 30 : 50;
          petition = in.petitioners() >= need;
          Map<String, Long> m = new LinkedHashMap<>();
          m.put("petitioners", in.petitioners());
          m.put("required", need);
          trail.add(
              new Step(
                  RecallRule.NPC_RECALL_PETITION,
                  m,
                  "petitioners >= " + need,
                  petition,
                  "原选区选民联名"
                      + in.petitioners()
                      + "人，"
                      + (petition ? "达到" : "未达到")
                      + need
                      + "人，罢免要求"
                      + (petition ? "成立" : "不成立")));
        }
        boolean yes = in.yes() * 2 > in.registered();
        Map<String, Long> y = new LinkedHashMap<>();
        y.put("yes", in.yes());
        y.put("registered", in.registered());
        trail.add(
            new Step(
                RecallRule.NPC_RECALL_YES_HALF_REGISTERED,
                y,
                "yes*2 > registered",
                yes,
                "赞成罢免"
                    + in.yes()
                    + "票，"
                    + (yes ? "超过" : "未超过")
                    + "原选区选民"
                    + in.registered()
                    + "人的半数（至少须"
                    + (in.registered() / 2 + 1)
                    + "票），罢免"
                    + (yes ? "通过" : "未通过")));
        passed = petition && yes;
      }
      case PEOPLES_CONGRESS_INDIRECT -> {
        require(in.totalDeputies(), "recall.totalDeputies");
        boolean yes = in.yes() * 2 > in.totalDeputies();
        Map<String, Long> y = new LinkedHashMap<>();
        y.put("yes", in.yes());
        y.put("totalDeputies", in.totalDeputies());
        trail.add(
            new Step(
                RecallRule.NPC_RECALL_YES_HALF_DEPUTIES,
                y,
                "yes*2 > totalDeputies",
                yes,
                "赞成罢免"
                    + in.yes()
                    + "票，"
                    + (yes ? "超过" : "未超过")
                    + "全体代表"
                    + in.totalDeputies()
                    + "人的半数，罢免"
                    + (yes ? "通过" : "未通过")));
        passed = yes;
      }
      default -> throw new InvalidInputException("profile", "规则配置 " + profile.id() + " 不适用罢免表决");
    }
    return new Decision<>(new RecallResult(petition, passed), trail);
  }

  private static void require(long v, String field) {
    if (v <= 0) {
      throw new InvalidInputException(field, "基数须大于0");
    }
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static String half(long n) {
    return n % 2 == 0 ? Long.toString(n / 2) : (n / 2) + ".5";
  }
}
