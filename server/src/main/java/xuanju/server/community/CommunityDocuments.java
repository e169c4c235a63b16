package xuanju.server.community;

import java.util.ArrayList;
import java.util.List;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;

/**
 * The printed notice of the formal candidates (正式候选人名单公告) of a residents' committee election, per
 * post in 姓氏笔画 order with the basic facts. Pure: rendering is done by {@code PdfDocument}.
 */
final class CommunityDocuments {
  private CommunityDocuments() {}

  static final List<String> HEADER = List.of("姓名", "性别", "出生年月", "民族", "政治面貌", "工作单位", "推荐");

  /** The title: {@code 某社区居民委员会成员正式候选人名单}. */
  static String title(FormalCandidatesService.FormalList l) {
    return l.election().organisationName() + "居民委员会成员正式候选人名单";
  }

  static DocumentContent notice(FormalCandidatesService.FormalList l) {
    Election e = l.election();
    var b = DocumentContent.builder(title(l));
    StringBuilder seats = new StringBuilder();
    for (var p : l.posts()) {
      seats
          .append(p.post().labelZh())
          .append("应选")
          .append(p.seats())
          .append("名、正式候选人")
          .append(p.candidates().size())
          .append("名；");
    }
    b.paragraph(
        "根据"
            + e.kind().config().wording().statute()
            + "和本次选举工作方案的规定，经本人书面报名、资格联审和近亲属回避审查，居民选举委员会确定了"
            + e.organisationName()
            + "居民委员会成员正式候选人，现按职位公布如下（同一职位按姓氏笔画排列）。"
            + seats
            + "实行差额选举，各职位候选人均多于应选人数。选举日为"
            + DocumentContent.chineseDate(e.electionDay())
            + "。");
    for (var p : l.posts()) {
      b.heading(p.post().labelZh() + "候选人（应选" + p.seats() + "名）");
      List<List<String>> rows = new ArrayList<>();
      for (var c : p.candidates()) {
        rows.add(
            List.of(
                c.name(),
                c.genderZh(),
                c.birthZh(),
                c.ethnicity(),
                c.politicalZh(),
                c.workplace(),
                c.partyRecommended() ? "社区党组织推荐" : "本人报名"));
      }
      b.table(HEADER, rows);
    }
    b.paragraph("对候选人有不同意见的，请向居民选举委员会反映。");
    b.signature(e.organisationName() + "居民选举委员会", l.published().publishedOn());
    return b.build();
  }
}
