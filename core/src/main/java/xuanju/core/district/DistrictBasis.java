package xuanju.core.district;

import java.util.Locale;
import java.util.Optional;

/** How a district is formed (选区划分依据), 选举法（2020）第二十五条第一款: 「选区可以按居住状况划分，也可以按生产单位、事业单位、 工作单位划分」. */
public enum DistrictBasis {
  /** 按居住状况划分: villages (村、嘎查), communities (社区), 村民小组 / 居民小组. */
  RESIDENCE("按居住状况划分"),
  /** 按生产单位、事业单位、工作单位划分: 机关、企业事业单位. */
  WORKPLACE("按生产单位、事业单位、工作单位划分");

  private final String zh;

  DistrictBasis(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }

  /** Reads {@code RESIDENCE}/{@code 居住} and {@code WORKPLACE}/{@code 单位}/{@code 工作单位}. */
  public static Optional<DistrictBasis> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    return switch (t.toUpperCase(Locale.ROOT)) {
      case "RESIDENCE", "居住", "居住状况", "按居住状况" -> Optional.of(RESIDENCE);
      case "WORKPLACE", "单位", "工作单位", "按工作单位" -> Optional.of(WORKPLACE);
      default -> Optional.empty();
    };
  }
}
