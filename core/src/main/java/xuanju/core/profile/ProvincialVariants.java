package xuanju.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;

/**
 * The provincial variants shipped (省级变体目录). One today: {@code NEI_MONGOL} 内蒙古自治区, the region of the
 * seed documents (000, 002, 004). See {@code docs/profiles.md}.
 *
 * <p><b>What 内蒙古 can and cannot confirm.</b> The reference material holds neither 《内蒙古自治区村民委员会选举办法》
 * nor 《内蒙古自治区实施〈中华人民共和国城市居民委员会组织法〉办法》; it holds the national laws and the seed plans of 奈曼旗 and
 * 鄂托克前旗. So a parameter is confirmed only where a national law read verbatim fixes it (a province
 * cannot depart from it); every other parameter keeps the profile's value and is marked 需要复核. The
 * seed plans' own rules that are not parameters are listed as notes with their source.
 */
public final class ProvincialVariants {
  private ProvincialVariants() {}

  static final String NM_VILLAGE = "内蒙古自治区村民委员会选举办法";
  static final String NM_RESIDENTS = "内蒙古自治区实施《中华人民共和国城市居民委员会组织法》办法";

  public static final ProvincialVariant NEI_MONGOL =
      new ProvincialVariant(
          "NEI_MONGOL",
          "内蒙古自治区",
          entries(),
          List.of(
              "投票方式：设中心投票站，另设流动票箱（种子002，奈曼旗诺恩吉雅社区“两委”选举工作方案；PLAN）",
              "居民选举委员会由5人组成，以奇数为宜（种子002，SZ-09；PLAN）",
              "嘎查、村与社区同步换届，嘎查即村（种子002、004）"));

  private static List<ProvincialVariant.Entry> entries() {
    List<ProvincialVariant.Entry> out = new ArrayList<>();
    add(out, Profiles.byId("VILLAGE_COMMITTEE"), NM_VILLAGE);
    add(out, Profiles.byId("RESIDENTS_COMMITTEE"), NM_RESIDENTS);
    return out;
  }

  /**
   * One entry per parameter of the profile: confirmed where the profile's citation is a national
   * law read verbatim (V), else 需要复核 with the provincial text to check.
   */
  private static void add(List<ProvincialVariant.Entry> out, Profile p, String provincialText) {
    for (Setting s : p.settings().values()) {
      Citation c = s.citation();
      boolean statute =
          c.confidence() == Confidence.V && !c.article().isEmpty() && c.sourceId().startsWith("L");
      if (statute) {
        out.add(
            new ProvincialVariant.Entry(
                p.regime(),
                s.param(),
                s.defaultValue(),
                c,
                ProvincialVariant.Status.CONFIRMED,
                "法律直接规定（" + c.display() + "），自治区办法不得另作规定"));
      } else {
        out.add(
            new ProvincialVariant.Entry(
                p.regime(),
                s.param(),
                s.defaultValue(),
                Citation.of(provincialText, "", "未收入参考资料", Confidence.I),
                ProvincialVariant.Status.NEEDS_REVIEW,
                "参考资料中没有《"
                    + provincialText
                    + "》原文，暂沿用通用配置值 "
                    + s.defaultValue()
                    + "（"
                    + c.display()
                    + "），须对照自治区办法复核"));
      }
    }
  }

  private static final List<ProvincialVariant> ALL = List.of(NEI_MONGOL);

  public static List<ProvincialVariant> all() {
    return ALL;
  }

  public static Optional<ProvincialVariant> find(String id) {
    return ALL.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  /**
   * The variant with this id.
   *
   * @throws InvalidInputException (field {@code provincialVariant}) if there is none
   */
  public static ProvincialVariant byId(String id) {
    return find(id)
        .orElseThrow(
            () -> new InvalidInputException("provincialVariant", "未知的省级变体 \"" + id + "\""));
  }
}
