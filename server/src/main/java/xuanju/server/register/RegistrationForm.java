package xuanju.server.register;

import java.time.LocalDate;
import xuanju.core.register.RegistrationBasis;

/**
 * One person's registration (单个选民登记), from the form.
 *
 * @param residentId the person's 公民身份号码 (the person must be in the person register)
 * @param basis 户籍地, 现居住地（凭选民资格证明）, 工作单位 or 选举委员会决定
 * @param certificateIssuer the 选民资格证明's issuer (现居住地 only)
 * @param reason the reason of a 补登 once the district's list is published; else empty
 */
public record RegistrationForm(
    String residentId,
    long districtId,
    RegistrationBasis basis,
    String certificateIssuer,
    String certificateNo,
    LocalDate certificateDate,
    String workplace,
    String decisionRef,
    LocalDate registeredOn,
    String reason) {}
