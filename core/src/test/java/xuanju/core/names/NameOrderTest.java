package xuanju.core.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;

class NameOrderTest {
  private static final NameOrder SURNAME = NameOrder.surnameStrokes();
  private static final NameOrder FULL = NameOrder.fullNameStrokes();

  private static List<String> names(String s) {
    return Arrays.asList(s.split("[、 ]+"));
  }

  /** Shuffles with a fixed seed, so the expected order never equals the input by accident. */
  private static List<String> shuffled(List<String> in, long seed) {
    List<String> copy = new ArrayList<>(in);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  /** stack.md §3: the mainland order of ten surnames, which ICU's stroke collation gets wrong. */
  @Test
  void stackMdExample() {
    assertThat(SURNAME.sort(names("王 李 张 刘 陈 杨 丁 马 万 欧阳")))
        .containsExactlyElementsOf(names("丁 万 马 王 刘 李 杨 张 陈 欧阳"));
  }

  /**
   * 中共二十届中央政治局委员名单「按姓氏笔划为序」(新华社 2022-10-23, as shown on the Chinese Wikipedia page 中国共产党中央政治局).
   * Shows single given names first within a surname: 王毅 before 王沪宁, 李希 and 李强 before 李干杰.
   */
  static final String POLITBURO_20 =
      "丁薛祥、习近平、马兴瑞、王毅、王沪宁、尹力、石泰峰、刘国中、李希、李强、李干杰、李书磊、李鸿忠、何卫东、何立峰、"
          + "张又侠、张国清、陈文清、陈吉宁、陈敏尔、赵乐际、袁家军、黄坤明、蔡奇";

  @Test
  void politburo20PublishedOrder() {
    List<String> expected = names(POLITBURO_20);
    assertThat(SURNAME.sort(shuffled(expected, 20))).containsExactlyElementsOf(expected);
    // the printed list pads two-character names with an ideographic space: same order
    List<String> padded =
        expected.stream()
            .map(n -> n.length() == 2 ? n.charAt(0) + "\u3000" + n.charAt(1) : n)
            .toList();
    assertThat(SURNAME.sort(shuffled(padded, 21))).containsExactlyElementsOf(padded);
  }

  /** The same names 按姓名笔画 (derived from the rule): the given name decides, as written. */
  @Test
  void politburo20InFullNameStyle() {
    List<String> sorted = FULL.sort(names(POLITBURO_20));
    assertThat(sorted.subList(3, 5)).containsExactly("王沪宁", "王毅");
    assertThat(sorted.subList(8, 13)).containsExactly("李干杰", "李书磊", "李希", "李鸿忠", "李强");
  }

  /**
   * 中共十九届中央政治局委员名单「按姓氏笔画为序」(新华社 2017-10-25), written down from the published list
   * (孙春兰's「（女）」dropped); not re-checked against a stored copy here.
   */
  @Test
  void politburo19PublishedOrder() {
    List<String> expected =
        names(
            "丁薛祥、习近平、王晨、王沪宁、刘鹤、许其亮、孙春兰、李希、李强、李克强、李鸿忠、杨洁篪、杨晓渡、汪洋、"
                + "张又侠、陈希、陈全国、陈敏尔、赵乐际、胡春华、郭声琨、黄坤明、韩正、蔡奇");
    assertThat(SURNAME.sort(shuffled(expected, 19))).containsExactlyElementsOf(expected);
  }

  /**
   * Worked examples of blog.sina.com.cn/s/blog_5f30e1eb0100t3d9 (「姓名笔画的排列方法」, 2011) and
   * m.wenku365.com/p-6137850 (「姓名姓氏笔画排序规则及区别」).
   */
  @Test
  void handbookExamples() {
    assertThat(SURNAME.compare("丁小宁", "王小宁")).isNegative(); // fewer strokes first
    assertThat(SURNAME.compare("欧阳少东", "洪少东")).isNegative(); // 欧 8 < 洪 9, not the sum
    assertThat(SURNAME.compare("李一鸣", "李大鸣")).isNegative(); // same surname: next character
    assertThat(SURNAME.compare("高富", "高大富")).isNegative(); // single given name first
    assertThat(SURNAME.compare("王", "文")).isNegative(); // 4 strokes: 横 before 点
    assertThat(SURNAME.compare("林", "欧")).isNegative(); // 8 strokes, 横: 竖 before 撇
    // 田富 / 田大利: the two styles differ
    assertThat(SURNAME.sort(names("田大利 田富"))).containsExactly("田富", "田大利");
    assertThat(FULL.sort(names("田富 田大利"))).containsExactly("田大利", "田富");
  }

  /** Constructed from the rule: equal count, first stroke 横 / 撇 / 点; then later strokes. */
  @Test
  void constructedFromTheRule() {
    assertThat(SURNAME.sort(names("方 毛 王"))).containsExactly("王", "毛", "方");
    // 丰 1112 / 王 1121 / 天 1134: same count and first stroke, third stroke decides
    assertThat(SURNAME.sort(names("天 王 丰"))).containsExactly("丰", "王", "天");
  }

  /**
   * The ICU probe of stack.md §3 (ICU: 王 田 邓 何 阮 林 苏 陈 范 茅 郑 黄). Mainland counts 王4 邓4 田5 阮6 苏7 何7
   * 陈7 范8 茅8 林8 郑8 黄11 (艹 3, 阝 2); ties by stroke order (苏 1… 何 3… 陈 5…; 范 1224… 茅 1225… 林 1234… 郑
   * 4…).
   */
  @Test
  void icuProbeInMainlandOrder() {
    assertThat(SURNAME.sort(names("王 田 邓 何 阮 林 苏 陈 范 茅 郑 黄")))
        .containsExactlyElementsOf(names("王 邓 田 阮 苏 何 陈 范 茅 林 郑 黄"));
  }

  @Test
  void compoundSurnameIsOneUnit() {
    // every 欧 name before every 欧阳 name, in both styles
    for (NameOrder o : List.of(SURNAME, FULL)) {
      assertThat(o.sort(names("欧阳娜 欧阳 欧明华 欧一"))).containsExactly("欧一", "欧明华", "欧阳", "欧阳娜");
    }
    assertThat(SURNAME.compare("司马光", "司空")).isNegative(); // 马 3 < 空 8
    assertThat(SURNAME.persons().compare(new PersonName("欧", "阳明"), new PersonName("欧阳", "明")))
        .isNegative();
  }

  @Test
  void unknownCharactersSortLastAndAreReported() {
    List<String> in = names("王𠀀 王A 王三 王丁 张三");
    List<String> sorted = SURNAME.sort(in);
    // 丁 (2, known sequence) < 𠀀 (2, count only) < 三 (3) < A (no data)
    assertThat(sorted).containsExactly("王丁", "王𠀀", "王三", "王A", "张三");

    MissingStrokes m = SURNAME.missing(in);
    assertThat(m.noData()).containsExactly("A");
    assertThat(m.sequenceMissing()).containsExactly("𠀀");
    assertThat(m.warningZh()).contains("以下汉字缺少笔画数据：A；以下汉字缺少笔顺数据（仅按笔画数排序）：𠀀");
    assertThat(m.findings().codes())
        .containsExactly("NAMES.STROKES.MISSING", "NAMES.STROKES.SEQUENCE_MISSING");
    assertThat(m.findings().warnings().get(0).fields()).containsExactly("names[1]");
    assertThat(SURNAME.missing(names("王毅 李强")).isEmpty()).isTrue();
    assertThat(SURNAME.missing(names("王毅 李强")).warningZh()).isEmpty();
  }

  @Test
  void decisionCarriesRuleAndMissingData() {
    Decision<List<String>> ok = SURNAME.order(names("陈 王"));
    assertThat(ok.outcome()).containsExactly("王", "陈");
    assertThat(ok.codes()).containsExactly("NAMES.ORDER.SURNAME_STROKES");
    assertThat(ok.trail().get(0).passed()).isTrue();
    assertThat(ok.trail().get(0).inputs()).containsEntry("names", 2L);

    Decision<List<String>> warn = FULL.order(names("王A 王"));
    assertThat(warn.codes()).containsExactly("NAMES.ORDER.FULL_NAME_STROKES");
    assertThat(warn.trail().get(0).passed()).isFalse();
    assertThat(warn.trail().get(0).explanationZh()).contains("以下汉字缺少笔画数据：A");
  }

  @Test
  void separatorsAndSpacesAreIgnored() {
    assertThat(SURNAME.compare("王 毅", "王毅")).isNotZero(); // different text, still ordered
    assertThat(SURNAME.sort(names("王沪宁 王　毅"))).containsExactly("王　毅", "王沪宁");
    assertThat(SURNAME.compare("阿依古丽·买买提", "阿依古丽买买提")).isNotZero();
    assertThat(Integer.signum(SURNAME.compare("阿依古丽·买买提", "艾力")))
        .isEqualTo(Integer.signum(SURNAME.compare("阿", "艾")));
  }

  @Test
  void emptyNamesAreRejectedWithTheirPosition() {
    assertThatThrownBy(() -> SURNAME.sort(Arrays.asList("王毅", " ·")))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("names[1]");
    assertThatThrownBy(() -> SURNAME.sort(Arrays.asList("王毅", null)))
        .isInstanceOf(InvalidInputException.class);
  }
}
