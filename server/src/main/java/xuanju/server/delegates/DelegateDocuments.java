package xuanju.server.delegates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import xuanju.server.documents.XlsxTable;

/**
 * The documents of the recommendation stage (推荐提名阶段的文书), seed 003 附件3 and 附件5: the 推荐人选名册 (every
 * unit's names, units in the order recorded, names in 姓氏笔画 order) and the 推荐提名工作统计表 (one row per
 * unit with the counts and participation, then the total), both .xlsx with numeric cells for the
 * numbers. Pure: built from the page's data.
 */
final class DelegateDocuments {
  private DelegateDocuments() {}

  static final List<String> ROSTER_HEADER =
      List.of("序号", "推荐单位", "姓名", "性别", "出生年月", "年龄", "民族", "人选类别", "工作单位及职务", "身份标签", "推荐票数");

  static final List<String> STATISTICS_HEADER =
      List.of(
          "推荐单位",
          "推荐名额",
          "应报人选",
          "实报人选",
          "局级领导干部",
          "处级领导干部",
          "基层一线",
          "先进模范",
          "工人",
          "专业技术人员",
          "女性",
          "少数民族",
          "50岁以下",
          "推荐票数合计",
          "基层党组织数",
          "参加的基层党组织数",
          "党员数",
          "参加的党员数",
          "党员参与率（%）");

  static String title(DelegateService.Page p, String what) {
    String congress = p.allocation() == null ? "上级党代会" : p.allocation().congressName();
    return p.election().organisationName() + "出席" + congress + "代表候选人" + what;
  }

  static XlsxTable roster(DelegateService.Page p) {
    LocalDate day = p.election().electionDay();
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (DelegateService.UnitRow u : p.units()) {
      for (Recommendee r : u.people()) {
        rows.add(
            List.of(
                Integer.toString(++n),
                u.unit().name(),
                r.name(),
                r.gender().labelZh(),
                r.birthDate().getYear() + "年" + r.birthDate().getMonthValue() + "月",
                Integer.toString(r.ageOn(day)),
                r.ethnicity(),
                r.category().labelZh(),
                r.occupation(),
                r.tagsZh(),
                Integer.toString(r.supportVotes())));
      }
    }
    return new XlsxTable("推荐人选名册", ROSTER_HEADER, rows)
        .withTitle(
            title(p, "推荐人选名册"),
            List.of(
                "推荐单位"
                    + p.units().size()
                    + "个，已报送名单"
                    + p.submittedUnits()
                    + "个，推荐人选共"
                    + n
                    + "名；年龄计算至"
                    + day
                    + "；同一推荐单位内按姓氏笔画排序"));
  }

  static XlsxTable statistics(DelegateService.Page p) {
    LocalDate day = p.election().electionDay();
    List<List<String>> rows = new ArrayList<>();
    long[] sum = new long[STATISTICS_HEADER.size()];
    boolean[] unknown = new boolean[STATISTICS_HEADER.size()];
    for (DelegateService.UnitRow u : p.units()) {
      RecommendationUnit x = u.unit();
      Long[] v = {
        (long) x.quota(),
        (long) x.listSize(),
        (long) u.people().size(),
        (long) u.count(DelegateCategory.BUREAU),
        (long) u.count(DelegateCategory.DIVISION),
        (long) u.count(DelegateCategory.GRASSROOTS),
        u.count(QuotaTags.MODEL),
        u.count(QuotaTags.WORKER),
        u.count(QuotaTags.PROFESSIONAL),
        u.women(),
        u.minorities(),
        u.agedAtMost(50, day),
        (long) u.votes(),
        x.organisationsTotal() == null ? null : (long) x.organisationsTotal(),
        x.organisationsJoined() == null ? null : (long) x.organisationsJoined(),
        x.membersTotal() == null ? null : (long) x.membersTotal(),
        x.membersJoined() == null ? null : (long) x.membersJoined()
      };
      List<String> row = new ArrayList<>();
      row.add(x.name());
      for (int i = 0; i < v.length; i++) {
        if (v[i] == null) {
          row.add("");
          unknown[i + 1] = true;
        } else {
          row.add(Long.toString(v[i]));
          sum[i + 1] += v[i];
        }
      }
      row.add(x.memberRateZh());
      rows.add(row);
    }
    List<String> total = new ArrayList<>();
    total.add("合计");
    for (int i = 1; i < STATISTICS_HEADER.size() - 1; i++) {
      total.add(unknown[i] && sum[i] == 0 ? "" : Long.toString(sum[i]));
    }
    int mj = STATISTICS_HEADER.indexOf("参加的党员数");
    int mt = STATISTICS_HEADER.indexOf("党员数");
    total.add(unknown[mj] ? "" : RecommendationUnit.rate((int) sum[mj], (int) sum[mt]));
    rows.add(total);
    List<String> notes = new ArrayList<>();
    notes.add("推荐单位" + p.units().size() + "个；“50岁以下”按至" + day + "年满周岁不超过50岁计；空白表示尚未登记参与情况");
    return new XlsxTable("推荐提名工作统计表", STATISTICS_HEADER, rows)
        .withTitle(
            p.election().organisationName()
                + "出席"
                + (p.allocation() == null ? "上级党代会" : p.allocation().congressName())
                + "代表推荐提名工作统计表",
            notes);
  }
}
