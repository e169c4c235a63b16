package xuanju.core.schedule;

import com.tyme.holiday.LegalHoliday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import xuanju.core.rule.InvalidInputException;

/**
 * The Chinese working-day calendar (节假日与调休日历): legal holidays and adjusted working days (调休) from
 * tyme4j ({@code com.tyme.holiday.LegalHoliday}, data for 2002–2026), with operator entries layered
 * on top for years the library does not know (the 2027 arrangement is in no library yet).
 *
 * <p>Lookup order for a date: an operator entry; else a tyme4j entry; else the weekday rule
 * (Monday–Friday work). A year is <em>known</em> when tyme4j or the operator has at least one entry
 * in it. tyme4j's year 2001 holds only two entries (the 2002 New Year swap), so 2001 counts as
 * unknown; every later year up to 2026 starts with 元旦, which is how the library's coverage is
 * probed.
 *
 * <p>Immutable and thread-safe. {@link #withEntries} returns a new calendar.
 */
public final class HolidayCalendar {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final int MAX_RANGE_DAYS = 62;
  private static final HolidayCalendar TYME4J = new HolidayCalendar(Map.of());

  private final Map<LocalDate, CalendarEntry> operator;
  private final Set<Integer> operatorYears;

  private HolidayCalendar(Map<LocalDate, CalendarEntry> operator) {
    this.operator = Collections.unmodifiableMap(new TreeMap<>(operator));
    Set<Integer> years = new TreeSet<>();
    operator.keySet().forEach(d -> years.add(d.getYear()));
    this.operatorYears = Collections.unmodifiableSet(years);
  }

  /** The calendar with tyme4j data only. */
  public static HolidayCalendar tyme4j() {
    return TYME4J;
  }

  /**
   * A new calendar with these operator entries added; an entry replaces an earlier operator entry
   * or the tyme4j entry of the same date.
   *
   * @throws InvalidInputException if the given entries name the same date twice
   */
  public HolidayCalendar withEntries(Collection<CalendarEntry> entries) {
    Map<LocalDate, CalendarEntry> merged = new TreeMap<>(operator);
    Set<LocalDate> seen = new TreeSet<>();
    int i = 0;
    for (CalendarEntry e : entries) {
      if (!seen.add(e.date())) {
        throw new InvalidInputException(
            "calendar[" + i + "].date", "日期 " + e.date() + " 重复录入，同一天只能有一条记录");
      }
      merged.put(e.date(), e);
      i++;
    }
    return new HolidayCalendar(merged);
  }

  /** The operator entries, in date order. */
  public List<CalendarEntry> operatorEntries() {
    return List.copyOf(operator.values());
  }

  /** Whether tyme4j holds the holiday arrangement of this year (probed by its 元旦 entry). */
  public static boolean tyme4jKnowsYear(int year) {
    return tyme4jEntry(LocalDate.of(year, 1, 1)) != null;
  }

  /** Whether tyme4j or the operator entries hold any data for this year. */
  public boolean knowsYear(int year) {
    return operatorYears.contains(year) || tyme4jKnowsYear(year);
  }

  /** The years between the two dates (inclusive, either order) for which there is no data. */
  public SortedSet<Integer> unknownYears(LocalDate a, LocalDate b) {
    SortedSet<Integer> out = new TreeSet<>();
    int from = Math.min(a.getYear(), b.getYear());
    int to = Math.max(a.getYear(), b.getYear());
    for (int y = from; y <= to; y++) {
      if (!knowsYear(y)) {
        out.add(y);
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** How the calendar classifies this date. */
  public CalendarDay day(LocalDate date) {
    boolean known = knowsYear(date.getYear());
    CalendarEntry op = operator.get(date);
    if (op != null) {
      return new CalendarDay(
          date, kindOf(date, op.workday()), op.name(), CalendarSource.OPERATOR, known);
    }
    LegalHoliday h = tyme4jEntry(date);
    if (h != null) {
      return new CalendarDay(
          date, kindOf(date, h.isWork()), h.getName(), CalendarSource.TYME4J, known);
    }
    return new CalendarDay(
        date,
        weekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY,
        "",
        CalendarSource.WEEKDAY_RULE,
        known);
  }

  public boolean isWorkday(LocalDate date) {
    return day(date).working();
  }

  /** The {@code n}-th working day after {@code start} (the start day itself is not counted). */
  public LocalDate plusWorkdays(LocalDate start, int n) {
    return new DayCounter(this).plusWorkdays(start, n);
  }

  /** The {@code n}-th working day before {@code start} (the start day itself is not counted). */
  public LocalDate minusWorkdays(LocalDate start, int n) {
    return new DayCounter(this).minusWorkdays(start, n);
  }

  /** The first working day on or after {@code date}. */
  public LocalDate nextWorkday(LocalDate date) {
    return new DayCounter(this).workdayOnOrAfter(date);
  }

  /** The last working day on or before {@code date}. */
  public LocalDate previousWorkday(LocalDate date) {
    return new DayCounter(this).workdayOnOrBefore(date);
  }

  /**
   * Reads operator entries from text, one per line: {@code DATE,KIND,NAME,SOURCE}, e.g. {@code
   * 2027-01-01,休,元旦,国务院办公厅通知}. DATE may be a range {@code 2027-10-01..2027-10-07} (at most 62
   * days). KIND is {@code 休} (day off) or {@code 班} (adjusted working day); {@code holiday}/{@code
   * workday} are accepted too. NAME and SOURCE are optional; an empty SOURCE becomes {@code
   * defaultSource}. Blank lines, lines starting with {@code #} and a header line starting with
   * {@code date} or {@code 日期} are skipped. Full-width commas are accepted.
   *
   * @throws InvalidInputException naming the line, e.g. field {@code calendar[3]}, for a bad date
   *     or kind, a range that is too long or reversed, or a date given twice
   */
  public static List<CalendarEntry> parse(String text, String defaultSource) {
    List<CalendarEntry> out = new ArrayList<>();
    Set<LocalDate> seen = new TreeSet<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      String field = "calendar[" + (i + 1) + "]";
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (out.isEmpty() && (lower.startsWith("date") || line.startsWith("日期"))) {
        continue;
      }
      String[] parts = line.replace('，', ',').split(",", -1);
      if (parts.length < 2) {
        throw new InvalidInputException(field, "每行应为“日期,休或班,名称,来源”，实际为 \"" + line + "\"");
      }
      boolean workday = parseKind(parts[1].strip(), field);
      String name = parts.length > 2 ? parts[2].strip() : "";
      String source =
          parts.length > 3 ? String.join(",", List.of(parts).subList(3, parts.length)) : "";
      source = source.strip().isEmpty() ? defaultSource : source.strip();
      for (LocalDate d : parseDates(parts[0].strip(), field)) {
        if (!seen.add(d)) {
          throw new InvalidInputException(field, "日期 " + d + " 重复录入，同一天只能有一条记录");
        }
        out.add(new CalendarEntry(d, workday, name, source));
      }
    }
    return List.copyOf(out);
  }

  private static boolean parseKind(String kind, String field) {
    switch (kind.toLowerCase(java.util.Locale.ROOT)) {
      case "休", "假", "holiday", "off", "rest":
        return false;
      case "班", "workday", "work":
        return true;
      default:
        throw new InvalidInputException(field, "类型应为“休”或“班”，实际为 \"" + kind + "\"");
    }
  }

  private static List<LocalDate> parseDates(String text, String field) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      return List.of(parseDate(text, field));
    }
    LocalDate from = parseDate(text.substring(0, dots).strip(), field);
    LocalDate to = parseDate(text.substring(dots + 2).strip(), field);
    long days = ChronoUnit.DAYS.between(from, to);
    if (days < 0) {
      throw new InvalidInputException(field, "日期区间 " + text + " 的结束日早于开始日");
    }
    if (days >= MAX_RANGE_DAYS) {
      throw new InvalidInputException(field, "日期区间 " + text + " 过长（最多" + MAX_RANGE_DAYS + "天）");
    }
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  private static LocalDate parseDate(String text, String field) {
    try {
      return LocalDate.parse(text, ISO);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "无法识别的日期 \"" + text + "\"，应为 yyyy-MM-dd");
    }
  }

  private static DayKind kindOf(LocalDate date, boolean workday) {
    if (workday) {
      return weekend(date) ? DayKind.ADJUSTED_WORKDAY : DayKind.WORKDAY;
    }
    return DayKind.HOLIDAY;
  }

  private static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /**
   * tyme4j's entries by date, remembered: {@code LegalHoliday.fromYmd} searches its data text with
   * a regular expression on every call, and a desk of hundreds of timelines asks for the same days
   * thousands of times. The data never changes while the program runs; the memory is bounded.
   */
  private static final java.util.concurrent.ConcurrentHashMap<LocalDate, Optional<LegalHoliday>>
      TYME4J_DAYS = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int TYME4J_DAYS_MAX = 50_000;

  private static LegalHoliday tyme4jEntry(LocalDate d) {
    if (d.getYear() < 1 || d.getYear() > 9999) {
      return null;
    }
    Optional<LegalHoliday> known = TYME4J_DAYS.get(d);
    if (known == null) {
      known =
          Optional.ofNullable(
              LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
      if (TYME4J_DAYS.size() >= TYME4J_DAYS_MAX) {
        TYME4J_DAYS.clear();
      }
      TYME4J_DAYS.put(d, known);
    }
    return known.orElse(null);
  }
}
