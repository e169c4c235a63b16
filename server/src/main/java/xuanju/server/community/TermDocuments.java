package xuanju.server.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import xuanju.core.community.PreviousTerms;
import xuanju.core.quota.Gender;
import xuanju.server.documents.DocumentContent;

/**
 * The printed 社区“两委”班子成员情况汇总表 of a term: one line per person with the basic facts and the posts on
 * both committees, then 一肩挑, 交叉任职, the team's structure and its comparison with the previous term.
 * Pure: rendering is done by the documents package.
 */
final class TermDocuments {
  private TermDocuments() {}

  static final List<String> HEADER =
      List.of("序号", "姓名", "性别", "出生年月", "政治面貌", "大专及以上", "社区党组织职务", "居民委员会职务", "交叉任职");

  static String title(TermRepository.Term t) {
    return t.organisationName() + "社区“两委”班子成员情况汇总表";
  }

  static DocumentContent summary(TermRepository.Term t, TermPageService.Summary s) {
    var b = DocumentContent.builder(title(t));
    b.subtitle(t.name());
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (var l : s.lines()) {
      TermRepository.Facts f = s.facts().get(l.personId());
      rows.add(
          List.of(
              String.valueOf(i++),
              l.name(),
              f == null || f.gender() == null ? "" : f.gender() == Gender.FEMALE ? "女" : "男",
              f == null ? "" : month(f.birthDate()),
              f == null ? "" : Boolean.TRUE.equals(f.partyMember()) ? "中共党员" : "群众",
              f == null ? "" : f.college() ? "是" : "否",
              l.party().map(p -> p.labelZh()).orElse("")
                  + (s.deputyDirectorNominees().containsKey(l.personId()) ? "（拟任副主任）" : ""),
              l.residents().map(r -> r.labelZh()).orElse(""),
              l.crossPosted() ? "是" : ""));
    }
    b.table(HEADER, rows);
    b.paragraph(crossZh(s));
    b.paragraph(structureZh(s));
    b.paragraph(previousZh(s));
    return b.build();
  }

  /** 交叉任职 and 一肩挑 in words. */
  static String crossZh(TermPageService.Summary s) {
    var c = s.core();
    return "社区党组织委员会"
        + c.partySize()
        + "人，居民委员会"
        + c.residentsSize()
        + "人，“两委”班子成员共"
        + c.teamSize()
        + "人；交叉任职"
        + c.crossPosted()
        + "人，占社区党组织委员会"
        + c.crossShareOfPartyZh()
        + "，占居民委员会"
        + c.crossShareOfResidentsZh()
        + "。"
        + (c.oneShoulder()
            ? "社区党组织书记" + s.oneShoulderName() + "经法定程序当选居民委员会主任，实现“一肩挑”。"
            : "尚未实现社区党组织书记、居民委员会主任“一肩挑”。");
  }

  /** The team's structure in words. */
  static String structureZh(TermPageService.Summary s) {
    var st = s.structure();
    return "班子结构（年龄计算至"
        + DocumentContent.chineseDate(s.referenceDate())
        + "）：女性"
        + st.women()
        + "人，35周岁以下"
        + st.young()
        + "人，中共党员"
        + st.partyMembers()
        + "人，大专（含大专）以上文化程度"
        + st.college()
        + "人；居民委员会成员中中共党员"
        + st.residentsPartyMembers()
        + "人（共"
        + st.residents()
        + "人）。";
  }

  /** The comparison with the previous term in words (numbers and verdict, seed 002 三（四）). */
  static String previousZh(TermPageService.Summary s) {
    return "与上届比较："
        + s.previous().stream()
            .map(PreviousTerms.Comparison::messageZh)
            .collect(Collectors.joining("；"))
        + "。";
  }

  private static String month(LocalDate d) {
    return d == null ? "" : d.getYear() + "." + String.format("%02d", d.getMonthValue());
  }
}
