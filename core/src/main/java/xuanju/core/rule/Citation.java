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

  /** A short Chinese citation for screens and reports, e.g. {@code 《选举法》第四十五条}. */
  public String display() {
    String doc = document.startsWith("《") ? document : "《" + document + "》";
    return article.isEmpty() ? doc : doc + article;
  }
}
