package xuanju.server.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xuanju.core.outcome.RankedCandidate;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.XlsxTable;
import xuanju.server.election.Election;
import xuanju.server.election.kind.KindDocuments;
import xuanju.server.election.kind.KindWording;
import xuanju.server.plan.Approval;
import xuanju.server.plan.ApprovalDecision;
import xuanju.server.results.ResultsFacts.RoundFacts;
import xuanju.server.voting.VotingModel.OutcomeDto;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StageSummary;
import xuanju.server.voting.VotingModel.StepDto;
import xuanju.server.voting.VotingModel.StoredDecision;

/**
 * The results documents (选举结果文书), built from {@link ResultsFacts}: the results report (选举结果报告), the
 * announcement (当选公告), the statistics table (选举结果统计表) and the upper organisation's reply (选举结果的批复).
 * Every number is taken from the decisions stored on election day. Pure: rendering is done by
 * {@code PdfDocument}, {@code DocxDocument} and {@code XlsxTable}.
 */
public final class ResultsDocuments {
  private ResultsDocuments() {}

  /** 结果 of a ranked candidate. */
  public static String statusZh(RankedCandidate.Status s) {
    return switch (s) {
      case ELECTED -> "当选";
      case TIED -> "票数相等";
      case NOT_ELECTED -> "未当选";
      case INELIGIBLE -> "不具备被选举资格";
      case UNDECIDED -> "未产生结果";
    };
  }

  private static String body(Election e) {
    KindWording w = words(e);
    return e.hasCommittee() ? w.committee() : w.directOfficer();
  }

  private static KindWording words(Election e) {
    return e.kind().config().wording();
  }

  private static KindDocuments titles(Election e) {
    return e.kind().config().documents();
  }

  /** The meeting of a stage in the kind's words (e.g. 党员大会, 委员会全体会议). */
  private static String meeting(Election e, int stage) {
    return stage == 2 ? words(e).plenumShort() : words(e).electingBody();
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "无" : String.join("、", names);
  }

  /** The meeting's quorum step of a stored decision (e.g. PARTY.QUORUM.4_5), if any. */
  static Optional<StepDto> quorumStep(StoredDecision sd) {
    return sd.trail().stream().filter(s -> s.code().contains(".QUORUM.")).findFirst();
  }

  /** The legal source of a rule in brackets (e.g. （《条例》第二十九条）), or nothing if unknown. */
  static String citedZh(String code) {
    return xuanju.core.catalog.RuleCatalog.byCode(code)
        .map(r -> r.citation().display())
        .filter(c -> !c.isBlank())
        .map(c -> "（" + c + "）")
        .orElse("");
  }

  private static String stripStop(String s) {
    return s.endsWith("。") ? s.substring(0, s.length() - 1) : s;
  }

  /** 应到会 / 实到会 sentence of a meeting from its first decided round. */
  static String attendance(RoundFacts rf, String meeting) {
    StoredDecision sd = rf.decision();
    String q = quorumStep(sd).map(s -> "；" + s.explanationZh() + citedZh(s.code())).orElse("");
    return meeting + "应到会" + sd.expected() + "人，实到会" + sd.present() + "人" + q + "。";
  }

  /** The results report (选举结果报告). */
  public static DocumentContent report(ResultsFacts f) {
    Election e = f.election();
    KindWording w = words(e);
    var b = DocumentContent.builder(titles(e).resultsReportTitle(f.organisation(), body(e)));
    b.plainParagraph(f.upper() + "：");
    b.paragraph(
        "根据"
            + w.statute()
            + "和"
            + w.upper()
            + "的批复，"
            + f.organisation()
            + "于"
            + DocumentContent.chineseDate(f.meetingDay())
            + w.votingEventZh()
            + "，采取无记名投票方式进行换届选举"
            + (f.plenumDay() == null
                ? ""
                : "；新一届"
                    + w.committee()
                    + "于"
                    + DocumentContent.chineseDate(f.plenumDay())
                    + "召开第一次全体会议，选举产生书记、副书记")
            + "。现将选举结果报告如下：");

    b.heading("一、会议和投票情况");
    f.firstMeetingRound().ifPresent(rf -> b.paragraph(attendance(rf, w.electingBody())));
    f.firstPlenumRound().ifPresent(rf -> b.paragraph(attendance(rf, w.plenum())));
    long decided = f.rounds().stream().filter(RoundFacts::decided).count();
    b.paragraph(
        "共进行"
            + decided
            + "轮投票："
            + String.join("；", f.rounds().stream().map(r -> r.round().labelZh()).toList())
            + "。");

    b.heading("二、各轮投票和计票结果");
    for (RoundFacts rf : f.rounds()) {
      Round r = rf.round();
      b.heading(r.labelZh());
      if (!rf.decided()) {
        b.paragraph("本轮尚未判定。");
        continue;
      }
      StoredDecision sd = rf.decision();
      b.paragraph(
          "应选"
              + r.seats()
              + "名，候选人"
              + r.candidates().size()
              + "名；应到会"
              + sd.expected()
              + "人，实到会"
              + sd.present()
              + "人；发出选票"
              + sd.issued()
              + "张，收回"
              + sd.returned()
              + "张，其中有效票"
              + sd.valid()
              + "张，无效票"
              + sd.invalid()
              + "张。选举编码 "
              + r.code()
              + "。");
      b.table(List.of("名次", "姓名", "赞成", "不赞成", "弃权", "结果"), rankingRows(sd));
      b.paragraph("判定结果：" + RoundArchive.textZh(sd) + "。");
      if (sd.consent() != null) {
        b.paragraph(
            "减少名额：经半数以上选举人同意（同意"
                + sd.consent().agreed()
                + "人，选举人"
                + sd.consent().electors()
                + "人；"
                + sd.consent().recordZh()
                + "）。");
      }
      b.paragraph("判定依据：");
      for (StepDto s : sd.trail()) {
        b.paragraph(
            (s.passed() ? "符合：" : "不符合：") + stripStop(s.explanationZh()) + citedZh(s.code()) + "。");
      }
    }

    b.heading("三、选举结果");
    for (StageSummary s : f.summaries()) {
      String what = meeting(e, s.stage()) + "选举" + s.post().labelZh();
      b.paragraph(
          what
              + "（应选"
              + s.seats()
              + "名）：当选"
              + s.elected().size()
              + "名："
              + names(s.elected())
              + (s.vacant() > 0 ? "；缺额" + s.vacant() + "名" : "")
              + (s.reduced() > 0 ? "；经同意减少名额" + s.reduced() + "名" : "")
              + "。");
    }
    List<String> notElected = notElected(f);
    b.paragraph("未当选：" + names(notElected) + "。");

    if (e.hasCommittee()) {
      b.heading("四、委员分工");
      if (f.portfolios().isEmpty()) {
        b.paragraph("委员分工尚未记录。");
      } else {
        List<List<String>> rows = new ArrayList<>();
        for (String m : f.committee()) {
          rows.add(List.of(m, roleOf(f, m)));
        }
        b.table(List.of("姓名", "职务及分工"), rows);
      }
    }
    b.paragraph(
        "以上选举结果，"
            + (f.secretaries().isEmpty() && f.deputies().isEmpty() ? "" : "书记、副书记请予批准，")
            + (e.hasCommittee() ? "委员及分工请予备案。" : "请予备案。"));
    b.signature(f.organisation(), f.date());
    return b.build();
  }

  /** Printed candidates and write-ins who were not elected in the last round they stood in. */
  static List<String> notElected(ResultsFacts f) {
    List<String> elected = new ArrayList<>();
    f.summaries().forEach(s -> elected.addAll(s.elected()));
    List<String> out = new ArrayList<>();
    for (RoundFacts rf : f.rounds()) {
      if (!rf.decided()) {
        continue;
      }
      for (RankedCandidate c : rf.decision().ranking()) {
        if (!c.writeIn() && !elected.contains(c.name()) && !out.contains(c.name())) {
          out.add(c.name());
        }
      }
    }
    return out;
  }

  private static String roleOf(ResultsFacts f, String name) {
    List<String> parts = new ArrayList<>();
    if (f.secretaries().contains(name)) {
      parts.add("书记");
    }
    if (f.deputies().contains(name)) {
      parts.add("副书记");
    }
    String p = f.portfolios().get(name);
    if (p != null && !p.isBlank()) {
      parts.add(p);
    }
    if (parts.isEmpty()) {
      parts.add("委员");
    }
    return String.join("、", parts);
  }

  /**
   * The tally report of one decided vote (计票结果报告单), for the chief scrutineer to sign and announce:
   * attendance, ballots issued, returned, valid and invalid, each candidate's votes and result, and
   * the signature lines of the scrutineers and clerks.
   */
  public static DocumentContent tallyReport(Election e, Round r, StoredDecision sd) {
    var b = DocumentContent.builder(meeting(e, r.stage()) + "计票结果报告单");
    b.subtitle(e.title() + " · " + r.labelZh());
    b.paragraph(
        "应选"
            + r.seats()
            + "名，候选人"
            + r.candidates().size()
            + "名。应到会"
            + sd.expected()
            + "人，实到会"
            + sd.present()
            + "人。发出选票"
            + sd.issued()
            + "张，收回"
            + sd.returned()
            + "张，其中有效票"
            + sd.valid()
            + "张，无效票"
            + sd.invalid()
            + "张。");
    b.table(List.of("名次", "姓名", "赞成", "不赞成", "弃权", "结果"), rankingRows(sd));
    b.paragraph("计票结果：" + RoundArchive.textZh(sd) + "。");
    b.paragraph("总监票人（签名）：＿＿＿＿＿＿　　监票人（签名）：＿＿＿＿＿＿");
    b.paragraph("计票人（签名）：＿＿＿＿＿＿　　　　＿＿＿＿年＿＿月＿＿日");
    return b.build();
  }

  static List<List<String>> rankingRows(StoredDecision sd) {
    List<List<String>> rows = new ArrayList<>();
    for (RankedCandidate c : sd.ranking()) {
      rows.add(
          List.of(
              Integer.toString(c.rank()),
              c.writeIn() ? c.name() + "（另选他人）" : c.name(),
              Long.toString(c.yes()),
              c.writeIn() ? "—" : Long.toString(c.no()),
              c.writeIn() ? "—" : Long.toString(c.abstain()),
              statusZh(c.status())));
    }
    return rows;
  }

  /** The announcement (当选公告): who was elected, members in surname-stroke order as printed. */
  public static DocumentContent announcement(ResultsFacts f) {
    Election e = f.election();
    KindWording w = words(e);
    var b = DocumentContent.builder(titles(e).announcementTitle(f.organisation()));
    String meeting =
        f.firstMeetingRound()
            .map(
                rf ->
                    "应到会"
                        + rf.decision().expected()
                        + "人，实到会"
                        + rf.decision().present()
                        + "人，符合规定人数，")
            .orElse("");
    if (e.hasCommittee()) {
      List<String> members = new ArrayList<>(f.committee());
      members.sort(xuanju.core.names.NameOrder.surnameStrokes());
      b.paragraph(
          f.organisation()
              + "于"
              + DocumentContent.chineseDate(f.meetingDay())
              + w.votingEventZh()
              + "，"
              + meeting
              + "会议以无记名投票方式选举产生了新一届"
              + w.committee()
              + "。当选"
              + w.committeeMember()
              + "（"
              + members.size()
              + "名，按姓氏笔画为序）："
              + names(members)
              + "。");
      if (e.kind().config().stages().plenumElectsOfficers()) {
        b.paragraph(
            "新一届"
                + w.committee()
                + (f.plenumDay() == null ? "" : "于" + DocumentContent.chineseDate(f.plenumDay()))
                + "召开第一次全体会议，选举"
                + names(f.secretaries())
                + "为书记"
                + (f.deputies().isEmpty() ? "" : "，" + names(f.deputies()) + "为副书记")
                + "。");
      }
    } else {
      b.paragraph(
          f.organisation()
              + "于"
              + DocumentContent.chineseDate(f.meetingDay())
              + w.votingEventZh()
              + "，"
              + meeting
              + "会议以无记名投票方式选举"
              + names(f.secretaries())
              + "为"
              + w.directOfficer()
              + "。");
    }
    b.paragraph(w.resultsFilingZh());
    b.paragraph("特此公告。");
    b.signature(f.organisation(), f.date());
    return b.build();
  }

  /** The statistics table (选举结果统计表): one row per person per round, numbers as stored. */
  public static XlsxTable statistics(ResultsFacts f) {
    List<String> header =
        List.of(
            "轮次", "会议", "职务", "类别", "应选", "应到会", "实到会", "发出选票", "收回选票", "有效票", "无效票", "名次", "姓名",
            "另选他人", "赞成", "不赞成", "弃权", "结果");
    List<List<String>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RoundFacts rf : f.rounds()) {
      if (!rf.decided()) {
        continue;
      }
      Round r = rf.round();
      StoredDecision sd = rf.decision();
      notes.add(
          "第"
              + r.number()
              + "轮（"
              + meeting(f.election(), r.stage())
              + "，"
              + r.post().labelZh()
              + "）：应到会 "
              + sd.expected()
              + " 人，实到会 "
              + sd.present()
              + " 人；发出选票 "
              + sd.issued()
              + " 张，收回 "
              + sd.returned()
              + " 张，有效 "
              + sd.valid()
              + " 张，无效 "
              + sd.invalid()
              + " 张");
      for (RankedCandidate c : sd.ranking()) {
        rows.add(
            List.of(
                Integer.toString(r.number()),
                meeting(f.election(), r.stage()),
                r.post().labelZh(),
                r.labelZh().substring(r.labelZh().lastIndexOf(' ') + 1),
                Integer.toString(r.seats()),
                Long.toString(sd.expected()),
                Long.toString(sd.present()),
                Long.toString(sd.issued()),
                Long.toString(sd.returned()),
                Long.toString(sd.valid()),
                Long.toString(sd.invalid()),
                Integer.toString(c.rank()),
                c.name(),
                c.writeIn() ? "是" : "否",
                Long.toString(c.yes()),
                Long.toString(c.no()),
                Long.toString(c.abstain()),
                statusZh(c.status())));
      }
    }
    return new XlsxTable("选举结果统计", header, rows).withTitle(f.election().title() + "选举结果统计表", notes);
  }

  /** The upper organisation's reply on the results (关于选举结果的批复), or its return with comments. */
  public static DocumentContent reply(ResultsFacts f, Approval a, LocalDate date) {
    Election e = f.election();
    boolean ok = a.decision() == ApprovalDecision.APPROVED;
    var b =
        DocumentContent.builder(
            ok
                ? titles(e).resultsReplyTitle(f.organisation())
                : "关于" + f.organisation() + "换届选举结果报告的意见");
    b.plainParagraph(f.organisation() + "：");
    b.paragraph(
        words(e).addressee()
            + "《"
            + titles(e).resultsReportTitle(f.organisation(), body(e))
            + "》收悉。经研究，"
            + (ok ? "现批复如下：" : "提出以下意见："));
    if (ok) {
      int n = 1;
      if (!f.secretaries().isEmpty()) {
        b.paragraph(
            numeral(n++)
                + "、同意"
                + names(f.secretaries())
                + "任"
                + f.organisation()
                + "书记"
                + (f.deputies().isEmpty() ? "" : "，" + names(f.deputies()) + "任副书记")
                + "。");
      }
      if (e.hasCommittee()) {
        List<String> members = new ArrayList<>(f.committee());
        members.sort(xuanju.core.names.NameOrder.surnameStrokes());
        b.paragraph(
            numeral(n++)
                + "、新一届"
                + words(e).committee()
                + "由"
                + names(members)
                + "等"
                + members.size()
                + "名同志组成（按姓氏笔画为序），委员及分工予以备案。");
      }
      if (xuanju.server.plan.PlanDocuments.addsSomething(a.comment())) {
        b.paragraph(a.comment()); // the approver's own words, not one of the numbered decisions
      }
      b.paragraph("此复。");
    } else {
      b.paragraph(a.comment());
      b.paragraph("请按上述意见核实、完善后重新报送。");
    }
    b.signature(f.upper(), date);
    return b.build();
  }

  private static String numeral(int n) {
    return switch (n) {
      case 1 -> "一";
      case 2 -> "二";
      case 3 -> "三";
      default -> "四";
    };
  }

  /** The elected of a post in the order of the summaries (for screens). */
  static Map<Post, List<String>> electedByPost(ResultsFacts f) {
    Map<Post, List<String>> m = new java.util.EnumMap<>(Post.class);
    for (StageSummary s : f.summaries()) {
      m.computeIfAbsent(s.post(), k -> new ArrayList<>()).addAll(s.elected());
    }
    return m;
  }

  /** The outcome texts of a decision (for screens). */
  static List<String> outcomesZh(StoredDecision sd) {
    return sd.outcomes().stream().map(OutcomeDto::textZh).toList();
  }
}
