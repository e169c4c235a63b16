package xuanju.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.HolidayShift;
import xuanju.core.schedule.Milestone;
import xuanju.core.schedule.MilestoneStatus;
import xuanju.core.schedule.PeriodUnit;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.Schedules;
import xuanju.core.schedule.Timeline;
import xuanju.core.schedule.TimelineTemplate;
import xuanju.core.schedule.TimelineTemplates;

/**
 * {@code ./xuanju timeline}: the election timeline (选举时间表) of a template for a given election or
 * meeting day, as a Chinese table or JSON; with {@code --actual} it checks actual dates.
 *
 * <p>Exit status: 0 done (warnings such as an unknown calendar year do not change it); 2 bad input;
 * 3 when {@code --actual} dates miss a deadline of severity ERROR.
 */
final class TimelineCommand implements Command {
  static final int EXIT_MISSED = 3;
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  @Override
  public String name() {
    return "timeline";
  }

  @Override
  public String summaryZh() {
    return "按选举日倒排选举时间表（法定期限、公示期、节假日顺延），可核对实际日期";
  }

  @Override
  public String usage() {
    return """
        用法：./xuanju timeline --type 类型 --date yyyy-MM-dd [选项]

        按选举日（党支部为党员大会召开日）计算各项法定期限和公示期，默认输出中文表格。

        类型（--type）：
        %s
        选项：
          --working-days        公示期按工作日计算（默认按日历日；仅影响党支部模板的公示期）
          --calendar 文件        载入本地节假日日历（每行：日期,休或班,名称,来源），补充 tyme4j 未收录的年份
          --actual 事项=日期     填写实际日期以核对是否逾期，可重复，如 --actual voterList=2026-11-02
          --forward-shift 方式   期间末日遇休息日：next（默认，民法典第二百零三条顺延）、none、previous
          --fixed-shift 方式     “选举日的N日以前”遇休息日：none（默认，不顺延）、next、previous
          --json                输出 JSON

        退出状态：0 完成；2 输入错误；3 核对实际日期时有截止期限逾期（严重程度 ERROR）。
        格式说明见 docs/formats/timeline.md。"""
        .formatted(
            TimelineTemplates.all().stream()
                .map(t -> "  " + t.id() + "  " + t.nameZh())
                .collect(Collectors.joining("\n")));
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    String type = null;
    LocalDate date = null;
    boolean json = false;
    ScheduleSettings settings = ScheduleSettings.defaults();
    HolidayCalendar calendar = HolidayCalendar.tyme4j();
    Map<String, LocalDate> actual = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--type" -> type = value(args, ++i, a);
        case "--date" -> date = parseDate(value(args, ++i, a), "--date");
        case "--json" -> json = true;
        case "--working-days" -> settings = settings.withPublicityUnit(PeriodUnit.WORKING_DAYS);
        case "--calendar" -> calendar = loadCalendar(calendar, value(args, ++i, a));
        case "--forward-shift" ->
            settings = settings.withForwardPeriods(parseShift(value(args, ++i, a), a));
        case "--fixed-shift" ->
            settings = settings.withFixedDeadlines(parseShift(value(args, ++i, a), a));
        case "--actual" -> {
          String v = value(args, ++i, a);
          int eq = v.indexOf('=');
          if (eq <= 0) {
            throw new CliException(
                "--actual", "应写成 事项=日期，如 voterList=2026-11-02，实际为 \"" + v + "\"");
          }
          String id = v.substring(0, eq).strip();
          if (actual.put(id, parseDate(v.substring(eq + 1).strip(), "--actual " + id)) != null) {
            throw new CliException("--actual " + id, "同一事项填写了两次");
          }
        }
        default -> throw new CliException(a, "未知参数。运行 ./xuanju help timeline 查看用法");
      }
    }
    if (type == null) {
      throw new CliException("--type", "缺少时间表类型，可用：" + templateIds());
    }
    if (date == null) {
      throw new CliException("--date", "缺少选举日（yyyy-MM-dd）");
    }
    String typeId = type;
    TimelineTemplate template =
        TimelineTemplates.byId(type.toUpperCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new CliException("--type", "未知的时间表类型 \"" + typeId + "\"，可用：" + templateIds()));
    Timeline t;
    try {
      t = Schedules.check(template, date, settings, calendar, actual);
    } catch (InvalidInputException e) {
      throw new CliException(
          e.field().startsWith("actual.") ? "--actual " + e.field().substring(7) : e.field(),
          e.getMessage());
    }
    if (json) {
      JsonMapper mapper = JsonMapper.builder().build();
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(mapper, t)));
    } else {
      printTable(out, t, !actual.isEmpty());
    }
    return t.findings().errors().isEmpty() ? 0 : EXIT_MISSED;
  }

  private static String templateIds() {
    return TimelineTemplates.all().stream()
        .map(TimelineTemplate::id)
        .collect(Collectors.joining("、"));
  }

  static String value(List<String> args, int i, String option) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new CliException(option, "缺少参数值");
    }
    return args.get(i);
  }

  static LocalDate parseDate(String text, String field) {
    try {
      return LocalDate.parse(text, ISO);
    } catch (DateTimeParseException e) {
      throw new CliException(field, "无法识别的日期 \"" + text + "\"，应为 yyyy-MM-dd");
    }
  }

  private static HolidayShift parseShift(String text, String option) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "next" -> HolidayShift.NEXT_WORKDAY;
      case "none" -> HolidayShift.NONE;
      case "previous" -> HolidayShift.PREVIOUS_WORKDAY;
      default -> throw new CliException(option, "应为 next、none 或 previous，实际为 \"" + text + "\"");
    };
  }

  private static HolidayCalendar loadCalendar(HolidayCalendar base, String file) {
    Path path = Path.of(file);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException("--calendar", "文件不存在：" + file);
    } catch (IOException e) {
      throw new CliException("--calendar", "无法读取文件 " + file + "（" + e.getMessage() + "）");
    }
    try {
      return base.withEntries(HolidayCalendar.parse(text, path.getFileName().toString()));
    } catch (InvalidInputException e) {
      throw new CliException(e.field(), e.getMessage() + "（文件 " + file + "）");
    }
  }

  // ---------------------------------------------------------------- table

  private static void printTable(PrintStream out, Timeline t, boolean withStatus) {
    ScheduleSettings s = t.settings();
    out.println(t.nameZh() + " 时间表（" + t.anchorZh() + " " + t.anchorDay() + "）");
    out.println(
        "期间计算：起算日不计入（民法典第二百零一条）；期间末日遇休息日："
            + s.forwardPeriods().labelZh()
            + "；“选举日的N日以前”遇休息日："
            + s.fixedDeadlines().labelZh()
            + "；公示期单位："
            + (s.publicityUnit() == PeriodUnit.WORKING_DAYS ? "工作日" : "日历日"));
    out.println();
    String[] head =
        withStatus
            ? new String[] {"日期", "类型", "事项", "规则代码", "依据", "实际", "状态"}
            : new String[] {"日期", "类型", "事项", "规则代码", "依据"};
    int[] widths = withStatus ? new int[] {24, 8, 34, 44, 0, 12, 4} : new int[] {24, 8, 34, 44, 0};
    List<String[]> rows = new java.util.ArrayList<>();
    for (Milestone m : t.milestones()) {
      String[] cells =
          withStatus
              ? new String[] {
                m.datesZh(),
                m.kind().labelZh(),
                m.titleZh(),
                m.ruleCode(),
                m.citation().display(),
                m.actual() == null ? "" : m.actual().toString(),
                m.status() == MilestoneStatus.PLANNED ? "" : m.status().labelZh()
              }
              : new String[] {
                m.datesZh(), m.kind().labelZh(), m.titleZh(), m.ruleCode(), m.citation().display()
              };
      rows.add(cells);
    }
    // the citation column is free width unless status columns follow
    if (withStatus) {
      int w = displayWidth(head[4]);
      for (String[] r : rows) {
        w = Math.max(w, displayWidth(r[4]));
      }
      widths[4] = w + 2;
    }
    out.println(line(head, widths));
    for (int i = 0; i < rows.size(); i++) {
      out.println(line(rows.get(i), widths));
      out.println("    └ " + t.milestones().get(i).computationZh());
    }
    List<Finding> all = t.findings().all();
    if (!all.isEmpty()) {
      out.println();
      out.println("提示：");
      for (Finding f : all) {
        out.println("  [" + severityZh(f) + "] " + f.code() + " " + f.messageZh());
      }
    }
  }

  static String severityZh(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "错误";
      case WARNING -> "警告";
      case NOTICE -> "说明";
    };
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      sb.append(cells[i]);
      if (i < cells.length - 1) {
        int pad = Math.max(1, widths[i] - displayWidth(cells[i]));
        sb.append(" ".repeat(pad));
      }
    }
    return sb.toString().stripTrailing();
  }

  /** Terminal width: CJK and full-width characters take two columns. */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  // ---------------------------------------------------------------- JSON

  private static ObjectNode toJson(JsonMapper mapper, Timeline t) {
    ObjectNode root = mapper.createObjectNode();
    root.put("type", t.templateId());
    root.put("nameZh", t.nameZh());
    root.put("anchorZh", t.anchorZh());
    root.put("date", t.anchorDay().toString());
    ObjectNode s = root.putObject("settings");
    s.put("forwardPeriods", t.settings().forwardPeriods().name());
    s.put("fixedDeadlines", t.settings().fixedDeadlines().name());
    s.put("publicityUnit", t.settings().publicityUnit().name());
    root.put("allMet", t.allMet());
    ArrayNode ms = root.putArray("milestones");
    for (Milestone m : t.milestones()) {
      ObjectNode n = ms.addObject();
      n.put("id", m.id());
      n.put("kind", m.kind().name());
      if (m.from() == null) {
        n.putNull("from");
      } else {
        n.put("from", m.from().toString());
      }
      n.put("to", m.to().toString());
      n.put("titleZh", m.titleZh());
      n.put("ruleCode", m.ruleCode());
      n.put("severity", m.rule().severity().name());
      n.put("messageZh", m.rule().messageZh());
      n.set("citation", citationJson(mapper, m.citation()));
      n.put("computationZh", m.computationZh());
      if (m.actual() == null) {
        n.putNull("actual");
      } else {
        n.put("actual", m.actual().toString());
      }
      n.put("status", m.status().name());
    }
    root.set("findings", findingsJson(mapper, t.findings()));
    return root;
  }

  static ObjectNode citationJson(JsonMapper mapper, Citation c) {
    ObjectNode n = mapper.createObjectNode();
    n.put("document", c.document());
    n.put("article", c.article());
    n.put("sourceId", c.sourceId());
    n.put("confidence", c.confidence().name());
    n.put("display", c.display());
    return n;
  }

  /** Findings as one array: errors, then warnings, then notices, each sorted by code. */
  static ArrayNode findingsJson(JsonMapper mapper, Findings findings) {
    ArrayNode arr = mapper.createArrayNode();
    for (Finding f : findings.all()) {
      ObjectNode n = arr.addObject();
      n.put("code", f.code());
      n.put("severity", f.severity().name());
      n.put("messageZh", f.messageZh());
      ArrayNode fields = n.putArray("fields");
      f.fields().forEach(fields::add);
      ObjectNode facts = n.putObject("facts");
      for (Map.Entry<String, Object> e : f.facts().entrySet()) {
        Object v = e.getValue();
        if (v instanceof Long l) {
          facts.put(e.getKey(), l);
        } else if (v instanceof Integer i) {
          facts.put(e.getKey(), i);
        } else if (v instanceof Boolean b) {
          facts.put(e.getKey(), b);
        } else {
          facts.put(e.getKey(), String.valueOf(v));
        }
      }
      n.set("citation", citationJson(mapper, f.rule().citation()));
    }
    return arr;
  }
}
