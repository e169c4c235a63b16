package xuanju.cli;

import java.io.IOException;
import java.io.PrintStream;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaResult;
import xuanju.core.quota.QuotaSet;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.quota.Share;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;

/**
 * {@code ./xuanju quota FILE}: checks a candidate or elected list against composition quotas
 * (结构要求检查) and prints JSON findings.
 *
 * <p>Exit status: 0 every requirement met; 3 a requirement is not met; 2 bad input (malformed JSON,
 * missing or unknown field, bad date, unknown quota set).
 */
final class QuotaCommand implements Command {
  static final int EXIT_NOT_MET = 3;

  private static final Set<String> ROOT_FIELDS =
      Set.of("quotaSet", "requirements", "referenceDate", "people", "comment");
  private static final Set<String> PERSON_FIELDS =
      Set.of("id", "name", "gender", "birthDate", "ethnicity", "partyMember", "tags");
  private static final Set<String> REQUIREMENT_FIELDS =
      Set.of("id", "attribute", "years", "tags", "comparison", "count", "share", "citation");
  private static final Set<String> CITATION_FIELDS =
      Set.of("document", "article", "sourceId", "confidence");

  @Override
  public String name() {
    return "quota";
  }

  @Override
  public String summaryZh() {
    return "检查候选人或当选人名单的结构要求（女性、少数民族、年龄、党员比例、领导干部等）";
  }

  @Override
  public String usage() {
    return """
        用法：./xuanju quota 文件.json

        文件内容：{"quotaSet": "内置结构要求", "requirements": [自定义要求], "referenceDate": "yyyy-MM-dd",
                   "people": [{"id", "name", "gender", "birthDate", "ethnicity", "partyMember", "tags"}]}
        quotaSet 与 requirements 至少给出一个；有年龄要求时必须给出 referenceDate（一般为选举日）。

        内置结构要求（quotaSet）：
        %s

        输出 JSON（每项要求的实际人数、还差或超出人数，以及规则代码）。
        退出状态：0 全部符合；3 有结构要求未达到；2 输入错误。
        格式说明见 docs/formats/quota.md。"""
        .formatted(
            QuotaSets.all().stream()
                .map(s -> "  " + s.id() + "  " + s.nameZh())
                .collect(Collectors.joining("\n")));
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.size() != 1 || args.get(0).startsWith("--")) {
      throw new CliException("FILE", "需要且只需要一个 JSON 文件参数。运行 ./xuanju help quota 查看用法");
    }
    String file = args.get(0);
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException("FILE", "文件不存在：" + file);
    } catch (IOException e) {
      throw new CliException("FILE", "无法读取文件 " + file + "（" + e.getMessage() + "）");
    }
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    JsonNode root;
    try {
      root = mapper.readTree(text);
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
    Input in = parse(root);
    QuotaCheck check;
    try {
      check = Quotas.check(in.requirements(), in.people(), in.referenceDate());
    } catch (InvalidInputException e) {
      throw new CliException(e.field(), e.getMessage());
    }
    out.println(
        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(mapper, in, check)));
    return check.allMet() ? 0 : EXIT_NOT_MET;
  }

  /** The parsed input file. */
  record Input(
      String quotaSetId,
      String nameZh,
      List<QuotaRequirement> requirements,
      LocalDate referenceDate,
      List<Person> people) {}

  static Input parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new CliException("(根)", "应为 JSON 对象");
    }
    checkFields(root, ROOT_FIELDS, "");
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
    LocalDate ref = null;
    JsonNode refNode = root.get("referenceDate");
    if (refNode != null && !refNode.isNull()) {
      ref = TimelineCommand.parseDate(string(refNode, "referenceDate"), "referenceDate");
    }
    JsonNode peopleNode = root.get("people");
    if (peopleNode == null || peopleNode.isNull()) {
      throw new CliException("people", "缺少字段（名单）");
    }
    if (!peopleNode.isArray()) {
      throw new CliException("people", "应为数组");
    }
    if (peopleNode.isEmpty()) {
      throw new CliException("people", "名单为空");
    }
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < peopleNode.size(); i++) {
      people.add(person(peopleNode.get(i), "people[" + i + "]"));
    }
    return new Input(setId, nameZh, reqs, ref, people);
  }

  private static Person person(JsonNode n, String path) {
    if (!n.isObject()) {
      throw new CliException(path, "应为对象");
    }
    checkFields(n, PERSON_FIELDS, path + ".");
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

  private static QuotaRequirement requirement(JsonNode n, String path) {
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

  private static Citation citation(JsonNode n, String path) {
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

  private static void checkFields(JsonNode n, Set<String> allowed, String prefix) {
    for (String name : n.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new CliException(
            prefix + name, "未知字段，可用：" + String.join("、", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static String required(JsonNode n, String field, String path) {
    String v = optionalString(n, field, path);
    if (v == null || v.isBlank()) {
      throw new CliException(path + "." + field, "缺少字段");
    }
    return v;
  }

  private static String optionalString(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return string(v, path + "." + field);
  }

  private static String string(JsonNode v, String field) {
    if (!v.isString()) {
      throw new CliException(field, "应为字符串");
    }
    return v.stringValue();
  }

  private static Set<String> stringSet(JsonNode v, String field) {
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

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
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

  // ---------------------------------------------------------------- JSON output

  private static ObjectNode toJson(JsonMapper mapper, Input in, QuotaCheck check) {
    ObjectNode root = mapper.createObjectNode();
    if (in.quotaSetId() == null) {
      root.putNull("quotaSet");
    } else {
      root.put("quotaSet", in.quotaSetId());
    }
    root.put("nameZh", in.nameZh());
    if (in.referenceDate() == null) {
      root.putNull("referenceDate");
    } else {
      root.put("referenceDate", in.referenceDate().toString());
    }
    root.put("total", check.total());
    root.put("allMet", check.allMet());
    ArrayNode results = root.putArray("results");
    for (QuotaResult r : check.results()) {
      QuotaRequirement q = r.requirement();
      ObjectNode n = results.addObject();
      n.put("id", q.id());
      n.put("ruleCode", q.rule().code());
      n.put("requirementZh", q.requirementZh());
      ObjectNode req = n.putObject("requirement");
      req.put("attribute", q.attribute().kind().name());
      if (q.attribute().kind().age()) {
        req.put("years", q.attribute().years());
      }
      if (!q.attribute().tags().isEmpty()) {
        ArrayNode tags = req.putArray("tags");
        q.attribute().tags().stream().sorted().forEach(tags::add);
      }
      req.put("comparison", q.comparison().name());
      if (q.count() != null) {
        req.put("count", q.count());
      } else {
        req.put("share", q.share().numerator() + "/" + q.share().denominator());
      }
      n.put("actual", r.count());
      n.put("total", r.total());
      n.put("bound", r.bound());
      n.put("met", r.met());
      n.put("missing", r.missing());
      n.put("excess", r.excess());
      ArrayNode unknown = n.putArray("unknown");
      r.unknown().forEach(unknown::add);
      n.put("test", r.step().test());
      n.put("explanationZh", r.step().explanationZh());
      n.set("citation", TimelineCommand.citationJson(mapper, q.citation()));
    }
    ArrayNode findings = TimelineCommand.findingsJson(mapper, check.findings());
    // a quota finding cites its own requirement's source rather than the generic rule's
    for (int i = 0; i < findings.size(); i++) {
      ObjectNode f = (ObjectNode) findings.get(i);
      String reqId = f.get("facts").path("requirement").asString(null);
      for (QuotaRequirement q : in.requirements()) {
        if (q.id().equals(reqId)) {
          f.set("citation", TimelineCommand.citationJson(mapper, q.citation()));
        }
      }
    }
    root.set("findings", findings);
    return root;
  }
}
