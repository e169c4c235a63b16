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
 * five-category publicity uses its actual posting day when the list was posted; milestones are done
 * when the election's stage shows it (publicity of candidates once candidates are approved, the
 * meeting once voting started, the report once completed).
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
    Map<Long, LocalDate> posted = postingDays();
    for (Election e : elections.visible()) {
      if (e.status().compareTo(ElectionStatus.COMPLETED) >= 0) {
        continue;
      }
      out.addAll(forElection(e, posted.get(e.id()), today, perElection));
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
    Map<Long, LocalDate> posted = postingDays();
    Map<Long, List<Deadline>> out = new HashMap<>();
    for (Election e : list) {
      if (e.status().compareTo(ElectionStatus.COMPLETED) >= 0) {
        continue;
      }
      out.put(e.id(), forElection(e, posted.get(e.id()), today, perElection));
    }
    return out;
  }

  /** The open milestones of one election (pure apart from the calendar). */
  static List<Deadline> forElection(
      Election e, LocalDate fiveCategoriesPosted, LocalDate today, int limit) {
    var template = TimelineTemplates.byId(e.kind().timelineTemplate());
    if (template.isEmpty()) {
      return List.of();
    }
    Map<String, LocalDate> actual = new HashMap<>();
    if (fiveCategoriesPosted != null
        && template.get().milestone("fiveCategoriesPublicity").isPresent()) {
      actual.put("fiveCategoriesPublicity", fiveCategoriesPosted);
    }
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

  private Map<Long, LocalDate> postingDays() {
    Map<Long, LocalDate> m = new HashMap<>();
    jdbc.query(
        "SELECT election_id, publicity_date FROM exclusion_list WHERE publicity_date IS NOT NULL",
        rs -> {
          m.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        });
    return m;
  }
}
