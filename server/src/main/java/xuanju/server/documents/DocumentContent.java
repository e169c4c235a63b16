package xuanju.server.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * The content of a Chinese form or notice (公示、公告、通知、表格), independent of the output format: a title,
 * an optional subtitle, body blocks (headings, paragraphs, tables) and the issuing organisation
 * with the date at the bottom right (落款). Rendered by {@link DocxDocument} and {@link PdfDocument}.
 *
 * <pre>{@code
 * DocumentContent notice = DocumentContent.builder("关于支部委员会委员候选人预备人选的公示")
 *     .paragraph("经支部党员大会酝酿讨论，……现将有关情况公示如下：")
 *     .table(List.of("姓名", "性别", "出生年月"), rows)
 *     .paragraph("公示期间，如有意见，请向支部委员会反映。")
 *     .signature("中共某某支部委员会", LocalDate.of(2026, 11, 21))
 *     .build();
 * }</pre>
 *
 * @param title the title (标题), centred and bold
 * @param subtitle an optional line under the title (e.g. a document number), or null
 * @param blocks the body in order
 * @param issuer the issuing organisation (落款单位), or null
 * @param date the date line, e.g. {@code 2026年11月21日}, or null
 */
public record DocumentContent(
    String title, String subtitle, List<Block> blocks, String issuer, String date) {

  /** One block of the body. */
  public sealed interface Block permits Heading, Paragraph, Table {}

  /** A section heading (小标题), bold, left-aligned. */
  public record Heading(String text) implements Block {
    public Heading {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A body paragraph (正文段落).
   *
   * @param indent true for the usual first-line indent of two characters (首行缩进两字符)
   */
  public record Paragraph(String text, boolean indent) implements Block {
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A table with a header row; every row has the header's number of cells (short rows are padded).
   */
  public record Table(List<String> header, List<List<String>> rows) implements Block {
    public Table {
      if (header == null || header.isEmpty()) {
        throw new InvalidInputException("table.header", "表格必须有表头");
      }
      header = List.copyOf(header);
      List<List<String>> copy = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        if (row.size() > header.size()) {
          throw new InvalidInputException(
              "table.rows[" + r + "]", "该行有" + row.size() + "列，多于表头的" + header.size() + "列");
        }
        List<String> padded = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
          String cell = c < row.size() ? row.get(c) : null;
          padded.add(cell == null ? "" : cell);
        }
        copy.add(List.copyOf(padded));
      }
      rows = List.copyOf(copy);
    }
  }

  public DocumentContent {
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("title", "文档标题不能为空");
    }
    blocks = List.copyOf(blocks);
    subtitle = subtitle == null || subtitle.isBlank() ? null : subtitle;
    issuer = issuer == null || issuer.isBlank() ? null : issuer;
    date = date == null || date.isBlank() ? null : date;
  }

  /** The date as printed in Chinese documents: {@code 2026年11月21日} (Arabic numerals, GB/T 9704). */
  public static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Builds a {@link DocumentContent} block by block. */
  public static final class Builder {
    private final String title;
    private String subtitle;
    private final List<Block> blocks = new ArrayList<>();
    private String issuer;
    private String date;

    private Builder(String title) {
      this.title = title;
    }

    public Builder subtitle(String subtitle) {
      this.subtitle = subtitle;
      return this;
    }

    public Builder heading(String text) {
      blocks.add(new Heading(text));
      return this;
    }

    /** A paragraph with the first-line indent. */
    public Builder paragraph(String text) {
      blocks.add(new Paragraph(text, true));
      return this;
    }

    /** A paragraph without indent (e.g. the salutation line {@code 各党小组：}). */
    public Builder plainParagraph(String text) {
      blocks.add(new Paragraph(text, false));
      return this;
    }

    public Builder table(List<String> header, List<List<String>> rows) {
      blocks.add(new Table(header, rows));
      return this;
    }

    /** The 落款: issuing organisation and date, printed at the bottom right. */
    public Builder signature(String issuer, LocalDate date) {
      return signature(issuer, date == null ? null : chineseDate(date));
    }

    public Builder signature(String issuer, String date) {
      this.issuer = issuer;
      this.date = date;
      return this;
    }

    public DocumentContent build() {
      return new DocumentContent(title, subtitle, blocks, issuer, date);
    }
  }
}
