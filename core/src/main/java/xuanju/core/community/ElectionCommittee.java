package xuanju.core.community;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import xuanju.core.rule.InvalidInputException;

/**
 * The residents' election committee (居民选举委员会) as it stands, with the record of members who left and
 * who took their places.
 *
 * @param members the current members
 * @param replacements who left and who replaced them, in order
 */
public record ElectionCommittee(List<Member> members, List<Replacement> replacements) {
  public ElectionCommittee {
    members = List.copyOf(members);
    replacements = List.copyOf(replacements);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      if (!ids.add(members.get(i).personId())) {
        throw new InvalidInputException(
            "members[" + i + "].personId", "居民选举委员会成员重复：" + members.get(i).name());
      }
    }
  }

  /**
   * A member (成员).
   *
   * @param personId the person
   * @param name the name shown
   * @param chosenBy how the member was chosen
   * @param chair whether the member chairs the committee (主任)
   */
  public record Member(String personId, String name, ChosenBy chosenBy, boolean chair) {
    public Member {
      if (personId == null || personId.isBlank()) {
        throw new InvalidInputException("personId", "居民选举委员会成员缺少人员编号");
      }
      Objects.requireNonNull(chosenBy, "chosenBy");
      name = name == null || name.isBlank() ? personId : name;
    }
  }

  /** How a vacancy was filled (递补方式). */
  public enum Method {
    /** 按照原推选结果依次递补. */
    NEXT_IN_ORIGINAL_VOTE("按照原推选结果依次递补"),
    /** 另行推选. */
    NEW_CHOICE("另行推选");

    private final String labelZh;

    Method(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  /**
   * A member who left (退出) and, once filled, who took the place.
   *
   * @param leftId the member who left
   * @param leftName the name shown
   * @param reasonZh why, e.g. {@code 被提名为居民委员会成员候选人}
   * @param joinedId the replacement, or null while the place is vacant
   * @param method how the replacement was chosen, or null while vacant
   */
  public record Replacement(
      String leftId, String leftName, String reasonZh, String joinedId, Method method) {
    public Replacement {
      if (leftId == null || leftId.isBlank()) {
        throw new InvalidInputException("leftId", "退出的居民选举委员会成员缺少人员编号");
      }
      leftName = leftName == null || leftName.isBlank() ? leftId : leftName;
      reasonZh = reasonZh == null ? "" : reasonZh;
      if ((joinedId == null) != (method == null)) {
        throw new InvalidInputException("method", "递补人员和递补方式须同时记录");
      }
    }

    public boolean filled() {
      return joinedId != null;
    }
  }
}
