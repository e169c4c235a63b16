package xuanju.server.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import xuanju.core.register.Deprivation;
import xuanju.core.register.Incapacity;
import xuanju.core.register.LegalStatus;
import xuanju.core.register.VotingSuspension;
import xuanju.core.rule.InvalidInputException;

/**
 * Reads the rows of {@code person_legal_status} (法律状况) into core {@link LegalStatus}: the one place
 * the mapping is defined.
 *
 * <ul>
 *   <li>{@code DEPRIVED} (依法被剥夺政治权利) → {@link Deprivation}(basis = 判决书文号, authority = court,
 *       first_day, last_day inclusive; null = 终身);
 *   <li>{@code INCAPACITY} (不能行使选举权利) → {@link Incapacity}(reason, evidence, intermittent,
 *       confirmed_on, decision_ref; last_day is the day it ended, 情形消除之日, as the person pages
 *       record it: {@code person.LegalStatusRecord});
 *   <li>{@code SUSPENDED} (停止行使选举权利) → {@link VotingSuspension}(authority, basis = 文号, first_day
 *       (or confirmed_on), last_day = the day it ended (起结束), as the person pages record it).
 * </ul>
 */
public final class LegalStatuses {
  private LegalStatuses() {}

  /** One stored row. */
  public record Row(
      String kind,
      String basis,
      String authority,
      String reason,
      String evidence,
      LocalDate firstDay,
      LocalDate lastDay,
      boolean intermittent,
      LocalDate confirmedOn,
      String decisionRef) {}

  /**
   * The status of one person from their rows.
   *
   * @throws InvalidInputException naming the person when a row lacks what the law requires
   */
  public static LegalStatus of(String personLabel, List<Row> rows) {
    if (rows == null || rows.isEmpty()) {
      return LegalStatus.none();
    }
    List<Deprivation> deprivations = new ArrayList<>();
    Incapacity incapacity = null;
    VotingSuspension suspension = null;
    try {
      for (Row r : rows) {
        switch (r.kind()) {
          case "DEPRIVED" ->
              deprivations.add(
                  new Deprivation(r.basis(), r.authority(), r.firstDay(), r.lastDay()));
          case "INCAPACITY" ->
              incapacity =
                  new Incapacity(
                      r.reason(),
                      evidence(r.evidence()),
                      r.intermittent(),
                      r.confirmedOn(),
                      r.decisionRef(),
                      r.lastDay());
          case "SUSPENDED" ->
              suspension =
                  new VotingSuspension(
                      r.authority(),
                      r.basis().isBlank() ? r.decisionRef() : r.basis(),
                      r.firstDay() != null ? r.firstDay() : r.confirmedOn(),
                      r.lastDay());
          default -> {
            // other kinds are not about the right to vote
          }
        }
      }
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "person_legal_status", personLabel + "的法律状况记录不完整：" + e.getMessage());
    }
    return new LegalStatus(deprivations, incapacity, suspension);
  }

  private static Incapacity.Evidence evidence(String s) {
    if (s == null || s.isBlank()) {
      return Incapacity.Evidence.NONE;
    }
    for (Incapacity.Evidence e : Incapacity.Evidence.values()) {
      if (e.name().equals(s) || e.labelZh().equals(s)) {
        return e;
      }
    }
    return Incapacity.Evidence.NONE;
  }
}
