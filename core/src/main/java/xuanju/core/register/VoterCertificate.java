package xuanju.core.register;

import java.time.LocalDate;

/**
 * A certificate of voter status (选民资格证明) issued by the 户籍地 (the original district's election body),
 * with which a migrant registers where they live. It is recorded and printed with the registration.
 * Missing parts are reported by {@link Registrations#check}, not thrown.
 *
 * @param issuer who issued it, e.g. {@code 乌审旗图克镇选举委员会}
 * @param number the certificate number (证明编号)
 * @param issuedOn the day it was issued, null if not recorded
 */
public record VoterCertificate(String issuer, String number, LocalDate issuedOn) {
  public VoterCertificate {
    issuer = issuer == null ? "" : issuer.strip();
    number = number == null ? "" : number.strip();
  }

  /** For documents: {@code 乌审旗图克镇选举委员会 第2026-017号（2026-10-08）}. */
  public String labelZh() {
    return issuer + " 第" + number + "号（" + (issuedOn == null ? "日期不详" : issuedOn) + "）";
  }
}
