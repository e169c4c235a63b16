package xuanju.server.congress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import xuanju.core.names.NameOrder;
import xuanju.server.congress.CongressResultsService.CandidateVotes;
import xuanju.server.congress.CongressResultsService.ContestResult;
import xuanju.server.congress.CongressResultsService.LevelResults;
import xuanju.server.congress.CongressResultsService.Results;
import xuanju.server.congress.CongressResultsService.Step;
import xuanju.server.congress.CongressResultsService.StepRecord;
import xuanju.server.congress.CongressResultsService.Vote;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.PdfDocument;
import xuanju.server.documents.XlsxTable;
import xuanju.server.election.Election;

/**
 * The documents of a deputies' election's results (代表选举结果文书): the announcement of the elected per
 * level (选举结果公告, 选举法第四十六条, with every candidate's votes), the certificates of election (当选证书, one
 * page each), the statistics table (选举工作统计表, numeric cells) and the report to the county 人大常委会
 * (关于代表选举结果的报告). Every number comes from the votes stored on election day.
 */
public final class CongressResultsDocuments {
  private CongressResultsDocuments() {}

  private static final NameOrder STROKES = NameOrder.surnameStrokes();

  private static String town(Results r) {
    return r.election().organisationName();
  }

  private static String statute(Election e) {
    return e.kind().config().wording().statute();
  }

  /** 某镇人民代表大会代表选举结果公告 / 某镇县（旗）人民代表大会代表选举结果公告. */
  static String announcementTitle(Election e, ContestLevel level) {
    return e.organisationName()
        + (level == ContestLevel.TOWN ? "人民代表大会代表" : level.fullZh())
        + "选举结果公告";
  }

  private static LevelResults level(Results r, ContestLevel level) {
    return r.level(level)
        .orElseThrow(() -> new IllegalStateException("本选举没有" + level.labelZh() + "的选区，没有这项选举的结果"));
  }

  /** The announcement of a level's results, once every contest has its final result. */
  static DocumentContent announcement(Results r, ContestLevel level) {
    Election e = r.election();
    LevelResults lr = level(r, level);
    if (!lr.allFinal()) {
      throw new IllegalStateException(
          PollingRule.RESULTS_NOT_FINAL.refuse(
              level.labelZh() + "以下选区的选举结果尚未确定：" + String.join("、", lr.pending())));
    }
    StepRecord confirmed = lr.step(Step.CONFIRMED).orElse(null);
    var b = DocumentContent.builder(announcementTitle(e, level));
    b.paragraph(
        "根据"
            + statute(e)
            + "第四十六条的规定，"
            + town(r)
            + "选举委员会"
            + (confirmed == null ? "" : "于" + confirmed.onDateZh())
            + "确认，"
            + DocumentContent.chineseDate(e.electionDay())
            + "举行的"
            + level.fullZh()
            + "选举有效。本次共有"
            + lr.contests().size()
            + "个选区，应选代表"
            + lr.seats()
            + "名，当选代表"
            + lr.electedCount()
            + "名。现将各选区的选举结果公告如下：");
    for (ContestResult c : lr.contests()) {
      b.heading(c.area().name() + "（应选代表" + c.seats() + "名）");
      for (String f : c.failures()) {
        b.paragraph(f + "。");
      }
      for (Vote v : c.votes()) {
        if (v.round().turnoutFailed()) {
          continue;
        }
        b.paragraph(
            v.round().kindZh()
                + "：选区登记选民"
                + v.registered()
                + "人，参加投票"
                + v.voted()
                + "人，发出选票"
                + v.issued()
                + "张，收回选票"
                + v.voted()
                + "张，其中有效票"
                + v.valid()
                + "张，无效票"
                + v.invalid()
                + "张。各代表候选人得票如下：");
        List<List<String>> rows = new ArrayList<>();
        for (CandidateVotes cv : v.candidates()) {
          rows.add(
              List.of(
                  cv.name() + (cv.writeIn() ? "（另选他人）" : ""),
                  String.valueOf(cv.votes()),
                  cv.elected() ? "当选" : "未当选"));
        }
        b.table(List.of("姓名", "得票数", "结果"), rows);
      }
      b.paragraph(
          "当选代表（按姓氏笔画排列）："
              + (c.elected().isEmpty() ? "无" : String.join("、", STROKES.sort(c.elected())))
              + (c.vacancies() == 0 ? "。" : "；缺额" + c.vacancies() + "名。"));
    }
    b.heading("当选代表名单（按姓氏笔画排列）");
    b.table(List.of("姓名", "选区"), electedRows(lr));
    b.paragraph("当选代表的资格由代表资格审查委员会依法审查。");
    b.signature(town(r) + "选举委员会", confirmed == null ? "年　月　日" : confirmed.onDateZh());
    return b.build();
  }

  private record Elected(String name, String district) {}

  private static List<Elected> elected(LevelResults lr) {
    List<Elected> out = new ArrayList<>();
    for (ContestResult c : lr.contests()) {
      c.elected().forEach(n -> out.add(new Elected(n, c.area().name())));
    }
    out.sort(Comparator.comparing(Elected::name, STROKES));
    return out;
  }

  private static List<List<String>> electedRows(LevelResults lr) {
    return elected(lr).stream().map(x -> List.of(x.name(), x.district())).toList();
  }

  /**
   * The certificates of a level's elected deputies (当选证书), one page each in 姓氏笔画 order, once the
   * 镇人大主席团 or 县人大常委会 confirmed the deputies.
   */
  static byte[] certificates(Results r, ContestLevel level) {
    Election e = r.election();
    LevelResults lr = level(r, level);
    StepRecord accepted =
        lr.step(Step.ACCEPTED)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        PollingRule.RESULTS_ORDER.refuse(
                            level.labelZh()
                                + "尚未经“"
                                + Step.ACCEPTED.labelZh(level)
                                + "”，不能颁发当选证书")));
    List<Elected> all = elected(lr);
    if (all.isEmpty()) {
      throw new IllegalStateException(level.labelZh() + "没有当选代表");
    }
    String congress = level == ContestLevel.TOWN ? town(r) + "人民代表大会代表" : level.fullZh();
    try (PDDocument out = new PDDocument()) {
      PDFMergerUtility merger = new PDFMergerUtility();
      for (Elected x : all) {
        DocumentContent c =
            DocumentContent.builder("当选证书")
                .subtitle(level.fullZh())
                .plainParagraph(x.name() + "同志：")
                .paragraph(
                    "你于"
                        + DocumentContent.chineseDate(e.electionDay())
                        + "在"
                        + town(r)
                        + x.district()
                        + "依法当选为"
                        + congress
                        + "，经代表资格审查委员会审查，"
                        + accepted.body()
                        + "确认代表资格有效。特发此证。")
                .paragraph("选区：" + x.district())
                .paragraph("任期：" + e.termYears() + "年，自本届人民代表大会举行第一次会议开始，到下届人民代表大会举行第一次会议为止。")
                .signature(town(r) + "选举委员会", accepted.onDate())
                .build();
        try (PDDocument page = Loader.loadPDF(PdfDocument.render(c).pdf())) {
          merger.appendDocument(out, page);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.save(bytes);
      return bytes.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException("当选证书生成失败", ex);
    }
  }

  static final List<String> STATISTICS_HEADER =
      List.of(
          "选区",
          "选举层级",
          "应选名额",
          "登记选民",
          "参加投票",
          "投票率（%）",
          "有效票",
          "无效票",
          "代表候选人",
          "当选代表",
          "缺额",
          "当选女性代表",
          "当选非中共党员代表");

  /** The statistics table: one row per district and level, a total row per level. */
  static XlsxTable statistics(Results r) {
    List<List<String>> rows = new ArrayList<>();
    for (LevelResults lr : r.levels()) {
      long[] t = new long[11];
      for (ContestResult c : lr.contests()) {
        long registered = c.main().map(Vote::registered).orElse(0L);
        long voted = c.main().map(Vote::voted).orElse(0L);
        long[] n = {
          c.seats(),
          registered,
          voted,
          0,
          c.main().map(Vote::valid).orElse(0L),
          c.main().map(Vote::invalid).orElse(0L),
          c.candidates(),
          c.elected().size(),
          c.vacancies(),
          c.women(),
          c.nonCpc()
        };
        for (int i = 0; i < n.length; i++) {
          t[i] += n[i];
        }
        rows.add(row(c.area().name(), lr.level().labelZh(), n));
      }
      rows.add(row("合计", lr.level().labelZh(), t));
    }
    return new XlsxTable(town(r) + "代表选举统计表", STATISTICS_HEADER, rows)
        .withTitle(
            town(r) + "人大代表换届选举工作统计表",
            List.of(
                "选举日："
                    + DocumentContent.chineseDate(r.election().electionDay())
                    + "；参加投票人数为收回的选票数，按各选区第一次有效投票统计；性别和政治面貌按居民名册，未登记政治面貌的不计入非中共党员代表"));
  }

  /** A row: the numbers with the turnout (index 3) computed from registered and voted. */
  private static List<String> row(String district, String level, long[] n) {
    List<String> out = new ArrayList<>(List.of(district, level));
    for (int i = 0; i < n.length; i++) {
      if (i == 3) {
        out.add(n[1] == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * n[2] / n[1]));
      } else {
        out.add(String.valueOf(n[i]));
      }
    }
    return out;
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0%" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** The report to the county 人大常委会, once every level's results are confirmed. */
  static DocumentContent report(Results r) {
    Election e = r.election();
    for (LevelResults lr : r.levels()) {
      if (lr.step(Step.CONFIRMED).isEmpty()) {
        throw new IllegalStateException(
            PollingRule.RESULTS_ORDER.refuse(lr.level().labelZh() + "的选举结果尚未经选举委员会确认有效并宣布，不能报告"));
      }
    }
    if (r.levels().isEmpty()) {
      throw new IllegalStateException("本选举没有选区，没有选举结果");
    }
    boolean county = r.level(ContestLevel.COUNTY).isPresent();
    String what = "人民代表大会代表" + (county ? "和县（旗）人民代表大会代表" : "");
    var b = DocumentContent.builder("关于" + town(r) + what + "选举结果的报告");
    b.plainParagraph("县（旗）人民代表大会常务委员会：");
    b.paragraph(
        "根据"
            + statute(e)
            + "和县（旗）人民代表大会常务委员会关于换届选举的决定，"
            + town(r)
            + "于"
            + DocumentContent.chineseDate(e.electionDay())
            + "在选举委员会主持下，按选区以无记名投票方式选举"
            + town(r)
            + what
            + "。现将选举结果报告如下：");
    b.heading("一、投票情况");
    LocalDate last = e.electionDay();
    for (LevelResults lr : r.levels()) {
      long registered = 0;
      long voted = 0;
      for (ContestResult c : lr.contests()) {
        registered += c.main().map(Vote::registered).orElse(0L);
        voted += c.main().map(Vote::voted).orElse(0L);
      }
      b.paragraph(
          lr.level().fullZh()
              + "的选举共划分"
              + lr.contests().size()
              + "个选区，应选代表"
              + lr.seats()
              + "名；登记选民"
              + registered
              + "人，参加投票"
              + voted
              + "人，投票率"
              + percent(voted, registered)
              + "。");
      for (ContestResult c : lr.contests()) {
        for (String f : c.failures()) {
          b.paragraph(c.area().name() + f + "。");
        }
        long further = c.votes().stream().filter(v -> v.round().number() > 1).count();
        if (further > 0 && c.failures().isEmpty()) {
          b.paragraph(
              c.area().name()
                  + "第一次投票当选人数少于应选名额，依法进行了"
                  + String.join(
                      "、",
                      c.votes().stream().skip(1).map(v -> v.round().kindZh()).distinct().toList())
                  + "。");
        }
      }
    }
    b.heading("二、选举结果");
    for (LevelResults lr : r.levels()) {
      int n = lr.electedCount();
      int women = lr.contests().stream().mapToInt(ContestResult::women).sum();
      int nonCpc = lr.contests().stream().mapToInt(ContestResult::nonCpc).sum();
      int vacancies = lr.contests().stream().mapToInt(ContestResult::vacancies).sum();
      b.paragraph(
          lr.level().fullZh()
              + "当选"
              + n
              + "名"
              + (vacancies == 0 ? "" : "，缺额" + vacancies + "名")
              + "；其中女性代表"
              + women
              + "名，占"
              + percent(women, n)
              + "，非中共党员代表"
              + nonCpc
              + "名，占"
              + percent(nonCpc, n)
              + "。");
    }
    b.heading("三、选举结果的确认");
    for (LevelResults lr : r.levels()) {
      for (StepRecord s : lr.steps()) {
        b.paragraph(
            s.onDateZh()
                + "，"
                + lr.level().labelZh()
                + "选举结果："
                + s.labelZh()
                + "（"
                + s.body()
                + (s.document().isEmpty() ? "" : "，" + s.document())
                + "）。");
        if (s.onDate().isAfter(last)) {
          last = s.onDate();
        }
      }
    }
    b.heading("附：当选代表名单（按姓氏笔画排列）");
    List<List<String>> rows = new ArrayList<>();
    for (LevelResults lr : r.levels()) {
      elected(lr).forEach(x -> rows.add(List.of(lr.level().labelZh(), x.district(), x.name())));
    }
    b.table(List.of("选举层级", "选区", "姓名"), rows);
    b.paragraph("特此报告。");
    b.signature(town(r) + "选举委员会", last);
    return b.build();
  }
}
