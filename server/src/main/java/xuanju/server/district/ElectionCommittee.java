package xuanju.server.district;

import java.time.LocalDate;
import java.util.List;

/**
 * The election committee of an election (选举委员会 / 居民选举委员会 / 村民选举委员会): its appointment — by whom, on
 * what date, by which document — and its members.
 *
 * @param name e.g. {@code 示例镇选举委员会}
 * @param appointedBy e.g. {@code 县级人大常委会}, {@code 居民会议推选}
 * @param document the appointing document (任命文件), e.g. {@code X人常发〔2026〕3号}
 * @param members in role order (主任, 副主任, 委员), then as entered
 */
public record ElectionCommittee(
    long id,
    String name,
    String appointedBy,
    LocalDate appointedOn,
    String document,
    int version,
    List<Member> members) {
  public ElectionCommittee {
    members = List.copyOf(members);
  }

  /**
   * A member (选举委员会成员).
   *
   * @param personId the person in the register (居民名册), or null when not linked
   * @param personLabel the linked person's unit and masked ID number, empty when not linked
   */
  public record Member(
      long id, String name, CommitteeRole role, Long personId, String personLabel) {}
}
