package xuanju.core.register;

import java.util.Objects;
import xuanju.core.rule.Finding;

/**
 * One change of the register in a district (选民变动): who, where, why, with the Chinese finding.
 *
 * @param residentId the resident ID number
 * @param name the person's name
 * @param place the district added to or removed from
 * @param reason the reason category
 * @param finding the rule, the facts and the message naming the person
 */
public record RegisterChange(
    String residentId, String name, RegistrationPlace place, ChangeReason reason, Finding finding) {
  public RegisterChange {
    Objects.requireNonNull(residentId, "residentId");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(finding, "finding");
    name = name == null ? "" : name;
  }

  /** True for 增, false for 减. */
  public boolean addition() {
    return reason.addition();
  }
}
