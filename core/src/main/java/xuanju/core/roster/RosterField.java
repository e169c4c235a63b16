package xuanju.core.roster;

import java.util.Optional;

/**
 * A column of the roster (名册字段), in the order of the import template. The key is the field path
 * used in findings; the Chinese label is the column header and the name shown in error messages.
 */
public enum RosterField {
  NAME("name", "姓名", true),
  GENDER("gender", "性别", true),
  ETHNICITY("ethnicity", "民族", true),
  BIRTH_DATE("birthDate", "出生日期", true),
  RESIDENT_ID("residentId", "公民身份号码", true),
  EDUCATION("education", "学历", true),
  JOIN_DATE("joinDate", "入党时间", true),
  MEMBERSHIP("membership", "党员类别", true),
  STATUS("status", "党籍状态", false),
  PHONE("phone", "联系电话", false);

  private final String key;
  private final String labelZh;
  private final boolean required;

  RosterField(String key, String labelZh, boolean required) {
    this.key = key;
    this.labelZh = labelZh;
    this.required = required;
  }

  /** The field path in findings, e.g. {@code residentId}. */
  public String key() {
    return key;
  }

  /** The Chinese column header, e.g. {@code 公民身份号码}. */
  public String labelZh() {
    return labelZh;
  }

  /** Whether a value must be given ({@link #STATUS} defaults to 正常, {@link #PHONE} is optional). */
  public boolean required() {
    return required;
  }

  public static Optional<RosterField> byKey(String key) {
    for (RosterField f : values()) {
      if (f.key.equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The field whose header this is: the Chinese label, ignoring spaces, a trailing {@code *} and
   * any hint in brackets, e.g. {@code 出生日期（2020-01-02）} or {@code 姓名*}.
   */
  public static Optional<RosterField> byHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h =
        header
            .replaceAll("[（(].*?[）)]", "")
            .replace("*", "")
            .replace("＊", "")
            .replaceAll("\\s+", "");
    for (RosterField f : values()) {
      if (f.labelZh.equals(h)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
