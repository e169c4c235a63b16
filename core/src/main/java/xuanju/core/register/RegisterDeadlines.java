package xuanju.core.register;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.Milestone;
import xuanju.core.schedule.MilestoneStatus;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.Schedules;
import xuanju.core.schedule.Timeline;
import xuanju.core.schedule.TimelineTemplate;

/**
 * The statutory days of the voter list (选民名单的法定期限), computed with the schedule package so that the
 * dates agree with the election's timeline: 选举法（2020）第二十八条 "选民名单应在选举日的二十日以前公布"; 第二十九条 objections
 * "在选民名单公布之日起五日内", decided "在三日内", court "在选举日的五日以前". The village and residents' templates have
 * their own rules (村民委员会组织法 第十四条; residents' default, tag I) and no court day.
 *
 * <p>Day counting (schedule conventions, legal-rules B1.8, tag I): natural days; the publication
 * day is not counted (民法典 第二百零一条), so a list published on 10-31 opens the window 11-01 … 11-05; the
 * decision is due three days after the day the objection was received; "选举日的N日以前" is the fixed date
 * D − N, which itself is allowed. Per {@link ScheduleSettings}, the last day of a forward period
 * that is a rest day moves to the next working day (民法典 第二百零三条, default); fixed D − N days do not
 * move.
 *
 * <p>The template must have the milestones {@code voterList}, {@code objections} and {@code
 * objectionDecision} (the built-in {@code NPC_DIRECT}, {@code VILLAGE_COMMITTEE}, {@code
 * RESIDENTS_COMMITTEE}); {@code court} is optional.
 */
public final class RegisterDeadlines {
  private RegisterDeadlines() {}

  static final String PUBLICATION = "voterList";
  static final String OBJECTIONS = "objections";
  static final String DECISION = "objectionDecision";
  static final String COURT = "court";
  private static final Set<String> LIST_MILESTONES = Set.of(PUBLICATION, OBJECTIONS, COURT);
  private static final Set<String> OBJECTION_MILESTONES = Set.of(OBJECTIONS, DECISION, COURT);

  /** Corrections after publication must be published by D − 2 (上海 实施细则 第二十四条). */
  public static final int CHANGES_DAYS_BEFORE = 2;

  /** The deadlines with the default settings and the tyme4j calendar. */
  public static VoterListDeadlines deadlines(
      TimelineTemplate template, LocalDate electionDay, LocalDate publishedOn, LocalDate asOf) {
    return deadlines(
        template,
        electionDay,
        publishedOn,
        asOf,
        ScheduleSettings.defaults(),
        HolidayCalendar.tyme4j());
  }

  /**
   * The voter list's deadlines for {@code electionDay}, checking the publication day.
   *
   * @param publishedOn the actual publication day, null if not yet published
   * @param asOf today, for the "not yet published and overdue" check; null to skip it
   * @throws InvalidInputException if the template lacks the voter-list milestones or a date is
   *     missing
   */
  public static VoterListDeadlines deadlines(
      TimelineTemplate template,
      LocalDate electionDay,
      LocalDate publishedOn,
      LocalDate asOf,
      ScheduleSettings settings,
      HolidayCalendar calendar) {
    requireTemplate(template);
    if (electionDay == null) {
      throw new InvalidInputException("electionDay", "缺少选举日");
    }
    if (publishedOn != null && !publishedOn.isBefore(electionDay)) {
      throw new InvalidInputException(
          "publishedOn", "选民名单公布日期 " + publishedOn + " 不能在选举日 " + electionDay + " 当天或之后");
    }
    Map<String, LocalDate> actual = new HashMap<>();
    if (publishedOn != null) {
      actual.put(PUBLICATION, publishedOn);
    }
    Timeline t = Schedules.check(template, electionDay, settings, calendar, actual);
    Milestone pub = t.milestone(PUBLICATION).orElseThrow();
    Milestone obj = t.milestone(OBJECTIONS).orElseThrow();
    Optional<Milestone> court = t.milestone(COURT);
    List<Finding> out = new ArrayList<>(scheduleNotes(t, LIST_MILESTONES));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("electionDay", electionDay.toString());
    f.put("latestPublication", pub.to().toString());
    if (publishedOn != null) {
      f.put("publishedOn", publishedOn.toString());
      if (pub.status() == MilestoneStatus.MISSED) {
        long late = ChronoUnit.DAYS.between(pub.to(), publishedOn);
        f.put("daysLate", late);
        out.add(
            new Finding(
                pub.rule(),
                List.of("publishedOn"),
                f,
                "选民名单于"
                    + publishedOn
                    + "公布，晚于最迟公布日期"
                    + pub.to()
                    + "（选举日"
                    + electionDay
                    + "的二十日以前），晚"
                    + late
                    + "日（"
                    + cite(pub.rule())
                    + "）"));
      }
    } else if (asOf != null && asOf.isAfter(pub.to())) {
      f.put("asOf", asOf.toString());
      out.add(
          new Finding(
              pub.rule(),
              List.of("publishedOn"),
              f,
              "选民名单最迟应在"
                  + pub.to()
                  + "公布（选举日"
                  + electionDay
                  + "的二十日以前），至"
                  + asOf
                  + "尚未公布（"
                  + cite(pub.rule())
                  + "）"));
    }
    return new VoterListDeadlines(
        template.id(),
        electionDay,
        pub,
        obj,
        court,
        electionDay.minusDays(CHANGES_DAYS_BEFORE),
        Findings.of(out));
  }

  /** Checks an objection with the default settings and the tyme4j calendar. */
  public static ObjectionCheck checkObjection(
      TimelineTemplate template,
      LocalDate electionDay,
      LocalDate publishedOn,
      Objection objection,
      LocalDate asOf) {
    return checkObjection(
        template,
        electionDay,
        publishedOn,
        objection,
        asOf,
        ScheduleSettings.defaults(),
        HolidayCalendar.tyme4j());
  }

  /**
   * Checks one objection: filed within the window after publication, decided within three days of
   * receipt (or, when undecided, not yet overdue on {@code asOf}), and a suit no later than D − 5.
   * Each finding names the objector, the deadline and the rule.
   *
   * @param publishedOn the actual publication day of the list; required
   * @param asOf today, for the overdue-decision check; null to skip it
   * @throws InvalidInputException if the list is not published or a date is missing
   */
  public static ObjectionCheck checkObjection(
      TimelineTemplate template,
      LocalDate electionDay,
      LocalDate publishedOn,
      Objection objection,
      LocalDate asOf,
      ScheduleSettings settings,
      HolidayCalendar calendar) {
    requireTemplate(template);
    if (electionDay == null) {
      throw new InvalidInputException("electionDay", "缺少选举日");
    }
    if (publishedOn == null) {
      throw new InvalidInputException("publishedOn", "选民名单尚未公布，不能登记对名单的申诉");
    }
    if (objection == null) {
      throw new InvalidInputException("objection", "缺少申诉");
    }
    Map<String, LocalDate> actual = new HashMap<>();
    actual.put(PUBLICATION, publishedOn);
    actual.put(OBJECTIONS, objection.filedOn());
    if (objection.decidedOn() != null) {
      actual.put(DECISION, objection.decidedOn());
    }
    boolean hasCourt = template.milestone(COURT).isPresent();
    if (objection.suedOn() != null && hasCourt) {
      actual.put(COURT, objection.suedOn());
    }
    Timeline t = Schedules.check(template, electionDay, settings, calendar, actual);
    Milestone window = t.milestone(OBJECTIONS).orElseThrow();
    Milestone decision = t.milestone(DECISION).orElseThrow();
    Optional<Milestone> court = t.milestone(COURT);
    String who = objection.labelZh();
    List<Finding> out = new ArrayList<>();

    if (window.status() == MilestoneStatus.MISSED) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("publishedOn", publishedOn.toString());
      f.put("from", window.from().toString());
      f.put("to", window.to().toString());
      f.put("filedOn", objection.filedOn().toString());
      out.add(
          new Finding(
              window.rule(),
              List.of("objection.filedOn"),
              f,
              who
                  + "于"
                  + objection.filedOn()
                  + "提出申诉，不在申诉期限内：选民名单于"
                  + publishedOn
                  + "公布，申诉期为"
                  + window.from()
                  + "至"
                  + window.to()
                  + "（公布当日不计）（"
                  + cite(window.rule())
                  + "）"));
    }

    Map<String, Object> df = new LinkedHashMap<>();
    df.put("filedOn", objection.filedOn().toString());
    df.put("decisionDueBy", decision.to().toString());
    if (objection.decidedOn() != null) {
      df.put("decidedOn", objection.decidedOn().toString());
      if (decision.status() == MilestoneStatus.MISSED) {
        long late = ChronoUnit.DAYS.between(decision.to(), objection.decidedOn());
        df.put("daysLate", late);
        out.add(
            new Finding(
                decision.rule(),
                List.of("objection.decidedOn"),
                df,
                "选举委员会对"
                    + who
                    + objection.filedOn()
                    + "提出的申诉，应在"
                    + decision.to()
                    + "前作出处理决定，实际于"
                    + objection.decidedOn()
                    + "作出，晚"
                    + late
                    + "日（"
                    + cite(decision.rule())
                    + "）"));
      }
    } else if (asOf != null && asOf.isAfter(decision.to())) {
      df.put("asOf", asOf.toString());
      out.add(
          new Finding(
              decision.rule(),
              List.of("objection.decidedOn"),
              df,
              "选举委员会对"
                  + who
                  + objection.filedOn()
                  + "提出的申诉，应在"
                  + decision.to()
                  + "前作出处理决定，至"
                  + asOf
                  + "尚未作出（"
                  + cite(decision.rule())
                  + "）"));
    }

    if (court.isPresent() && objection.suedOn() != null) {
      Milestone c = court.get();
      if (c.status() == MilestoneStatus.MISSED) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("courtBy", c.to().toString());
        f.put("suedOn", objection.suedOn().toString());
        f.put("electionDay", electionDay.toString());
        out.add(
            new Finding(
                c.rule(),
                List.of("objection.suedOn"),
                f,
                who
                    + "于"
                    + objection.suedOn()
                    + "向人民法院起诉，晚于最后期限"
                    + c.to()
                    + "（选举日"
                    + electionDay
                    + "的五日以前）（"
                    + cite(c.rule())
                    + "）"));
      }
    }
    for (Finding n : scheduleNotes(t, OBJECTION_MILESTONES)) {
      out.add(n);
    }
    return new ObjectionCheck(
        objection,
        window.from(),
        window.to(),
        decision.to(),
        court.map(Milestone::to),
        Findings.of(out));
  }

  /**
   * Checks a change of the published list (补登、除名、更正): it must be published by D − 2 (上海 实施细则 第二十四条;
   * the province's rule needs review). Empty when in time.
   */
  public static List<Finding> checkChange(LocalDate electionDay, ListChange change) {
    if (electionDay == null) {
      throw new InvalidInputException("electionDay", "缺少选举日");
    }
    if (change == null) {
      throw new InvalidInputException("change", "缺少名单变更");
    }
    LocalDate by = electionDay.minusDays(CHANGES_DAYS_BEFORE);
    if (!change.changedOn().isAfter(by)) {
      return List.of();
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("changedOn", change.changedOn().toString());
    f.put("changesBy", by.toString());
    f.put("electionDay", electionDay.toString());
    f.put("kind", change.kind().labelZh());
    return List.of(
        new Finding(
            RegisterRule.LIST_CHANGE_D2,
            List.of("change.changedOn"),
            f,
            (change.name().isEmpty() ? "" : change.name() + "的")
                + "名单"
                + change.kind().labelZh()
                + "于"
                + change.changedOn()
                + "作出，晚于选举日"
                + electionDay
                + "的二日以前（"
                + by
                + "）；"
                + RegisterRule.LIST_CHANGE_D2.messageZh()));
  }

  private static void requireTemplate(TimelineTemplate template) {
    if (template == null) {
      throw new InvalidInputException("template", "缺少选举时间表模板");
    }
    for (String id : List.of(PUBLICATION, OBJECTIONS, DECISION)) {
      if (template.milestone(id).isEmpty()) {
        throw new InvalidInputException(
            "template", "时间表模板 " + template.id() + " 没有选民名单的期限（缺少 " + id + "），不能用于选民登记");
      }
    }
  }

  /** Holiday shifts and unknown calendar years that concern these milestones. */
  private static List<Finding> scheduleNotes(Timeline t, Set<String> ours) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : t.findings().all()) {
      boolean concerns =
          f.fields().stream()
              .anyMatch(
                  p -> {
                    int dot = p.indexOf('.');
                    return p.startsWith("milestones.") && ours.contains(p.substring(dot + 1));
                  });
      if (concerns) {
        out.add(f);
      }
    }
    return out;
  }

  private static String cite(Rule r) {
    return r.citation().display() + "：" + r.messageZh();
  }
}
