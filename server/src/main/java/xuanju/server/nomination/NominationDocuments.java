package xuanju.server.nomination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import xuanju.core.names.NameOrder;
import xuanju.core.roster.Member;
import xuanju.core.schedule.PeriodUnit;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.XlsxTable;
import xuanju.server.election.Election;

/**
 * The nomination's documents (两推一选文书): the publicity notices of the preliminary list and of the
 * pre-candidates, the formal candidate list, the candidate registration form, and the statistics
 * table. Lists are in stroke order (姓氏笔画为序). Pure functions; rendered by the documents toolkit.
 */
public final class NominationDocuments {
  static final List<String> PERSON_HEADER = List.of("序号", "姓名", "性别", "民族", "出生年月", "学历", "入党时间");

  private NominationDocuments() {}

  /** 关于支部委员会委员候选人初步人选的公示. */
  public static DocumentContent preliminaryNotice(
      Election e,
      List<Nominee> preliminary,
      LocalDate posted,
      int days,
      PeriodUnit unit,
      LocalDate end) {
    return DocumentContent.builder("关于" + e.organisationName() + "委员会委员候选人初步人选的公示")
        .plainParagraph("本支部全体党员：")
        .paragraph(
            "根据《中国共产党基层组织选举工作条例》和上级党组织批复的选举工作方案，经党员推荐和上级党组织推荐，"
                + "支部委员会按照多数党员的意见，确定委员会委员候选人初步人选"
                + preliminary.size()
                + "名（应选"
                + e.seats()
                + "名），现予公示（按姓氏笔画为序）：")
        .table(PERSON_HEADER, personRows(strokeOrder(preliminary)))
        .paragraph(
            "公示期为"
                + days
                + unit.suffixZh()
                + (posted == null ? "" : "，自" + DocumentContent.chineseDate(posted.plusDays(1)))
                + (end == null ? "" : "至" + DocumentContent.chineseDate(end))
                + "。公示期间，党员和群众如有意见，可通过举报箱、举报电话或来信来访向支部委员会或上级党组织反映。"
                + "反映问题应实事求是，提倡署真实姓名。")
        .signature(issuer(e), posted)
        .build();
  }

  /** 关于支部委员会委员候选人预备人选的公示. */
  public static DocumentContent preCandidateNotice(Election e, List<Nominee> pre, LocalDate date) {
    return DocumentContent.builder("关于" + e.organisationName() + "委员会委员候选人预备人选的公示")
        .plainParagraph("本支部全体党员：")
        .paragraph(
            "经初步人选公示和资格审查，支部委员会按照多数党员的意见，确定委员会委员候选人预备人选"
                + pre.size()
                + "名（应选"
                + e.seats()
                + "名），报上级党组织审查。现将预备人选名单公示如下（按姓氏笔画为序）：")
        .table(PERSON_HEADER, personRows(strokeOrder(pre)))
        .paragraph("公示期间，如有意见，请向支部委员会或上级党组织反映。")
        .signature(issuer(e), date)
        .build();
  }

  /** 委员会委员正式候选人名单 (in ballot order). */
  public static DocumentContent formalList(
      Election e, List<Nominee> formal, String approvedBy, LocalDate date) {
    var b = DocumentContent.builder(e.organisationName() + "委员会委员正式候选人名单");
    b.paragraph(
            "经上级党组织审查同意，"
                + e.organisationName()
                + "委员会委员正式候选人"
                + formal.size()
                + "名（应选"
                + e.seats()
                + "名，差额"
                + (formal.size() - e.seats())
                + "名），名单按姓氏笔画为序排列如下：")
        .table(PERSON_HEADER, personRows(strokeOrder(formal)));
    if (approvedBy != null) {
      b.paragraph("审批人：" + approvedBy);
    }
    return b.signature(issuer(e), date).build();
  }

  /** 候选人登记表 of one nominee. */
  public static DocumentContent registrationForm(Election e, Nominee n) {
    Member m = n.member();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("姓名", m.name()));
    rows.add(List.of("性别", m.gender().labelZh()));
    rows.add(List.of("民族", m.ethnicity()));
    rows.add(List.of("出生日期", DocumentContent.chineseDate(m.birthDate())));
    rows.add(List.of("学历", m.education().labelZh()));
    rows.add(List.of("入党时间", DocumentContent.chineseDate(m.joinDate())));
    rows.add(List.of("党员类别", m.membership().labelZh()));
    rows.add(List.of("所在党组织", e.organisationName()));
    // filled in by hand, as on the seeds' forms: the roster does not keep them
    rows.add(List.of("工作单位及职务", ""));
    rows.add(List.of("照片", "（粘贴近期正面免冠二寸照片）"));
    rows.add(List.of("党员推荐票数", n.votes() + "票"));
    rows.add(List.of("上级党组织推荐", n.upperRecommended() ? "是" : "否"));
    rows.add(List.of("人选阶段", stageZh(n)));
    rows.add(List.of("简历（自参加工作起，按时间顺序填写）", "\n\n\n\n"));
    rows.add(List.of("资格审查意见", ""));
    rows.add(List.of("上级党组织审查意见", ""));
    return DocumentContent.builder("委员候选人登记表")
        .subtitle(e.title())
        .table(List.of("项目", "内容"), rows)
        .signature(issuer(e), (String) null)
        .build();
  }

  /** 推荐情况统计表 as an .xlsx sheet: every nominee by recommendations. */
  public static XlsxTable statistics(
      List<Nominee> ranked, Map<Long, List<Disqualification>> negatives) {
    List<List<String>> rows = new ArrayList<>();
    int rank = 0;
    int prev = -1;
    for (int i = 0; i < ranked.size(); i++) {
      Nominee n = ranked.get(i);
      if (n.votes() != prev) {
        rank = i + 1;
        prev = n.votes();
      }
      Member m = n.member();
      rows.add(
          List.of(
              Integer.toString(rank),
              m.name(),
              m.gender().labelZh(),
              m.ethnicity(),
              m.birthDate().toString(),
              m.education().labelZh(),
              m.joinDate().toString(),
              Integer.toString(n.votes()),
              Integer.toString(n.typedVotes()),
              Integer.toString(n.ballotVotes()),
              n.upperRecommended() ? "是" : "",
              n.preliminary() ? "是" : "",
              n.preCandidate() ? "是" : "",
              n.formal() ? "是" : "",
              negatives.getOrDefault(n.id(), List.of()).stream()
                  .map(Disqualification::reason)
                  .reduce((a, b) -> a + "；" + b)
                  .orElse("")));
    }
    return new XlsxTable(
        "推荐情况统计",
        List.of(
            "名次", "姓名", "性别", "民族", "出生日期", "学历", "入党时间", "党员推荐票合计", "其中汇总录入", "其中逐张录入", "上级党组织推荐",
            "初步人选", "预备人选", "正式候选人", "负面清单"),
        rows);
  }

  static List<Nominee> strokeOrder(List<Nominee> list) {
    NameOrder order = NameOrder.surnameStrokes();
    return list.stream()
        .sorted(Comparator.comparing(Nominee::name, order).thenComparingLong(Nominee::id))
        .toList();
  }

  private static List<List<String>> personRows(List<Nominee> list) {
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (Nominee n : list) {
      Member m = n.member();
      rows.add(
          List.of(
              Integer.toString(i++),
              m.name(),
              m.gender().labelZh(),
              m.ethnicity(),
              yearMonth(m.birthDate()),
              m.education().labelZh(),
              yearMonth(m.joinDate())));
    }
    return rows;
  }

  static String yearMonth(LocalDate d) {
    return d.getYear() + "." + (d.getMonthValue() < 10 ? "0" : "") + d.getMonthValue();
  }

  private static String stageZh(Nominee n) {
    if (n.formal()) {
      return "正式候选人";
    }
    if (n.preCandidate()) {
      return "预备人选";
    }
    if (n.preliminary()) {
      return "初步人选";
    }
    return "被推荐人";
  }

  private static String issuer(Election e) {
    String name = e.organisationName();
    return name.startsWith("中共") ? name + "委员会" : "中共" + name + "委员会";
  }
}
