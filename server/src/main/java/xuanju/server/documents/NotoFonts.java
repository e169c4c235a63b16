package xuanju.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded Chinese font (思源黑体 / Noto Sans SC, TrueType outlines) shipped in the Maven jar
 * {@code com.helger.font:ph-fonts-noto-sans-sc}. The font files are read once and kept as bytes;
 * each PDF parses its own {@link TrueTypeFont} from them (parsing is lazy and cheap) and embeds a
 * subset.
 */
final class NotoFonts {
  static final String REGULAR = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
  static final String BOLD = "/fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

  private static volatile byte[] regular;
  private static volatile byte[] bold;
  private static volatile BitSet coverage;

  private NotoFonts() {}

  /** The regular and bold faces loaded into {@code doc} for subset embedding. */
  record Faces(PDType0Font regular, PDType0Font bold) {}

  static Faces load(PDDocument doc) {
    return new Faces(load(doc, regularBytes()), load(doc, boldBytes()));
  }

  private static PDType0Font load(PDDocument doc, byte[] bytes) {
    try {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
      doc.registerTrueTypeFontForClosing(ttf);
      return PDType0Font.load(doc, ttf, true);
    } catch (IOException e) {
      throw new UncheckedIOException("无法加载内嵌中文字体", e);
    }
  }

  /** True if the regular (and bold: same character set) face has a glyph for {@code codePoint}. */
  static boolean canDisplay(int codePoint) {
    return coverage().get(codePoint);
  }

  /**
   * {@code text} with every character the font lacks replaced by {@link
   * MissingCharacter#PLACEHOLDER}; each replacement is added to {@code sink}. Line breaks and tabs
   * become spaces; other control characters are dropped.
   */
  static String sanitize(String text, String field, List<MissingCharacter> sink) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
              } else if (Character.isISOControl(cp)) {
                // dropped: never visible
              } else if (canDisplay(cp)) {
                out.appendCodePoint(cp);
              } else {
                sink.add(new MissingCharacter(field, text, cp));
                out.append(MissingCharacter.PLACEHOLDER);
              }
            });
    return out.toString();
  }

  private static BitSet coverage() {
    BitSet c = coverage;
    if (c == null) {
      synchronized (NotoFonts.class) {
        c = coverage;
        if (c == null) {
          c = computeCoverage(regularBytes());
          coverage = c;
        }
      }
    }
    return c;
  }

  private static BitSet computeCoverage(byte[] bytes) {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      BitSet set = new BitSet(0x30000);
      for (int cp = 0x20; cp < 0x110000; cp++) {
        if (cmap.getGlyphId(cp) > 0) {
          set.set(cp);
        }
      }
      // the space has glyph 3 or so in Noto; make sure ordinary spaces always count as displayable
      set.set(' ');
      return set;
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取内嵌中文字体", e);
    }
  }

  static byte[] regularBytes() {
    byte[] b = regular;
    if (b == null) {
      synchronized (NotoFonts.class) {
        b = regular;
        if (b == null) {
          b = read(REGULAR);
          regular = b;
        }
      }
    }
    return b;
  }

  static byte[] boldBytes() {
    byte[] b = bold;
    if (b == null) {
      synchronized (NotoFonts.class) {
        b = bold;
        if (b == null) {
          b = read(BOLD);
          bold = b;
        }
      }
    }
    return b;
  }

  private static byte[] read(String resource) {
    try (InputStream in = NotoFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("类路径中缺少字体 " + resource + "（依赖 ph-fonts-noto-sans-sc）");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取字体 " + resource, e);
    }
  }
}
