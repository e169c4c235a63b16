package xuanju.server.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xuanju.core.register.VoterListDeadlines;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.XlsxTable;
import xuanju.server.election.Election;
import xuanju.server.election.kind.ApprovalBody;
import xuanju.server.election.kind.ApprovalSubject;

/**
 * The printed voter list (张榜公布的选民名单, by 居民小组 then 姓氏笔画) and the 变更公告 of changes after publication.
 * Pure: rendering is done by {@code PdfDocument} and {@link XlsxTable}.
 */
public final class RegisterDocuments {
  private RegisterDocuments() {}

  static final List<String> LIST_HEADER = List.of("选民证号", "姓名", "性别", "出生年月");
  static final List<String> XLSX_HEADER = List.of("居民小组", "选民证号", "姓名", "性别", "出生年月");

  /** Who publishes the list, e.g. {@code 代力吉镇选举委员会}. */
  static String issuer(Election e) {
    String body =
        e.kind()
            .config()
            .approver(ApprovalSubject.VOTER_LIST)
            .map(ApprovalBody::labelZh)
            .orElse("选举委员会");
    return e.organisationName() + body;
  }

  /** The title: {@code 代力吉镇第一选区选民名单}. */
  static String listTitle(Election e, DistrictInfo d) {
    return e.organisationName() + d.name() + "选民名单";
  }

  /**
   * The posting list (张榜公布): the counts, then one table per 居民小组 in list order.
   *
   * @param voters the listed voters, already in list order
   * @param deadlines the list's days (objection window from the actual publication day)
   */
  public static DocumentContent postingList(
      Election e, DistrictInfo d, List<VoterLine> voters, VoterListDeadlines deadlines) {
    var b = DocumentContent.builder(listTitle(e, d));
    long men = voters.stream().filter(v -> "男".equals(v.gender())).count();
    Map<String, List<VoterLine>> groups = new LinkedHashMap<>();
    for (VoterLine v : voters) {
      groups.computeIfAbsent(v.groupZh(), k -> new ArrayList<>()).add(v);
    }
    LocalDate published = deadlines.publishedOn().orElse(null);
    b.paragraph(
        "根据"
            + e.kind().config().wording().statute()
            + "的规定，经选民登记，现将"
            + d.name()
            + "选民名单张榜公布。本选区共有选民"
            + voters.size()
            + "名，其中男"
            + men
            + "名、女"
            + (voters.size() - men)
            + "名，分"
            + groups.size()
            + "个居民小组，按居民小组和姓氏笔画排列。选举日为"
            + DocumentContent.chineseDate(e.electionDay())
            + "。");
    b.paragraph(
        "对公布的选民名单有不同意见的，可以"
            + (published == null
                ? "在名单公布之日起五日内"
                : "在"
                    + DocumentContent.chineseDate(deadlines.objectionsFrom())
                    + "至"
                    + DocumentContent.chineseDate(deadlines.objectionsTo())
                    + "期间")
            + "向"
            + issuer(e)
            + "提出申诉。");
    for (Map.Entry<String, List<VoterLine>> g : groups.entrySet()) {
      b.heading(g.getKey() + "（" + g.getValue().size() + "名）");
      List<List<String>> rows = new ArrayList<>(g.getValue().size());
      for (VoterLine v : g.getValue()) {
        rows.add(List.of(Integer.toString(v.voterNo()), v.name(), v.gender(), v.birthMonthZh()));
      }
      b.table(LIST_HEADER, rows);
    }
    b.signature(issuer(e), published);
    return b.build();
  }

  /** The posting list as a table: one sheet, the 居民小组 as the first column. */
  public static XlsxTable postingXlsx(Election e, DistrictInfo d, List<VoterLine> voters) {
    List<List<String>> rows = new ArrayList<>(voters.size());
    for (VoterLine v : voters) {
      rows.add(
          List.of(
              v.groupZh(), Integer.toString(v.voterNo()), v.name(), v.gender(), v.birthMonthZh()));
    }
    return new XlsxTable(d.name() + "选民名单", XLSX_HEADER, rows)
        .withTitle(
            e.title() + " " + d.name() + "选民名单",
            List.of("共 " + voters.size() + " 名选民，按居民小组、姓氏笔画排列"));
  }

  /** The 变更公告 of a district: every 补登, 除名 and 更正 after publication, with the reason. */
  public static DocumentContent changeNotice(
      Election e,
      DistrictInfo d,
      LocalDate publishedOn,
      List<VoterListService.ChangeView> changes,
      LocalDate date) {
    var b = DocumentContent.builder(e.organisationName() + d.name() + "选民名单变更公告");
    long added = changes.stream().filter(c -> "补登".equals(c.kindZh())).count();
    long removed = changes.stream().filter(c -> "除名".equals(c.kindZh())).count();
    long corrected = changes.size() - added - removed;
    b.paragraph(
        d.name()
            + "选民名单于"
            + (publishedOn == null ? "" : DocumentContent.chineseDate(publishedOn))
            + "张榜公布后，经"
            + issuer(e)
            + "审核，现对选民名单作如下变更：补登"
            + added
            + "名，除名"
            + removed
            + "名，更正"
            + corrected
            + "名。");
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (VoterListService.ChangeView c : changes) {
      rows.add(
          List.of(
              Integer.toString(i++),
              c.kindZh(),
              c.name(),
              c.group() == null || c.group().isEmpty() ? "未分组" : c.group(),
              DocumentContent.chineseDate(c.changedOn()),
              c.detail().isEmpty() ? c.reason() : c.detail() + "（" + c.reason() + "）"));
    }
    b.table(List.of("序号", "变更类别", "姓名", "居民小组", "变更日期", "理由及内容"), rows);
    b.paragraph("对上述变更有不同意见的，可以向" + issuer(e) + "提出申诉。");
    b.signature(issuer(e), date);
    return b.build();
  }
}
