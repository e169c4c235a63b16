package xuanju.core.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import xuanju.core.community.ElectorateMode.RollEntry;
import xuanju.core.quorum.Electorate;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * The electorate of a residents' committee election under one of the three lawful ways ({@link
 * ElectorateMode}): the representatives' validity (one per household; two or three per group), the
 * turnout base handed to {@code quorum.Quorum} (over half must vote, {@code
 * RESIDENTS.TURNOUT.HALF}) and check-in.
 */
public final class Electorates {
  private Electorates() {}

  /**
   * The roll, the mode and the representatives (empty for {@link ElectorateMode#ALL_VOTERS}).
   *
   * @throws InvalidInputException if a voter appears twice on the roll
   */
  public record Input(ElectorateMode mode, List<RollEntry> roll, Set<String> representatives) {
    public Input {
      java.util.Objects.requireNonNull(mode, "mode");
      roll = List.copyOf(roll);
      representatives = Set.copyOf(representatives);
      Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < roll.size(); i++) {
        if (!seen.add(roll.get(i).voterId())) {
          throw new InvalidInputException(
              "roll[" + i + "].voterId", "选民名册中人员重复：" + roll.get(i).name());
        }
      }
    }

    RollEntry entry(String voterId) {
      return roll.stream().filter(e -> e.voterId().equals(voterId)).findFirst().orElse(null);
    }
  }

  /** Checks the representatives against the mode; the notice names the mode. */
  public static Findings validate(Input in) {
    List<Finding> out = new ArrayList<>();
    ElectorateMode mode = in.mode();
    out.add(
        new Finding(
            CommunityRule.ELECTORATE_MODE,
            List.of("mode"),
            Map.of("base", turnoutBase(in)),
            "本次采用"
                + mode.labelZh()
                + "：选举人为"
                + mode.electorsZh()
                + "，参加投票人数以"
                + mode.turnoutBaseZh()
                + "（"
                + turnoutBase(in)
                + "）为基数，须过半数；"
                + mode.checkInZh()));
    if (mode == ElectorateMode.ALL_VOTERS) {
      return Findings.of(out);
    }
    boolean household = mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES;
    List<String> unknown =
        in.roll().stream()
            .filter(e -> (household ? e.householdId() : e.groupId()).isEmpty())
            .map(RollEntry::name)
            .toList();
    if (!unknown.isEmpty()) {
      out.add(
          new Finding(
              CommunityRule.ELECTORATE_UNIT_KNOWN,
              List.of(household ? "household" : "group"),
              Map.of("unknown", unknown.size()),
              "登记参加选举的居民中有"
                  + unknown.size()
                  + "人没有"
                  + (household ? "户号" : "居民小组")
                  + "（"
                  + String.join("、", unknown.subList(0, Math.min(5, unknown.size())))
                  + (unknown.size() > 5 ? "等" : "")
                  + "），请先在居民信息中补录"));
    }
    Set<String> onRoll = new java.util.HashSet<>();
    in.roll().forEach(e -> onRoll.add(e.voterId()));
    for (String id : new java.util.TreeSet<>(in.representatives())) {
      if (!onRoll.contains(id)) {
        out.add(
            Finding.of(
                CommunityRule.ELECTORATE_NOT_ON_ROLL,
                "representatives",
                "代表" + id + "不是登记参加选举的居民"));
      }
    }
    Map<String, List<String>> byUnit = new TreeMap<>();
    if (!household) {
      in.roll().stream()
          .filter(e -> !e.groupId().isEmpty())
          .forEach(e -> byUnit.putIfAbsent(e.groupId(), new ArrayList<>()));
    }
    for (RollEntry e : in.roll()) {
      if (in.representatives().contains(e.voterId())
          && !(household ? e.householdId() : e.groupId()).isEmpty()) {
        byUnit
            .computeIfAbsent(household ? e.householdId() : e.groupId(), k -> new ArrayList<>())
            .add(e.name());
      }
    }
    for (Map.Entry<String, List<String>> u : byUnit.entrySet()) {
      int n = u.getValue().size();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put(household ? "household" : "group", u.getKey());
      facts.put("representatives", n);
      if (household && n > 1) {
        out.add(
            new Finding(
                CommunityRule.ELECTORATE_HOUSEHOLD_ONE,
                List.of("representatives"),
                facts,
                "户"
                    + u.getKey()
                    + "确定了"
                    + n
                    + "名户代表（"
                    + String.join("、", u.getValue())
                    + "），每户只能一名"));
      }
      if (!household && (n < 2 || n > 3)) {
        out.add(
            new Finding(
                CommunityRule.ELECTORATE_GROUP_2_3,
                List.of("representatives"),
                facts,
                "居民小组" + u.getKey() + "选出代表" + n + "人，应为二至三人"));
      }
    }
    return Findings.of(out);
  }

  /**
   * The turnout base: all voters on the roll; the households on the roll; or the group
   * representatives on the roll.
   */
  public static long turnoutBase(Input in) {
    return switch (in.mode()) {
      case ALL_VOTERS -> in.roll().size();
      case HOUSEHOLD_REPRESENTATIVES ->
          in.roll().stream().map(RollEntry::householdId).distinct().count();
      case GROUP_REPRESENTATIVES ->
          in.roll().stream().filter(e -> in.representatives().contains(e.voterId())).count();
    };
  }

  /** The head counts for {@code quorum.Quorum.check} with the residents' profile. */
  public static Electorate electorate(Input in, long ballotsIssued, long ballotsReturned) {
    ElectorateMode.TrailBase base = in.mode().baseInTrailZh();
    return Electorate.direct(
        turnoutBase(in), base.labelZh(), base.unitZh(), ballotsIssued, ballotsReturned);
  }

  /**
   * A check-in attempt (签到领票).
   *
   * @param admitted whether a ballot is issued
   * @param key the key to add to the checked-in set when admitted (voter or household)
   * @param findings why not
   */
  public record CheckIn(boolean admitted, String key, Findings findings) {}

  /**
   * Whether the voter gets a ballot: on the roll, an elector under the mode (the household's
   * representative, if one was named; a group representative), and not yet checked in (for
   * households: no one of the household yet).
   *
   * @param checkedIn the keys of earlier admitted check-ins ({@link ElectorateMode#checkInKey})
   */
  public static CheckIn checkIn(Input in, Set<String> checkedIn, String voterId) {
    RollEntry e = in.entry(voterId);
    if (e == null) {
      return refuse(null, CommunityRule.ELECTORATE_NOT_ON_ROLL, voterId + "不是登记参加选举的居民");
    }
    String key = in.mode().checkInKey(e);
    boolean elector =
        switch (in.mode()) {
          case ALL_VOTERS -> true;
          case HOUSEHOLD_REPRESENTATIVES ->
              in.representatives().contains(voterId)
                  || in.roll().stream()
                      .noneMatch(
                          o ->
                              o.householdId().equals(e.householdId())
                                  && in.representatives().contains(o.voterId()));
          case GROUP_REPRESENTATIVES -> in.representatives().contains(voterId);
        };
    if (!elector) {
      return refuse(
          key,
          CommunityRule.ELECTORATE_NOT_ELECTOR,
          e.name()
              + (in.mode() == ElectorateMode.HOUSEHOLD_REPRESENTATIVES
                  ? "不是本户确定的户代表"
                  : "不是居民小组选出的代表")
              + "，不能领取选票");
    }
    if (checkedIn.contains(key)) {
      return refuse(
          key,
          CommunityRule.ELECTORATE_ALREADY_CHECKED_IN,
          in.mode() == ElectorateMode.HOUSEHOLD_REPRESENTATIVES
              ? e.name() + "所在户（" + e.householdId() + "）已有人签到领票"
              : e.name() + "已经签到领票");
    }
    return new CheckIn(true, key, Findings.none());
  }

  private static CheckIn refuse(String key, CommunityRule rule, String messageZh) {
    return new CheckIn(false, key, Findings.of(List.of(Finding.of(rule, "voterId", messageZh))));
  }
}
