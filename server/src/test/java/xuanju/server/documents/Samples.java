package xuanju.server.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Sample layouts and contents shared by the tests and the sample renderer. */
final class Samples {
  private Samples() {}

  static final String TITLE = "中共代力吉镇机关支部委员会委员选举选票";

  static BallotLayout ballot() {
    return new BallotLayout(
        TITLE,
        5,
        "第一轮",
        BallotLayout.DEFAULT_INSTRUCTIONS,
        List.of("丁一", "王小芳", "古丽娜尔·吐尔逊", "李明", "吴晓东", "张伟", "欧阳娜娜"),
        3,
        "3F9A-C21B",
        null);
  }

  private static final String SURNAMES = "丁王尤邓叶孙朱刘许杜李杨吴何沈张陈林罗周郑赵胡钟姜贾顾黄曹彭蒋韩";
  private static final String GIVEN = "一小伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅";

  /** {@code n} distinct random Chinese names from {@code seed}. */
  static List<String> names(long seed, int n) {
    Random random = new Random(seed);
    List<String> names = new ArrayList<>();
    while (names.size() < n) {
      StringBuilder b = new StringBuilder();
      b.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
      int given = 1 + random.nextInt(2);
      for (int i = 0; i < given; i++) {
        b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
      }
      String name = b.toString();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  static final String LONG_PARAGRAPH =
      "根据《中国共产党基层组织选举工作条例》和上级党组织的批复，经支部党员大会充分酝酿讨论，"
          + "支部委员会研究确定了新一届支部委员会委员候选人预备人选。为广泛听取党员和群众的意见，"
          + "增强选举工作的透明度，现将候选人预备人选的基本情况予以公示（公示期为5个工作日）。"
          + "公示期间，党员和群众可以通过来信、来电或者来访等方式，向支部委员会反映候选人预备人选在思想政治、"
          + "道德品行、工作作风、廉洁自律等方面的情况和问题。反映问题要实事求是，并请提供具体事实或者线索，"
          + "以便调查核实。Email: xuanju-notice@example.cn，电话：0991-1234567。";

  static DocumentContent notice() {
    return DocumentContent.builder("关于支部委员会委员候选人预备人选的公示")
        .subtitle("代机党支〔2026〕3号")
        .plainParagraph("各党小组、全体党员：")
        .paragraph(LONG_PARAGRAPH)
        .heading("一、候选人预备人选名单（按姓氏笔画排序）")
        .table(
            List.of("姓名", "性别", "民族", "出生年月", "学历", "现任职务"),
            List.of(
                List.of("丁一", "男", "汉族", "1980.05", "大学", "办公室主任"),
                List.of("王小芳", "女", "汉族", "1988.11", "研究生", "党建办干事"),
                List.of("古丽娜尔·吐尔逊", "女", "维吾尔族", "1990.03", "大学", "社会事务办副主任"),
                List.of("李明", "男", "回族", "1975.09", "大专", "综合执法队队长"),
                List.of("吴晓东", "男", "汉族", "1983.01", "大学", "财政所所长"),
                List.of("张伟", "男", "汉族", "1979.12", "中专", "农业服务中心主任")))
        .heading("二、反映问题方式")
        .paragraph("联系人：刘芳；联系电话：0991-1234567；地址：代力吉镇人民政府党建办（三楼305室）。")
        .signature("中共代力吉镇机关支部委员会", LocalDate.of(2026, 11, 21))
        .build();
  }
}
