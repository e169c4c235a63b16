package xuanju.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import xuanju.cli.round.Json;
import xuanju.core.district.ApportionmentInput;
import xuanju.core.district.DecidedTotal;
import xuanju.core.district.District;
import xuanju.core.district.DistrictBasis;
import xuanju.core.district.TownKind;
import xuanju.core.district.TownSeatsQuery;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.InvalidInputException;

/**
 * Reads an apportionment file (选区划分与名额分配文件, format in {@code docs/formats/apportion.md}). Every
 * error names the field as a JSON path, e.g. {@code districts[2].population}.
 */
final class ApportionFile {
  private ApportionFile() {}

  private static final Set<String> ROOT =
      Set.of(
          "formatVersion",
          "comment",
          "town",
          "townKind",
          "population",
          "extraFivePercent",
          "extraFivePercentDocument",
          "decidedTotal",
          "maxDeviation",
          "districts");
  private static final Set<String> DECIDED = Set.of("seats", "document");
  private static final Set<String> DISTRICT =
      Set.of("name", "basis", "units", "population", "seats", "comment");

  static ApportionmentInput read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("FILE", "文件不存在：" + file);
    } catch (IOException e) {
      throw new CliException("FILE", "无法读取文件 " + file + "（" + e.getMessage() + "）");
    }
    return parse(Json.parse(text, file.toString()));
  }

  static ApportionmentInput parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new CliException("(根)", "应为 JSON 对象");
    }
    fields(root, ROOT, "");
    JsonNode v = root.get("formatVersion");
    if (present(v) && (!v.isIntegralNumber() || v.intValue() != 1)) {
      throw new CliException("formatVersion", "只支持格式版本 1，实际为 " + v);
    }
    String townName = optionalString(root, "town", "");
    TownKind kind = null;
    String kindText = optionalString(root, "townKind", "");
    if (kindText != null) {
      kind =
          TownKind.parse(kindText)
              .orElseThrow(
                  () ->
                      new CliException(
                          "townKind",
                          "应为“乡”“民族乡”“镇”（或 TOWNSHIP、ETHNIC_TOWNSHIP、TOWN），实际为 \""
                              + kindText
                              + "\""));
    }
    long population = number(root.get("population"), "population", 1, District.MAX_POPULATION);
    boolean extra = false;
    JsonNode e = root.get("extraFivePercent");
    if (present(e)) {
      if (!e.isBoolean()) {
        throw new CliException("extraFivePercent", "应为 true 或 false");
      }
      extra = e.booleanValue();
    }
    String extraDoc = optionalString(root, "extraFivePercentDocument", "");
    if (extraDoc != null && !extra) {
      throw new CliException("extraFivePercentDocument", "只有 extraFivePercent 为 true 时才写决定文件");
    }
    DecidedTotal decided = null;
    JsonNode d = root.get("decidedTotal");
    if (present(d)) {
      if (!d.isObject()) {
        throw new CliException("decidedTotal", "应为对象 {\"seats\": 名额, \"document\": \"决定文件\"}");
      }
      fields(d, DECIDED, "decidedTotal.");
      int seats = (int) number(d.get("seats"), "decidedTotal.seats", 1, 1000);
      String doc = optionalString(d, "document", "decidedTotal.");
      try {
        decided = new DecidedTotal(seats, doc);
      } catch (InvalidInputException ex) {
        throw new CliException("decidedTotal." + ex.field(), ex.getMessage());
      }
    }
    Ratio limit = null;
    JsonNode m = root.get("maxDeviation");
    if (present(m)) {
      limit = ratio(m, "maxDeviation");
    }
    JsonNode ds = root.get("districts");
    if (!present(ds)) {
      throw new CliException("districts", "缺少字段（选区列表）");
    }
    if (!ds.isArray()) {
      throw new CliException("districts", "应为数组");
    }
    if (ds.isEmpty()) {
      throw new CliException("districts", "至少需要一个选区");
    }
    List<District> districts = new ArrayList<>();
    List<Integer> seats = new ArrayList<>();
    for (int i = 0; i < ds.size(); i++) {
      String path = "districts[" + i + "]";
      JsonNode n = ds.get(i);
      if (!n.isObject()) {
        throw new CliException(path, "应为对象");
      }
      fields(n, DISTRICT, path + ".");
      String name = optionalString(n, "name", path + ".");
      if (name == null || name.isBlank()) {
        throw new CliException(path + ".name", "缺少选区名称");
      }
      DistrictBasis basis = DistrictBasis.RESIDENCE;
      String b = optionalString(n, "basis", path + ".");
      if (b != null) {
        basis =
            DistrictBasis.parse(b)
                .orElseThrow(
                    () ->
                        new CliException(
                            path + ".basis",
                            "应为 RESIDENCE（按居住状况）或 WORKPLACE（按工作单位），实际为 \"" + b + "\""));
      }
      JsonNode u = n.get("units");
      if (!present(u)) {
        throw new CliException(path + ".units", "缺少字段（组成选区的村、社区或单位）");
      }
      if (!u.isArray()) {
        throw new CliException(path + ".units", "应为字符串数组");
      }
      List<String> units = new ArrayList<>();
      for (int k = 0; k < u.size(); k++) {
        units.add(string(u.get(k), path + ".units[" + k + "]"));
      }
      long pop = number(n.get("population"), path + ".population", 1, District.MAX_POPULATION);
      JsonNode s = n.get("seats");
      seats.add(present(s) ? (int) number(s, path + ".seats", 0, 1000) : null);
      try {
        districts.add(new District(name, basis, units, pop));
      } catch (InvalidInputException ex) {
        throw new CliException(path + "." + ex.field(), ex.getMessage());
      }
    }
    try {
      return new ApportionmentInput(
          townName,
          new TownSeatsQuery(kind, population, extra, extraDoc, decided),
          districts,
          seats,
          limit);
    } catch (InvalidInputException ex) {
      throw new CliException(ex.field(), ex.getMessage());
    }
  }

  /** Reads {@code "20%"}, {@code "12.5%"}, {@code "1/5"} or a number such as {@code 0.2}. */
  static Ratio ratio(JsonNode n, String field) {
    String t;
    if (n.isNumber()) {
      t = n.decimalValue().toPlainString();
    } else if (n.isString()) {
      t = n.stringValue().strip().replace('％', '%');
    } else {
      throw new CliException(field, "应写成 \"20%\" 或 \"1/5\"");
    }
    Ratio r;
    try {
      if (t.endsWith("%")) {
        BigDecimal pct = new BigDecimal(t.substring(0, t.length() - 1).strip());
        r = fromDecimal(pct.movePointLeft(2));
      } else if (t.contains("/")) {
        r = Ratio.parse(t);
      } else {
        r = fromDecimal(new BigDecimal(t));
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new CliException(field, "应写成 \"20%\" 或 \"1/5\"，实际为 " + n);
    }
    if (r.numerator() <= 0 || r.numerator() > r.denominator()) {
      throw new CliException(field, "偏离幅度上限应大于0且不超过100%，实际为 " + n);
    }
    return r;
  }

  private static Ratio fromDecimal(BigDecimal d) {
    d = d.stripTrailingZeros();
    if (d.signum() <= 0 || d.scale() > 6) {
      throw new IllegalArgumentException("not a share");
    }
    int scale = Math.max(d.scale(), 0);
    long den = BigInteger.TEN.pow(scale).longValueExact();
    return Ratio.of(d.movePointRight(scale).longValueExact(), den);
  }

  private static boolean present(JsonNode v) {
    return v != null && !v.isNull();
  }

  private static void fields(JsonNode n, Set<String> allowed, String prefix) {
    for (String name : n.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new CliException(
            prefix + name, "未知字段，可用：" + String.join("、", new TreeSet<>(allowed)));
      }
    }
  }

  private static String optionalString(JsonNode n, String field, String prefix) {
    JsonNode v = n.get(field);
    return present(v) ? string(v, prefix + field) : null;
  }

  private static String string(JsonNode v, String field) {
    if (v == null || !v.isString()) {
      throw new CliException(field, "应为字符串");
    }
    return v.stringValue();
  }

  private static long number(JsonNode v, String field, long min, long max) {
    if (!present(v)) {
      throw new CliException(field, "缺少字段");
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new CliException(field, "应为整数，实际为 " + v);
    }
    long x = v.longValue();
    if (x < min || x > max) {
      throw new CliException(field, "应为" + min + "至" + max + "之间的整数，实际为 " + x);
    }
    return x;
  }
}
