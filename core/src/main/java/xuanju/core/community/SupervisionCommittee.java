package xuanju.core.community;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import xuanju.core.rule.InvalidInputException;

/**
 * The residents' supervision committee (居务监督委员会).
 *
 * @param members its members
 * @param chairId the chair (主任), one of the members
 */
public record SupervisionCommittee(List<Member> members, String chairId) {
  public SupervisionCommittee {
    members = List.copyOf(members);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      if (!ids.add(members.get(i).personId())) {
        throw new InvalidInputException(
            "members[" + i + "].personId", "居务监督委员会成员重复：" + members.get(i).name());
      }
    }
    if (chairId != null && !ids.contains(chairId)) {
      throw new InvalidInputException("chairId", "居务监督委员会主任须是其成员：" + chairId);
    }
  }

  /**
   * A member.
   *
   * @param personId the person
   * @param name the name shown
   * @param chosenBy how the member was chosen
   */
  public record Member(String personId, String name, ChosenBy chosenBy) {
    public Member {
      Objects.requireNonNull(personId, "personId");
      Objects.requireNonNull(chosenBy, "chosenBy");
      name = name == null || name.isBlank() ? personId : name;
    }
  }
}
