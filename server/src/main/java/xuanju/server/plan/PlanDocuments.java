package xuanju.server.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;
import xuanju.server.election.kind.ApprovalBody;
import xuanju.server.election.kind.ApprovalSubject;
import xuanju.server.election.kind.Contest;
import xuanju.server.election.kind.ElectionKindConfig;
import xuanju.server.election.kind.KindWording;
import xuanju.server.election.kind.PartyBranchKind;
import xuanju.server.roster.RosterStats;

/**
 * The texts of the request (请示, e.g. 关于召开党员大会进行换届选举的请示) and of the reply (批复), built from the
 * election's data in the words of its kind ({@code election.kind().config()}: documents, wording).
 * Pure: rendering is done by {@code PdfDocument} and {@code DocxDocument}.
 */
public final class PlanDocuments {
  private PlanDocuments() {}

  /** The party branch's request title (the other kinds' are in their configuration). */
  public static final String REQUEST_TITLE = PartyBranchKind.REQUEST_TITLE;

  /** The request's title for an election of this kind. */
  public static String requestTitle(Election e) {
    return e.kind().config().documents().requestTitle();
  }

  /**
   * The request.
   *
   * @param organisation the branch's name as signed, e.g. 中共东营子村党支部
   * @param upper the upper organisation addressed, e.g. 中共代力吉镇委员会
   * @param margins the candidate numbers by stage label, e.g. 正式候选人 → 6
   */
  public static DocumentContent request(
      Election e,
      PlanDetails d,
      RosterStats s,
      String organisation,
      String upper,
      Map<String, String> margins,
      LocalDate date) {
    ElectionKindConfig k = e.kind().config();
    KindWording w = k.wording();
    var b = DocumentContent.builder(k.documents().requestTitle());
    b.plainParagraph(upper + "：");
    String term =
        (d.termStart() == null
                ? "本届"
                : "本届"
                    + (e.hasCommittee() ? w.committee() : w.officer())
                    + "于"
                    + DocumentContent.chineseDate(d.termStart())
                    + "选举产生，")
            + "任期"
            + e.termYears()
            + "年，"
            + (d.termExpiry() == null
                ? "即将届满"
                : "将于" + DocumentContent.chineseDate(d.termExpiry()) + "届满");
    b.paragraph(
        term
            + "。"
            + k.documents().requestBasisZh()
            + "，经研究，拟于"
            + DocumentContent.chineseDate(e.electionDay())
            + w.votingEventZh()
            + "，进行换届选举。现将有关事项请示如下：");
    if (k.membersMeeting()) {
      b.heading("一、党员基本情况");
      b.paragraph(
          "本支部现有党员"
              + s.total()
              + "名，其中正式党员"
              + s.full()
              + "名，预备党员"
              + s.probationary()
              + "名。有表决权、选举权和被选举权的党员"
              + s.withVote()
              + "名。");
    } else {
      b.heading("一、" + w.electors() + "基本情况");
      b.paragraph(k.electorate().labelZh() + "：选民登记尚未完成，" + w.electors() + "人数待选民登记后确定。");
    }
    b.heading("二、" + (k.stages().plenumElectsOfficers() ? "委员会组成" : w.committee() + "组成"));
    if (!k.stages().plenumElectsOfficers()) {
      b.paragraph(
          "新一届"
              + w.committee()
              + "应选"
              + e.seats()
              + "名"
              + w.committeeMember()
              + "（"
              + k.contests().stream()
                  .map(c -> c.postZh() + (c.scope() == Contest.Scope.PER_DISTRICT ? "（每个选区）" : ""))
                  .collect(java.util.stream.Collectors.joining("、"))
              + "）。");
    } else if (e.hasCommittee()) {
      b.paragraph(
          "新一届"
              + w.committee()
              + "由"
              + e.seats()
              + "名委员组成，设书记"
              + e.secretarySeats()
              + "名"
              + (e.deputySeats() > 0 ? "、副书记" + e.deputySeats() + "名" : "")
              + "。");
    } else {
      b.paragraph(
          "本支部有表决权的党员不足7名，不设支部委员会，由党员大会直接选举书记"
              + e.secretarySeats()
              + "名"
              + (e.deputySeats() > 0 ? "、副书记" + e.deputySeats() + "名" : "")
              + "。");
    }
    b.heading("三、候选人差额");
    if (margins.isEmpty()) {
      b.paragraph("按照规则实行等额或差额选举。");
    } else {
      List<String> parts = new ArrayList<>();
      margins.forEach((key, v) -> parts.add(key + v + "名"));
      b.paragraph(
          w.committeeMember() + "候选人按照差额选举的规定产生，候选人数多于应选人数：" + String.join("，", parts) + "。");
    }
    b.heading("四、选举方式");
    b.paragraph(
        (d.method().isEmpty() ? PlanDetails.defaultMethod(e) : d.method())
            + "。"
            + (d.meetingPlace().isEmpty() ? "" : "会议地点：" + d.meetingPlace() + "。"));
    List<List<String>> rows = new ArrayList<>();
    if (k.membersMeeting()) {
      rows.add(List.of("党员总数", s.total() + "名"));
      rows.add(List.of("正式党员 / 预备党员", s.full() + "名 / " + s.probationary() + "名"));
      rows.add(List.of("有表决权的党员", s.withVote() + "名"));
      rows.add(List.of("支部委员会", e.hasCommittee() ? "设立，委员" + e.seats() + "名" : "不设，直接选举书记"));
      rows.add(List.of("书记 / 副书记", e.secretarySeats() + "名 / " + e.deputySeats() + "名"));
    } else {
      rows.add(List.of("选举人", k.electorate().labelZh() + "（选民登记尚未完成）"));
      rows.add(List.of(w.committee(), "应选" + e.seats() + "名"));
    }
    margins.forEach((key, v) -> rows.add(List.of(key, v + "名")));
    rows.add(List.of("选举日期", DocumentContent.chineseDate(e.electionDay())));
    b.table(List.of("事项", "内容"), rows);
    b.paragraph("妥否，请批示。");
    b.signature(organisation, date);
    return b.build();
  }

  /** The reply of the upper organisation (批复). */
  /**
   * Whether an approver's comment says more than the reply already does (a bare 同意 would repeat the
   * decision).
   */
  public static boolean addsSomething(String comment) {
    String c = comment == null ? "" : comment.strip().replaceAll("[。．.！!，,\\s]", "");
    return !c.isEmpty() && !c.equals("同意") && !c.equals("同意上报") && !c.equals("无");
  }

  public static DocumentContent reply(
      Election e, Approval a, String organisation, String upper, LocalDate date) {
    boolean ok = a.decision() == ApprovalDecision.APPROVED;
    ElectionKindConfig k = e.kind().config();
    KindWording w = k.wording();
    var b =
        DocumentContent.builder(
            ok ? k.documents().replyTitle(organisation) : "关于" + organisation + "换届选举请示的意见");
    b.plainParagraph(organisation + "：");
    b.paragraph(
        w.addressee()
            + "《"
            + k.documents().requestTitle()
            + "》收悉。经研究，"
            + (ok ? "现批复如下：" : "提出以下意见："));
    if (ok) {
      b.paragraph(
          "一、同意"
              + w.addressee()
              + "于"
              + DocumentContent.chineseDate(e.electionDay())
              + w.votingEventZh()
              + "，进行换届选举。");
      b.paragraph(
          !k.stages().plenumElectsOfficers()
              ? "二、同意新一届" + w.committee() + "应选" + e.seats() + "名" + w.committeeMember() + "。"
              : e.hasCommittee()
                  ? "二、同意新一届"
                      + w.committee()
                      + "由"
                      + e.seats()
                      + "名委员组成，设书记"
                      + e.secretarySeats()
                      + "名"
                      + (e.deputySeats() > 0 ? "、副书记" + e.deputySeats() + "名" : "")
                      + "。"
                  : "二、同意你支部不设支部委员会，由党员大会直接选举书记"
                      + e.secretarySeats()
                      + "名"
                      + (e.deputySeats() > 0 ? "、副书记" + e.deputySeats() + "名" : "")
                      + "。");
      b.paragraph(
          "三、选举工作要严格按照"
              + w.statute()
              + "的规定进行，选举结果及时报"
              + w.upper()
              + (k.approver(ApprovalSubject.RESULTS).orElse(null)
                      == ApprovalBody.UPPER_PARTY_ORGANISATION
                  ? "审批。"
                  : "备案。"));
      if (addsSomething(a.comment())) {
        b.paragraph(a.comment()); // the approver's own words, not one of the numbered decisions
      }
      b.paragraph("此复。");
    } else {
      b.paragraph(a.comment());
      b.paragraph("请按上述意见修改完善后重新报送。");
    }
    b.signature(upper, date);
    return b.build();
  }
}
