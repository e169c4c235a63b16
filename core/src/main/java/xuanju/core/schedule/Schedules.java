package xuanju.core.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Deadlines and timelines (选举期限与时间表): computes a template's milestones from the anchor day, and
 * checks actual dates against them.
 *
 * <p>Day counting (legal-rules.md B1.8, tag I): the start day is not counted (民法典 第二百零一条), so
 * "within N days from publication" ends on publication + N; "选举日的N日以前" is the fixed date D − N.
 * When the last day of a forward period falls on a rest day it is moved per {@link
 * ScheduleSettings#forwardPeriods()} (default: 民法典 第二百零三条, to the next working day); fixed "D − N"
 * deadlines are moved per {@link ScheduleSettings#fixedDeadlines()} (default: not moved).
 */
public final class Schedules {
  private Schedules() {}

  /** The timeline of a template for this anchor day, without actual dates. */
  public static Timeline timeline(
      TimelineTemplate template,
      LocalDate anchorDay,
      ScheduleSettings settings,
      HolidayCalendar calendar) {
    return check(template, anchorDay, settings, calendar, Map.of());
  }

  /**
   * The timeline with actual dates checked. An actual date of a milestone also becomes the anchor
   * of the milestones counted from it: a voter list actually published on 11-02 opens the objection
   * window 11-03 … 11-07; an objection actually filed on 11-04 must be decided by 11-07.
   *
   * <ul>
   *   <li>deadline: missed if the actual date is after the last day;
   *   <li>window counted after an event (objections): missed if outside the window;
   *   <li>publicity period: the actual date is the posting day; missed if the period (counted from
   *       it) does not run out before the anchor day.
   * </ul>
   *
   * @param actual actual dates by milestone id (e.g. {@code voterList → 2026-11-02})
   * @throws InvalidInputException for an unknown milestone id or an actual date for the anchor
   *     event
   */
  public static Timeline check(
      TimelineTemplate template,
      LocalDate anchorDay,
      ScheduleSettings settings,
      HolidayCalendar calendar,
      Map<String, LocalDate> actual) {
    for (String key : actual.keySet()) {
      MilestoneSpec spec =
          template
              .milestone(key)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "actual." + key,
                          "模板 "
                              + template.id()
                              + " 没有这个事项，可用："
                              + template.milestones().stream()
                                  .filter(m -> m.kind() != MilestoneKind.EVENT)
                                  .map(MilestoneSpec::id)
                                  .collect(Collectors.joining("、"))));
      if (spec.kind() == MilestoneKind.EVENT) {
        throw new InvalidInputException("actual." + key, "基准日本身不能填写实际日期");
      }
    }

    Map<String, Milestone> done = new HashMap<>();
    List<Milestone> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<Integer, List<String>> unknownYearUsers = new TreeMap<>();

    for (MilestoneSpec spec : template.milestones()) {
      DayCounter counter = new DayCounter(calendar);
      LocalDate anchorDate;
      String anchorLabel;
      if (spec.anchor() == null) {
        anchorDate = anchorDay;
        anchorLabel = template.anchorZh();
      } else {
        Milestone ref = done.get(spec.anchor());
        boolean isActual = ref.actual() != null;
        anchorDate = isActual ? ref.actual() : ref.to();
        anchorLabel = ref.titleZh() + (isActual ? "（实际）" : "（最迟）");
      }
      Milestone m =
          compute(
              spec, anchorDate, anchorLabel, settings, counter, actual.get(spec.id()), findings);
      done.put(spec.id(), m);
      out.add(m);
      for (int year : counter.consultedYears()) {
        if (!calendar.knowsYear(year)) {
          unknownYearUsers.computeIfAbsent(year, y -> new ArrayList<>()).add(spec.id());
        }
      }
    }

    for (Map.Entry<Integer, List<String>> e : unknownYearUsers.entrySet()) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("year", e.getKey());
      facts.put("milestones", String.join(",", e.getValue()));
      findings.add(
          new Finding(
              ScheduleRule.CALENDAR_YEAR_UNKNOWN,
              e.getValue().stream().map(id -> "milestones." + id).toList(),
              facts,
              e.getKey()
                  + "年没有节假日和调休数据（tyme4j 与本地日历均未收录），以下事项按周一至周五为工作日计算，可能有误："
                  + String.join("、", e.getValue())
                  + "。请在本地日历中补录该年放假安排"));
    }

    List<Milestone> ordered = new ArrayList<>(out);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      index.put(out.get(i).id(), i);
    }
    ordered.sort(Comparator.comparing(Milestone::date).thenComparing(m -> index.get(m.id())));
    return new Timeline(
        template.id(),
        template.nameZh(),
        template.anchorZh(),
        anchorDay,
        settings,
        ordered,
        Findings.of(findings));
  }

  private static Milestone compute(
      MilestoneSpec spec,
      LocalDate anchorDate,
      String anchorLabel,
      ScheduleSettings settings,
      DayCounter counter,
      LocalDate actual,
      List<Finding> findings) {
    PeriodUnit unit = spec.unitUnder(settings);
    int n = spec.days();
    String period = n + unit.suffixZh();
    switch (spec.relation()) {
      case ON -> {
        return new Milestone(
            spec.id(),
            MilestoneKind.EVENT,
            anchorDate,
            anchorDate,
            spec.rule(),
            spec.titleZh(),
            anchorLabel + "：" + anchorDate,
            null,
            MilestoneStatus.PLANNED);
      }
      case AT_LATEST_BEFORE -> {
        LocalDate base =
            unit == PeriodUnit.CALENDAR_DAYS
                ? anchorDate.minusDays(n)
                : counter.minusWorkdays(anchorDate, n);
        Shifted s = shift(counter, base, settings.fixedDeadlines());
        String text = anchorLabel + anchorDate + "的" + period + "以前：最迟" + base + s.note();
        noteShift(spec, s, findings);
        MilestoneStatus status = MilestoneStatus.PLANNED;
        if (actual != null) {
          status = actual.isAfter(s.date()) ? MilestoneStatus.MISSED : MilestoneStatus.MET;
          if (status == MilestoneStatus.MISSED) {
            findings.add(late(spec, s.date(), actual));
          }
        }
        return new Milestone(
            spec.id(),
            MilestoneKind.DEADLINE,
            null,
            s.date(),
            spec.rule(),
            spec.titleZh(),
            text,
            actual,
            status);
      }
      case WITHIN_AFTER -> {
        Shifted end = forwardEnd(counter, anchorDate, n, unit, settings.forwardPeriods());
        noteShift(spec, end, findings);
        LocalDate from = anchorDate.plusDays(1);
        String text =
            "自"
                + anchorLabel
                + anchorDate
                + "起"
                + period
                + "内（当日不计）："
                + (spec.kind() == MilestoneKind.WINDOW
                    ? from + "至" + end.base()
                    : "最迟" + end.base())
                + end.note();
        MilestoneStatus status = MilestoneStatus.PLANNED;
        if (actual != null) {
          boolean miss =
              actual.isAfter(end.date())
                  || (spec.kind() == MilestoneKind.WINDOW && actual.isBefore(from));
          status = miss ? MilestoneStatus.MISSED : MilestoneStatus.MET;
          if (miss) {
            findings.add(
                spec.kind() == MilestoneKind.WINDOW
                    ? outsideWindow(spec, from, end.date(), actual)
                    : late(spec, end.date(), actual));
          }
        }
        return new Milestone(
            spec.id(),
            spec.kind(),
            spec.kind() == MilestoneKind.WINDOW ? from : null,
            end.date(),
            spec.rule(),
            spec.titleZh(),
            text,
            actual,
            status);
      }
      case PUBLICITY_BEFORE -> {
        LocalDate lastEnd = anchorDate.minusDays(1);
        LocalDate posting = lastEnd;
        Shifted end = forwardEnd(counter, posting, n, unit, settings.forwardPeriods());
        int guard = 0;
        while (end.date().isAfter(lastEnd)) {
          posting = posting.minusDays(1);
          end = forwardEnd(counter, posting, n, unit, settings.forwardPeriods());
          if (++guard > 2_000) {
            throw new IllegalStateException("no posting day found for " + spec.id());
          }
        }
        noteShift(spec, end, findings);
        String text =
            "公示"
                + period
                + "（张贴当日不计），须在"
                + anchorLabel
                + anchorDate
                + "前期满：最迟"
                + posting
                + "张贴，公示期"
                + posting.plusDays(1)
                + "至"
                + end.base()
                + end.note();
        MilestoneStatus status = MilestoneStatus.PLANNED;
        if (actual != null) {
          Shifted actualEnd = forwardEnd(counter, actual, n, unit, settings.forwardPeriods());
          boolean miss = actualEnd.date().isAfter(lastEnd);
          status = miss ? MilestoneStatus.MISSED : MilestoneStatus.MET;
          if (miss) {
            findings.add(latePublicity(spec, posting, actual, actualEnd.date(), anchorDate));
          }
        }
        return new Milestone(
            spec.id(),
            MilestoneKind.WINDOW,
            posting,
            end.date(),
            spec.rule(),
            spec.titleZh(),
            text,
            actual,
            status);
      }
      default -> throw new IllegalStateException(spec.relation().toString());
    }
  }

  /** A date before and after rest-day handling. */
  private record Shifted(LocalDate base, LocalDate date, HolidayShift mode, CalendarDay day) {
    boolean moved() {
      return !base.equals(date);
    }

    String note() {
      if (!moved()) {
        return "";
      }
      String what = day.kind().labelZh() + (day.name().isEmpty() ? "" : "（" + day.name() + "）");
      return mode == HolidayShift.NEXT_WORKDAY
          ? "；末日" + base + "为" + what + "，依民法典第二百零三条顺延至" + date
          : "；末日" + base + "为" + what + "，按设置提前至" + date;
    }
  }

  private static Shifted shift(DayCounter counter, LocalDate d, HolidayShift mode) {
    if (mode == HolidayShift.NONE) {
      return new Shifted(d, d, mode, null);
    }
    CalendarDay day = counter.day(d);
    if (day.working()) {
      return new Shifted(d, d, mode, day);
    }
    LocalDate moved =
        mode == HolidayShift.NEXT_WORKDAY
            ? counter.workdayOnOrAfter(d)
            : counter.workdayOnOrBefore(d);
    return new Shifted(d, moved, mode, day);
  }

  private static Shifted forwardEnd(
      DayCounter counter, LocalDate start, int n, PeriodUnit unit, HolidayShift mode) {
    if (unit == PeriodUnit.WORKING_DAYS) {
      LocalDate end = counter.plusWorkdays(start, n);
      return new Shifted(end, end, HolidayShift.NONE, null);
    }
    return shift(counter, start.plusDays(n), mode);
  }

  private static void noteShift(MilestoneSpec spec, Shifted s, List<Finding> findings) {
    if (!s.moved()) {
      return;
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("milestone", spec.id());
    facts.put("computed", s.base().toString());
    facts.put("moved", s.date().toString());
    findings.add(
        new Finding(
            s.mode() == HolidayShift.NEXT_WORKDAY
                ? ScheduleRule.HOLIDAY_EXTENDED
                : ScheduleRule.HOLIDAY_MOVED_EARLIER,
            List.of("milestones." + spec.id()),
            facts,
            spec.titleZh() + "：" + s.note().substring(1)));
  }

  private static Finding late(MilestoneSpec spec, LocalDate deadline, LocalDate actual) {
    long daysLate = ChronoUnit.DAYS.between(deadline, actual);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("milestone", spec.id());
    facts.put("deadline", deadline.toString());
    facts.put("actual", actual.toString());
    facts.put("daysLate", daysLate);
    return new Finding(
        spec.rule(),
        List.of("actual." + spec.id()),
        facts,
        spec.titleZh()
            + "：最迟应在"
            + deadline
            + "，实际为"
            + actual
            + "，晚"
            + daysLate
            + "日（"
            + spec.rule().messageZh()
            + "）");
  }

  private static Finding outsideWindow(
      MilestoneSpec spec, LocalDate from, LocalDate to, LocalDate actual) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("milestone", spec.id());
    facts.put("from", from.toString());
    facts.put("to", to.toString());
    facts.put("actual", actual.toString());
    return new Finding(
        spec.rule(),
        List.of("actual." + spec.id()),
        facts,
        spec.titleZh()
            + "：期间为"
            + from
            + "至"
            + to
            + "，实际为"
            + actual
            + "，不在期间内（"
            + spec.rule().messageZh()
            + "）");
  }

  private static Finding latePublicity(
      MilestoneSpec spec,
      LocalDate latestPosting,
      LocalDate actual,
      LocalDate actualEnd,
      LocalDate anchorDate) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("milestone", spec.id());
    facts.put("latestPosting", latestPosting.toString());
    facts.put("actual", actual.toString());
    facts.put("actualEnd", actualEnd.toString());
    facts.put("anchorDay", anchorDate.toString());
    return new Finding(
        spec.rule(),
        List.of("actual." + spec.id()),
        facts,
        spec.titleZh()
            + "：最迟应在"
            + latestPosting
            + "张贴，实际"
            + actual
            + "张贴，公示期至"
            + actualEnd
            + "，未能在"
            + anchorDate
            + "之前期满（"
            + spec.rule().messageZh()
            + "）");
  }
}
