package xuanju.core.register;

import java.text.Normalizer;
import java.util.Optional;

/**
 * A column of the person register (居民信息字段), in the order of an import file. The key is the field
 * path in findings; the Chinese label is the column header and the name in error messages. Birth
 * date and gender are optional: they come from the resident ID, and when given they must agree.
 * {@link #HOUSEHOLD} is the 户号 (household number) of the 户籍/居住 records, by which 每户派代表 elections
 * count households.
 */
public enum ResidentField {
  NAME("name", "姓名", true),
  RESIDENT_ID("residentId", "公民身份号码", true),
  GENDER("gender", "性别", false),
  BIRTH_DATE("birthDate", "出生日期", false),
  ETHNICITY("ethnicity", "民族", false),
  ADDRESS("address", "住址", false),
  HUKOU_PLACE("hukouPlace", "户籍地", false),
  RESIDENCE_PLACE("residencePlace", "现居住地", false),
  GROUP("group", "居民小组", false),
  HOUSEHOLD("household", "户号", false),
  WORKPLACE("workplace", "工作单位", false),
  POLITICAL_STATUS("politicalStatus", "政治面貌", false),
  OCCUPATION("occupation", "身份类别", false),
  TAGS("tags", "其他身份", false);

  private final String key;
  private final String labelZh;
  private final boolean required;

  ResidentField(String key, String labelZh, boolean required) {
    this.key = key;
    this.labelZh = labelZh;
    this.required = required;
  }

  public String key() {
    return key;
  }

  public String labelZh() {
    return labelZh;
  }

  public boolean required() {
    return required;
  }

  /**
   * The field of a column header: the label, ignoring spaces, a trailing {@code *} and a hint in
   * brackets; {@code 网格} and {@code 村民小组} are read as {@link #GROUP}, {@code 身份证号} as {@link
   * #RESIDENT_ID}, {@code 职业} as {@link #OCCUPATION}, {@code 户编号} and {@code 户口簿编号} as {@link
   * #HOUSEHOLD}.
   */
  public static Optional<ResidentField> byHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    h = h.replaceAll("[(（\\[【].*$", "").replaceAll("\\*+$", "");
    switch (h) {
      case "网格", "村民小组", "居民小组/网格", "小组" -> {
        return Optional.of(GROUP);
      }
      case "身份证号", "身份证号码", "公民身份证号码" -> {
        return Optional.of(RESIDENT_ID);
      }
      case "职业", "身份" -> {
        return Optional.of(OCCUPATION);
      }
      case "户编号", "户口簿编号" -> {
        return Optional.of(HOUSEHOLD);
      }
      default -> {
        for (ResidentField f : values()) {
          if (f.labelZh.equals(h)) {
            return Optional.of(f);
          }
        }
        return Optional.empty();
      }
    }
  }
}
