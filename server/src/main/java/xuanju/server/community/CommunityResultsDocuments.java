package xuanju.server.community;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import xuanju.core.community.CommitteePost;
import xuanju.core.names.NameOrder;
import xuanju.server.community.CommunityResultsService.Member;
import xuanju.server.community.CommunityResultsService.Results;
import xuanju.server.community.CommunityResultsService.VoteNumbers;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.Election;

/**
 * The printed results of a residents' committee election: the 居民委员会选举结果公告 (each post, each elected
 * member with the votes, the numbers of every vote), the 当选证书 (one page per elected member) and the
 * 选举结果报告单 to the 街道 and the 民政 office. Every number is the stored one.
 */
final class CommunityResultsDocuments {
  private CommunityResultsDocuments() {}

  private static final NameOrder STROKES = NameOrder.surnameStrokes();

  static String announcementTitle(Election e) {
    return e.organisationName() + "居民委员会选举结果公告";
  }

  static String reportTitle(Election e) {
    return e.organisationName() + "居民委员会选举结果报告单";
  }

  /** The members of a post in 姓氏笔画 order. */
  static List<Member> sorted(Results r, CommitteePost p) {
    List<Member> out = new ArrayList<>(r.of(p));
    out.sort(Comparator.comparing(m -> STROKES.sortKey(m.name())));
    return out;
  }

  /** The numbers of one vote in words (the 公告 and the 报告单 print the same sentence). */
  static String numbers(VoteNumbers v) {
    StringBuilder s =
        new StringBuilder()
            .append(v.titleZh())
            .append("：")
            .append(v.baseZh())
            .append("，发出选票")
            .append(v.issued())
            .append("张，收回选票")
            .append(v.returned())
            .append("张，参选率")
            .append(v.turnoutZh())
            .append("。");
    for (var p : v.posts()) {
      s.append(p.labelZh())
          .append("有效票")
          .append(p.valid())
          .append("张、无效票")
          .append(p.invalid())
          .append("张；");
    }
    return s.toString();
  }

  static DocumentContent announcement(Results r, LocalDate on) {
    Election e = r.election();
    var b = DocumentContent.builder(announcementTitle(e));
    b.paragraph(
        e.organisationName()
            + "居民委员会换届选举于"
            + DocumentContent.chineseDate(e.electionDay())
            + "举行。根据"
            + e.kind().config().wording().statute()
            + "和本社区选举办法的规定，现将选举结果公告如下。");
    b.heading("一、选举情况");
    for (VoteNumbers v : r.votes()) {
      b.paragraph(numbers(v));
    }
    b.heading("二、当选人员");
    Map<CommitteePost, Integer> seats = CommunityResultsService.seats(e);
    for (CommitteePost p : CommitteePost.values()) {
      Integer s = seats.get(p);
      if (s == null || s < 1) {
        continue;
      }
      List<Member> ms = sorted(r, p);
      List<List<String>> rows = new ArrayList<>();
      for (Member m : ms) {
        rows.add(List.of(p.labelZh(), m.name(), String.valueOf(m.votes())));
      }
      b.plainParagraph(
          p.labelZh()
              + "（应选"
              + s
              + "名，当选"
              + ms.size()
              + "名"
              + (ms.size() < s ? "，缺额" + (s - ms.size()) + "名" : "")
              + "）");
      if (!rows.isEmpty()) {
        b.table(List.of("职务", "姓名", "得票数"), rows);
      }
    }
    b.paragraph("当选人员按职务排列，同一职务按姓氏笔画排列。对选举结果有异议的，可以向居民选举委员会反映。");
    b.signature(e.organisationName() + "居民选举委员会", on);
    return b.build();
  }

  /** One page per elected member, posts from 主任 down, then 姓氏笔画. */
  static byte[] certificates(Results r, LocalDate on) {
    Election e = r.election();
    try (PDDocument out = new PDDocument()) {
      PDFMergerUtility merger = new PDFMergerUtility();
      for (CommitteePost p : CommitteePost.values()) {
        for (Member m : sorted(r, p)) {
          DocumentContent c =
              DocumentContent.builder("当选证书")
                  .plainParagraph(m.name() + "同志：")
                  .paragraph(
                      "你于"
                          + DocumentContent.chineseDate(e.electionDay())
                          + "在"
                          + e.organisationName()
                          + "居民委员会换届选举中，依法当选为"
                          + e.organisationName()
                          + "居民委员会"
                          + p.labelZh()
                          + "。特发此证。")
                  .paragraph("任期：" + e.termYears() + "年。")
                  .signature(e.organisationName() + "居民选举委员会", on)
                  .build();
          try (PDDocument page = Loader.loadPDF(PdfDocument.render(c).pdf())) {
            merger.appendDocument(out, page);
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.save(bytes);
      return bytes.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException("当选证书生成失败", ex);
    }
  }

  /** 选举结果报告单: to the 街道 and the 民政 office, the members with their basic facts. */
  static DocumentContent report(
      Results r,
      Map<Long, FormalCandidatesService.Candidate> facts,
      SupervisionService.View supervision,
      RepresentativesService.View representatives,
      LocalDate on) {
    Election e = r.election();
    var b = DocumentContent.builder(reportTitle(e));
    b.subtitle("（报街道办事处、民政部门）");
    b.paragraph(
        e.organisationName()
            + "居民委员会换届选举于"
            + DocumentContent.chineseDate(e.electionDay())
            + "依法进行，现将选举结果报告如下。");
    for (VoteNumbers v : r.votes()) {
      b.paragraph(numbers(v));
    }
    List<List<String>> rows = new ArrayList<>();
    for (CommitteePost p : CommitteePost.values()) {
      for (Member m : sorted(r, p)) {
        FormalCandidatesService.Candidate c =
            m.applicationId() == null ? null : facts.get(m.applicationId());
        rows.add(
            List.of(
                p.labelZh(),
                m.name(),
                c == null ? "" : c.genderZh(),
                c == null ? "" : c.birthZh(),
                c == null || c.ethnicity() == null ? "" : c.ethnicity(),
                c == null ? "" : c.politicalZh(),
                String.valueOf(m.votes())));
      }
    }
    b.heading("居民委员会成员");
    b.table(List.of("职务", "姓名", "性别", "出生年月", "民族", "政治面貌", "得票数"), rows);
    if (!supervision.elected().isEmpty()) {
      b.heading("居务监督委员会成员");
      List<List<String>> s = new ArrayList<>();
      for (var n : supervision.elected()) {
        s.add(List.of(n.chair() ? "主任" : "成员", n.name(), String.valueOf(n.votes())));
      }
      b.table(List.of("职务", "姓名", "赞成票"), s);
      supervision.meeting().ifPresent(m -> b.paragraph("推选会议：" + m.summaryZh() + "。"));
    }
    if (!representatives.register().isEmpty()) {
      b.paragraph(
          "居民代表："
              + representatives.grids().size()
              + "个网格共推选居民代表"
              + representatives.register().size()
              + "名（名册另附）。");
    }
    b.signature(e.organisationName() + "居民选举委员会", on);
    return b.build();
  }
}
