package xuanju.server.web;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Chinese descriptions of requests that Spring MVC could not bind (请求参数错误): a parameter that is not
 * a number, a date or one of the allowed values, a missing parameter, a {@link FreeText} too long.
 * Pages name the parameter by its Chinese name; the API also gives its name in {@code field}.
 */
public final class RequestProblems {
  private RequestProblems() {}

  /** One problem: the parameter's name (for the API) and the Chinese message. */
  public record Problem(String field, String message) {}

  /** Chinese names of the request parameters and path variables used by the controllers. */
  static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("id", "编号"),
          Map.entry("r", "轮次"),
          Map.entry("round", "轮次"),
          Map.entry("s", "选票叠编号"),
          Map.entry("stack", "选票叠"),
          Map.entry("box", "票箱编号"),
          Map.entry("boxId", "票箱编号"),
          Map.entry("stationId", "投票站编号"),
          Map.entry("nid", "推荐人选编号"),
          Map.entry("did", "资格审查记录编号"),
          Map.entry("rid", "记录编号"),
          Map.entry("exclusionId", "不计入应到会人数的记录编号"),
          Map.entry("memberId", "党员编号"),
          Map.entry("memberA", "党员编号"),
          Map.entry("memberB", "党员编号"),
          Map.entry("memberIds", "党员编号"),
          Map.entry("nomineeIds", "推荐人选编号"),
          Map.entry("organisationId", "组织编号"),
          Map.entry("parentId", "上级组织编号"),
          Map.entry("version", "版本号"),
          Map.entry("electionVersion", "版本号"),
          Map.entry("stage", "投票阶段"),
          Map.entry("seats", "应选名额"),
          Map.entry("secretarySeats", "书记名额"),
          Map.entry("deputySeats", "副书记名额"),
          Map.entry("currentCommitteeSize", "现任委员人数"),
          Map.entry("electionDay", "选举日期"),
          Map.entry("termYears", "任期年数"),
          Map.entry("termStart", "任期开始日期"),
          Map.entry("termExpiry", "任期届满日期"),
          Map.entry("hasCommittee", "是否设委员会"),
          Map.entry("kind", "类型"),
          Map.entry("role", "角色"),
          Map.entry("decision", "批复意见（同意或退回）"),
          Map.entry("meetingRule", "推荐会议规则"),
          Map.entry("publicityUnit", "公示期计算方式"),
          Map.entry("publicityDays", "公示天数"),
          Map.entry("expected", "应到人数"),
          Map.entry("present", "实到人数"),
          Map.entry("yes", "赞成人数"),
          Map.entry("no", "不赞成人数"),
          Map.entry("abstain", "弃权人数"),
          Map.entry("position", "选票序号"),
          Map.entry("outcome", "结果序号"),
          Map.entry("agreed", "同意人数"),
          Map.entry("electors", "选举人数"),
          Map.entry("issued", "发出选票数"),
          Map.entry("returned", "收回选票数"),
          Map.entry("spoiled", "作废选票数"),
          Map.entry("valid", "有效票数"),
          Map.entry("invalid", "无效票数"),
          Map.entry("typedVotes", "得票数"),
          Map.entry("upperRecommended", "是否上级推荐"),
          Map.entry("ballotLimit", "每张推荐票最多推荐人数"),
          Map.entry("minAge", "最低年龄"),
          Map.entry("maxAge", "最高年龄"),
          Map.entry("receivedOn", "收到日期"),
          Map.entry("postedOn", "张贴日期"),
          Map.entry("postingDate", "张贴日期"),
          Map.entry("adoptedDate", "通过日期"),
          Map.entry("mode", "导入方式"),
          Map.entry("page", "页码"),
          Map.entry("size", "每页条数"),
          Map.entry("format", "文件格式"),
          Map.entry("ext", "文件格式"),
          Map.entry("doc", "文件"),
          Map.entry("side", "录入遍次"),
          Map.entry("absent", "是否缺票"),
          Map.entry("identifying", "是否有规定以外的标记"),
          Map.entry("mobile", "是否流动票箱"),
          Map.entry("undo", "是否撤销签到"),
          Map.entry("file", "文件"),
          Map.entry("clientId", "选票编号"),
          Map.entry("marks", "选票符号"),
          Map.entry("entry", "录入遍次"),
          Map.entry("identifyingMarks", "是否有规定以外的标记"),
          Map.entry("comment", "意见"),
          Map.entry("name", "名称"),
          Map.entry("title", "选举名称"),
          Map.entry("username", "用户名"),
          Map.entry("q", "查找内容"),
          Map.entry("staff", "工作人员"),
          Map.entry("secretary", "书记候选人"),
          Map.entry("deputy", "副书记候选人"),
          Map.entry("keys", "候选人"),
          Map.entry("names", "候选人"),
          Map.entry("candidates", "候选人"),
          Map.entry("writeIns", "另选他人"),
          Map.entry("overrides", "规则参数调整"),
          Map.entry("overrideReason", "调整依据"),
          Map.entry("residentId", "公民身份号码"),
          Map.entry("districtId", "选区"),
          Map.entry("voterNo", "选民证号"),
          Map.entry("registeredOn", "登记日期"),
          Map.entry("publishedOn", "公布日期"),
          Map.entry("filedOn", "申诉提出日期"),
          Map.entry("decidedOn", "处理决定日期"),
          Map.entry("notifiedOn", "告知日期"),
          Map.entry("authorisedOn", "委托日期"),
          Map.entry("consentOn", "同意日期"),
          Map.entry("content", "内容"),
          Map.entry("reason", "理由"),
          Map.entry("objector", "申诉人"),
          Map.entry("population", "人口数"),
          Map.entry("decidedTotal", "决定的代表名额"),
          Map.entry("units", "组成单位"));

  /**
   * A request field in Chinese, for a page (e.g. {@code staff[1]} → 工作人员（第2项）, {@code
   * overrides.quorumRatio} → 规则参数调整); null when the field has no Chinese name (the message is then
   * shown alone).
   */
  public static String fieldZh(String field) {
    if (field == null || field.isBlank()) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)\\])?.*")
            .matcher(field);
    if (!m.matches()) {
      return null;
    }
    String base = NAMES.get(m.group(1));
    if (base == null) {
      return null;
    }
    return m.group(2) == null ? base : base + "（第" + (Integer.parseInt(m.group(2)) + 1) + "项）";
  }

  /** The Chinese name of a parameter: from the table, else a neutral word (no English on pages). */
  public static String label(String name) {
    if (name == null) {
      return "请求参数";
    }
    String n = NAMES.get(name);
    if (n == null && name.matches("(yes|no|abstain)_.+")) {
      n = NAMES.get(name.substring(0, name.indexOf('_')));
    }
    return n == null ? "请求参数" : n;
  }

  /** What a value of this type must look like, in Chinese, with enum constants by name (API). */
  public static String expected(Class<?> type) {
    return expected(type, false);
  }

  /** What a value of this type must look like, in Chinese. */
  static String expected(Class<?> type, boolean forPage) {
    if (type == null) {
      return "有效的值";
    }
    if (type == int.class
        || type == long.class
        || type == Integer.class
        || type == Long.class
        || type == short.class
        || type == Short.class) {
      return "整数";
    }
    if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
      return "数字";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "是或否（true 或 false）";
    }
    if (type == LocalDate.class) {
      return "日期，格式如 2026-06-01";
    }
    if (type.isEnum()) {
      List<String> options = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        options.add(forPage ? chineseLabel(c) : ((Enum<?>) c).name());
      }
      options.removeIf(o -> o == null);
      return options.isEmpty() ? "允许的取值之一" : "以下之一：" + String.join("、", options);
    }
    return "有效的值";
  }

  /** An enum constant's Chinese label ({@code labelZh()}), or null when it has none. */
  private static String chineseLabel(Object constant) {
    try {
      Method m = constant.getClass().getMethod("labelZh");
      Object v = m.invoke(constant);
      return v == null ? null : v.toString();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** A parameter of the wrong type (not a number, not a date, not an allowed value). */
  public static Problem typeMismatch(MethodArgumentTypeMismatchException e, boolean forPage) {
    String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
    if (value.length() > 40) {
      value = value.substring(0, 40) + "…";
    }
    String shown = forPage ? label(e.getName()) : label(e.getName()) + "（" + e.getName() + "）";
    return new Problem(
        e.getName(), shown + "的值「" + value + "」无效，应为" + expected(e.getRequiredType(), forPage));
  }

  /** A required parameter that is missing. */
  public static Problem missing(String name, boolean forPage) {
    return new Problem(name, "缺少" + (forPage ? label(name) : label(name) + "（" + name + "）"));
  }

  /** The first {@link FreeText} (or other constraint) violation of a request. */
  public static Problem invalid(Exception e) {
    if (e instanceof MethodArgumentNotValidException m) {
      FieldError f = m.getBindingResult().getFieldError();
      if (f != null) {
        return new Problem(f.getField(), f.getDefaultMessage());
      }
      var g = m.getBindingResult().getGlobalError();
      return new Problem("", g == null ? "输入有误" : g.getDefaultMessage());
    }
    if (e instanceof HandlerMethodValidationException h) {
      for (var r : h.getParameterValidationResults()) {
        for (MessageSourceResolvable err : r.getResolvableErrors()) {
          String field = parameterName(r.getMethodParameter());
          if (err instanceof FieldError f) {
            field = f.getField();
          }
          return new Problem(field, err.getDefaultMessage());
        }
      }
    }
    return new Problem("", "输入有误");
  }

  /** The request name of a handler parameter. */
  public static String parameterName(MethodParameter p) {
    RequestParam rp = p.getParameterAnnotation(RequestParam.class);
    if (rp != null && !rp.name().isEmpty()) {
      return rp.name();
    }
    if (rp != null && !rp.value().isEmpty()) {
      return rp.value();
    }
    p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
    return p.getParameterName() == null ? "" : p.getParameterName();
  }

  /**
   * Whether the database refused a value as too long (SQL state 22001) or as unreadable text
   * (22021, e.g. a NUL character on PostgreSQL): an input the checks let through; the transaction
   * was rolled back.
   */
  public static boolean valueRefusedByDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if ("22001".equals(state) || "22021".equals(state)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The message for {@link #valueRefusedByDatabase}. */
  public static final String VALUE_REFUSED = "输入的内容过长或含有不允许的字符，未保存。请缩短或修改后重试。";
}
