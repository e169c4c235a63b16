package xuanju.core.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the register knows about a person's rights (选民资格相关情况): deprivations of political rights, a
 * finding that the person cannot exercise the right to vote, and a suspension while in custody.
 *
 * @param deprivations every recorded deprivation, past and present
 * @param incapacity the incapacity finding, or null
 * @param suspension the suspension decision, or null
 */
public record LegalStatus(
    List<Deprivation> deprivations, Incapacity incapacity, VotingSuspension suspension) {
  private static final LegalStatus NONE = new LegalStatus(List.of(), null, null);

  public LegalStatus {
    deprivations = List.copyOf(deprivations == null ? List.of() : deprivations);
  }

  /** Nothing recorded: the usual case. */
  public static LegalStatus none() {
    return NONE;
  }

  public static LegalStatus deprived(Deprivation d) {
    return new LegalStatus(List.of(d), null, null);
  }

  public static LegalStatus incapable(Incapacity i) {
    return new LegalStatus(List.of(), i, null);
  }

  public static LegalStatus suspended(VotingSuspension s) {
    return new LegalStatus(List.of(), null, s);
  }

  /** The deprivation in force on {@code day}, if any. */
  public Optional<Deprivation> deprivationOn(LocalDate day) {
    return deprivations.stream().filter(d -> d.activeOn(day)).findFirst();
  }
}
