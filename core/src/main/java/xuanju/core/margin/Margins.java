package xuanju.core.margin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Ratio;
import xuanju.core.profile.Regime;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * Candidate margin calculator (差额计算): the fewest and most candidates allowed for N seats, per
 * profile, stage and post. The minimum is {@code seats + max(ceil(base × ratio), minExtra)}
 * (rounded up, 进一法); the maximum, where the law sets one, is {@code seats + floor(seats ×
 * maxRatio)} (rounded down).
 */
public final class Margins {
  private Margins() {}

  /**
   * The range for committee members / deputies at a stage: {@code range(p, of(stage, MEMBERS,
   * seats))}.
   */
  public static Decision<MarginRange> range(Profile profile, Stage stage, int seats) {
    return range(profile, MarginQuery.of(stage, Post.MEMBERS, seats));
  }

  /**
   * The allowed number of candidates, with its trail (override steps, then the margin rule).
   *
   * @throws InvalidInputException if the post does not exist in the profile's regime, or the
   *     current committee size is needed and missing
   */
  public static Decision<MarginRange> range(Profile profile, MarginQuery q) {
    List<Step> trail = new ArrayList<>(profile.overrideSteps());
    Spec s = spec(profile, q, trail);
    int seats = q.seats();
    long min = seats + s.minExtra;
    // a ratio band can be empty for tiny seat counts (1 seat, 1/5–1/2 → +1…+0): the minimum wins
    OptionalLong max =
        s.maxExtra < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(min, seats + s.maxExtra));
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("seats", (long) seats);
    in.put("base", s.base);
    in.put("min", min);
    in.put("max", max.orElse(-1));
    MarginRange range = new MarginRange(seats, min, max, s.rule.code());
    String text =
        "应选"
            + seats
            + "名，"
            + s.textZh
            + "，候选人数应为"
            + (max.isEmpty() ? "至少" + min + "名" : range.display() + "名");
    trail.add(new Step(s.rule, in, s.test, true, text));
    return new Decision<>(range, trail);
  }

  /**
   * Checks a candidate count against the range: an error finding with the margin rule's code when
   * there are too few or too many (field {@code candidates}).
   */
  public static Findings check(Profile profile, MarginQuery q, long candidates) {
    MarginRange r = range(profile, q).outcome();
    if (r.allows(candidates)) {
      return Findings.none();
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("seats", q.seats());
    facts.put("candidates", candidates);
    facts.put("min", r.min());
    facts.put("max", r.max().isPresent() ? r.max().getAsLong() : "none");
    String msg =
        "应选"
            + q.seats()
            + "名，候选人"
            + candidates
            + "名，"
            + (candidates < r.min() ? "少于最低" + r.min() + "名" : "多于最高" + r.max().getAsLong() + "名");
    Finding f = new Finding(ruleOf(r.ruleCode()), List.of("candidates"), facts, msg);
    return Findings.of(List.of(f));
  }

  private static MarginRule ruleOf(String code) {
    for (MarginRule m : MarginRule.values()) {
      if (m.code().equals(code)) {
        return m;
      }
    }
    throw new IllegalStateException(code);
  }

  private record Spec(
      MarginRule rule, long base, long minExtra, long maxExtra, String test, String textZh) {}

  private static Spec ratioSpec(
      MarginRule rule, long base, Ratio min, long minExtraFloor, Optional<Ratio> max, int seats) {
    long extra = Math.max(min.ceilOf(base), minExtraFloor);
    long maxExtra = max.map(m -> m.floorOf(seats)).orElse(-1L);
    String test =
        "candidates >= seats + max(ceil(base*"
            + min
            + "), "
            + minExtraFloor
            + ")"
            + max.map(m -> " && candidates <= seats + floor(seats*" + m + ")").orElse("");
    String zh;
    if (min.numerator() == 0) {
      zh = "候选人数应多于应选人数（至少多" + minExtraFloor + "名）";
    } else {
      zh =
          "差额不少于"
              + (base == seats ? "应选人数" : "基数" + base + "名")
              + "的"
              + min.zh()
              + "（进一，即"
              + extra
              + "名）"
              + max.map(m -> "，不多于应选人数的" + m.zh() + "（去尾，即" + maxExtra + "名）").orElse("");
    }
    return new Spec(rule, base, extra, maxExtra, test, zh);
  }

  private static Spec fixed(MarginRule rule, int seats, long minExtra, long maxExtra, String zh) {
    String test =
        "candidates >= seats + "
            + minExtra
            + (maxExtra < 0 ? "" : " && candidates <= seats + " + maxExtra);
    return new Spec(rule, seats, minExtra, maxExtra, test, zh);
  }

  private static Spec spec(Profile p, MarginQuery q, List<Step> trail) {
    int seats = q.seats();
    Regime r = p.regime();
    Post post = q.post();
    switch (r) {
      case PARTY_GRASSROOTS -> {
        if (post == Post.OFFICERS) {
          if (p.flag(Param.OFFICERS_UNCONTESTED)) {
            return fixed(
                MarginRule.PARTY_MARGIN_OFFICERS_UNCONTESTED, seats, 0, -1, "书记、副书记可以等额选举");
          }
          return ratioSpec(
              MarginRule.PARTY_MARGIN_MEMBERS,
              seats,
              p.ratio(Param.MARGIN_FORMAL),
              1,
              Optional.empty(),
              seats);
        }
        if (post == Post.DELEGATES) {
          return ratioSpec(
              MarginRule.PARTY_MARGIN_DELEGATES,
              seats,
              p.ratio(Param.MARGIN_DELEGATES),
              p.integer(Param.MARGIN_MIN_EXTRA),
              Optional.empty(),
              seats);
        }
        if (post != Post.MEMBERS && post != Post.STANDING) {
          throw unsupported(p, post);
        }
        long base = seats;
        if (p.choice(Param.MARGIN_BASE).equals("CURRENT_COMMITTEE")) {
          if (q.currentCommitteeSize() <= 0) {
            throw new InvalidInputException("currentCommitteeSize", "按现有委员人数计算差额时须提供现有委员人数");
          }
          base = q.currentCommitteeSize();
          Map<String, Long> in = new LinkedHashMap<>();
          in.put("seats", (long) seats);
          in.put("currentCommitteeSize", base);
          trail.add(
              new Step(
                  MarginRule.PARTY_MARGIN_CURRENT_COMMITTEE_BASE,
                  in,
                  "base = currentCommitteeSize",
                  true,
                  "按本地方案以现有委员" + base + "名为基数计算差额"));
        }
        MarginRule rule;
        Param ratio;
        switch (q.stage()) {
          case PRELIMINARY -> {
            rule = MarginRule.PARTY_MARGIN_PRELIMINARY;
            ratio = Param.MARGIN_PRELIMINARY;
          }
          case PRE_CANDIDATES -> {
            rule = MarginRule.PARTY_MARGIN_PRE_CANDIDATES;
            ratio = Param.MARGIN_PRE_CANDIDATES;
          }
          case BY_ELECTION -> {
            return ratioSpec(
                MarginRule.PARTY_MARGIN_BY_ELECTION,
                base,
                p.ratio(Param.MARGIN_FORMAL),
                1,
                Optional.empty(),
                seats);
          }
          default -> {
            rule = MarginRule.PARTY_MARGIN_MEMBERS;
            ratio = Param.MARGIN_FORMAL;
          }
        }
        return ratioSpec(
            rule, base, p.ratio(ratio), p.integer(Param.MARGIN_MIN_EXTRA), Optional.empty(), seats);
      }
      case PARTY_LOCAL -> {
        return switch (post) {
          case OFFICERS ->
              p.flag(Param.OFFICERS_UNCONTESTED)
                  ? fixed(
                      MarginRule.PARTY_LOCAL_MARGIN_OFFICERS_UNCONTESTED,
                      seats,
                      0,
                      0,
                      "书记、副书记实行等额选举")
                  : ratioSpec(
                      MarginRule.PARTY_LOCAL_MARGIN_MEMBERS,
                      seats,
                      p.ratio(Param.MARGIN_FORMAL),
                      1,
                      Optional.empty(),
                      seats);
          case STANDING -> {
            long lo = p.integer(Param.MARGIN_STANDING_EXTRA_MIN);
            long hi = p.integer(Param.MARGIN_STANDING_EXTRA_MAX);
            yield fixed(
                MarginRule.PARTY_LOCAL_MARGIN_STANDING,
                seats,
                lo,
                hi,
                "常委候选人比应选人数多" + lo + "至" + hi + "人");
          }
          case DELEGATES ->
              ratioSpec(
                  MarginRule.PARTY_LOCAL_MARGIN_DELEGATES,
                  seats,
                  p.ratio(Param.MARGIN_DELEGATES),
                  p.integer(Param.MARGIN_MIN_EXTRA),
                  Optional.empty(),
                  seats);
          case MEMBERS ->
              ratioSpec(
                  MarginRule.PARTY_LOCAL_MARGIN_MEMBERS,
                  seats,
                  p.ratio(Param.MARGIN_FORMAL),
                  p.integer(Param.MARGIN_MIN_EXTRA),
                  Optional.empty(),
                  seats);
          default -> throw unsupported(p, post);
        };
      }
      case PEOPLES_CONGRESS_DIRECT, PEOPLES_CONGRESS_INDIRECT -> {
        boolean direct = r == Regime.PEOPLES_CONGRESS_DIRECT;
        Optional<Ratio> max = p.optionalRatio(Param.MARGIN_FORMAL_MAX);
        if (!direct) {
          switch (post) {
            case CHIEF -> {
              return fixed(MarginRule.NPC_MARGIN_CHIEF, seats, 0, 1, "正职候选人一般应多一人，也可以等额");
            }
            case DEPUTY_CHIEF -> {
              return fixed(MarginRule.NPC_MARGIN_DEPUTY_CHIEF, seats, 1, 3, "副职候选人应比应选人数多一人至三人");
            }
            case STANDING -> {
              return ratioSpec(
                  MarginRule.NPC_MARGIN_STANDING,
                  seats,
                  Ratio.of(1, 10),
                  0,
                  Optional.of(Ratio.of(1, 5)),
                  seats);
            }
            default -> {}
          }
        }
        if (post != Post.MEMBERS && post != Post.DELEGATES) {
          throw unsupported(p, post);
        }
        if (q.stage() == Stage.BY_ELECTION) {
          long maxExtra = max.map(m -> m.floorOf(seats)).orElse(-1L);
          return fixed(MarginRule.NPC_MARGIN_BY_ELECTION, seats, 0, maxExtra, "补选可以等额");
        }
        return ratioSpec(
            direct ? MarginRule.NPC_MARGIN_DIRECT : MarginRule.NPC_MARGIN_INDIRECT,
            seats,
            p.ratio(Param.MARGIN_FORMAL),
            p.integer(Param.MARGIN_MIN_EXTRA),
            max,
            seats);
      }
      default -> {
        if (post != Post.MEMBERS) {
          throw unsupported(p, post);
        }
        return ratioSpec(
            r == Regime.VILLAGE_COMMITTEE
                ? MarginRule.VILLAGE_MARGIN_MORE_THAN_SEATS
                : MarginRule.RESIDENTS_MARGIN_MORE_THAN_SEATS,
            seats,
            p.ratio(Param.MARGIN_FORMAL),
            p.integer(Param.MARGIN_MIN_EXTRA),
            p.optionalRatio(Param.MARGIN_FORMAL_MAX),
            seats);
      }
    }
  }

  private static InvalidInputException unsupported(Profile p, Post post) {
    return new InvalidInputException("post", "规则配置 " + p.id() + " 没有职位类别 " + post + " 的差额规则");
  }
}
