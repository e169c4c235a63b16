package xuanju.core.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * The comparison with the previous term (与上届比较, seed 002 三（四）): the 两委 team's share with 大专（含大专）以上
 * ({@link CommunityRule#COLLEGE_ABOVE_PREVIOUS}, ST-03) and the residents' committee's share of
 * party members ({@link CommunityRule#PARTY_ABOVE_PREVIOUS}, ST-04) must each be higher than the
 * previous term's. Shares are compared as exact fractions by cross-multiplication: an equal share
 * (3/7 against 3/7, or 2/4 against 1/2) is not higher. Without the previous term's figures the
 * comparison says so and is a warning, never a silent pass.
 */
public final class PreviousTerms {
  private PreviousTerms() {}

  /**
   * A count within a whole (人数与其中符合条件的人数), e.g. 7 members of whom 3 with 大专 or above.
   *
   * @param part those counted, 0 ≤ part ≤ whole
   * @param whole all members
   */
  public record Count(int part, int whole) {
    /** {@code 3/7（43%）}, or {@code 0/0} when there is nobody. */
    public String shareZh() {
      return whole == 0 ? "0/0" : TwoCommitteesSummary.share(part, whole);
    }
  }

  /**
   * The previous term's figures as recorded by the organising staff (上届班子情况); either pair may be
   * missing.
   *
   * @param team the 两委 team (distinct persons on both committees) and those with 大专 or above
   * @param residents the residents' committee and its party members
   */
  public record Figures(Optional<Count> team, Optional<Count> residents) {
    public static final Figures NONE = new Figures(Optional.empty(), Optional.empty());

    /** Whether nothing is recorded. */
    public boolean isEmpty() {
      return team.isEmpty() && residents.isEmpty();
    }

    /**
     * Reads the four numbers of the form; a pair left empty is not recorded, a pair half filled, a
     * negative count, a whole of 0 or a part above its whole is refused with the field named.
     *
     * @throws InvalidInputException naming the field in Chinese
     */
    public static Figures of(
        Integer teamSize, Integer teamCollege, Integer residentsSize, Integer residentsParty) {
      Optional<Count> t =
          pair(
              teamSize,
              "previousTeamSize",
              "上届“两委”班子成员人数",
              teamCollege,
              "previousTeamCollege",
              "上届“两委”班子成员中大专（含大专）以上文化程度人数");
      Optional<Count> r =
          pair(
              residentsSize,
              "previousResidentsSize",
              "上届居民委员会成员人数",
              residentsParty,
              "previousResidentsParty",
              "上届居民委员会成员中党员人数");
      if (t.isEmpty() && r.isEmpty()) {
        throw new InvalidInputException("previousTeamSize", "请填写上届“两委”班子或居民委员会的人数");
      }
      return new Figures(t, r);
    }

    private static Optional<Count> pair(
        Integer whole,
        String wholeField,
        String wholeZh,
        Integer part,
        String partField,
        String partZh) {
      if (whole == null && part == null) {
        return Optional.empty();
      }
      if (whole == null) {
        throw new InvalidInputException(wholeField, "已填写" + partZh + "，请同时填写" + wholeZh);
      }
      if (part == null) {
        throw new InvalidInputException(partField, "已填写" + wholeZh + "，请同时填写" + partZh);
      }
      if (whole < 1) {
        throw new InvalidInputException(wholeField, wholeZh + "应大于0，实际为" + whole);
      }
      if (part < 0) {
        throw new InvalidInputException(partField, partZh + "不能为负数，实际为" + part);
      }
      if (part > whole) {
        throw new InvalidInputException(
            partField, partZh + "（" + part + "人）不能多于" + wholeZh + "（" + whole + "人）");
      }
      return Optional.of(new Count(part, whole));
    }
  }

  /** The outcome of one comparison. */
  public enum Verdict {
    HIGHER("高于上届"),
    NOT_HIGHER("未高于上届"),
    NO_PREVIOUS("未登记上届人数，不能判断是否高于上届"),
    NO_CURRENT("本届尚未产生，不能与上届比较");

    private final String labelZh;

    Verdict(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  /**
   * One comparison with its numbers and verdict.
   *
   * @param rule the rule applied
   * @param current this term's count
   * @param previous the previous term's, if recorded
   * @param verdict higher, not higher, or not decidable (and why)
   * @param messageZh the numbers and the verdict in words
   */
  public record Comparison(
      CommunityRule rule,
      Count current,
      Optional<Count> previous,
      Verdict verdict,
      String messageZh) {
    /** Whether the share is higher than the previous term's. */
    public boolean met() {
      return verdict == Verdict.HIGHER;
    }

    /** A warning of the rule unless met: not higher, or not decidable. */
    public Optional<Finding> finding() {
      if (met()) {
        return Optional.empty();
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("part", current.part());
      facts.put("whole", current.whole());
      previous.ifPresent(
          p -> {
            facts.put("previousPart", p.part());
            facts.put("previousWhole", p.whole());
          });
      facts.put("verdict", verdict.name());
      return Optional.of(new Finding(rule, List.of(field(rule)), facts, messageZh));
    }
  }

  private static String field(CommunityRule rule) {
    return rule == CommunityRule.COLLEGE_ABOVE_PREVIOUS ? "team" : "residents";
  }

  /** Whether a/b is higher than c/d (b, d &gt; 0), exactly: a·d &gt; c·b. */
  public static boolean higher(Count now, Count before) {
    if (now.whole() <= 0 || before.whole() <= 0) {
      throw new InvalidInputException("whole", "比较比例时人数应大于0");
    }
    return Math.multiplyExact((long) now.part(), before.whole())
        > Math.multiplyExact((long) before.part(), now.whole());
  }

  /**
   * ST-03: the team's share with 大专（含大专）以上 against the previous term's.
   *
   * @param college this team's members with 大专 or above
   * @param team this team's members (distinct persons)
   * @param previous the previous team's figures, if recorded
   */
  public static Comparison college(int college, int team, Optional<Count> previous) {
    return compare(
        CommunityRule.COLLEGE_ABOVE_PREVIOUS,
        "“两委”班子成员中大专（含大专）以上文化程度",
        "“两委”班子成员尚未产生",
        new Count(college, team),
        previous);
  }

  /**
   * ST-04: the residents' committee's share of party members against the previous term's.
   *
   * @param party this committee's party members
   * @param residents this committee's members
   * @param previous the previous committee's figures, if recorded
   */
  public static Comparison partyMembers(int party, int residents, Optional<Count> previous) {
    return compare(
        CommunityRule.PARTY_ABOVE_PREVIOUS,
        "居民委员会成员中党员",
        "居民委员会成员尚未选出",
        new Count(party, residents),
        previous);
  }

  private static Comparison compare(
      CommunityRule rule, String subject, String noneYet, Count now, Optional<Count> previous) {
    if (now.part() < 0 || now.part() > now.whole()) {
      throw new InvalidInputException(
          field(rule), subject + "人数应在0到" + now.whole() + "之间：" + now.part());
    }
    String before = previous.map(p -> "，上届" + p.shareZh()).orElse("");
    if (now.whole() == 0) {
      return new Comparison(
          rule,
          now,
          previous,
          Verdict.NO_CURRENT,
          noneYet
              + "，不能与上届比较"
              + (previous.isEmpty() ? "（未登记上届人数）" : "（上届" + previous.get().shareZh() + "）"));
    }
    String head = subject + "：本届" + now.shareZh();
    if (previous.isEmpty()) {
      return new Comparison(
          rule, now, previous, Verdict.NO_PREVIOUS, head + "；" + Verdict.NO_PREVIOUS.labelZh());
    }
    Verdict v = higher(now, previous.get()) ? Verdict.HIGHER : Verdict.NOT_HIGHER;
    return new Comparison(rule, now, previous, v, head + before + "，" + v.labelZh());
  }

  /** The warnings of the comparisons that are not met. */
  public static Findings findings(List<Comparison> comparisons) {
    List<Finding> out = new ArrayList<>();
    comparisons.forEach(c -> c.finding().ifPresent(out::add));
    return Findings.of(out);
  }
}
