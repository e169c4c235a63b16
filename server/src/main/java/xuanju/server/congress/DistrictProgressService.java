package xuanju.server.congress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.schedule.ChecklistStep;
import xuanju.core.schedule.Checklists;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.Milestone;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.Schedules;
import xuanju.core.schedule.StepState;
import xuanju.core.schedule.Timeline;
import xuanju.core.schedule.TimelineTemplates;
import xuanju.server.access.Permission;
import xuanju.server.district.DistrictService;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The statutory timeline of each district as a checklist (选区工作进度), counted from the election day
 * the county 人大常委会 fixed: the working group set up, the voter list published (D−20), objections
 * decided within 3 days, the initial and the formal candidate lists of each contest published
 * (D−15, D−7) and the vote decided. Each step is done on time, done late, overdue or still open;
 * the town page shows every district's late steps in red. Reads a handful of queries per election;
 * the states come from core {@link Checklists}.
 */
@Service
public class DistrictProgressService {
  /** The columns of the town's table, in order. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("workingGroup", "设立选区工作组"),
          new Column("voterList", "公布选民名单"),
          new Column("objectionDecision", "处理选民名单申诉"),
          new Column("candidateList.TOWN", "公布初步候选人（镇）"),
          new Column("formalList.TOWN", "公布正式候选人（镇）"),
          new Column("candidateList.COUNTY", "公布初步候选人（县）"),
          new Column("formalList.COUNTY", "公布正式候选人（县）"),
          new Column("electionDay", "投票选举"));

  private final ElectionService elections;
  private final CountyDistrictService counties;
  private final WorkingGroupService groups;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DistrictProgressService(
      ElectionService elections,
      CountyDistrictService counties,
      WorkingGroupService groups,
      JdbcTemplate jdbc,
      Clock clock) {
    this.elections = elections;
    this.counties = counties;
    this.groups = groups;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A column of the town's table. */
  public record Column(String id, String titleZh) {}

  /**
   * One district's checklist, steps keyed by column id (a district without a county contest lacks
   * those).
   */
  public record DistrictProgress(
      long districtId, int number, String name, Map<String, ChecklistStep> steps) {
    public long late() {
      return steps.values().stream().filter(ChecklistStep::late).count();
    }

    public List<ChecklistStep> list() {
      return List.copyOf(steps.values());
    }
  }

  /** The town's table. */
  public record TownProgress(
      Election election, LocalDate today, List<Column> columns, List<DistrictProgress> rows) {
    public long late() {
      return rows.stream().mapToLong(DistrictProgress::late).sum();
    }
  }

  @Transactional(readOnly = true)
  public TownProgress town(long electionId) {
    Election e = elections.get(electionId, Permission.VIEW);
    if (!DistrictService.seatsPerDistrict(e)) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）不按选区进行");
    }
    LocalDate today = LocalDate.now(clock);
    Timeline base = timeline(e, Map.of());
    Map<Long, LocalDate> voterLists =
        dates(
            "SELECT district_id, published_on FROM voter_list_publication WHERE election_id = ?",
            e);
    Map<String, LocalDate> initial =
        byContest(
            "SELECT district_id, level, published_on FROM deputy_initial_list WHERE election_id = ?",
            e);
    Map<String, LocalDate> formal =
        byContest(
            "SELECT district_id, level, published_on FROM deputy_contest_list WHERE election_id = ?",
            e);
    Map<String, LocalDate> decided = decided(e);
    Map<Long, List<LocalDate[]>> objections = new HashMap<>();
    jdbc.query(
        "SELECT district_id, filed_on, decided_on FROM voter_objection WHERE election_id = ?",
        rs -> {
          objections
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new LocalDate[] {
                    rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)
                  });
        },
        e.id());
    Map<Long, WorkingGroupService.Group> groupsById = new HashMap<>();
    groups.groups(e.id()).forEach(g -> groupsById.put(g.districtId(), g));
    Map<Long, ContestArea> countyOf = new HashMap<>();
    List<ContestArea> areas = counties.areas(e.id());
    areas.stream()
        .filter(a -> a.level() == ContestLevel.COUNTY)
        .forEach(a -> a.districtIds().forEach(d -> countyOf.put(d, a)));

    List<DistrictProgress> rows = new ArrayList<>();
    for (ContestArea town : areas) {
      if (town.level() != ContestLevel.TOWN) {
        continue;
      }
      long d = town.homeDistrictId();
      Map<String, ChecklistStep> steps = new LinkedHashMap<>();
      Milestone voterList = base.milestone("voterList").orElseThrow();
      WorkingGroupService.Group g = groupsById.get(d);
      steps.put(
          "workingGroup",
          Checklists.step(
              "workingGroup",
              "设立选区工作组",
              voterList.to(),
              g == null ? null : g.establishedOn(),
              today,
              WorkingGroupRule.BEFORE_REGISTRATION,
              g == null ? "" : g.established() ? g.statusZh() : String.join("；", g.problems())));
      LocalDate published = voterLists.get(d);
      steps.put(
          "voterList",
          Checklists.step(
              voterList, published, today, published == null ? "" : "已于" + published + "公布"));
      steps.put(
          "objectionDecision",
          objectionStep(e, published, objections.getOrDefault(d, List.of()), today));
      ContestArea county = countyOf.get(d);
      for (ContestArea a : county == null ? List.of(town) : List.of(town, county)) {
        String key = a.homeDistrictId() + "." + a.level().name();
        LocalDate init = initial.get(key);
        LocalDate fin = formal.get(key);
        String suffix = a.level() == ContestLevel.COUNTY ? "（" + a.name() + "）" : "";
        steps.put(
            "candidateList." + a.level().name(),
            Checklists.step(
                base.milestone("candidateList").orElseThrow(),
                init,
                today,
                (init == null ? "" : "已于" + init + "公布") + suffix));
        steps.put(
            "formalList." + a.level().name(),
            Checklists.step(
                base.milestone("formalList").orElseThrow(),
                fin,
                today,
                (fin == null ? "" : "已于" + fin + "公布") + suffix));
      }
      List<String> keys = new ArrayList<>();
      keys.add(d + ".TOWN");
      if (county != null) {
        keys.add(county.homeDistrictId() + ".COUNTY");
      }
      LocalDate done =
          keys.stream().allMatch(decided::containsKey)
              ? keys.stream().map(decided::get).max(Comparator.naturalOrder()).orElseThrow()
              : null;
      long open = keys.stream().filter(k -> !decided.containsKey(k)).count();
      steps.put(
          "electionDay",
          Checklists.step(
              "electionDay",
              "投票选举",
              e.electionDay(),
              done,
              today,
              WorkingGroupRule.CONTEST_DECIDED,
              done != null ? "选举结果已确定" : open < keys.size() ? "尚有" + open + "项选举结果未确定" : ""));
      rows.add(new DistrictProgress(d, rows.size() + 1, town.name(), steps));
    }
    return new TownProgress(e, today, COLUMNS, rows);
  }

  /** One district's checklist. */
  @Transactional(readOnly = true)
  public DistrictProgress district(long electionId, long districtId) {
    return town(electionId).rows().stream()
        .filter(r -> r.districtId() == districtId)
        .findFirst()
        .orElseThrow(() -> new xuanju.core.rule.InvalidInputException("districtId", "本选举没有这个选区"));
  }

  /**
   * The objections step: each objection must be decided within 3 days of being filed; the step
   * takes the worst of them. Without objections it is done once the objection period is over.
   */
  private ChecklistStep objectionStep(
      Election e, LocalDate published, List<LocalDate[]> filed, LocalDate today) {
    Map<String, LocalDate> actual = published == null ? Map.of() : Map.of("voterList", published);
    Timeline t = timeline(e, actual);
    Milestone decision = t.milestone("objectionDecision").orElseThrow();
    if (filed.isEmpty()) {
      Milestone window = t.milestone("objections").orElseThrow();
      boolean over = published != null && today.isAfter(window.to());
      return Checklists.step(
          decision,
          over ? window.to() : null,
          today,
          published == null ? "" : over ? "申诉期内无人申诉" : "申诉期至" + window.to() + "，暂无申诉");
    }
    ChecklistStep worst = null;
    int decidedCount = 0;
    for (LocalDate[] o : filed) {
      Map<String, LocalDate> a = new HashMap<>(actual);
      a.put("objections", o[0]);
      Milestone m = timeline(e, a).milestone("objectionDecision").orElseThrow();
      ChecklistStep s = Checklists.step(m, o[1], today, "");
      if (o[1] != null) {
        decidedCount++;
      }
      if (worst == null || severity(s.state()) > severity(worst.state())) {
        worst = s;
      }
    }
    String note = "申诉" + filed.size() + "件，已处理" + decidedCount + "件";
    return new ChecklistStep(
        worst.id(), worst.titleZh(), worst.due(), worst.done(), worst.state(), worst.rule(), note);
  }

  private static int severity(StepState s) {
    return switch (s) {
      case DONE -> 0;
      case OPEN -> 1;
      case DUE_SOON -> 2;
      case DONE_LATE -> 3;
      case OVERDUE -> 4;
    };
  }

  private static Timeline timeline(Election e, Map<String, LocalDate> actual) {
    return Schedules.check(
        TimelineTemplates.byId(e.kind().timelineTemplate()).orElseThrow(),
        e.electionDay(),
        ScheduleSettings.defaults(),
        HolidayCalendar.tyme4j(),
        actual);
  }

  private Map<Long, LocalDate> dates(String sql, Election e) {
    Map<Long, LocalDate> out = new HashMap<>();
    jdbc.query(
        sql,
        rs -> {
          out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        },
        e.id());
    return out;
  }

  private Map<String, LocalDate> byContest(String sql, Election e) {
    Map<String, LocalDate> out = new HashMap<>();
    jdbc.query(
        sql,
        rs -> {
          out.put(rs.getLong(1) + "." + rs.getString(2), rs.getObject(3, LocalDate.class));
        },
        e.id());
    return out;
  }

  /** The day each contest's final result was decided, by home district and level. */
  private Map<String, LocalDate> decided(Election e) {
    Map<String, LocalDate> out = new HashMap<>();
    jdbc.query(
        "SELECT home_district_id, level, decided_at FROM congress_round"
            + " WHERE election_id = ? AND final_result AND decided_at IS NOT NULL",
        rs -> {
          LocalDate day = rs.getTimestamp(3).toInstant().atZone(clock.getZone()).toLocalDate();
          out.merge(rs.getLong(1) + "." + rs.getString(2), day, (x, y) -> x.isAfter(y) ? x : y);
        },
        e.id());
    return out;
  }

  /** For tests and the district page: the step of a column, if the district has it. */
  public static Optional<ChecklistStep> step(DistrictProgress p, String column) {
    return Optional.ofNullable(p.steps().get(column));
  }
}
