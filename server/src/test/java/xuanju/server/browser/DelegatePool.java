package xuanju.server.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The recommendation data of {@link DelegatesBrowserTest} (推荐人选测试数据), generated from a fixed seed:
 * the 23 recommendation units of seed 003 (15 工委 and 8 直属党委), each with 17 names (6 局级领导干部, 3
 * 处级领导干部, 8 基层一线) carrying the person tags the composition counts (women, minorities, ages, 先进模范,
 * 工人, 专业技术人员), the units' participation, and each list as the .xlsx a unit would send. Names are
 * unique over the whole pool, so that the pages can be read by name.
 */
final class DelegatePool {
  private DelegatePool() {}

  static final String GRASSROOTS = "基层一线";
  static final String BUREAU = "局级领导干部";
  static final String DIVISION = "处级领导干部";
  static final List<String> HEADER =
      List.of("姓名", "性别", "出生日期", "民族", "人选类别", "工作单位及职务", "身份标签", "推荐票数");

  static final List<String> UNITS =
      List.of(
          "区直机关工委",
          "区委教育工委",
          "区委卫生工委",
          "区委城市管理工委",
          "区委商务工委",
          "区委科技园区工委",
          "区委社会工委",
          "区委农业工委",
          "区委文化旅游工委",
          "区委政法工委",
          "区委交通工委",
          "区委住房建设工委",
          "区委街道工委",
          "区委园林绿化工委",
          "区委水务工委",
          "区公安分局党委",
          "区税务局党委",
          "区人民医院党委",
          "区第一中学党委",
          "区市场监管局党委",
          "区人力社保局党委",
          "区消防救援大队党委",
          "区应急管理局党委");

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";
  private static final String GIVEN = "建国明华伟芳静帆磊丽强刚敏涛军琳峰勇红梅海燕宇航志春秋晓东雪玉兰文斌杰鹏飞婷欣怡轩浩然佳琪德清成林平安";
  private static final String[] MINORITIES = {"蒙古族", "回族", "满族", "朝鲜族", "达斡尔族"};

  /** A recommended person as the unit's list gives it. */
  record Person(
      String unit,
      String name,
      boolean female,
      LocalDate birth,
      String ethnicity,
      String category,
      String occupation,
      String tags,
      int votes) {
    boolean cadre() {
      return !category.equals(GRASSROOTS);
    }

    boolean minority() {
      return !ethnicity.equals("汉族");
    }

    boolean model() {
      return tags.contains("先进模范");
    }

    boolean worker() {
      return tags.contains("工人");
    }

    boolean professional() {
      return tags.contains("专业技术人员");
    }

    int ageOn(LocalDate day) {
      return Period.between(birth, day).getYears();
    }

    String gender() {
      return female ? "女" : "男";
    }
  }

  /**
   * A unit, its list and its participation (organisations and members, in total and taking part).
   */
  record Unit(
      String name,
      List<Person> people,
      int organisationsTotal,
      int organisationsJoined,
      int membersTotal,
      int membersJoined) {
    long count(Predicate<Person> p) {
      return people.stream().filter(p).count();
    }
  }

  /**
   * The 23 units with their lists; the unit {@code partial} reports a participation below 100 %.
   */
  static List<Unit> generate(long seed, int partial) {
    Random rnd = new Random(seed);
    Set<String> names = new HashSet<>();
    List<Unit> units = new ArrayList<>();
    for (int u = 0; u < UNITS.size(); u++) {
      String unit = UNITS.get(u);
      List<Person> people = new ArrayList<>();
      for (int i = 0; i < 17; i++) {
        String category = i < 6 ? BUREAU : i < 9 ? DIVISION : GRASSROOTS;
        boolean cadre = i < 9;
        String tags = "";
        String occupation;
        if (cadre) {
          occupation = unit + (i < 6 ? new String[] {"书记", "副书记", "委员"}[i % 3] : "所属单位处长");
        } else {
          double t = rnd.nextDouble();
          if (t < 0.12) {
            tags = "先进模范、工人";
            occupation = "某制造厂一线工人";
          } else if (t < 0.27) {
            tags = "先进模范";
            occupation = "某社区党委书记";
          } else if (t < 0.40) {
            tags = "工人";
            occupation = "某供热站检修工";
          } else if (t < 0.75) {
            tags = "专业技术人员";
            occupation = rnd.nextBoolean() ? "某医院主任医师" : "某中学高级教师";
          } else if (t < 0.85) {
            tags = "基层一线";
            occupation = "某村党支部书记";
          } else {
            occupation = "某街道社区工作者";
          }
        }
        String name;
        do {
          name = name(rnd);
        } while (!names.add(name));
        LocalDate birth =
            LocalDate.of(
                cadre ? 1962 + rnd.nextInt(18) : 1968 + rnd.nextInt(27),
                1 + rnd.nextInt(12),
                1 + rnd.nextInt(28));
        people.add(
            new Person(
                unit,
                name,
                rnd.nextDouble() < 0.4,
                birth,
                rnd.nextDouble() < 0.08 ? MINORITIES[rnd.nextInt(MINORITIES.length)] : "汉族",
                category,
                occupation,
                tags,
                cadre ? 150 + rnd.nextInt(171) : 80 + rnd.nextInt(221)));
      }
      int orgs = 20 + rnd.nextInt(61);
      int members = 300 + rnd.nextInt(2701);
      units.add(
          new Unit(
              unit,
              List.copyOf(people),
              orgs,
              orgs,
              members,
              u == partial ? members - 12 : members));
    }
    return List.copyOf(units);
  }

  private static String name(Random rnd) {
    StringBuilder b = new StringBuilder();
    b.append(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
    int given = rnd.nextInt(3) == 0 ? 1 : 2;
    for (int i = 0; i < given; i++) {
      b.append(GIVEN.charAt(rnd.nextInt(GIVEN.length())));
    }
    return b.toString();
  }

  /**
   * A unit's list as an .xlsx: a title row, then the header (in the template's order, or reversed:
   * the page matches columns by their header), then one person a row; birth dates as date cells,
   * votes as numbers.
   */
  static byte[] xlsx(String title, List<Person> people, boolean reversed) throws IOException {
    List<String> header = new ArrayList<>(HEADER);
    if (reversed) {
      Collections.reverse(header);
    }
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("推荐人选名单");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      s.createRow(0).createCell(0).setCellValue(title);
      Row h = s.createRow(1);
      for (int c = 0; c < header.size(); c++) {
        h.createCell(c).setCellValue(header.get(c));
      }
      for (int r = 0; r < people.size(); r++) {
        Person p = people.get(r);
        Row row = s.createRow(r + 2);
        for (int c = 0; c < header.size(); c++) {
          var cell = row.createCell(c);
          switch (header.get(c)) {
            case "姓名" -> cell.setCellValue(p.name());
            case "性别" -> cell.setCellValue(p.gender());
            case "出生日期" -> {
              cell.setCellValue(p.birth());
              cell.setCellStyle(date);
            }
            case "民族" -> cell.setCellValue(p.ethnicity());
            case "人选类别" -> cell.setCellValue(p.category());
            case "工作单位及职务" -> cell.setCellValue(p.occupation());
            case "身份标签" -> cell.setCellValue(p.tags());
            case "推荐票数" -> cell.setCellValue(p.votes());
            default -> throw new IllegalStateException(header.get(c));
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** The composition of seed 003 that a list must meet (the same numbers as core's quota set). */
  static List<String> unmet(List<Person> list, LocalDate day) {
    List<String> out = new ArrayList<>();
    check(out, "领导干部不超过9名", list.stream().filter(Person::cadre).count() <= 9);
    check(out, "基层一线至少7名", list.stream().filter(p -> !p.cadre()).count() >= 7);
    check(out, "先进模范至少3名", list.stream().filter(Person::model).count() >= 3);
    check(out, "先进模范且工人至少1名", list.stream().filter(p -> p.model() && p.worker()).count() >= 1);
    check(out, "专业技术人员至少4名", list.stream().filter(Person::professional).count() >= 4);
    check(out, "女性至少7名", list.stream().filter(Person::female).count() >= 7);
    check(out, "少数民族至少1名", list.stream().filter(Person::minority).count() >= 1);
    check(out, "50周岁以下至少9名", list.stream().filter(p -> p.ageOn(day) <= 50).count() >= 9);
    return out;
  }

  private static void check(List<String> out, String what, boolean ok) {
    if (!ok) {
      out.add(what);
    }
  }

  /**
   * The 21 初步人选 the 区委常委会 proposes from the subjects, as an officer would pick them: the
   * best-supported names for each requirement first (先进模范 and 工人, 先进模范, 专业技术人员, women, minorities,
   * ages, the grassroots), six cadres, then the best-supported others, never more than eight
   * cadres.
   */
  static List<Person> preliminary(List<Person> pool, LocalDate day) {
    List<Person> byVotes = new ArrayList<>(pool);
    byVotes.sort(Comparator.comparingInt(Person::votes).reversed());
    List<Person> chosen = new ArrayList<>();
    need(chosen, byVotes, p -> p.model() && p.worker(), 1);
    need(chosen, byVotes, Person::model, 3);
    need(chosen, byVotes, Person::professional, 4);
    need(chosen, byVotes, Person::female, 7);
    need(chosen, byVotes, Person::minority, 1);
    need(chosen, byVotes, p -> p.ageOn(day) <= 50, 9);
    need(chosen, byVotes, p -> !p.cadre(), 7);
    need(chosen, byVotes, Person::cadre, 6);
    need(chosen, byVotes, p -> true, 21);
    if (chosen.size() != 21 || !unmet(chosen, day).isEmpty()) {
      throw new IllegalStateException("测试数据不足以组成21名初步人选：" + unmet(chosen, day));
    }
    return List.copyOf(chosen);
  }

  private static void need(List<Person> chosen, List<Person> byVotes, Predicate<Person> p, int n) {
    for (Person x : byVotes) {
      if (chosen.stream().filter(p).count() >= n || chosen.size() >= 21) {
        return;
      }
      if (p.test(x)
          && !chosen.contains(x)
          && (!x.cadre() || chosen.stream().filter(Person::cadre).count() < 8)) {
        chosen.add(x);
      }
    }
  }

  /**
   * The yes votes entered per candidate (distinct, from a fixed seed): 19 above half of the 308
   * expected delegates (160 … 268), and 154 (exactly half), 150, 120 and 90.
   */
  static Map<String, Integer> votes(List<String> ballot) {
    List<Integer> values = new ArrayList<>();
    for (int k = 0; k < 19; k++) {
      values.add(160 + 6 * k);
    }
    values.addAll(List.of(154, 150, 120, 90));
    Collections.shuffle(values, new Random(3));
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < ballot.size(); i++) {
      out.put(ballot.get(i), values.get(i));
    }
    return out;
  }

  /** The participation form's fields for a unit, with the unit's version. */
  static Map<String, String> participation(Unit u, int version) {
    return Map.of(
        "organisationsTotal", "" + u.organisationsTotal(),
        "organisationsJoined", "" + u.organisationsJoined(),
        "membersTotal", "" + u.membersTotal(),
        "membersJoined", "" + u.membersJoined(),
        "version", "" + version);
  }
}
