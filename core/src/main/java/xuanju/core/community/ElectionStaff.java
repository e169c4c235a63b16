package xuanju.core.community;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Checks the election-day staff (选举工作人员): 监票人, 计票人 and 代写人. Seed 002 四（二）2（5）: "对代写人进行审查，
 * 不能与竞选人有近亲属关系" — a writer is recorded and vetted, is not a candidate and not a candidate's close
 * relative; scrutineers and counters are neither candidates nor their close relatives (选举法 第四十三条 by
 * analogy). The relative checks are {@link Relatives}'.
 */
public final class ElectionStaff {
  private ElectionStaff() {}

  /**
   * One staff member.
   *
   * @param personId the person
   * @param name the name shown
   * @param role {@link Role#SCRUTINEER}, {@link Role#COUNTER} or {@link Role#WRITER}
   * @param vetted whether the election committee vetted and recorded the person (needed for
   *     writers)
   */
  public record Member(String personId, String name, Role role, boolean vetted) {
    public Member {
      Objects.requireNonNull(personId, "personId");
      Objects.requireNonNull(role, "role");
      if (!role.staff()) {
        throw new InvalidInputException("role", "不是选举工作岗位：" + role.labelZh());
      }
      name = name == null || name.isBlank() ? personId : name;
    }
  }

  /**
   * Checks the staff against the candidates.
   *
   * @param candidates the candidates, id → name
   */
  public static Findings check(
      List<Member> staff, Map<String, String> candidates, List<Relation.Kinship> kinships) {
    List<Finding> out = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Set<Role>> roles = new LinkedHashMap<>();
    for (int i = 0; i < staff.size(); i++) {
      Member m = staff.get(i);
      if (m.role() == Role.WRITER && !m.vetted()) {
        out.add(
            Finding.of(
                CommunityRule.WRITER_NOT_VETTED,
                "staff[" + i + "].vetted",
                "代写人" + m.name() + "尚未经居民选举委员会审查登记"));
      }
      names.putIfAbsent(m.personId(), m.name());
      roles.computeIfAbsent(m.personId(), k -> EnumSet.noneOf(Role.class)).add(m.role());
    }
    candidates.forEach(
        (id, name) -> {
          names.putIfAbsent(id, name);
          roles.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class)).add(Role.CANDIDATE);
        });
    List<Relatives.Holder> holders = new ArrayList<>();
    roles.forEach((id, r) -> holders.add(new Relatives.Holder(id, names.get(id), r)));
    out.addAll(Relatives.findings(holders, kinships).all());
    return Findings.of(out);
  }
}
