package xuanju.server.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import xuanju.core.register.Incapacity;
import xuanju.core.roster.Roster;
import xuanju.core.rule.InvalidInputException;

/**
 * Checks a legal-status form (选民资格相关情况表单校验): dates, lengths, and the rules of the core records
 * ({@code Deprivation}, {@code Incapacity}, {@code VotingSuspension}), each error named by its form
 * field in Chinese.
 */
final class LegalStatusForms {
  private LegalStatusForms() {}

  /** The parsed form: errors per field, or the values of the record. */
  record Parsed(
      Map<String, String> errors,
      long id,
      long personId,
      LegalStatusKind kind,
      String basis,
      String authority,
      String reason,
      Incapacity.Evidence evidence,
      LocalDate firstDay,
      LocalDate lastDay,
      boolean intermittent,
      LocalDate confirmedOn,
      String decisionRef) {
    LegalStatusRecord record(String by, Instant at) {
      return new LegalStatusRecord(
          id,
          personId,
          kind,
          basis,
          authority,
          reason,
          evidence,
          firstDay,
          lastDay,
          intermittent,
          confirmedOn,
          decisionRef,
          by,
          at);
    }
  }

  static Parsed parse(LegalStatusForm f, long personId, long id) {
    Map<String, String> errors = new LinkedHashMap<>();
    LegalStatusKind kind = null;
    try {
      kind = LegalStatusKind.valueOf(f.getKind().strip());
    } catch (IllegalArgumentException e) {
      errors.put("kind", "请选择记录类别（剥夺政治权利、不能行使选举权利或停止行使选举权利）");
    }
    String basis = text(errors, "basis", label(kind, "basis"), f.getBasis(), 200);
    String authority = text(errors, "authority", label(kind, "authority"), f.getAuthority(), 200);
    String reason = text(errors, "reason", "原因", f.getReason(), 500);
    String decisionRef = text(errors, "decisionRef", "确认决定", f.getDecisionRef(), 200);
    LocalDate first = date(errors, "firstDay", label(kind, "firstDay"), f.getFirstDay());
    LocalDate last = date(errors, "lastDay", label(kind, "lastDay"), f.getLastDay());
    LocalDate confirmed = date(errors, "confirmedOn", "选举委员会确认日期", f.getConfirmedOn());
    Incapacity.Evidence evidence = null;
    if (kind == LegalStatusKind.INCAPACITY) {
      try {
        evidence =
            f.getEvidence().isBlank()
                ? Incapacity.Evidence.NONE
                : Incapacity.Evidence.valueOf(f.getEvidence().strip());
      } catch (IllegalArgumentException e) {
        errors.put("evidence", "请选择依据材料（医院证明、监护人同意或未提供）");
      }
    }
    Parsed p =
        new Parsed(
            errors,
            id,
            personId,
            kind,
            basis,
            authority,
            kind == LegalStatusKind.INCAPACITY ? reason : "",
            evidence,
            kind == LegalStatusKind.INCAPACITY ? null : first,
            last,
            kind == LegalStatusKind.INCAPACITY && f.isIntermittent(),
            kind == LegalStatusKind.INCAPACITY ? confirmed : null,
            kind == LegalStatusKind.INCAPACITY ? decisionRef : "");
    if (errors.isEmpty()) {
      // the core record's own rules (required fields, dates in order)
      try {
        LegalStatusRecord r = p.record("", Instant.EPOCH);
        switch (kind) {
          case DEPRIVED -> r.deprivation();
          case INCAPACITY -> r.incapacity();
          case SUSPENDED -> r.suspension();
        }
      } catch (InvalidInputException e) {
        errors.put(field(e.field()), e.getMessage());
      }
    }
    return p;
  }

  /** The form field of a core field path. */
  static String field(String core) {
    return switch (core) {
      case "deprivation.basis", "suspension.documentRef" -> "basis";
      case "suspension.decidedBy" -> "authority";
      case "deprivation.from", "suspension.decidedOn" -> "firstDay";
      case "deprivation.until", "incapacity.endedOn", "suspension.endedOn" -> "lastDay";
      case "incapacity.reason" -> "reason";
      case "incapacity.decisionRef" -> "decisionRef";
      default -> "kind";
    };
  }

  /** The Chinese name of a field for the kind. */
  static String label(LegalStatusKind kind, String field) {
    if (kind == LegalStatusKind.SUSPENDED) {
      return switch (field) {
        case "basis" -> "决定文号";
        case "authority" -> "作出决定的人民检察院或人民法院";
        case "firstDay" -> "决定日期";
        default -> "结束日期";
      };
    }
    if (kind == LegalStatusKind.INCAPACITY) {
      return field.equals("lastDay") ? "情形消除日期" : field;
    }
    return switch (field) {
      case "basis" -> "判决书文号";
      case "authority" -> "法院";
      case "firstDay" -> "起始日期";
      default -> "截止日期";
    };
  }

  private static String text(
      Map<String, String> errors, String field, String label, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      errors.put(field, label + "不能超过" + max + "个字");
    }
    return v;
  }

  private static LocalDate date(
      Map<String, String> errors, String field, String label, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate d = Roster.parseDate(value.strip()).orElse(null);
    if (d == null) {
      errors.put(field, label + "「" + value.strip() + "」不是有效日期，应填写如2026-01-02");
    }
    return d;
  }
}
