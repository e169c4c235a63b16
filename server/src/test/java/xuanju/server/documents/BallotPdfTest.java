package xuanju.server.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.rule.InvalidInputException;

class BallotPdfTest {

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** Text without any whitespace, for order checks independent of line breaks. */
  static String compact(String s) {
    return s.replaceAll("\\s+", "");
  }

  static void assertInOrder(String haystack, List<String> needles) {
    int from = 0;
    for (String n : needles) {
      int at = haystack.indexOf(n, from);
      assertThat(at).as("「%s」 after position %d", n, from).isGreaterThanOrEqualTo(0);
      from = at + n.length();
    }
  }

  @Test
  void sampleBallotIsA4WithEmbeddedSubsetFont() throws Exception {
    BallotPdf.Result r = BallotPdf.render(Samples.ballot());
    assertThat(r.pageCount()).isEqualTo(1);
    try (PDDocument doc = Loader.loadPDF(r.pdf())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(r.pageCount());
      int fonts = 0;
      for (PDPage page : doc.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within());
        assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within());
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font).isInstanceOf(PDType0Font.class);
          PDFontDescriptor fd = ((PDType0Font) font).getDescendantFont().getFontDescriptor();
          assertThat(fd.getFontFile2()).as("embedded TrueType font file").isNotNull();
          assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*"); // subset tag
          assertThat(font.isEmbedded()).isTrue();
          fonts++;
        }
      }
      assertThat(fonts).isEqualTo(2); // regular + bold
    }
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(0.5f);
  }

  @Test
  void textHasTitleSeatsHeadersCandidatesInOrderAndWriteIns() throws Exception {
    BallotLayout layout = Samples.ballot();
    String text = text(BallotPdf.render(layout).pdf());
    String c = compact(text);
    assertThat(c).contains(compact(layout.title()), "应选5名", "第一轮", "另选他人", "3F9A-C21B");
    assertThat(c).contains("选举委员会（盖章）");
    assertInOrder(c, List.of("候选人姓名", "赞成", "不赞成", "弃权"));
    assertInOrder(c, layout.candidates().stream().map(BallotPdfTest::compact).toList());
    for (String line : layout.instructions()) {
      assertThat(c).contains(compact(line));
    }
  }

  @Test
  void sameLayoutGivesIdenticalBytesAndOtherLayoutDoesNot() {
    BallotPdf.Result a = BallotPdf.render(Samples.ballot());
    BallotPdf.Result b = BallotPdf.render(Samples.ballot());
    assertThat(a.pdf()).isEqualTo(b.pdf());
    assertThat(a.sha256()).isEqualTo(b.sha256()).isEqualTo(PdfText.sha256Hex(a.pdf())).hasSize(64);
    BallotPdf.Result other = BallotPdf.render(Samples.ballot().withStageLabel("另行选举"));
    assertThat(other.sha256()).isNotEqualTo(a.sha256());
  }

  private static final Pattern SERIAL = Pattern.compile("(编号|序号|流水号|票号|No\\.?\\s*\\d|\\d{5,})");

  @Test
  void noSerialNumberOrOtherCopySpecificText() throws Exception {
    String text = text(BallotPdf.render(Samples.ballot()).pdf());
    assertThat(SERIAL.matcher(text).find()).as(text).isFalse();
    // the pattern does catch a serial number, so the check above can fail
    assertThat(SERIAL.matcher("选票编号：000123").find()).isTrue();
  }

  static Stream<Arguments> candidateCounts() {
    long seed = 20261121L;
    Random random = new Random(seed);
    List<Arguments> cases = new ArrayList<>();
    for (int n : new int[] {1, 2, 9, 17, 18, 22, 30, 30}) {
      cases.add(Arguments.of(seed, n, random.nextInt(6), random.nextLong()));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "seed {0}: {1} candidates, {2} write-ins")
  @MethodSource("candidateCounts")
  void manyCandidatesFlowOnARegularGrid(long seed, int n, int writeIns, long nameSeed)
      throws Exception {
    List<String> names = Samples.names(nameSeed, n);
    BallotLayout layout =
        new BallotLayout(
            Samples.TITLE,
            Math.max(1, n / 2),
            null,
            BallotLayout.DEFAULT_INSTRUCTIONS,
            names,
            writeIns,
            "ABCD-1234",
            null);
    BallotPdf.Result r = BallotPdf.render(layout);
    String c = compact(text(r.pdf()));
    assertInOrder(c, names);
    assertThat(r.missingCharacters()).isEmpty();
    assertThat(r.markBoxes()).hasSize(3 * (n + writeIns));
    assertThat(r.rowPitchMm()).isBetween(BallotPdf.MIN_ROW_PITCH_MM, BallotPdf.ROW_PITCH_MM);
    assertThat(r.tableTopsMm()).hasSize(r.pageCount());
    Set<String> slots = new HashSet<>();
    for (MarkBox box : r.markBoxes()) {
      float top = r.tableTopsMm().get(box.page() - 1) + BallotPdf.HEADER_ROW_MM;
      float expectedCenterY = top + (box.gridRow() + 0.5f) * r.rowPitchMm();
      assertThat(box.centerYMm())
          .isCloseTo(expectedCenterY, org.assertj.core.data.Offset.offset(0.01f));
      float expectedCenterX =
          BallotPdf.MARGIN_MM
              + BallotPdf.NAME_COLUMN_MM
              + (box.choice().ordinal() + 0.5f) * BallotPdf.MARK_COLUMN_MM;
      assertThat(box.centerXMm())
          .isCloseTo(expectedCenterX, org.assertj.core.data.Offset.offset(0.01f));
      assertThat(box.yMm() + box.sizeMm()).isLessThanOrEqualTo(BallotPdf.TABLE_LIMIT_MM);
      assertThat(slots.add(box.page() + "/" + box.gridRow() + "/" + box.choice())).isTrue();
    }
    // every candidate has exactly its three boxes, in order
    for (int i = 0; i < n; i++) {
      final int index = i;
      assertThat(
              r.markBoxes().stream()
                  .filter(b -> b.kind() == MarkBox.Kind.CANDIDATE && b.index() == index))
          .extracting(MarkBox::choice)
          .containsExactly(MarkBox.Choice.values());
    }
    if (n >= 30) {
      assertThat(r.pageCount()).isGreaterThan(1);
    }
  }

  @Test
  void renderedPageShowsFiducialsAndEmptyMarkBoxes() throws Exception {
    BallotPdf.Result r = BallotPdf.render(Samples.ballot());
    try (PDDocument doc = Loader.loadPDF(r.pdf())) {
      float dpi = 100;
      BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, dpi);
      float f = BallotPdf.FIDUCIAL_INSET_MM + BallotPdf.FIDUCIAL_SIZE_MM / 2;
      float far = BallotPdf.PAGE_WIDTH_MM - f;
      float low = BallotPdf.PAGE_HEIGHT_MM - f;
      for (float[] c : new float[][] {{f, f}, {far, f}, {f, low}, {far, low}}) {
        assertThat(gray(img, c[0], c[1], dpi))
            .as("fiducial at %s,%s mm", c[0], c[1])
            .isLessThan(60);
        assertThat(gray(img, c[0] - BallotPdf.FIDUCIAL_SIZE_MM, c[1], dpi)).isGreaterThan(200);
      }
      for (MarkBox box : r.markBoxes()) {
        assertThat(gray(img, box.centerXMm(), box.centerYMm(), dpi)).isGreaterThan(200);
        assertThat(darkest(img, box.xMm(), box.centerYMm(), dpi)).as("left edge").isLessThan(128);
      }
    }
  }

  private static int gray(BufferedImage img, float xMm, float yMm, float dpi) {
    int x = Math.round(xMm / 25.4f * dpi);
    int y = Math.round(yMm / 25.4f * dpi);
    int rgb = img.getRGB(x, y);
    return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
  }

  /** The darkest pixel within one pixel of the point (a thin line may fall between pixels). */
  private static int darkest(BufferedImage img, float xMm, float yMm, float dpi) {
    int x = Math.round(xMm / 25.4f * dpi);
    int y = Math.round(yMm / 25.4f * dpi);
    int min = 255;
    for (int dx = -1; dx <= 1; dx++) {
      int rgb = img.getRGB(x + dx, y);
      min = Math.min(min, ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3);
    }
    return min;
  }

  @Test
  void rareCharacterIsReplacedAndReported() throws Exception {
    List<String> names = List.of("丁一", "王\uD840\uDC00明", "张伟");
    BallotPdf.Result r = BallotPdf.render(BallotLayout.of(Samples.TITLE, 2, names, "X1"));
    assertThat(r.missingCharacters())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.codePoint()).isEqualTo(0x20000);
              assertThat(m.field()).isEqualTo("candidates[1]");
              assertThat(m.text()).isEqualTo(names.get(1));
              assertThat(m.codePointLabel()).isEqualTo("U+20000");
              assertThat(m.describeZh()).contains("U+20000", "〓");
            });
    assertInOrder(compact(text(r.pdf())), List.of("丁一", "王〓明", "张伟"));
  }

  @Test
  void extensionACharacterIsDrawnNotReplaced() {
    // 䶮 (U+4DAE, Ext-A, as in 刘䶮) is covered by Noto Sans SC
    BallotPdf.Result r = BallotPdf.render(BallotLayout.of(Samples.TITLE, 1, List.of("刘䶮"), "X1"));
    assertThat(r.missingCharacters()).isEmpty();
  }

  @Test
  void veryLongNamesShrinkOrWrapWithoutLosingCharacters() throws Exception {
    String long1 = "阿卜杜热合曼·买买提明·艾则孜";
    String long2 = "这是一个非常非常非常长的候选人姓名用于检验自动缩小字号和换行功能是否正常工作不会丢字";
    BallotPdf.Result r =
        BallotPdf.render(BallotLayout.of(Samples.TITLE, 2, List.of(long1, long2, "李明"), "X1"));
    String c = compact(text(r.pdf()));
    assertInOrder(c, List.of(long1, long2, "李明"));
  }

  @Test
  void invalidLayoutsAreRejectedWithTheField() {
    assertThatThrownBy(() -> BallotLayout.of(Samples.TITLE, 0, List.of("李明"), "X"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("seats");
    assertThatThrownBy(() -> BallotLayout.of(Samples.TITLE, 1, List.of("李明", " "), "X"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("candidates[1]");
    assertThatThrownBy(() -> BallotLayout.of(" ", 1, List.of("李明"), "X"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> BallotLayout.of(Samples.TITLE, 1, List.of("李明"), ""))
        .isInstanceOf(InvalidInputException.class);
  }
}
