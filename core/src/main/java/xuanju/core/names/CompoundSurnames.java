package xuanju.core.names;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compound surnames (复姓) recognised when a full name is split into surname and given name,
 * taken from 《百家姓》 plus 独孤 and 太史. A compound surname is one surname: it sorts as a unit before the
 * given name.
 *
 * <p>The list is deliberately closed: a pair such as 贺兰 is more often 贺 + given name 兰 than the
 * compound surname, so surnames like 贺兰, 纳兰 or 完颜 are not guessed. When the register keeps surname
 * and given name apart, build a {@link PersonName} directly instead.
 */
public final class CompoundSurnames {
  private CompoundSurnames() {}

  private static final Set<String> ALL =
      Collections.unmodifiableSet(
          new TreeSet<>(
              Arrays.asList(
                  // 《百家姓》 compound surnames
                  "万俟",
                  "司马",
                  "上官",
                  "欧阳",
                  "夏侯",
                  "诸葛",
                  "闻人",
                  "东方",
                  "赫连",
                  "皇甫",
                  "尉迟",
                  "公羊",
                  "澹台",
                  "公冶",
                  "宗政",
                  "濮阳",
                  "淳于",
                  "单于",
                  "太叔",
                  "申屠",
                  "公孙",
                  "仲孙",
                  "轩辕",
                  "令狐",
                  "钟离",
                  "宇文",
                  "长孙",
                  "慕容",
                  "鲜于",
                  "闾丘",
                  "司徒",
                  "司空",
                  "亓官",
                  "司寇",
                  "子车",
                  "颛孙",
                  "端木",
                  "巫马",
                  "公西",
                  "漆雕",
                  "乐正",
                  "壤驷",
                  "公良",
                  "拓跋",
                  "夹谷",
                  "宰父",
                  "谷梁",
                  "段干",
                  "百里",
                  "东郭",
                  "南门",
                  "呼延",
                  "羊舌",
                  "微生",
                  "梁丘",
                  "左丘",
                  "东门",
                  "西门",
                  "南宫",
                  "第五",
                  // further compound surnames named in the ordering rules
                  "独孤",
                  "太史")));

  /** All recognised compound surnames, sorted. */
  public static Set<String> all() {
    return ALL;
  }

  public static boolean isCompound(String surname) {
    return ALL.contains(surname);
  }

  /**
   * The length in code points of the compound surname that {@code name} starts with (the longest
   * match), or 0 if it starts with none.
   */
  static int prefixLength(String name) {
    int best = 0;
    for (String s : ALL) {
      if (name.startsWith(s)) {
        best = Math.max(best, s.codePointCount(0, s.length()));
      }
    }
    return best;
  }
}
