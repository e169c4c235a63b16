package xuanju.server.person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xuanju.core.register.Resident;
import xuanju.core.register.ResidentField;
import xuanju.core.register.ResidentInput;

/**
 * The columns of a person-register file (居民名册文件的列), found by their Chinese headers in any order:
 * 村/社区/单位 (this package's), 标签 (read as core's 其他身份), and every header {@link
 * ResidentField#byHeader} reads. Unknown columns are ignored.
 */
final class PersonColumns {
  /** The header of the unit column in the template. */
  static final String UNIT_HEADER = "村/社区/单位";

  /** The longest 村/社区/单位 ({@code person.unit}). */
  static final int UNIT_MAX = 100;

  /** The longest 居民小组 ({@code person.residents_group}). */
  static final int GROUP_MAX = 50;

  /**
   * The longest 户号 ({@code person.household}); the same as core's {@link Resident#HOUSEHOLD_MAX}.
   */
  static final int HOUSEHOLD_MAX = Resident.HOUSEHOLD_MAX;

  /** The longest tag text ({@code person.tags}). */
  static final int TAGS_MAX = 200;

  /** The columns of the template, in order. */
  static final List<String> TEMPLATE =
      List.of(
          UNIT_HEADER,
          "居民小组",
          "户号",
          "姓名",
          "公民身份号码",
          "民族",
          "住址",
          "户籍地",
          "现居住地",
          "工作单位",
          "政治面貌",
          "身份类别",
          "标签");

  private static final Set<String> UNIT_ALIASES =
      Set.of(
          "村/社区/单位",
          "村社区单位",
          "村/社区",
          "村(社区)/单位",
          "村(社区)",
          "村(居)",
          "村居",
          "嘎查/社区",
          "嘎查村/社区",
          "村",
          "社区",
          "单位",
          "所属村/社区",
          "所属村(社区)",
          "所属单位");

  private final Map<Integer, ResidentField> fields;
  private final int unitColumn;

  private PersonColumns(Map<Integer, ResidentField> fields, int unitColumn) {
    this.fields = fields;
    this.unitColumn = unitColumn;
  }

  /** The field of one header: empty = the unit column; null = not a column of the register. */
  static Optional<ResidentField> field(String header, boolean[] isUnit) {
    isUnit[0] = false;
    if (header == null) {
      return Optional.empty();
    }
    String h =
        Normalizer.normalize(header, Normalizer.Form.NFKC)
            .replaceAll("\\s+", "")
            .replaceAll("\\*+$", "");
    if (UNIT_ALIASES.contains(h)) {
      isUnit[0] = true;
      return Optional.empty();
    }
    if (h.equals("标签") || h.equals("身份标签")) {
      return Optional.of(ResidentField.TAGS);
    }
    return ResidentField.byHeader(h);
  }

  /**
   * The columns of a header row, or empty if it is not one (no 姓名 or no 公民身份号码 column).
   *
   * @param cells header text per 0-based column
   */
  static Optional<PersonColumns> of(Map<Integer, String> cells) {
    Map<Integer, ResidentField> found = new HashMap<>();
    int unit = -1;
    boolean[] isUnit = new boolean[1];
    for (var e : cells.entrySet()) {
      Optional<ResidentField> f = field(e.getValue(), isUnit);
      if (isUnit[0] && unit < 0) {
        unit = e.getKey();
      } else if (f.isPresent() && !found.containsValue(f.get())) {
        found.put(e.getKey(), f.get());
      }
    }
    if (!found.containsValue(ResidentField.NAME)
        || !found.containsValue(ResidentField.RESIDENT_ID)) {
      return Optional.empty();
    }
    return Optional.of(new PersonColumns(found, unit));
  }

  /** The row from its cells (0-based column → text). */
  ImportRow row(int rowNumber, Map<Integer, String> cells) {
    Map<ResidentField, String> values = new EnumMap<>(ResidentField.class);
    fields.forEach(
        (col, field) -> {
          String v = cells.get(col);
          if (v != null) {
            values.put(field, v);
          }
        });
    String unit = unitColumn < 0 ? "" : cells.getOrDefault(unitColumn, "");
    return new ImportRow(rowNumber, unit.strip(), new ResidentInput(values));
  }

  /** The row from a list of cells (CSV). */
  ImportRow row(int rowNumber, List<String> cells) {
    Map<Integer, String> m = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      m.put(i, cells.get(i));
    }
    return row(rowNumber, m);
  }

  static String headerHint(int searchRows) {
    return "前" + searchRows + "行中找不到表头（应包含“姓名”“公民身份号码”等列），请使用系统提供的模板";
  }

  static List<String> templateHeaders() {
    return new ArrayList<>(TEMPLATE);
  }
}
