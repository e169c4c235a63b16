package xuanju.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class PdfDocumentTest {

  /** Collects every glyph's position. */
  static final class Positions extends PDFTextStripper {
    final List<TextPosition> all = new ArrayList<>();

    @Override
    protected void processTextPosition(TextPosition text) {
      all.add(text);
      super.processTextPosition(text);
    }
  }

  @Test
  void longParagraphWrapsAcrossLinesInsideTheMarginsWithoutLosingCharacters() throws Exception {
    PdfDocument.Result r = PdfDocument.render(Samples.notice());
    assertThat(r.missingCharacters()).isEmpty();
    try (PDDocument doc = Loader.loadPDF(r.pdf())) {
      Positions p = new Positions();
      String text = p.getText(doc);
      String compact = BallotPdfTest.compact(text);
      assertThat(compact).contains(BallotPdfTest.compact(Samples.LONG_PARAGRAPH));
      // the paragraph starts and ends on different lines
      int start = text.indexOf("根据《");
      int end = text.indexOf("以便调查核实");
      assertThat(text.substring(start, end).lines().count()).isGreaterThan(3);
      float pageWidth = doc.getPage(0).getMediaBox().getWidth();
      float right = pageWidth - PdfDocument.MARGIN_MM * PdfText.MM;
      float left = PdfDocument.MARGIN_MM * PdfText.MM;
      for (TextPosition t : p.all) {
        assertThat(t.getXDirAdj()).isGreaterThanOrEqualTo(left - 0.5f);
        // a hanging closing mark may pass the right margin by at most one character
        assertThat(t.getXDirAdj() + t.getWidthDirAdj()).isLessThanOrEqualTo(right + 12.5f);
      }
    }
  }

  @Test
  void noticeHasTitleTableSignatureAndEmbeddedFont() throws Exception {
    DocumentContent notice = Samples.notice();
    PdfDocument.Result r = PdfDocument.render(notice);
    try (PDDocument doc = Loader.loadPDF(r.pdf())) {
      String c = BallotPdfTest.compact(new PDFTextStripper().getText(doc));
      BallotPdfTest.assertInOrder(
          c,
          List.of(
              notice.title(),
              "代机党支〔2026〕3号",
              "各党小组",
              "姓名",
              "古丽娜尔·吐尔逊",
              "维吾尔族",
              "农业服务中心主任",
              "中共代力吉镇机关支部委员会",
              "2026年11月21日"));
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDType0Font f = (PDType0Font) page.getResources().getFont(name);
          assertThat(f.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
        }
      }
    }
    assertThat(PdfDocument.render(notice).pdf()).isEqualTo(r.pdf());
  }

  @Test
  void longContentBreaksPagesAndRepeatsTheTableHeader() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    List<String> names = Samples.names(5, 120);
    for (int i = 0; i < names.size(); i++) {
      rows.add(List.of(String.valueOf(i + 1), names.get(i), i % 2 == 0 ? "男" : "女"));
    }
    DocumentContent.Builder b = DocumentContent.builder("党员名单公示");
    for (int i = 0; i < 8; i++) {
      b.paragraph(Samples.LONG_PARAGRAPH);
    }
    DocumentContent content = b.table(List.of("序", "党员姓名", "性别"), rows).build();
    PdfDocument.Result r = PdfDocument.render(content);
    assertThat(r.pageCount()).isGreaterThanOrEqualTo(4);
    try (PDDocument doc = Loader.loadPDF(r.pdf())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(r.pageCount());
      int headerPages = 0;
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        String t = s.getText(doc);
        assertThat(t).contains("— " + page + " —");
        if (t.contains("党员姓名")) {
          headerPages++;
        }
      }
      // 120 rows need more than one page: the header appears on each page the table touches
      assertThat(headerPages).isGreaterThanOrEqualTo(2);
      String all = BallotPdfTest.compact(new PDFTextStripper().getText(doc));
      BallotPdfTest.assertInOrder(all, names);
    }
  }

  @Test
  void missingCharactersInAnyBlockAreReported() throws IOException {
    DocumentContent c =
        DocumentContent.builder("公示")
            .paragraph("候选人王\uD840\uDC00明")
            .table(List.of("姓名"), List.of(List.of("李\uD840\uDC00")))
            .build();
    PdfDocument.Result r = PdfDocument.render(c);
    assertThat(r.missingCharacters())
        .extracting(MissingCharacter::field)
        .containsExactly("blocks[0]", "blocks[1].rows[0][0]");
  }
}
