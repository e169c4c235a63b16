package xuanju.server.delegates;

import static xuanju.server.documents.DocumentContent.chineseDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.XlsxTable;

/**
 * The 登记表 of the 初步人选 and the 预备人选 (.xlsx, one row per person in 姓氏笔画 order, seed 003 steps 6–7)
 * and the 推荐提名工作小结 (.docx, seed 003 step 3: units, participation, the names recommended, the split
 * per category and the composition against the quotas). Pure: built from the pages' data.
 */
final class RegistrationDocuments {
  private RegistrationDocuments() {}

  static final List<String> HEADER =
      List.of("序号", "姓名", "性别", "民族", "出生年月", "入党时间", "学历", "工作单位及职务", "人选类别", "身份界定", "推荐单位");

  static String month(LocalDate d) {
    return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月";
  }

  /** 初步人选登记表 or 预备人选登记表: the stage's people still on the list. */
  static XlsxTable registration(StagePage p, DelegateStage stage, String what) {
    StagePage.StageView v = p.stage(stage);
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (StageMember m : v.activeMembers()) {
      Recommendee r = m.person();
      String identity = r.tagsZh();
      rows.add(
          List.of(
              Integer.toString(++n),
              r.name(),
              r.gender().labelZh(),
              r.ethnicity(),
              month(r.birthDate()),
              month(r.partyJoined()),
              r.education(),
              r.occupation(),
              r.category().labelZh(),
              identity.isEmpty() ? r.category().labelZh() : r.category().labelZh() + "、" + identity,
              m.unitName()));
    }
    StageDecision d = v.decision();
    String note =
        (d == null
                ? "名单尚未确定"
                : d.body().labelZh() + chineseDate(d.decidedOn()) + "确定（《" + d.document() + "》）")
            + "；共"
            + v.active()
            + "名；按姓氏笔画排序；入党时间、学历未报送的留空";
    return new XlsxTable(what, HEADER, rows)
        .withTitle(StageDocuments.title(p, what), List.of(note));
  }

  /**
   * 推荐人选登记表: every unit's recommended names with the 登记表's fields, units in the order recorded,
   * names in 姓氏笔画 order within a unit (as the 推荐人选名册).
   */
  static XlsxTable recommended(DelegateService.Page p) {
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (DelegateService.UnitRow u : p.units()) {
      for (Recommendee r : u.people()) {
        String identity = r.tagsZh();
        rows.add(
            List.of(
                Integer.toString(++n),
                r.name(),
                r.gender().labelZh(),
                r.ethnicity(),
                month(r.birthDate()),
                month(r.partyJoined()),
                r.education(),
                r.occupation(),
                r.category().labelZh(),
                identity.isEmpty()
                    ? r.category().labelZh()
                    : r.category().labelZh() + "、" + identity,
                u.unit().name()));
      }
    }
    String what = "推荐人选登记表";
    return new XlsxTable(what, HEADER, rows)
        .withTitle(
            DelegateDocuments.title(p, what),
            List.of("推荐单位" + p.units().size() + "个，推荐人选共" + n + "名；同一推荐单位内按姓氏笔画排序；入党时间、学历未报送的留空"));
  }

  /** 推荐提名工作小结 (.docx content) from the 名额与推荐提名 page's data. */
  static DocumentContent summary(DelegateService.Page p) {
    String org = p.election().organisationName();
    Allocation a = p.allocation();
    String congress = a == null ? "上级党代会" : a.congressName();
    DocumentContent.Builder b = DocumentContent.builder("关于出席" + congress + "代表推荐提名工作的小结");
    b.plainParagraph("区委组织部：");
    b.heading("一、基本情况");
    List<DelegateService.UnitRow> units = p.units();
    b.paragraph(
        (a == null
                ? "代表名额尚未登记。"
                : "按照《"
                    + a.document()
                    + "》，"
                    + congress
                    + "代表名额"
                    + a.congressTotal()
                    + "名，分配我区"
                    + a.seats()
                    + "名（不含市委提名）。")
            + "我区以"
            + units.size()
            + "个推荐单位进行推荐提名，推荐单位按差额不少于"
            + p.marginPercent()
            + "%的要求确定人选，已报送名单的推荐单位"
            + p.submittedUnits()
            + "个。");
    b.heading("二、基层党组织和党员参与情况");
    int ot = 0;
    int oj = 0;
    int mt = 0;
    int mj = 0;
    List<List<String>> part = new ArrayList<>();
    for (DelegateService.UnitRow u : units) {
      RecommendationUnit x = u.unit();
      if (!x.participationRecorded()) {
        part.add(List.of(x.name(), "未登记", "", "未登记", "", ""));
        continue;
      }
      ot += x.organisationsTotal();
      oj += x.organisationsJoined();
      mt += x.membersTotal();
      mj += x.membersJoined();
      part.add(
          List.of(
              x.name(),
              Integer.toString(x.organisationsTotal()),
              Integer.toString(x.organisationsJoined()),
              Integer.toString(x.membersTotal()),
              Integer.toString(x.membersJoined()),
              x.memberRateZh() + "%"));
    }
    b.paragraph(
        "已登记参与情况的推荐单位共有基层党组织"
            + ot
            + "个，参加推荐"
            + oj
            + "个（"
            + rateOrDash(oj, ot)
            + "）；党员"
            + mt
            + "名，参加推荐"
            + mj
            + "名（"
            + rateOrDash(mj, mt)
            + "）。"
            + (p.partialParticipation().isEmpty()
                ? ""
                : "参与率未达到100%的推荐单位：" + String.join("、", p.partialParticipation()) + "。"));
    b.table(List.of("推荐单位", "基层党组织数", "参加的", "党员数", "参加的", "党员参与率"), part);
    b.heading("三、推荐人选情况");
    int bureau = 0;
    int division = 0;
    int grassroots = 0;
    long women = 0;
    long minorities = 0;
    List<List<String>> names = new ArrayList<>();
    for (DelegateService.UnitRow u : units) {
      bureau += u.count(DelegateCategory.BUREAU);
      division += u.count(DelegateCategory.DIVISION);
      grassroots += u.count(DelegateCategory.GRASSROOTS);
      women += u.women();
      minorities += u.minorities();
      names.add(
          List.of(
              u.unit().name(),
              Integer.toString(u.people().size()),
              Integer.toString(u.count(DelegateCategory.BUREAU)),
              Integer.toString(u.count(DelegateCategory.DIVISION)),
              Integer.toString(u.count(DelegateCategory.GRASSROOTS)),
              String.join("、", u.people().stream().map(Recommendee::name).toList())));
    }
    b.paragraph(
        "各推荐单位共推荐人选"
            + p.poolSize()
            + "名，其中局级领导干部"
            + bureau
            + "名、处级领导干部"
            + division
            + "名、基层一线"
            + grassroots
            + "名；女性"
            + women
            + "名，少数民族"
            + minorities
            + "名。各单位推荐人选如下（按姓氏笔画排序）：");
    b.table(List.of("推荐单位", "人数", "局级", "处级", "基层一线", "推荐人选"), names);
    b.heading("四、推荐人选结构情况");
    b.paragraph(
        "对照代表结构要求，推荐人选的情况为："
            + String.join(
                "；",
                p.pool().stream()
                    .map(l -> l.requirementZh() + "，推荐人选中有" + l.count() + "名，" + l.statusZh())
                    .toList())
            + "。");
    b.paragraph("附件：推荐人选名册、推荐人选登记表、推荐提名工作统计表");
    b.signature(org, (LocalDate) null);
    return b.build();
  }

  private static String rateOrDash(int joined, int total) {
    String r = RecommendationUnit.rate(joined, total);
    return r.isEmpty() ? "无" : "参与率" + r + "%";
  }
}
