package xuanju.core.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xuanju.core.names.StrokeData.Coverage;

class StrokeDataTest {
  private static final StrokeData DATA = StrokeData.standard();

  /** The 100 most common surnames (公安部户籍人口统计, as commonly listed). */
  static final String TOP_100_SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢"
          + "姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常";

  /** The first 100 surnames of 《百家姓》 (赵钱孙李 … 和穆萧尹). */
  static final String BAIJIAXING_FIRST_100 =
      "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马"
          + "苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹";

  @Test
  void shippedTableParsesAndMatchesItsHeader() throws IOException {
    String text;
    try (InputStream in = StrokeData.class.getResourceAsStream("/xuanju/core/names/strokes.tsv")) {
      assertThat(in).isNotNull();
      byte[] bytes = in.readAllBytes();
      assertThat(bytes.length).as("resource size").isLessThan(1_000_000);
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    StrokeData parsed = StrokeData.parse(text); // checks the "# counts" header line
    assertThat(parsed.size()).isEqualTo(DATA.size());
    assertThat(parsed.fullCount()).isGreaterThanOrEqualTo(6900);
    // 通用规范汉字表 has 8,105 characters; all have at least a stroke count (Unihan)
    assertThat(parsed.size()).isGreaterThan(90_000);
  }

  @Test
  void commonSurnamesHaveFullDataAndConsistentCounts() {
    assertThat(TOP_100_SURNAMES.codePoints().distinct().count()).isEqualTo(100);
    assertThat(BAIJIAXING_FIRST_100.codePoints().distinct().count()).isEqualTo(100);
    (TOP_100_SURNAMES + BAIJIAXING_FIRST_100)
        .codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              assertThat(DATA.coverage(cp)).as(ch).isEqualTo(Coverage.FULL);
              assertThat(DATA.strokeSequence(cp).orElseThrow())
                  .as("sequence length of %s equals its stroke count", ch)
                  .hasSize(DATA.strokes(cp).getAsInt())
                  .matches("[1-5]+");
            });
  }

  /** The characters ICU's stroke collation gets wrong (stack.md §3): mainland counts. */
  @ParameterizedTest(name = "{0} has {1} strokes")
  @CsvSource({"邓,4", "阮,6", "苏,7", "陈,7", "茅,8", "郑,8", "艹,3", "阝,2", "丁,2", "王,4", "欧,8"})
  void mainlandStrokeCounts(char c, int strokes) {
    assertThat(DATA.strokes(c)).isEqualTo(OptionalInt.of(strokes));
  }

  /**
   * Stroke orders in the 1–5 notation. 李 = 1234521 is the worked example of the 查字典 笔顺编号 page
   * (提为横，亅为竖，丶为捺，竖提为折); the others follow the same conventions.
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "李,1234521",
    "陈,5215234",
    "张,5153154",
    "杨,1234533",
    "王,1121",
    "毛,3115",
    "方,4153",
    "丁,12",
    "小,234",
    "水,2534",
    "女,531",
    "皙,1234331232511"
  })
  void strokeSequences(char c, String sequence) {
    assertThat(DATA.strokeSequence(c)).contains(sequence);
    assertThat(DATA.coverage(c)).isEqualTo(Coverage.FULL);
  }

  @Test
  void extensionBCharactersHaveACountOnly() {
    int cp = 0x20000; // 𠀀
    assertThat(DATA.coverage(cp)).isEqualTo(Coverage.COUNT_ONLY);
    assertThat(DATA.strokes(cp)).isEqualTo(OptionalInt.of(2));
    assertThat(DATA.strokeSequence(cp)).isEmpty();
    assertThat(DATA.coverage('A')).isEqualTo(Coverage.NONE);
    assertThat(DATA.strokes('A')).isEmpty();
  }

  @Test
  void characterOrder() {
    // count first
    assertThat(DATA.compareCharacters('丁', '王')).isNegative();
    // same count 4: 横 < 撇 < 点
    assertThat(DATA.compareCharacters('王', '毛')).isNegative();
    assertThat(DATA.compareCharacters('毛', '方')).isNegative();
    // same count, same first stroke: second stroke decides (林 12… < 欧 13…)
    assertThat(DATA.compareCharacters('林', '欧')).isNegative();
    // same count: full data before count only (丁 2 strokes < 𠀀 2 strokes, no sequence)
    assertThat(DATA.compareCharacters('丁', 0x20000)).isNegative();
    // count-only by count: 𠀀 (2) < 艹 (3)
    assertThat(DATA.compareCharacters(0x20000, '艹')).isNegative();
    // known before unknown, unknown by code point
    assertThat(DATA.compareCharacters('A', '一')).isPositive();
    assertThat(DATA.compareCharacters('A', 'B')).isNegative();
    assertThat(DATA.compareCharacters('陈', '陈')).isZero();
  }

  @Test
  void parsesASmallTable() {
    StrokeData d =
        StrokeData.parse("# counts full=2 countOnly=3\n王\t4\t1121\n丁\t2\t12\n=2\t乂匕\n=5\t𠀁\n");
    assertThat(d.size()).isEqualTo(5);
    assertThat(d.fullCount()).isEqualTo(2);
    assertThat(d.strokes('匕')).isEqualTo(OptionalInt.of(2));
    assertThat(d.strokes(0x20001)).isEqualTo(OptionalInt.of(5));
    assertThat(d.compareCharacters('丁', '王')).isNegative();
  }

  @Test
  void rejectsMalformedTables() {
    assertThatThrownBy(() -> StrokeData.parse("王\t4\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("第 1 行");
    assertThatThrownBy(() -> StrokeData.parse("王\t4\t1126\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StrokeData.parse("王\tfour\t1121\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StrokeData.parse("王\t4\t1121\n=4\t王\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("重复");
    assertThatThrownBy(() -> StrokeData.parse("# counts full=2 countOnly=0\n王\t4\t1121\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("full=1");
  }

  /**
   * The order keys compare as the characters do, for every pair from a seeded sample of known
   * characters, unknown ones (rare CJK, Latin, a supplementary-plane character) and equal ones.
   */
  @ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5})
  void orderKeysCompareAsTheCharactersDo(long seed) {
    StrokeData data = StrokeData.standard();
    java.util.Random random = new java.util.Random(seed);
    int[] sample = new int[400];
    for (int i = 0; i < sample.length; i++) {
      sample[i] =
          switch (random.nextInt(5)) {
            case 0 -> 'A' + random.nextInt(26);
            case 1 -> 0x20000 + random.nextInt(0xA000);
            default -> 0x4E00 + random.nextInt(0x9FA5 - 0x4E00);
          };
    }
    for (int a : sample) {
      assertThat(data.orderKey(a)).isEqualTo(data.orderKey(a));
      for (int k = 0; k < 20; k++) {
        int b = sample[random.nextInt(sample.length)];
        assertThat(Integer.signum(Integer.compare(data.orderKey(a), data.orderKey(b))))
            .as("%s against %s", Character.toString(a), Character.toString(b))
            .isEqualTo(Integer.signum(data.compareCharacters(a, b)));
      }
    }
  }
}
