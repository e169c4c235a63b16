package xuanju.server.person;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import xuanju.core.roster.ResidentIds;

/**
 * Deterministic test population (测试人口生成器) for the person register: N people with valid GB 11643 ID
 * numbers, realistic Chinese (and Mongolian) names, units (by default 3 villages and 2 communities
 * of 内蒙古 乌审旗) and groups, in the columns of the import template. The same settings always give the
 * same people.
 *
 * <p>Ages are spread relative to a reference day (the election day, at most a year from today):
 * about 18 % are minors (1 to 17 years old on that day), and some are born within 20 days either
 * side of the day 18 years before, so that some are 17 and some turn 18 around that day. Every
 * 500th person (index 0, 500, …) turns 18 exactly on the reference day, and the next one (1, 501,
 * …) a day later, so a test can count them: see {@link #turningEighteenOnTheDay()} and {@link
 * #seventeenOnTheDay()}.
 *
 * <p>ID numbers are unique within one generator; generators whose seeds differ modulo 10 give
 * different numbers too (the serial starts at an offset of the seed), so several tests can share a
 * database if each uses its own seed.
 *
 * <pre>{@code
 * PopulationGenerator g = PopulationGenerator.of(5000, LocalDate.of(2026, 11, 20));
 * g.writeXlsx(dir.resolve("town.xlsx"));            // streaming, fine for 1,000,000 rows
 * byte[] csv = g.csv();                                  // UTF-8, header row first
 * List<PopulationGenerator.Resident> people = g.people(); // in file order
 * }</pre>
 */
public final class PopulationGenerator {
  /** The header row: the import template's columns. */
  public static final List<String> HEADERS = PersonColumns.TEMPLATE;

  /** The 0-based column of a header of {@link #HEADERS} (for tests that change one cell). */
  public static int column(String header) {
    int i = HEADERS.indexOf(header);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + header);
    }
    return i;
  }

  /** The column of 公民身份号码. */
  public static final int ID = column("公民身份号码");

  /** The column of 住址. */
  public static final int ADDRESS = column("住址");

  /** The column of 户号. */
  public static final int HOUSEHOLD = column("户号");

  /** The column of 政治面貌. */
  public static final int POLITICAL_STATUS = column("政治面貌");

  /** The default units: 3 villages and 2 communities, with their groups. */
  public static final Map<String, List<String>> DEFAULT_UNITS = defaultUnits();

  private static final String AREA = "150626"; // 内蒙古自治区鄂尔多斯市乌审旗

  /** Other 鄂尔多斯 codes: where locals were born (the ID keeps the code of the first registration). */
  private static final String[] NEARBY = {
    "150602", "150603", "150621", "150622", "150623", "150624", "150625", "150627"
  };

  private static final String[][] ELSEWHERE = {
    {"150602", "内蒙古自治区鄂尔多斯市东胜区"},
    {"150621", "内蒙古自治区鄂尔多斯市达拉特旗"},
    {"150102", "内蒙古自治区呼和浩特市新城区"},
    {"610802", "陕西省榆林市榆阳区"},
    {"620102", "甘肃省兰州市城关区"}
  };
  private static final String HOME = "内蒙古自治区鄂尔多斯市乌审旗";
  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN_MALE = "伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志海峰东亮成文";
  private static final String GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀英慧巧美淑惠珠翠雅芝玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹";
  private static final String[] MONGOLIAN_MALE = {
    "巴特尔", "额尔敦", "朝鲁", "宝音", "阿拉坦", "孟和", "那仁", "布和", "哈斯", "巴图", "苏和", "毕力格", "特木尔", "达来"
  };
  private static final String[] MONGOLIAN_FEMALE = {
    "其其格", "乌云", "苏日娜", "图雅", "萨仁", "斯琴", "敖登", "乌兰", "格日勒", "塔娜", "娜仁", "高娃", "琪琪格", "托雅"
  };
  private static final String[] ETHNIC_OTHER = {"回族", "满族", "达斡尔族"};
  private static final String[] FIRMS = {
    "乌审旗第一中学", "乌审旗人民医院", "图克镇人民政府", "乌审旗能源有限公司", "乌审旗供电公司", "乌审召建材厂", "乌审旗农牧业合作社"
  };

  /** One generated person, as the import file holds them. */
  public record Resident(
      String unit,
      String group,
      String household,
      String name,
      String residentId,
      String ethnicity,
      String address,
      String hukouPlace,
      String residencePlace,
      String workplace,
      String politicalStatus,
      String occupation,
      String tags) {
    /** The cells in {@link #HEADERS} order. */
    public List<String> cells() {
      return List.of(
          unit,
          group,
          household,
          name,
          residentId,
          ethnicity,
          address,
          hukouPlace,
          residencePlace,
          workplace,
          politicalStatus,
          occupation,
          tags);
    }

    /** The birth date in the ID number. */
    public LocalDate birthDate() {
      return LocalDate.parse(residentId.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    }
  }

  private final int size;
  private final long seed;
  private final LocalDate referenceDay;
  private final Map<String, List<String>> units;

  private PopulationGenerator(
      int size, long seed, LocalDate referenceDay, Map<String, List<String>> units) {
    this.size = size;
    this.seed = seed;
    this.referenceDay = referenceDay;
    this.units = units;
  }

  /** {@code size} people around {@code referenceDay}, seed 1, the default units. */
  public static PopulationGenerator of(int size, LocalDate referenceDay) {
    return new PopulationGenerator(size, 1, referenceDay, DEFAULT_UNITS);
  }

  /** The same with another seed (different people; IDs may repeat across seeds). */
  public PopulationGenerator withSeed(long newSeed) {
    return new PopulationGenerator(size, newSeed, referenceDay, units);
  }

  /** The same with other units: unit → its groups (an empty list = no groups). */
  public PopulationGenerator withUnits(Map<String, List<String>> newUnits) {
    return new PopulationGenerator(size, seed, referenceDay, newUnits);
  }

  public int size() {
    return size;
  }

  public LocalDate referenceDay() {
    return referenceDay;
  }

  /** How many people turn 18 exactly on the reference day (index 0, 500, 1000 …). */
  public int turningEighteenOnTheDay() {
    return (size + 499) / 500;
  }

  /** How many people are 17 on the reference day because they turn 18 the day after. */
  public int seventeenOnTheDay() {
    return size / 500 + (size % 500 > 1 ? 1 : 0);
  }

  /** Every person, in file order (for small sizes; use {@link #forEach} for large ones). */
  public List<Resident> people() {
    List<Resident> out = new ArrayList<>(size);
    forEach(out::add);
    return out;
  }

  /** Generates the people one at a time, in file order. */
  public void forEach(Consumer<Resident> sink) {
    Random rnd = new Random(seed);
    Map<String, Integer> serials = new HashMap<>();
    List<String> unitNames = new ArrayList<>(units.keySet());
    LocalDate eighteen = referenceDay.minusYears(18);
    for (int i = 0; i < size; i++) {
      int unitIndex = pickUnit(rnd, unitNames);
      String unit = unitNames.get(unitIndex);
      List<String> groups = units.get(unit);
      int groupIndex = groups.isEmpty() ? -1 : rnd.nextInt(groups.size());
      String group = groupIndex < 0 ? "" : groups.get(groupIndex);
      boolean village = unit.endsWith("村") || unit.endsWith("嘎查");
      LocalDate birth;
      if (i % 500 == 0) {
        birth = eighteen;
      } else if (i % 500 == 1) {
        birth = eighteen.plusDays(1);
      } else {
        int r = rnd.nextInt(1000);
        if (r < 15) {
          birth = eighteen.plusDays(rnd.nextInt(41) - 20);
        } else if (r < 195) {
          // minors of 1 to 17: born at least a year before the reference day, so a reference
          // day up to a year ahead gives no birth date after today
          birth = referenceDay.minusYears(1).minusDays(rnd.nextInt(16 * 365));
        } else {
          birth = eighteen.minusDays(30 + rnd.nextInt(75 * 365));
        }
      }
      boolean male = rnd.nextBoolean();
      boolean migrant = !village && rnd.nextInt(100) < 12;
      String[] origin = migrant ? ELSEWHERE[rnd.nextInt(ELSEWHERE.length)] : null;
      String area =
          migrant ? origin[0] : rnd.nextInt(100) < 60 ? AREA : NEARBY[rnd.nextInt(NEARBY.length)];
      if (i % 500 < 2) {
        // the people born on the same two days are spread over the local codes and both sexes
        int k = i / 500;
        male = k % 2 == 0;
        migrant = false;
        origin = null;
        area =
            (k / 2) % (NEARBY.length + 1) == 0 ? AREA : NEARBY[(k / 2) % (NEARBY.length + 1) - 1];
      }
      String id = id(area, birth, male, serials, (int) Math.floorMod(seed, 50L) * 10);
      int e = rnd.nextInt(100);
      String ethnicity = e < 14 ? "蒙古族" : e < 16 ? ETHNIC_OTHER[rnd.nextInt(3)] : "汉族";
      String name = name(rnd, male, ethnicity.equals("蒙古族"));
      int age = birth.until(referenceDay).getYears();
      int house = 1 + rnd.nextInt(300);
      String address = HOME + "图克镇" + unit + group + house + "号";
      // 户号: one household per house number of a unit and group (no extra random draw, so the
      // rest of the population stays as before)
      String household = String.format("%02d%02d%04d", unitIndex + 1, groupIndex + 1, house);
      String hukou = migrant ? origin[1] : HOME;
      String residence = migrant || rnd.nextInt(100) >= 5 ? HOME + "图克镇" + unit : "外出务工";
      String political = political(rnd, age);
      String occupation = age < 18 ? "" : occupation(rnd, village, age);
      String workplace =
          age >= 18 && !village && rnd.nextInt(100) < 40 ? FIRMS[rnd.nextInt(FIRMS.length)] : "";
      String tags =
          age >= 18 && (occupation.equals("工人") || occupation.equals("农民")) && rnd.nextInt(3) == 0
              ? "基层一线"
              : rnd.nextInt(200) == 0 && age >= 18 ? "先进模范" : "";
      sink.accept(
          new Resident(
              unit,
              group,
              household,
              name,
              id,
              ethnicity,
              address,
              hukou,
              residence,
              workplace,
              political,
              occupation,
              tags));
    }
  }

  private static int pickUnit(Random rnd, List<String> unitNames) {
    // communities are larger than villages: weight 2 for a community, 1 for a village
    int total = 0;
    for (String u : unitNames) {
      total += u.endsWith("社区") ? 2 : 1;
    }
    int r = rnd.nextInt(total);
    for (int k = 0; k < unitNames.size(); k++) {
      r -= unitNames.get(k).endsWith("社区") ? 2 : 1;
      if (r < 0) {
        return k;
      }
    }
    return unitNames.size() - 1;
  }

  /**
   * A unique ID number: the serial (顺序码) counts people of one area, day and sex, starting at an
   * offset of the seed (50 × (seed mod 10)), so that generators whose seeds differ modulo 10 give
   * different numbers while each has fewer than 50 people of one area, day and sex (true up to some
   * 100,000 people).
   */
  private static String id(
      String area, LocalDate birth, boolean male, Map<String, Integer> serials, int offset) {
    LocalDate day = birth;
    while (true) {
      String key = area + day + male;
      int n = serials.getOrDefault(key, 0);
      if (n < 500) {
        serials.put(key, n + 1);
        int seq = ((n + offset) % 500) * 2 + (male ? 1 : 0);
        String first17 =
            area + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return first17 + ResidentIds.checkCharacter(first17);
      }
      day = day.minusDays(1); // a full day: the day before (never reached below a million)
    }
  }

  private static String name(Random rnd, boolean male, boolean mongolian) {
    if (mongolian && rnd.nextInt(100) < 70) {
      String[] pool = male ? MONGOLIAN_MALE : MONGOLIAN_FEMALE;
      return pool[rnd.nextInt(pool.length)];
    }
    String pool = male ? GIVEN_MALE : GIVEN_FEMALE;
    StringBuilder b = new StringBuilder();
    b.append(SURNAMES.charAt(skewed(rnd, SURNAMES.length())));
    b.append(pool.charAt(rnd.nextInt(pool.length())));
    if (rnd.nextInt(100) < 70) {
      b.append(pool.charAt(rnd.nextInt(pool.length())));
    }
    return b.toString();
  }

  /** An index favouring the start (common surnames first). */
  private static int skewed(Random rnd, int n) {
    double u = rnd.nextDouble();
    return Math.min(n - 1, (int) (n * u * u));
  }

  private static String political(Random rnd, int age) {
    int r = rnd.nextInt(100);
    if (age < 14) {
      return "";
    }
    if (age >= 18 && r < 2) {
      return "中共预备党员";
    }
    if (age >= 18 && r < 10) {
      return "中共党员";
    }
    if (age >= 18 && r < 11) {
      return "民主党派成员";
    }
    if (age <= 28 && r < 35) {
      return "共青团员";
    }
    return "群众";
  }

  private static String occupation(Random rnd, boolean village, int age) {
    int r = rnd.nextInt(100);
    if (age >= 65) {
      return "其他";
    }
    if (village) {
      return r < 70 ? "农民" : r < 80 ? "工人" : r < 88 ? "专业技术人员" : r < 90 ? "企业负责人" : "其他";
    }
    return r < 35
        ? "工人"
        : r < 55 ? "专业技术人员" : r < 60 ? "党政领导干部" : r < 65 ? "企业负责人" : r < 72 ? "社区工作者" : "其他";
  }

  private static Map<String, List<String>> defaultUnits() {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    List<String> villageGroups = List.of("第一村民小组", "第二村民小组", "第三村民小组", "第四村民小组");
    m.put("巴音村", villageGroups);
    m.put("陶利村", villageGroups);
    m.put("查汗村", villageGroups);
    m.put("团结社区", List.of("第1网格", "第2网格", "第3网格", "第4网格", "第5网格", "第6网格"));
    m.put("繁荣社区", List.of("第1网格", "第2网格", "第3网格", "第4网格", "第5网格"));
    return java.util.Collections.unmodifiableMap(m);
  }

  // ---------------------------------------------------------------- files

  /** Writes an .xlsx (header row + one row per person) with the streaming POI writer. */
  public void writeXlsx(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      writeXlsx(out);
    }
  }

  public void writeXlsx(OutputStream out) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    wb.setCompressTempFiles(true);
    try {
      SXSSFSheet sheet = wb.createSheet(PersonTemplate.DATA_SHEET);
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.size(); c++) {
        header.createCell(c).setCellValue(HEADERS.get(c));
      }
      int[] r = {1};
      forEach(
          p -> {
            Row row = sheet.createRow(r[0]++);
            List<String> cells = p.cells();
            for (int c = 0; c < cells.size(); c++) {
              if (!cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
              }
            }
          });
      wb.write(out);
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  /** The .xlsx in memory (for small sizes). */
  public byte[] xlsx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeXlsx(out);
    return out.toByteArray();
  }

  /** Writes a UTF-8 .csv (header row first). */
  public void writeCsv(Path file) throws IOException {
    writeCsv(file, StandardCharsets.UTF_8);
  }

  /** Writes a .csv in the given encoding (e.g. GBK). */
  public void writeCsv(Path file, Charset charset) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      writeCsv(out, charset);
    }
  }

  public void writeCsv(OutputStream out, Charset charset) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
    w.write(csvLine(HEADERS));
    IOException[] failure = {null};
    forEach(
        p -> {
          try {
            w.write(csvLine(p.cells()));
          } catch (IOException e) {
            failure[0] = e;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    w.flush();
  }

  /** The UTF-8 .csv in memory (for small sizes). */
  public byte[] csv() throws IOException {
    return csv(StandardCharsets.UTF_8);
  }

  public byte[] csv(Charset charset) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeCsv(out, charset);
    return out.toByteArray();
  }

  /** One CSV record with CRLF, fields quoted when they hold a comma, quote or line break. */
  public static String csvLine(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.append("\r\n").toString();
  }
}
