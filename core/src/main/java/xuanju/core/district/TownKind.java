package xuanju.core.district;

import java.util.Locale;
import java.util.Optional;

/** The kind of township-level area (乡级行政区域类别): 乡, 民族乡 or 镇. */
public enum TownKind {
  /** 乡. */
  TOWNSHIP("乡"),
  /** 民族乡. */
  ETHNIC_TOWNSHIP("民族乡"),
  /** 镇. */
  TOWN("镇");

  private final String zh;

  TownKind(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }

  /**
   * Whether the extra 5 % of 选举法 第十二条第三款 can apply: the article names 乡 and 民族乡 (besides 县 and
   * 自治县), not 镇.
   */
  public boolean extraFivePercentListed() {
    return this != TOWN;
  }

  /**
   * Reads {@code TOWN}/{@code 镇}, {@code TOWNSHIP}/{@code 乡}, {@code ETHNIC_TOWNSHIP}/{@code 民族乡}.
   */
  public static Optional<TownKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    for (TownKind k : values()) {
      if (k.name().equals(t.toUpperCase(Locale.ROOT)) || k.zh.equals(t)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
