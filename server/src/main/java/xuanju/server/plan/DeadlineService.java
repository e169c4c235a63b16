package xuanju.server.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.Milestone;
import xuanju.core.schedule.MilestoneKind;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.Schedules;
import xuanju.core.schedule.Timeline;
import xuanju.core.schedule.TimelineTemplates;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;

/**
 * The dashboard's coming deadlines (近期截止事项): for every election the user may see and that is not
 * completed, the milestones of its kind's core timeline that are not yet done, sorted by date. The
 * five-category publicity and the preliminary candidates' publicity use their actual posting days
 * once posted; milestones are done when the election's stage shows it (publicity of candidates once
 * candidates are approved, the meeting once voting started, the report once completed).
 */
@Service
public class DeadlineService {
  private final ElectionService elections;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public DeadlineService(ElectionService elections, JdbcTemplate jdbc, Clock clock) {
    this.elections = elections;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The coming deadlines of the visible elections, at most {@code perElection} each, by date. */
  @Transactional(readOnly = true)
  public List<Deadline> upcoming(int perElection) {
    LocalDate today = LocalDate.now(clock);
    List<Deadline> out = new ArrayList<>();
    Map<Long, Map<String, LocalDate>> posted = postingDays();
    for (Election e : elections.visible()) {
      if (e.status().compareTo(ElectionStatus.COMPLETED) >= 0) {
        continue;
      }
      out.addAll(openMilestones(e, posted.getOrDefault(e.id(), Map.of()), today, perElection));
    }
    out.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::electionId));
    return out;
  }

  /**
   * The open milestones of the given elections (the town desk), at most {@code perElection} each,
   * by election: one query for the posting days, the rest computed.
   */
  @Transactional(readOnly = true)
  public Map<Long, List<Deadline>> forElections(Collection<Election> list, int perElection) {
    LocalDate today = LocalDate.now(clock);
    Map<Long, Map<String, LocalDate>> posted = postingDays();
    Map<Long, List<Deadline>> out = new HashMap<>();
    for (Election e : list) {
      if (e.status().compareTo(ElectionStatus.COMPLETED) >= 0) {
        continue;
      }
      out.put(e.id(), openMilestones(e, posted.getOrDefault(e.id(), Map.of()), today, perElection));
    }
    return out;
  }

  /** The open milestones of one election given the five-category list's posting day (or null). */
  static List<Deadline> forElection(
      Election e, LocalDate fiveCategoriesPosted, LocalDate today, int limit) {
    return openMilestones(
        e,
        fiveCategoriesPosted == null
            ? Map.of()
            : Map.of("fiveCategoriesPublicity", fiveCategoriesPosted),
        today,
        limit);
  }

  /**
   * The open milestones of one election (pure apart from the calendar).
   *
   * @param posted actual posting days by milestone id (those the template lacks are ignored)
   */
  static List<Deadline> openMilestones(
      Election e, Map<String, LocalDate> posted, LocalDate today, int limit) {
    var template = TimelineTemplates.byId(e.kind().timelineTemplate());
    if (template.isEmpty()) {
      return List.of();
    }
    Map<String, LocalDate> actual = new HashMap<>();
    posted.forEach(
        (id, day) -> {
          if (day != null && template.get().milestone(id).isPresent()) {
            actual.put(id, day);
          }
        });
    Timeline t =
        Schedules.check(
            template.get(),
            e.electionDay(),
            ScheduleSettings.defaults(),
            HolidayCalendar.tyme4j(),
            actual);
    List<Deadline> out = new ArrayList<>();
    for (Milestone m : t.milestones()) {
      if (m.actual() != null || done(e, m)) {
        continue;
      }
      LocalDate due = m.kind() == MilestoneKind.WINDOW && m.from() != null ? m.from() : m.to();
      out.add(
          new Deadline(
              e.id(),
              e.title(),
              e.organisationName(),
              m.titleZh() + (m.kind() == MilestoneKind.WINDOW && m.from() != null ? "（最迟张贴日）" : ""),
              due,
              ChronoUnit.DAYS.between(today, due),
              m.ruleCode(),
              m.citation().display()));
      if (out.size() >= limit) {
        break;
      }
    }
    return out;
  }

  private static boolean done(Election e, Milestone m) {
    ElectionStatus s = e.status();
    if (m.to().isAfter(e.electionDay())) {
      return s.compareTo(ElectionStatus.COMPLETED) >= 0;
    }
    if (m.kind() == MilestoneKind.EVENT) {
      return s.compareTo(ElectionStatus.RESULTS_SUBMITTED) >= 0;
    }
    if (m.id().toLowerCase(java.util.Locale.ROOT).contains("candidate")) {
      return s.compareTo(ElectionStatus.CANDIDATES_APPROVED) >= 0;
    }
    return s.compareTo(ElectionStatus.VOTING) >= 0;
  }

  /** The actual posting days by election: the five-category list and the preliminary candidates. */
  private Map<Long, Map<String, LocalDate>> postingDays() {
    Map<Long, Map<String, LocalDate>> m = new HashMap<>();
    jdbc.query(
        "SELECT election_id, publicity_date FROM exclusion_list WHERE publicity_date IS NOT NULL",
        rs -> {
          m.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
              .put("fiveCategoriesPublicity", rs.getObject(2, LocalDate.class));
        });
    jdbc.query(
        "SELECT election_id, publicity_posted FROM nomination WHERE publicity_posted IS NOT NULL",
        rs -> {
          m.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
              .put("preliminaryCandidatesPublicity", rs.getObject(2, LocalDate.class));
        });
    return m;
  }
}
