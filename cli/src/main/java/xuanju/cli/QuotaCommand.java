package xuanju.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaResult;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
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
    JsonMapper mapper = QuotaFile.mapper();
    JsonNode root = QuotaFile.readJson(args.get(0), mapper);
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
    QuotaFile.checkFields(root, ROOT_FIELDS, "");
    QuotaFile.Requirements reqs = QuotaFile.requirements(root);
    LocalDate ref = null;
    JsonNode refNode = root.get("referenceDate");
    if (refNode != null && !refNode.isNull()) {
      ref = TimelineCommand.parseDate(QuotaFile.string(refNode, "referenceDate"), "referenceDate");
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
      people.add(QuotaFile.person(peopleNode.get(i), "people[" + i + "]"));
    }
    return new Input(reqs.setId(), reqs.nameZh(), reqs.list(), ref, people);
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
