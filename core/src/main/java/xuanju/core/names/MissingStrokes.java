package xuanju.core.names;

import java.util.List;
import java.util.Optional;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * The characters of a list of names that lack stroke data (缺少笔画数据的汉字), for the warning
 * 「以下汉字缺少笔画数据：…」 shown before a ballot or candidate list is printed.
 *
 * @param noData characters with no data at all (sorted after every known character, by code point),
 *     distinct, in code point order
 * @param sequenceMissing characters with a stroke count but no stroke order (sorted after the known
 *     characters of the same count), distinct, in code point order
 * @param findings {@link NamesRule#STROKES_MISSING} and {@link NamesRule#STROKES_SEQUENCE_MISSING}
 *     findings naming the affected list positions ({@code names[i]})
 */
public record MissingStrokes(List<String> noData, List<String> sequenceMissing, Findings findings) {
  public MissingStrokes {
    noData = List.copyOf(noData);
    sequenceMissing = List.copyOf(sequenceMissing);
  }

  /** Whether every character has a count and a stroke order. */
  public boolean isEmpty() {
    return noData.isEmpty() && sequenceMissing.isEmpty();
  }

  /**
   * The warning for the user, e.g. {@code 以下汉字缺少笔画数据：𠀀、Z}, with a second sentence for characters
   * that only lack the stroke order; empty when nothing is missing.
   */
  public Optional<String> warningZh() {
    StringBuilder sb = new StringBuilder();
    if (!noData.isEmpty()) {
      sb.append("以下汉字缺少笔画数据：").append(String.join("、", noData));
    }
    if (!sequenceMissing.isEmpty()) {
      if (sb.length() > 0) {
        sb.append("；");
      }
      sb.append("以下汉字缺少笔顺数据（仅按笔画数排序）：").append(String.join("、", sequenceMissing));
    }
    return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
  }

  /** All findings, for callers that collect findings of several checks. */
  public List<Finding> all() {
    return findings.all();
  }
}
