package xuanju.core.rule;

import java.util.Objects;

/**
 * The legal source of a rule (法规依据): document, article and how sure we are of it.
 *
 * @param document the law, regulation or plan, e.g. {@code 中国共产党基层组织选举工作条例(2020)}
 * @param article the article, e.g. {@code 第二十六条}; may be empty when not verified
 * @param sourceId the source id in {@code shared/reference/legal-rules.md} (e.g. {@code P12},
 *     {@code L1}) or a seed rule id (e.g. {@code QU-01}); may be empty
 * @param confidence how sure we are of the text
 */
public record Citation(String document, String article, String sourceId, Confidence confidence) {
  public Citation {
    Objects.requireNonNull(document, "document");
    article = article == null ? "" : article;
    sourceId = sourceId == null ? "" : sourceId;
    Objects.requireNonNull(confidence, "confidence");
  }

  public static Citation of(String document, String article, String sourceId, Confidence c) {
    return new Citation(document, article, sourceId, c);
  }

  /** What screens and reports say for a rule the laws do not state (an engineering inference). */
  public static final String NO_LEGAL_TEXT = "系统操作规范（法律法规未作明文规定，待法律审核）";

  /**
   * A short Chinese citation for screens and reports, e.g. {@code 《选举法》第四十五条}: the document and
   * article only, never the research notes' ids; a local plan is named without the seed label
   * ({@code （种子 001 篇15）}); an engineering inference says so in words ({@link #NO_LEGAL_TEXT}).
   */
  public String display() {
    if (document.startsWith("Xuanju 工程推定")) {
      return NO_LEGAL_TEXT;
    }
    String d = document.replaceAll("（种子[^）]*）", "").strip();
    String doc = d.startsWith("《") ? d : "《" + d + "》";
    return article.isEmpty() ? doc : doc + article;
  }
}
