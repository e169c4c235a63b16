package xuanju.server.delegates;

import static xuanju.server.documents.DocumentContent.chineseDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.XlsxTable;

/**
 * The documents of the stages (seed 003 §4.6): the 初步人选考察对象名册 and the 预备人选名册 (.xlsx, names in 姓氏笔画
 * order, withdrawn 考察对象 listed after with the reason) and the 关于确定代表候选人预备人选的情况报告 (.docx) to the
 * 市委组织部. Pure: built from the page's data.
 */
final class StageDocuments {
  private StageDocuments() {}

  static final List<String> HEADER =
      List.of(
          "序号", "姓名", "性别", "出生年月", "年龄", "民族", "人选类别", "工作单位及职务", "身份标签", "推荐单位", "推荐票数", "备注");

  static String title(StagePage p, String what) {
    return p.election().organisationName() + "出席" + p.congressName() + "代表候选人" + what;
  }

  static XlsxTable roster(StagePage p, DelegateStage stage, String what) {
    StagePage.StageView v = p.stage(stage);
    LocalDate day = p.election().electionDay();
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    List<StageMember> ordered = new ArrayList<>(v.activeMembers());
    ordered.addAll(v.withdrawn());
    for (StageMember m : ordered) {
      Recommendee r = m.person();
      rows.add(
          List.of(
              Integer.toString(++n),
              r.name(),
              r.gender().labelZh(),
              r.birthDate().getYear() + "年" + r.birthDate().getMonthValue() + "月",
              Integer.toString(r.ageOn(day)),
              r.ethnicity(),
              r.category().labelZh(),
              r.occupation(),
              r.tagsZh(),
              m.unitName(),
              Integer.toString(r.supportVotes()),
              m.active() ? "" : "已于" + chineseDate(m.withdrawnOn()) + "撤出：" + m.withdrawnReason()));
    }
    List<String> notes = new ArrayList<>();
    StageDecision d = v.decision();
    notes.add(
        (d == null
                ? "名单尚未确定"
                : d.body().labelZh() + chineseDate(d.decidedOn()) + "确定（《" + d.document() + "》）")
            + "；共"
            + v.active()
            + "名"
            + (v.withdrawn().isEmpty() ? "" : "，另有" + v.withdrawn().size() + "名已撤出")
            + "；按姓氏笔画排序；年龄计算至"
            + day);
    return new XlsxTable(what, HEADER, rows).withTitle(title(p, what), notes);
  }

  /** 关于确定代表候选人预备人选的情况报告 (.docx content). */
  static DocumentContent preparatoryReport(StagePage p) {
    StagePage.StageView prep = p.preparatory();
    StageDecision d = prep.decision();
    String org = p.election().organisationName();
    DocumentContent.Builder b =
        DocumentContent.builder("关于确定出席" + p.congressName() + "代表候选人预备人选的情况报告");
    b.plainParagraph("市委组织部：");
    b.paragraph(
        "按照市委关于"
            + p.congressName()
            + "代表选举工作的部署，我区分配代表名额"
            + p.election().seats()
            + "名（不含市委提名），按照自下而上、上下结合、反复酝酿、逐级遴选的办法，实行差额推荐、差额考察、差额选举、两次公示，现将确定代表候选人预备人选的情况报告如下。");
    b.heading("一、推荐提名和考察情况");
    b.paragraph(
        "各推荐单位共推荐人选"
            + p.pool().size()
            + "名。"
            + stepText(p, StageStep.SUBJECTS_DECIDED)
            + "研究提出初步人选考察对象"
            + p.subjects().members().size()
            + "名"
            + (p.subjects().withdrawn().isEmpty()
                ? ""
                : "，考察期间撤出" + p.subjects().withdrawn().size() + "名")
            + "。"
            + (p.vetting() == null
                ? ""
                : "考察实行考察预告，于"
                    + chineseDate(p.vetting().startsOn())
                    + "至"
                    + chineseDate(p.vetting().endsOn())
                    + "在考察对象所在单位考察并公示"
                    + p.vetting().workingDays()
                    + "个工作日，征求了所在单位党组织和纪检机关的意见，收到举报"
                    + p.complaints("VETTING").size()
                    + "件，均已核查并作出结论。"));
    b.heading("二、初步人选情况");
    b.paragraph(
        stepText(p, StageStep.DISCIPLINE_CONSULTED)
            + "征求同级纪检机关意见后，"
            + stepText(p, StageStep.PRELIMINARY_DECIDED)
            + "研究提出代表候选人初步人选"
            + p.preliminary().members().size()
            + "名，"
            + stepText(p, StageStep.UPPER_CONSENT)
            + "经市委同意"
            + (p.preliminaryPublicity() == null
                ? "。"
                : "，于"
                    + chineseDate(p.preliminaryPublicity().startsOn())
                    + "至"
                    + chineseDate(p.preliminaryPublicity().endsOn())
                    + "在"
                    + p.preliminaryPublicity().scope()
                    + "公示"
                    + p.preliminaryPublicity().workingDays()
                    + "个工作日，收到举报"
                    + p.complaints("PRELIMINARY").size()
                    + "件，均已核查并作出结论。"));
    b.heading("三、预备人选情况");
    b.paragraph(
        (d == null
                ? "区委全会尚未确定预备人选。"
                : stepText(p, StageStep.PREPARATORY_DECIDED)
                    + "圈选确定代表候选人预备人选"
                    + prep.active()
                    + "名。")
            + "预备人选的结构："
            + String.join(
                "；",
                prep.composition().stream()
                    .map(l -> l.requirementZh() + "，实有" + l.count() + "名，" + l.statusZh())
                    .toList())
            + "。");
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (StageMember m : prep.activeMembers()) {
      Recommendee r = m.person();
      rows.add(
          List.of(
              Integer.toString(++n),
              r.name(),
              r.gender().labelZh(),
              r.birthDate().getYear() + "年" + r.birthDate().getMonthValue() + "月",
              r.ethnicity(),
              r.occupation(),
              r.category().labelZh()));
    }
    b.table(List.of("序号", "姓名", "性别", "出生年月", "民族", "工作单位及职务", "人选类别"), rows);
    b.paragraph("附件：预备人选名册、预备人选登记表");
    b.signature(org, d == null ? null : d.decidedOn());
    return b.build();
  }

  private static String stepText(StagePage p, StageStep s) {
    StageDecision d = p.decisions().get(s);
    return d == null ? "" : chineseDate(d.decidedOn()) + "，" + d.body().labelZh();
  }
}
