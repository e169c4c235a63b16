package xuanju.server.delegates;

import static xuanju.server.documents.DocumentContent.chineseDate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xuanju.core.outcome.RankedCandidate;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.XlsxTable;

/**
 * The documents after the election at the 党代表会议 (seed 003 "选举结束后，向市委报送关于代表选举的情况报告、代表名册和代表登记表"): the
 * report (.docx), the 代表名册 (.xlsx, 姓氏笔画) and the 代表登记表 (.xlsx, one sheet per delegate). Pure: built
 * from the page's data.
 */
final class ConferenceDocuments {
  private ConferenceDocuments() {}

  static final List<String> ROSTER_HEADER =
      List.of("序号", "姓名", "性别", "出生年月", "民族", "工作单位及职务", "人选类别", "产生方式", "得票数", "当选于");

  static String title(ConferencePage p, String what) {
    return p.election().organisationName() + "出席" + p.congressName() + what;
  }

  /** 关于XX出席XX代表选举情况的报告. */
  static DocumentContent report(ConferencePage p) {
    Conference c = p.conference();
    String org = p.election().organisationName();
    DocumentContent.Builder b =
        DocumentContent.builder("关于" + org + "出席" + p.congressName() + "代表选举情况的报告");
    b.plainParagraph("市委：");
    b.paragraph(
        "根据市委对我单位代表候选人预备人选的批复，"
            + chineseDate(c.heldOn())
            + "召开"
            + c.name()
            + "，选举产生出席"
            + p.congressName()
            + "的代表。现将选举情况报告如下。");
    b.heading("一、会议和候选人情况");
    b.paragraph(
        c.name()
            + "应到会代表"
            + c.expected()
            + "名，实到会代表"
            + c.present()
            + "名（"
            + p.quorum().trail().get(p.quorum().trail().size() - 1).explanationZh()
            + "）。应选代表"
            + c.seats()
            + "名（含市委提名"
            + p.upperCount()
            + "名），代表候选人"
            + p.candidates().size()
            + "名（预备人选"
            + (p.candidates().size() - p.upperCount())
            + "名、市委提名"
            + p.upperCount()
            + "名），差额"
            + (p.candidates().size() - c.seats())
            + "名，差额比例"
            + percent(p.candidates().size() - c.seats(), c.seats())
            + "，实行差额选举，候选人按姓氏笔画排列。");
    b.heading("二、投票和计票情况");
    for (ConferencePage.RoundView v : p.rounds()) {
      ConferenceRound.Counts n = v.round().counts();
      b.paragraph(
          "第"
              + v.round().number()
              + "次投票（"
              + v.round().kindZh()
              + "，应选"
              + v.round().seats()
              + "名，候选人"
              + v.candidates().size()
              + "名）：发出选票"
              + n.issued()
              + "张，收回选票"
              + n.returned()
              + "张，其中有效票"
              + n.valid()
              + "张，无效票"
              + n.invalid()
              + "张。"
              + String.join("；", v.outcomeZh())
              + "。");
      List<List<String>> rows = new ArrayList<>();
      for (RankedCandidate r : v.ranking()) {
        rows.add(
            List.of(
                Integer.toString(r.rank()),
                r.writeIn() ? r.name() + "（另选他人）" : r.name(),
                Long.toString(r.yes()),
                r.writeIn() ? "—" : Long.toString(r.no()),
                r.writeIn() ? "—" : Long.toString(r.abstain()),
                v.statusZh(r)));
      }
      b.table(List.of("名次", "姓名", "赞成", "不赞成", "弃权", "结果"), rows);
    }
    b.heading("三、选举结果");
    b.paragraph(
        "根据《中国共产党地方组织选举工作条例》，代表候选人获得的赞成票超过应到会代表人数的半数（即至少"
            + (c.expected() / 2 + 1)
            + "票）始得当选。共选举产生出席"
            + p.congressName()
            + "代表"
            + p.elected().size()
            + "名"
            + (p.vacant() == 0 ? "" : "，" + p.vacant() + "个名额暂缺")
            + "（按姓氏笔画排列）："
            + String.join("、", p.elected().stream().map(x -> x.candidate().name()).toList())
            + "。");
    b.paragraph("附件：代表名册、代表登记表");
    b.signature(org, c.heldOn());
    return b.build();
  }

  static String percent(int extra, int seats) {
    return String.format("%.1f%%", extra * 100.0 / seats);
  }

  static XlsxTable roster(ConferencePage p) {
    List<List<String>> rows = new ArrayList<>();
    int i = 0;
    for (ConferencePage.Elected x : p.elected()) {
      ConferenceCandidate c = x.candidate();
      rows.add(
          List.of(
              Integer.toString(++i),
              c.name(),
              c.gender(),
              c.birthMonthZh(),
              c.ethnicity(),
              c.occupation(),
              c.categoryZh(),
              c.sourceZh(),
              Long.toString(x.votes()),
              "第" + x.roundNo() + "次投票"));
    }
    Conference c = p.conference();
    String what = "代表名册";
    return new XlsxTable(what, ROSTER_HEADER, rows)
        .withTitle(
            title(p, what),
            List.of(
                c.name()
                    + chineseDate(c.heldOn())
                    + "选举产生，共"
                    + p.elected().size()
                    + "名；应到会代表"
                    + c.expected()
                    + "名，实到会"
                    + c.present()
                    + "名；按姓氏笔画排序"));
  }

  /** One sheet per delegate with the registration form's fields (姓氏笔画 order). */
  static byte[] registration(ConferencePage p) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      int i = 0;
      for (ConferencePage.Elected x : p.elected()) {
        ConferenceCandidate c = x.candidate();
        Sheet s = wb.createSheet(WorkbookUtil.createSafeSheetName(++i + " " + c.name()));
        s.setColumnWidth(0, 20 * 256);
        s.setColumnWidth(1, 50 * 256);
        String[][] lines = {
          {title(p, "代表登记表"), ""},
          {"姓名", c.name()},
          {"性别", c.gender()},
          {"出生年月", c.birthMonthZh()},
          {"民族", c.ethnicity()},
          {"工作单位及职务", c.occupation()},
          {"人选类别", c.categoryZh()},
          {"产生方式", c.sourceZh()},
          {"推荐单位或提名文件", c.unitName()},
          {"选举会议", p.conference().name() + "（" + chineseDate(p.conference().heldOn()) + "）"},
          {"得票数", Long.toString(x.votes())},
          {"当选于", "第" + x.roundNo() + "次投票"}
        };
        for (int r = 0; r < lines.length; r++) {
          Row row = s.createRow(r);
          row.createCell(0).setCellValue(lines[r][0]);
          row.createCell(1).setCellValue(lines[r][1]);
        }
      }
      if (i == 0) {
        wb.createSheet("代表登记表").createRow(0).createCell(0).setCellValue("没有当选的代表");
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
