package xuanju.core.names;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/** Rules for ordering names by strokes (姓氏笔画排序规则). */
public enum NamesRule implements Rule {
  /** 按姓氏笔画为序: the party rule for 代表、委员、常委 candidate lists; single given names first. */
  ORDER_SURNAME_STROKES(
      "NAMES.ORDER.SURNAME_STROKES",
      Severity.NOTICE,
      "候选人名单以姓氏笔画为序：先比姓的笔画数，笔画数相同按横竖撇点折逐笔比较，再比下一字；同姓者单名在前、双名在后",
      Citation.of("中国共产党基层组织选举工作条例(2020)", "第二十四条", "P3", Confidence.VP)),
  /** 按姓名笔画: every character of the full name in turn; a single given name is not padded. */
  ORDER_FULL_NAME_STROKES(
      "NAMES.ORDER.FULL_NAME_STROKES",
      Severity.NOTICE,
      "名单按姓名笔画为序：姓之后逐字比较笔画数和笔顺，单名不作空字处理",
      Citation.of("姓名姓氏笔画排序规则及区别（人大、政协名单编排惯例）", "", "", Confidence.S)),
  /** A character of a name has no stroke data at all. */
  STROKES_MISSING(
      "NAMES.STROKES.MISSING",
      Severity.WARNING,
      "以下汉字缺少笔画数据，已按码位排在其他汉字之后，请人工核对名单顺序",
      Citation.of("Xuanju 笔画数据表（Unihan kTotalStrokes、cnchar-order）", "", "", Confidence.I)),
  /** A character has a stroke count but no stroke order. */
  STROKES_SEQUENCE_MISSING(
      "NAMES.STROKES.SEQUENCE_MISSING",
      Severity.WARNING,
      "以下汉字只有笔画数、缺少笔顺数据，笔画数相同时排在有笔顺数据的字之后，请人工核对名单顺序",
      Citation.of("Xuanju 笔画数据表（Unihan kTotalStrokes、cnchar-order）", "", "", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  NamesRule(String code, Severity severity, String messageZh, Citation citation) {
    this.code = code;
    this.severity = severity;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public Citation citation() {
    return citation;
  }
}
