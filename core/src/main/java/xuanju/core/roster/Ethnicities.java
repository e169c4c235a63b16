package xuanju.core.roster;

import java.util.List;
import java.util.Optional;

/** The 56 ethnic groups of China (民族, GB 3304 order) plus the two residual categories. */
public final class Ethnicities {
  private Ethnicities() {}

  private static final List<String> ALL =
      List.of(
          "汉族",
          "蒙古族",
          "回族",
          "藏族",
          "维吾尔族",
          "苗族",
          "彝族",
          "壮族",
          "布依族",
          "朝鲜族",
          "满族",
          "侗族",
          "瑶族",
          "白族",
          "土家族",
          "哈尼族",
          "哈萨克族",
          "傣族",
          "黎族",
          "傈僳族",
          "佤族",
          "畲族",
          "高山族",
          "拉祜族",
          "水族",
          "东乡族",
          "纳西族",
          "景颇族",
          "柯尔克孜族",
          "土族",
          "达斡尔族",
          "仫佬族",
          "羌族",
          "布朗族",
          "撒拉族",
          "毛南族",
          "仡佬族",
          "锡伯族",
          "阿昌族",
          "普米族",
          "塔吉克族",
          "怒族",
          "乌孜别克族",
          "俄罗斯族",
          "鄂温克族",
          "德昂族",
          "保安族",
          "裕固族",
          "京族",
          "塔塔尔族",
          "独龙族",
          "鄂伦春族",
          "赫哲族",
          "门巴族",
          "珞巴族",
          "基诺族",
          "其他",
          "外国血统中国籍人士");

  /** Every allowed value, in GB 3304 order. */
  public static List<String> all() {
    return ALL;
  }

  /**
   * The canonical name: {@code 汉族}; the short form without 族 ({@code 汉}, {@code 蒙古}) is accepted.
   */
  public static Optional<String> parse(String text) {
    String t = Texts.clean(text);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (ALL.contains(t)) {
      return Optional.of(t);
    }
    if (ALL.contains(t + "族")) {
      return Optional.of(t + "族");
    }
    return Optional.empty();
  }
}
