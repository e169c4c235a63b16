package xuanju.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaSet;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Share;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;

/**
 * The parts of a composition file (结构要求文件) that {@code quota} and {@code slate} share: the strict
 * JSON reader, the requirements (built-in set and inline), the people, and the field checks. Bad
 * input is a {@link CliException} naming the field.
 */
final class QuotaFile {
  private QuotaFile() {}

  static final Set<String> PERSON_FIELDS =
      Set.of("id", "name", "gender", "birthDate", "ethnicity", "partyMember", "tags");
  private static final Set<String> REQUIREMENT_FIELDS =
      Set.of("id", "attribute", "years", "tags", "comparison", "count", "share", "citation");
  private static final Set<String> CITATION_FIELDS =
      Set.of("document", "article", "sourceId", "confidence");

  /** A strict JSON reader: trailing tokens and duplicate keys are errors. */
  static JsonMapper mapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** Reads a JSON file; a missing file or malformed JSON is one line naming the file. */
  static JsonNode readJson(String file, JsonMapper mapper) {
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException("FILE", "文件不存在：" + file);
    } catch (IOException e) {
      throw new CliException("FILE", "无法读取文件 " + file + "（" + e.getMessage() + "）");
    }
    try {
      return mapper.readTree(text);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "第" + e.getLocation().getLineNr() + "行第" + e.getLocation().getColumnNr() + "列：";
      String msg = e.getOriginalMessage();
      int cut = msg.indexOf(" (start marker");
      msg = (cut > 0 ? msg.substring(0, cut) : msg).lines().findFirst().orElse("");
      throw new CliException(file, "不是有效的 JSON，" + where + msg);
    }
  }

  /** The requirements of a file: a built-in set ({@code quotaSet}), inline ones, or both. */
  record Requirements(String setId, String nameZh, List<QuotaRequirement> list) {}

  static Requirements requirements(JsonNode root) {
    List<QuotaRequirement> reqs = new ArrayList<>();
    String setId = null;
    String nameZh = "自定义结构要求";
    JsonNode set = root.get("quotaSet");
    if (set != null && !set.isNull()) {
      setId = string(set, "quotaSet");
      String id = setId;
      QuotaSet qs =
          QuotaSets.byId(setId.toUpperCase(Locale.ROOT))
              .orElseThrow(
                  () ->
                      new CliException(
                          "quotaSet",
                          "未知的结构要求 \""
                              + id
                              + "\"，可用："
                              + QuotaSets.all().stream()
                                  .map(QuotaSet::id)
                                  .collect(Collectors.joining("、"))));
      setId = qs.id();
      nameZh = qs.nameZh();
      reqs.addAll(qs.requirements());
    }
    JsonNode inline = root.get("requirements");
    if (inline != null && !inline.isNull()) {
      if (!inline.isArray()) {
        throw new CliException("requirements", "应为数组");
      }
      for (int i = 0; i < inline.size(); i++) {
        reqs.add(requirement(inline.get(i), "requirements[" + i + "]"));
      }
      if (setId != null && !inline.isEmpty()) {
        nameZh = nameZh + " + 自定义要求";
      }
    }
    if (reqs.isEmpty()) {
      throw new CliException("quotaSet", "缺少结构要求：请给出 quotaSet 或 requirements");
    }
    return new Requirements(setId, nameZh, reqs);
  }

  static Person person(JsonNode n, String path) {
    return person(n, path, PERSON_FIELDS);
  }

  /** A person; {@code allowed} lists the fields a person may have in this file. */
  static Person person(JsonNode n, String path, Set<String> allowed) {
    if (!n.isObject()) {
      throw new CliException(path, "应为对象");
    }
    checkFields(n, allowed, path + ".");
    JsonNode idNode = n.get("id");
    if (idNode == null || idNode.isNull()) {
      throw new CliException(path + ".id", "缺少字段");
    }
    String id = idNode.isNumber() ? idNode.asString() : string(idNode, path + ".id");
    if (id.isBlank()) {
      throw new CliException(path + ".id", "不能为空");
    }
    Gender gender = null;
    String g = optionalString(n, "gender", path);
    if (g != null) {
      String gText = g;
      gender =
          Gender.parse(g)
              .orElseThrow(
                  () -> new CliException(path + ".gender", "应为“男”或“女”，实际为 \"" + gText + "\""));
    }
    String birth = optionalString(n, "birthDate", path);
    LocalDate birthDate =
        birth == null ? null : TimelineCommand.parseDate(birth, path + ".birthDate");
    Boolean party = null;
    JsonNode p = n.get("partyMember");
    if (p != null && !p.isNull()) {
      if (!p.isBoolean()) {
        throw new CliException(path + ".partyMember", "应为 true 或 false");
      }
      party = p.booleanValue();
    }
    try {
      return new Person(
          id,
          optionalString(n, "name", path),
          gender,
          birthDate,
          optionalString(n, "ethnicity", path),
          party,
          stringSet(n.get("tags"), path + ".tags"));
    } catch (InvalidInputException e) {
      throw new CliException(path + "." + e.field(), e.getMessage());
    }
  }

  static QuotaRequirement requirement(JsonNode n, String path) {
    if (n == null || !n.isObject()) {
      throw new CliException(path, "应为对象");
    }
    checkFields(n, REQUIREMENT_FIELDS, path + ".");
    String id = required(n, "id", path);
    Attribute.Kind kind =
        enumValue(Attribute.Kind.class, required(n, "attribute", path), path + ".attribute");
    Comparison cmp =
        enumValue(Comparison.class, required(n, "comparison", path), path + ".comparison");
    int years = 0;
    if (kind.age()) {
      JsonNode y = n.get("years");
      if (y == null || !y.isIntegralNumber() || !y.canConvertToInt()) {
        throw new CliException(path + ".years", "年龄要求须给出整数 years（如 35）");
      }
      years = y.intValue();
    }
    Set<String> tags = stringSet(n.get("tags"), path + ".tags");
    JsonNode count = n.get("count");
    JsonNode share = n.get("share");
    boolean hasCount = count != null && !count.isNull();
    boolean hasShare = share != null && !share.isNull();
    if (hasCount == hasShare) {
      throw new CliException(path, "须给出人数 count 或比例 share 之一");
    }
    try {
      Attribute attribute = new Attribute(kind, years, tags);
      Citation citation = citation(n.get("citation"), path + ".citation");
      if (hasCount) {
        if (!count.isIntegralNumber() || !count.canConvertToLong() || count.longValue() < 0) {
          throw new CliException(path + ".count", "应为非负整数");
        }
        return QuotaRequirement.count(id, attribute, cmp, count.longValue(), citation);
      }
      return QuotaRequirement.share(
          id, attribute, cmp, Share.parse(string(share, path + ".share")), citation);
    } catch (InvalidInputException e) {
      throw new CliException(path + "." + e.field(), e.getMessage());
    }
  }

  static Citation citation(JsonNode n, String path) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isString()) {
      return Citation.of(n.stringValue(), "", "", Confidence.PLAN);
    }
    if (!n.isObject()) {
      throw new CliException(path, "应为对象或字符串");
    }
    checkFields(n, CITATION_FIELDS, path + ".");
    String doc = required(n, "document", path);
    String conf = optionalString(n, "confidence", path);
    return Citation.of(
        doc,
        optionalString(n, "article", path),
        optionalString(n, "sourceId", path),
        conf == null ? Confidence.PLAN : enumValue(Confidence.class, conf, path + ".confidence"));
  }

  static void checkFields(JsonNode n, Set<String> allowed, String prefix) {
    for (String name : n.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new CliException(
            prefix + name, "未知字段，可用：" + String.join("、", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  static String required(JsonNode n, String field, String path) {
    String v = optionalString(n, field, path);
    if (v == null || v.isBlank()) {
      throw new CliException(path + "." + field, "缺少字段");
    }
    return v;
  }

  static String optionalString(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return string(v, path + "." + field);
  }

  static String string(JsonNode v, String field) {
    if (!v.isString()) {
      throw new CliException(field, "应为字符串");
    }
    return v.stringValue();
  }

  static Set<String> stringSet(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      return Set.of();
    }
    if (!v.isArray()) {
      throw new CliException(field, "应为字符串数组");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(string(v.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder sb = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        sb.append(sb.length() == 0 ? "" : "、").append(c.name());
      }
      throw new CliException(field, "无法识别的值 \"" + text + "\"，可用：" + sb);
    }
  }
}
