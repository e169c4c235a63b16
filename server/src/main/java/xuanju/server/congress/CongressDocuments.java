package xuanju.server.congress;

import java.util.ArrayList;
import java.util.List;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;

/**
 * Printed notices of the nominations (推荐阶段的公告): the 初步代表候选人名单及基本情况 of a district. Pure: rendering
 * is done by {@code PdfDocument}.
 */
public final class CongressDocuments {
  private CongressDocuments() {}

  static final List<String> HEADER = List.of("姓名", "性别", "出生年月", "民族", "工作单位及职务", "推荐方式");

  /** The title: {@code 某镇第一选区初步代表候选人名单}. */
  static String initialTitle(DeputyNominationService.CandidateList l) {
    return l.election().organisationName() + where(l) + "初步代表候选人名单";
  }

  /** The posting notice of the initial list, in 姓氏笔画 order, with the basic facts. */
  static DocumentContent initialList(DeputyNominationService.CandidateList l) {
    Election e = l.election();
    var b = DocumentContent.builder(initialTitle(l));
    Integer seats = l.area().seats();
    b.paragraph(
        "根据"
            + e.kind().config().wording().statute()
            + "第三十条、第三十二条的规定，经各政党、各人民团体推荐和选民十人以上联名推荐，现将"
            + where(l)
            + "初步代表候选人名单及基本情况公布如下（按姓氏笔画排列）。本选区应选代表"
            + (seats == null ? "" : seats + "名")
            + "，初步代表候选人"
            + l.candidates().size()
            + "名。选举日为"
            + DocumentContent.chineseDate(e.electionDay())
            + "。");
    b.paragraph("请各选民小组对初步代表候选人名单进行讨论、协商。对候选人的基本情况有不同意见的，请向选举委员会反映。");
    b.table(HEADER, rows(l));
    b.signature(e.organisationName() + "选举委员会", "年　月　日");
    return b.build();
  }

  /** The title: {@code 某镇第一选区正式代表候选人名单}. */
  static String formalTitle(DeputyNominationService.CandidateList l) {
    return l.election().organisationName() + where(l) + "正式代表候选人名单";
  }

  /**
   * The posting notice of the formal list, in 姓氏笔画 order, with the basic facts, the voting day and
   * the district's polling stations.
   */
  static DocumentContent formalList(
      DeputyNominationService.CandidateList l, DeputyNominationRepository.FormalList published) {
    Election e = l.election();
    var b = DocumentContent.builder(formalTitle(l));
    b.paragraph(
        "根据"
            + e.kind().config().wording().statute()
            + "第三十一条、第三十二条的规定，"
            + published.basis().labelZh()
            + "，现将"
            + where(l)
            + "正式代表候选人名单及基本情况公布如下（"
            + (published.basis() == FormalListBasis.PRESELECTION ? "按预选得票多少的顺序排列" : "按姓氏笔画排列")
            + "）。本选区应选代表"
            + l.area().seats()
            + "名，正式代表候选人"
            + l.candidates().size()
            + "名。");
    List<String> stations = new ArrayList<>();
    for (var s : l.district().stations()) {
      stations.add(s.name() + (s.address().isEmpty() ? "" : "（" + s.address() + "）"));
    }
    b.paragraph(
        "投票时间："
            + DocumentContent.chineseDate(e.electionDay())
            + "。投票地点："
            + (stations.isEmpty() ? "另行公告" : String.join("；", stations))
            + "。选举日停止代表候选人的介绍。");
    b.table(HEADER, rows(l));
    b.signature(e.organisationName() + "选举委员会", published.publishedOn());
    return b.build();
  }

  /** The contest in words: the town district, or the county district with its level. */
  private static String where(DeputyNominationService.CandidateList l) {
    return l.area().level() == ContestLevel.TOWN
        ? l.district().name()
        : l.area().name() + l.area().level().fullZh();
  }

  /** The table rows: one candidate each, in the list's order, with the basic facts. */
  private static List<List<String>> rows(DeputyNominationService.CandidateList l) {
    List<List<String>> rows = new ArrayList<>();
    for (DeputyNominationService.Candidate c : l.candidates()) {
      rows.add(List.of(c.name(), c.genderZh(), c.birthZh(), c.ethnicity(), c.workplace(), c.by()));
    }
    return rows;
  }
}
