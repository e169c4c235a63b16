package xuanju.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PdfTextTest {
  private static PDDocument doc;
  private static PDFont font;

  @BeforeAll
  static void load() {
    doc = new PDDocument();
    font = NotoFonts.load(doc).regular();
  }

  @AfterAll
  static void close() throws Exception {
    doc.close();
  }

  private static final String HAN = "选举委员会党员大会候选人差额得票过半数有效无效另行投票";
  private static final String CLOSING = "，。、；：？！）》";
  private static final String OPENING = "（《";

  static Stream<Long> seeds() {
    return Stream.of(1L, 7L, 42L, 20261121L, 99991L);
  }

  @ParameterizedTest(name = "random text, seed {0}")
  @MethodSource("seeds")
  void wrappedLinesKeepEveryCharacterFitAndObeyKinsoku(long seed) {
    Random random = new Random(seed);
    StringBuilder b = new StringBuilder();
    int len = 50 + random.nextInt(400);
    for (int i = 0; i < len; i++) {
      int k = random.nextInt(20);
      if (k < 2) {
        b.append(CLOSING.charAt(random.nextInt(CLOSING.length())));
      } else if (k < 3) {
        b.append(OPENING.charAt(random.nextInt(OPENING.length())));
      } else if (k < 4) {
        b.append("Xuanju2026");
      } else {
        b.append(HAN.charAt(random.nextInt(HAN.length())));
      }
    }
    String text = b.toString();
    float size = 12f;
    float width = 100f + random.nextInt(300);
    float indent = random.nextBoolean() ? 24f : 0f;
    List<String> lines = PdfText.wrap(font, size, text, width, indent);
    assertThat(String.join("", lines)).isEqualTo(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      float limit = i == 0 ? width - indent : width;
      // a closing mark may hang by at most one character width
      assertThat(PdfText.width(font, size, line)).isLessThanOrEqualTo(limit + size + 0.01f);
      if (i > 0 && !line.isEmpty()) {
        assertThat(CLOSING.indexOf(line.charAt(0)))
            .as("line %d starts with %s", i, line)
            .isLessThan(0);
      }
      if (i < lines.size() - 1 && line.length() > 1) {
        assertThat(OPENING.indexOf(line.charAt(line.length() - 1)))
            .as("line %d ends with %s", i, line)
            .isLessThan(0);
      }
    }
    assertThat(lines.size())
        .isGreaterThanOrEqualTo((int) (PdfText.width(font, size, text) / (width + size)));
  }

  @Test
  void latinWordsStayTogetherUnlessLongerThanALine() {
    List<String> lines = PdfText.wrap(font, 12f, "选举 Xuanju system 系统", 60f, 0);
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotStartWith("uanju"));
    assertThat(String.join("", lines).replace(" ", "")).isEqualTo("选举Xuanjusystem系统");
    List<String> split = PdfText.wrap(font, 12f, "A".repeat(80), 60f, 0);
    assertThat(split.size()).isGreaterThan(1);
    assertThat(String.join("", split)).isEqualTo("A".repeat(80));
  }

  @Test
  void tokensSplitHanButNotLatinRuns() {
    assertThat(PdfText.tokens("第1轮abc选举")).containsExactly("第", "1", "轮", "abc", "选", "举");
    List<String> expected = new ArrayList<>(List.of("王", "\uD840\uDC00"));
    assertThat(PdfText.tokens("王\uD840\uDC00")).isEqualTo(expected);
  }
}
