package xuanju.server.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

/**
 * Renders a {@link DocumentContent} to a Word document (.docx) with Apache POI XWPF: A4, 25 mm
 * margins, body in 宋体 (SimSun) 12 pt with 1.5 line spacing and a two-character first-line indent,
 * title and headings in 黑体 (SimHei), tables with a bold, repeating header row, and the 落款
 * right-aligned at the end, and the audit chain's check code ({@link AuditStamp}) in the page
 * footer. The Chinese fonts are set as {@code w:eastAsia} fonts (Latin text uses Times New Roman),
 * which Word and WPS map correctly; LibreOffice substitutes an installed CJK font.
 */
public final class DocxDocument {
  public static final String BODY_FONT = "宋体";
  public static final String HEADING_FONT = "黑体";
  public static final String LATIN_FONT = "Times New Roman";

  private DocxDocument() {}

  /** The .docx bytes. */
  public static byte[] render(DocumentContent content) {
    try (XWPFDocument doc = new XWPFDocument()) {
      defaults(doc);
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      title.setSpacingAfter(240);
      run(title, content.title(), HEADING_FONT, 18, true);
      if (content.subtitle() != null) {
        XWPFParagraph sub = doc.createParagraph();
        sub.setAlignment(ParagraphAlignment.CENTER);
        sub.setSpacingAfter(240);
        run(sub, content.subtitle(), BODY_FONT, 12, false);
      }
      for (DocumentContent.Block block : content.blocks()) {
        if (block instanceof DocumentContent.Heading h) {
          XWPFParagraph p = doc.createParagraph();
          p.setSpacingBefore(120);
          p.setSpacingBetween(1.5);
          run(p, h.text(), HEADING_FONT, 14, false);
        } else if (block instanceof DocumentContent.Paragraph para) {
          XWPFParagraph p = doc.createParagraph();
          p.setSpacingBetween(1.5);
          p.setAlignment(ParagraphAlignment.BOTH);
          if (para.indent()) {
            p.setIndentationFirstLine(480); // two 12 pt characters, in twips
          }
          run(p, para.text(), BODY_FONT, 12, false);
        } else if (block instanceof DocumentContent.Table t) {
          table(doc, t);
          doc.createParagraph(); // Word needs a paragraph between a table and what follows
        }
      }
      if (content.issuer() != null || content.date() != null) {
        doc.createParagraph();
        for (String line : new String[] {content.issuer(), content.date()}) {
          if (line != null) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationRight(480);
            p.setSpacingBetween(1.5);
            run(p, line, BODY_FONT, 12, false);
          }
        }
      }
      String stamp = AuditStamp.line();
      if (stamp != null) {
        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, stamp, BODY_FONT, 8, false);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Word文档生成失败", e);
    }
  }

  private static void defaults(XWPFDocument doc) {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(LATIN_FONT);
    fonts.setHAnsi(LATIN_FONT);
    fonts.setEastAsia(BODY_FONT);
    fonts.setCs(LATIN_FONT);
    doc.createStyles().setDefaultFonts(fonts);
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906)); // A4 in twips
    size.setH(BigInteger.valueOf(16838));
    CTPageMar mar = sect.addNewPgMar();
    BigInteger margin = BigInteger.valueOf(1418); // 25 mm
    mar.setTop(margin);
    mar.setBottom(margin);
    mar.setLeft(margin);
    mar.setRight(margin);
  }

  static XWPFRun run(XWPFParagraph p, String text, String eastAsiaFont, int size, boolean bold) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setBold(bold);
    r.setFontSize(size);
    r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
    r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
    r.setFontFamily(eastAsiaFont, XWPFRun.FontCharRange.eastAsia);
    CTFonts f = r.getCTR().getRPr().getRFontsArray(0);
    f.setHint(STHint.EAST_ASIA);
    return r;
  }

  private static void table(XWPFDocument doc, DocumentContent.Table t) {
    int cols = t.header().size();
    XWPFTable table = doc.createTable(1 + t.rows().size(), cols);
    table.setWidth("100%");
    table.setWidthType(TableWidthType.PCT);
    table.setTableAlignment(TableRowAlign.CENTER);
    fill(table.getRow(0), t.header(), true);
    table.getRow(0).setRepeatHeader(true);
    for (int r = 0; r < t.rows().size(); r++) {
      XWPFTableRow row = table.getRow(r + 1);
      row.setCantSplitRow(true);
      fill(row, t.rows().get(r), false);
    }
  }

  private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
    for (int c = 0; c < cells.size(); c++) {
      XWPFTableCell cell = row.getCell(c);
      cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
      if (header) {
        cell.setColor("E6E6E6");
      }
      XWPFParagraph p = cell.getParagraphs().get(0);
      p.setAlignment(ParagraphAlignment.CENTER);
      run(p, cells.get(c), header ? HEADING_FONT : BODY_FONT, 11, false);
    }
  }
}
