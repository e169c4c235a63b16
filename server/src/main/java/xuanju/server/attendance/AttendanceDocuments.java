package xuanju.server.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import xuanju.server.documents.DocumentContent;

/**
 * The publicity notice of the exclusion list (关于不参加党员大会的党员名单的公示), built from the data. Pure:
 * rendering is done by {@code PdfDocument} and {@code DocxDocument}.
 */
public final class AttendanceDocuments {
  private AttendanceDocuments() {}

  public static final String PUBLICITY_TITLE = "关于不参加党员大会的党员名单的公示";

  /**
   * The notice.
   *
   * @param organisation the branch as signed, e.g. 中共东营子村党支部
   * @param upper the upper organisation that agreed, e.g. 中共代力吉镇委员会
   * @param posting the posting day, or null for a draft (the period is then left blank)
   */
  public static DocumentContent publicity(
      ExclusionList list,
      Expected expected,
      String organisation,
      String upper,
      LocalDate meetingDay,
      LocalDate posting,
      LocalDate date) {
    var b = DocumentContent.builder(PUBLICITY_TITLE);
    b.plainParagraph("全体党员：");
    int n = list.exclusions().size();
    int afterwards = expected.membersWithVote() - n;
    b.paragraph(
        "根据《中国共产党基层组织选举工作条例》和上级党组织的有关规定，经调查摸底、支部核实，并报"
            + upper
            + "同意，以下"
            + n
            + "名党员因下列原因不能参加"
            + DocumentContent.chineseDate(meetingDay)
            + "召开的党员大会，拟不计算在应到会人数之内。本支部有表决权的党员"
            + expected.membersWithVote()
            + "名，名单经党员大会通过后，应到会人数为"
            + afterwards
            + "名。");
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (Exclusion x : list.exclusions()) {
      rows.add(List.of(Integer.toString(i++), x.name(), x.gender(), x.reason(), x.note()));
    }
    b.table(List.of("序号", "姓名", "性别", "不参加原因", "备注"), rows);
    if (posting != null) {
      LocalDate end = AttendanceService.publicityEnd(posting);
      b.paragraph(
          "公示期为"
              + DocumentContent.chineseDate(posting.plusDays(1))
              + "至"
              + DocumentContent.chineseDate(end)
              + "。公示期间，党员对名单有异议的，可向党支部或"
              + upper
              + "反映。");
    } else {
      b.paragraph("公示期不少于3天。公示期间，党员对名单有异议的，可向党支部或" + upper + "反映。");
    }
    b.signature(organisation, date);
    return b.build();
  }
}
