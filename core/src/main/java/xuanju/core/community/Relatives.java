package xuanju.core.community;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Close-relative avoidance (近亲属回避) across the "two committees", the supervision committee and the
 * election staff. Pairs of close relatives ({@link Relation}) may not hold together:
 *
 * <ul>
 *   <li>two places in the 两委 (party organisation, residents' committee), seed 002 三（三）: {@code
 *       COMMUNITY.RELATIVES.TWO_COMMITTEES};
 *   <li>a residents' committee place and a supervision committee place, 村组法 第三十二条 by analogy
 *       (warning): {@code RESIDENTS.SUPERVISION.RC_RELATIVE};
 *   <li>a candidacy and a 监票人 or 计票人 place, 选举法 第四十三条 by analogy: {@code
 *       RESIDENTS.STAFF.CANDIDATE_RELATIVE};
 *   <li>a candidacy and a 代写人 place, seed 002 四（二）2（5）: {@code
 *       RESIDENTS.WRITER.CANDIDATE_RELATIVE}.
 * </ul>
 *
 * A candidate may not be staff himself either ({@code RESIDENTS.STAFF.CANDIDATE}, {@code
 * RESIDENTS.WRITER.CANDIDATE}). Relations are taken as recorded, in both directions; they are not
 * inferred through a third person.
 */
public final class Relatives {
  private Relatives() {}

  /**
   * A person and the places he or she holds.
   *
   * @param personId the person
   * @param name the name shown
   * @param roles the places held
   */
  public record Holder(String personId, String name, Set<Role> roles) {
    public Holder {
      Objects.requireNonNull(personId, "personId");
      name = name == null || name.isBlank() ? personId : name;
      roles = Set.copyOf(roles);
    }
  }

  /**
   * One conflict (回避冲突).
   *
   * @param rule the rule broken
   * @param personId the first person
   * @param relativeId the second person (the same as the first for a candidate acting as staff)
   * @param relation what the second is to the first, empty for the same person
   * @param messageZh e.g. {@code 李四是张三的配偶；张三任居民委员会成员，李四任社区党组织委员会成员}
   */
  public record Conflict(
      CommunityRule rule,
      String personId,
      String relativeId,
      Optional<Relation> relation,
      String messageZh) {}

  /**
   * Every conflict among the holders, in the order of the holders and then their relations.
   *
   * @throws InvalidInputException if a person appears twice among the holders
   */
  public static List<Conflict> conflicts(List<Holder> holders, List<Relation.Kinship> kinships) {
    Map<String, Holder> byId = new LinkedHashMap<>();
    for (int i = 0; i < holders.size(); i++) {
      if (byId.put(holders.get(i).personId(), holders.get(i)) != null) {
        throw new InvalidInputException(
            "holders[" + i + "].personId", "人员重复：" + holders.get(i).name());
      }
    }
    Map<String, Map<String, Relation>> rel = new HashMap<>();
    for (Relation.Kinship k : kinships) {
      rel.computeIfAbsent(k.personId(), x -> new LinkedHashMap<>())
          .put(k.relativeId(), k.relation());
      rel.computeIfAbsent(k.relativeId(), x -> new LinkedHashMap<>())
          .putIfAbsent(k.personId(), k.relation().inverse());
    }
    List<Conflict> out = new ArrayList<>();
    List<Holder> list = List.copyOf(byId.values());
    for (Holder h : list) {
      for (Role r : h.roles()) {
        if (r.staff() && h.roles().contains(Role.CANDIDATE)) {
          CommunityRule rule =
              r == Role.WRITER ? CommunityRule.WRITER_CANDIDATE : CommunityRule.STAFF_CANDIDATE;
          out.add(
              new Conflict(
                  rule,
                  h.personId(),
                  h.personId(),
                  Optional.empty(),
                  h.name() + "是候选人，不得担任" + r.labelZh()));
        }
      }
    }
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        Holder a = list.get(i);
        Holder b = list.get(j);
        Relation r = rel.getOrDefault(a.personId(), Map.of()).get(b.personId());
        if (r != null) {
          pair(a, b, r, out);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The conflicts as findings (field {@code holders}), for a check that reports them. */
  public static Findings findings(List<Holder> holders, List<Relation.Kinship> kinships) {
    List<Finding> out = new ArrayList<>();
    for (Conflict c : conflicts(holders, kinships)) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("person", c.personId());
      facts.put("relative", c.relativeId());
      c.relation().ifPresent(r -> facts.put("relation", r.labelZh()));
      out.add(new Finding(c.rule(), List.of("holders"), facts, c.messageZh()));
    }
    return Findings.of(out);
  }

  private static void pair(Holder a, Holder b, Relation r, List<Conflict> out) {
    String kin = b.name() + "是" + a.name() + "的" + r.labelZh() + "；";
    for (Role ra : sorted(a.roles())) {
      for (Role rb : sorted(b.roles())) {
        CommunityRule rule = ruleFor(ra, rb);
        if (rule == null) {
          continue;
        }
        out.add(
            new Conflict(
                rule,
                a.personId(),
                b.personId(),
                Optional.of(r),
                kin
                    + a.name()
                    + "任"
                    + ra.labelZh()
                    + "，"
                    + b.name()
                    + "任"
                    + rb.labelZh()
                    + "，"
                    + advice(rule)));
      }
    }
  }

  private static List<Role> sorted(Set<Role> roles) {
    return roles.stream().sorted().toList();
  }

  /** The rule two roles held by close relatives break, or null. */
  static CommunityRule ruleFor(Role a, Role b) {
    if (a.twoCommittees() && b.twoCommittees()) {
      return CommunityRule.RELATIVES_TWO_COMMITTEES;
    }
    if (is(a, b, Role.RESIDENTS_COMMITTEE, Role.SUPERVISION_COMMITTEE)) {
      return CommunityRule.SUPERVISION_RC_RELATIVE;
    }
    if (is(a, b, Role.CANDIDATE, Role.WRITER)) {
      return CommunityRule.WRITER_CANDIDATE_RELATIVE;
    }
    if (is(a, b, Role.CANDIDATE, Role.SCRUTINEER) || is(a, b, Role.CANDIDATE, Role.COUNTER)) {
      return CommunityRule.STAFF_CANDIDATE_RELATIVE;
    }
    return null;
  }

  private static boolean is(Role a, Role b, Role x, Role y) {
    return (a == x && b == y) || (a == y && b == x);
  }

  private static String advice(CommunityRule rule) {
    return switch (rule) {
      case RELATIVES_TWO_COMMITTEES -> "社区“两委”成员须实行近亲属回避";
      case SUPERVISION_RC_RELATIVE -> "居民委员会成员的近亲属不宜担任居务监督委员会成员";
      case WRITER_CANDIDATE_RELATIVE -> "代写人不能与竞选人有近亲属关系";
      default -> "候选人的近亲属不得担任监票人、计票人";
    };
  }
}
