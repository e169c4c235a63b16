package xuanju.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaResult;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.slate.Nominee;
import xuanju.core.slate.SlateRequest;
import xuanju.core.slate.SlateResult;
import xuanju.core.slate.Slates;

/**
 * {@code ./xuanju slate FILE [--json]}: proposes a slate (代表人选建议名单) of exactly N from the
 * recommended people, meeting every composition quota, keeping the locked people and with the most
 * recommendation votes; or explains, with numbers, why there is none.
 *
 * <p>Exit status: 0 a slate; 3 no slate (the reasons are printed); 2 bad input.
 */
final class SlateCommand implements Command {
  static final int EXIT_NO_SLATE = 3;

  private static final Set<String> ROOT_FIELDS =
      Set.of(
          "comment",
          "seats",
          "quotaSet",
          "requirements",
          "referenceDate",
          "locked",
          "timeLimitSeconds",
          "people");
  private static final Set<String> PERSON_FIELDS;

  static {
    Set<String> f = new HashSet<>(QuotaFile.PERSON_FIELDS);
    f.add("support");
    PERSON_FIELDS = Set.copyOf(f);
  }

  @Override
  public String name() {
    return "slate";
  }

  @Override
  public String summaryZh() {
    return "按结构要求和推荐票提出代表人选建议名单（无解时说明原因）";
  }

  @Override
  public String usage() {
    return """
        用法：./xuanju slate 文件.json [--json]

        文件内容：{"seats": 应选名额, "quotaSet": "内置结构要求", "requirements": [自定义要求],
                   "referenceDate": "yyyy-MM-dd", "locked": ["已锁定人选编号"], "timeLimitSeconds": 10,
                   "people": [{"id", "name", "gender", "birthDate", "ethnicity", "partyMember", "tags",
                               "support"}]}
        support 为推荐票数；tags 为代表身份界定（领导干部、基层一线、先进模范、工人、专业技术人员等），
        领导干部不得同时界定为基层一线。

        得出恰好 N 名、符合全部结构要求、包含全部锁定人选且推荐票总数最高的名单；
        无解时逐项说明原因（人数对比）。默认输出中文表格，--json 输出 JSON。
        退出状态：0 已得出名单；3 无解或未得出结论；2 输入错误。
        格式说明见 docs/formats/slate.md。""";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    String file = null;
    boolean json = false;
    for (String a : args) {
      if (a.equals("--json")) {
        json = true;
      } else if (a.startsWith("--")) {
        throw new CliException(a, "未知选项。运行 ./xuanju help slate 查看用法");
      } else if (file == null) {
        file = a;
      } else {
        throw new CliException("FILE", "只能给出一个 JSON 文件");
      }
    }
    if (file == null) {
      throw new CliException("FILE", "缺少 JSON 文件参数。运行 ./xuanju help slate 查看用法");
    }
    JsonMapper mapper = QuotaFile.mapper();
    Input in = parse(QuotaFile.readJson(file, mapper));
    SlateResult result = Slates.propose(in.request(), in.timeLimitMillis());
    if (json) {
      out.println(
          mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(mapper, in, result)));
    } else {
      SlateTable.print(out, in, result);
    }
    return result.hasSlate() ? 0 : EXIT_NO_SLATE;
  }

  /** The parsed file. */
  record Input(String quotaSetId, String nameZh, SlateRequest request, long timeLimitMillis) {}

  static Input parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new CliException("(根)", "应为 JSON 对象");
    }
    QuotaFile.checkFields(root, ROOT_FIELDS, "");
    int seats = (int) integer(root.get("seats"), "seats", 1, SlateRequest.MAX_POOL, true);
    long limit = integer(root.get("timeLimitSeconds"), "timeLimitSeconds", 1, 600, false);
    QuotaFile.Requirements reqs = QuotaFile.requirements(root);
    LocalDate ref = null;
    JsonNode refNode = root.get("referenceDate");
    if (refNode != null && !refNode.isNull()) {
      ref = TimelineCommand.parseDate(QuotaFile.string(refNode, "referenceDate"), "referenceDate");
    }
    JsonNode peopleNode = root.get("people");
    if (peopleNode == null || peopleNode.isNull()) {
      throw new CliException("people", "缺少字段（推荐人选名单）");
    }
    if (!peopleNode.isArray() || peopleNode.isEmpty()) {
      throw new CliException("people", "应为非空数组");
    }
    List<Nominee> pool = new ArrayList<>();
    for (int i = 0; i < peopleNode.size(); i++) {
      String path = "people[" + i + "]";
      JsonNode n = peopleNode.get(i);
      Person p = QuotaFile.person(n, path, PERSON_FIELDS);
      long support = integer(n.get("support"), path + ".support", 0, Nominee.MAX_SUPPORT, true);
      pool.add(new Nominee(p, support));
    }
    Set<String> locked = new LinkedHashSet<>();
    JsonNode lockNode = root.get("locked");
    if (lockNode != null && !lockNode.isNull()) {
      if (!lockNode.isArray()) {
        throw new CliException("locked", "应为字符串数组");
      }
      for (int i = 0; i < lockNode.size(); i++) {
        String id = QuotaFile.string(lockNode.get(i), "locked[" + i + "]");
        if (!locked.add(id)) {
          throw new CliException("locked[" + i + "]", "锁定人选重复：" + id);
        }
      }
    }
    try {
      SlateRequest request = new SlateRequest(pool, seats, reqs.list(), ref, locked);
      return new Input(
          reqs.setId(),
          reqs.nameZh(),
          request,
          limit == 0 ? Slates.DEFAULT_TIME_LIMIT_MILLIS : limit * 1000);
    } catch (InvalidInputException e) {
      throw new CliException(e.field(), e.getMessage());
    }
  }

  /** An integer field in [min, max]; 0 when absent and not required. */
  private static long integer(JsonNode v, String field, long min, long max, boolean required) {
    if (v == null || v.isNull()) {
      if (required) {
        throw new CliException(field, "缺少字段");
      }
      return 0;
    }
    if (!v.isIntegralNumber()
        || !v.canConvertToLong()
        || v.longValue() < min
        || v.longValue() > max) {
      throw new CliException(field, "应为" + min + "至" + max + "之间的整数，实际为 " + v);
    }
    return v.longValue();
  }

  /** Age in full years on the reference date, or null. */
  static Integer age(Person p, LocalDate ref) {
    if (p.birthDate() == null || ref == null) {
      return null;
    }
    return Period.between(p.birthDate(), ref).getYears();
  }

  // ---------------------------------------------------------------- JSON output

  private static ObjectNode toJson(JsonMapper mapper, Input in, SlateResult r) {
    SlateRequest q = in.request();
    ObjectNode root = mapper.createObjectNode();
    root.put("status", r.status().name());
    root.put("statusZh", r.status().labelZh());
    root.put("seats", q.seats());
    if (in.quotaSetId() == null) {
      root.putNull("quotaSet");
    } else {
      root.put("quotaSet", in.quotaSetId());
    }
    root.put("nameZh", in.nameZh());
    if (q.referenceDate() == null) {
      root.putNull("referenceDate");
    } else {
      root.put("referenceDate", q.referenceDate().toString());
    }
    root.put("poolSize", q.pool().size());
    ArrayNode locked = root.putArray("locked");
    q.pool().stream().map(Nominee::id).filter(q::isLocked).forEach(locked::add);
    root.put("totalSupport", r.totalSupport());
    ArrayNode slate = root.putArray("slate");
    int rank = 1;
    for (Nominee n : r.slate()) {
      Person p = n.person();
      ObjectNode o = slate.addObject();
      o.put("rank", rank++);
      o.put("id", p.id());
      o.put("name", p.name());
      o.put("support", n.support());
      o.put("locked", q.isLocked(p.id()));
      Integer age = age(p, q.referenceDate());
      if (age == null) {
        o.putNull("age");
      } else {
        o.put("age", age);
      }
      ArrayNode tags = o.putArray("tags");
      p.tags().stream().sorted().forEach(tags::add);
    }
    ArrayNode quota = root.putArray("quota");
    if (r.check() != null) {
      for (QuotaResult res : r.check().results()) {
        ObjectNode o = quota.addObject();
        o.put("id", res.requirement().id());
        o.put("ruleCode", res.requirement().rule().code());
        o.put("requirementZh", res.requirement().requirementZh());
        o.put("actual", res.count());
        o.put("bound", res.bound());
        o.put("met", res.met());
        o.put("explanationZh", res.step().explanationZh());
      }
    }
    ArrayNode findings = TimelineCommand.findingsJson(mapper, r.findings());
    // a finding on one requirement cites that requirement's own source, as in ./xuanju quota
    for (int i = 0; i < findings.size(); i++) {
      Object reqId = r.findings().all().get(i).facts().get("requirement");
      for (QuotaRequirement req : q.requirements()) {
        if (req.id().equals(reqId)) {
          ((ObjectNode) findings.get(i))
              .set("citation", TimelineCommand.citationJson(mapper, req.citation()));
        }
      }
    }
    root.set("findings", findings);
    return root;
  }
}
