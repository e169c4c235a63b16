package xuanju.server.delegates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xuanju.core.quota.Gender;

/**
 * Reads recommended persons from rows of text (推荐人选名单的逐行读取): a pasted table (one person a line,
 * cells separated by tabs or commas) or the rows of an .xlsx. Columns, in this order: {@link
 * #HEADER}, optionally followed by {@link #OPTIONAL} (入党时间, 学历). Every bad cell is reported with
 * its row and column in Chinese; nothing is returned unless every row is good.
 */
final class RecommendeeRows {
  private RecommendeeRows() {}

  static final List<String> HEADER =
      List.of("姓名", "性别", "出生日期", "民族", "人选类别", "工作单位及职务", "身份标签", "推荐票数");

  /** Columns that may follow {@link #HEADER} (for the 登记表); blank when not known. */
  static final List<String> OPTIONAL = List.of("入党时间", "学历");

  /** The required columns then the optional ones. */
  static final List<String> ALL = all();

  private static List<String> all() {
    List<String> a = new ArrayList<>(HEADER);
    a.addAll(OPTIONAL);
    return List.copyOf(a);
  }

  /** Stops listing problems after this many (the file has to be fixed anyway). */
  static final int MAX_PROBLEMS = 20;

  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})(?:\\s*[-/.月]\\s*(\\d{1,2})\\s*日?)?\\s*月?");

  /** The rows read, or the problems of the rows (Chinese, each naming its row). */
  record Result(List<Recommendee> people, List<String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  /** One data row, numbered as the user sees it. */
  record Line(int number, List<String> cells) {}

  /** Reads pasted text: one person a line; tabs (from a spreadsheet) or commas between cells. */
  static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    String[] raw = text == null ? new String[0] : text.split("\\r?\\n|\\r");
    for (int i = 0; i < raw.length; i++) {
      String l = raw[i];
      if (l.isBlank()) {
        continue;
      }
      String[] cells = l.contains("\t") ? l.split("\t", -1) : l.split("[,，]", -1);
      List<String> c = new ArrayList<>();
      for (String s : cells) {
        c.add(s.strip());
      }
      if (i == 0 && !c.isEmpty() && c.get(0).equals(HEADER.get(0))) {
        continue; // a pasted header row
      }
      out.add(new Line(i + 1, c));
    }
    return out;
  }

  static Result read(List<Line> lines, LocalDate today) {
    List<Recommendee> people = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Line l : lines) {
      List<String> rowProblems = new ArrayList<>();
      Recommendee r = row(l.cells(), today, rowProblems);
      if (rowProblems.isEmpty()) {
        people.add(r);
      } else if (problems.size() < MAX_PROBLEMS) {
        problems.add("第" + l.number() + "行：" + String.join("；", rowProblems));
      }
    }
    return new Result(problems.isEmpty() ? people : List.of(), problems);
  }

  private static String cell(List<String> cells, int i) {
    return i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
  }

  private static Recommendee row(List<String> cells, LocalDate today, List<String> problems) {
    if (cells.size() > ALL.size()) {
      problems.add(
          "有" + cells.size() + "列，多于规定的" + ALL.size() + "列（" + String.join("、", ALL) + "）");
      return null;
    }
    String name = cell(cells, 0);
    if (name.isEmpty()) {
      problems.add("姓名不能为空");
    } else if (name.length() > 50) {
      problems.add("姓名不能超过50个字");
    }
    Gender gender = Gender.parse(cell(cells, 1)).orElse(null);
    if (gender == null) {
      problems.add("性别应为“男”或“女”，实为“" + cell(cells, 1) + "”");
    }
    LocalDate birth = date(cell(cells, 2));
    if (birth == null) {
      problems.add("出生日期应写作 1975-03-02 或 1975.03，实为“" + cell(cells, 2) + "”");
    } else if (birth.isAfter(today.minusYears(18))) {
      problems.add("出生日期 " + birth + " 不合理（应年满18周岁）");
    } else if (birth.isBefore(today.minusYears(100))) {
      problems.add("出生日期 " + birth + " 不合理");
    }
    String ethnicity = cell(cells, 3);
    if (ethnicity.isEmpty()) {
      problems.add("民族不能为空");
    } else if (ethnicity.length() > 20) {
      problems.add("民族不能超过20个字");
    } else if (!ethnicity.endsWith("族")) {
      ethnicity = ethnicity + "族";
    }
    DelegateCategory category = DelegateCategory.parse(cell(cells, 4)).orElse(null);
    if (category == null) {
      problems.add("人选类别应为“局级领导干部”“处级领导干部”或“基层一线”，实为“" + cell(cells, 4) + "”");
    }
    String occupation = cell(cells, 5);
    if (occupation.isEmpty()) {
      problems.add("工作单位及职务不能为空（代表身份以参加选举时所从事的职业为准）");
    } else if (occupation.length() > 200) {
      problems.add("工作单位及职务不能超过200个字");
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String w : cell(cells, 6).split("[、,，;；/\\s]+")) {
      if (w.isBlank()) {
        continue;
      }
      var t = QuotaTags.parse(w);
      if (t.isEmpty() || t.get().equals(QuotaTags.LEADING_CADRE)) {
        problems.add("身份标签“" + w + "”无法识别（可填：" + QuotaTags.allowedZh() + "，用顿号分隔）");
      } else {
        tags.add(t.get());
      }
    }
    Integer votes = null;
    String v = cell(cells, 7);
    if (v.matches("\\d{1,7}(\\.0+)?")) {
      votes = Integer.parseInt(v.replaceAll("\\.0+$", ""));
    } else {
      problems.add("推荐票数应为不小于0的整数，实为“" + v + "”");
    }
    LocalDate joined = null;
    String j = cell(cells, 8);
    if (!j.isEmpty()) {
      joined = date(j);
      if (joined == null) {
        problems.add("入党时间应写作 1998-07-01 或 1998.07，实为“" + j + "”");
      } else if (joined.isAfter(today)) {
        problems.add("入党时间 " + joined + " 晚于今天");
      } else if (birth != null && joined.isBefore(birth.plusYears(18))) {
        problems.add("入党时间 " + joined + " 不合理（入党时应年满18周岁）");
      }
    }
    String education = cell(cells, 9);
    if (education.length() > 50) {
      problems.add("学历不能超过50个字");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new Recommendee(
        name, gender, birth, ethnicity, category, occupation, tags, votes, joined, education);
  }

  /** 1975-03-02, 1975/3/2, 1975.03.02, 1975年3月2日; a year and month alone (出生年月) is the 1st. */
  static LocalDate date(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
