package xuanju.core.register;

import java.time.LocalDate;
import xuanju.core.rule.InvalidInputException;

/**
 * An objection to the published voter list (对选民名单的申诉) and what became of it.
 *
 * @param id the objection's id (for messages and field paths), e.g. {@code 申-3}
 * @param objector the objector's name (申诉人)
 * @param concerning whose entry the objection is about (e.g. 本人未被列入、某人不应列入); may be empty
 * @param filedOn the day the committee received it
 * @param decidedOn the day the committee decided it (处理决定), null while undecided
 * @param suedOn the day the objector went to the people's court (向人民法院起诉), null if not
 */
public record Objection(
    String id,
    String objector,
    String concerning,
    LocalDate filedOn,
    LocalDate decidedOn,
    LocalDate suedOn) {
  public Objection {
    id = id == null ? "" : id.strip();
    if (objector == null || objector.isBlank()) {
      throw new InvalidInputException("objection.objector", "申诉须记录申诉人");
    }
    objector = objector.strip();
    concerning = concerning == null ? "" : concerning.strip();
    if (filedOn == null) {
      throw new InvalidInputException("objection.filedOn", "申诉须记录提出日期");
    }
    if (decidedOn != null && decidedOn.isBefore(filedOn)) {
      throw new InvalidInputException(
          "objection.decidedOn", "处理决定日期 " + decidedOn + " 早于申诉提出日期 " + filedOn);
    }
    if (suedOn != null && (decidedOn == null || suedOn.isBefore(decidedOn))) {
      throw new InvalidInputException(
          "objection.suedOn", "向人民法院起诉须在选举委员会作出处理决定之后（起诉日期 " + suedOn + "）");
    }
  }

  /** A newly filed, undecided objection. */
  public static Objection filed(String id, String objector, String concerning, LocalDate filedOn) {
    return new Objection(id, objector, concerning, filedOn, null, null);
  }

  public Objection decided(LocalDate day) {
    return new Objection(id, objector, concerning, filedOn, day, suedOn);
  }

  public Objection sued(LocalDate day) {
    return new Objection(id, objector, concerning, filedOn, decidedOn, day);
  }

  /** For messages: {@code 申诉人王五（申-3）}. */
  public String labelZh() {
    return "申诉人" + objector + (id.isEmpty() ? "" : "（" + id + "）");
  }
}
