package xuanju.server.roster;

import java.time.LocalDate;

/**
 * A roster line as lists and the API show it (名册列表行): the resident ID and the phone masked, the
 * vote decided by core with its rule code and reason.
 */
public record MemberView(
    long id,
    String name,
    String gender,
    String ethnicity,
    LocalDate birthDate,
    String residentIdMasked,
    String education,
    LocalDate joinDate,
    String membership,
    String status,
    String phoneMasked,
    boolean hasVote,
    String voteCode,
    String voteReason,
    int version) {

  static MemberView of(MemberRecord r) {
    var m = r.member();
    var vote = r.votingRight();
    return new MemberView(
        r.id(),
        m.name(),
        m.gender().labelZh(),
        m.ethnicity(),
        m.birthDate(),
        m.maskedResidentId(),
        m.education().labelZh(),
        m.joinDate(),
        m.membership().labelZh(),
        m.status().labelZh(),
        maskPhone(m.phone()),
        vote.hasVote(),
        vote.code(),
        vote.reasonZh(),
        r.version());
  }

  static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? "" : phone;
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }
}
