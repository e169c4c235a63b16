package xuanju.server.delegates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.schedule.ChecklistStep;
import xuanju.core.schedule.Checklists;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.Milestone;
import xuanju.core.schedule.MilestoneKind;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.Schedules;
import xuanju.core.schedule.Timeline;
import xuanju.core.schedule.TimelineTemplates;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The work checklist of seed 003 (工作进度): core's template {@code PARTY_CONGRESS_DELEGATES} counted
 * back from the conference day (the election day), with the day each step was done taken from what
 * the delegates' pages recorded (the units' lists, the stage decisions, the publicities, the
 * conference), and core's {@link Checklists} state (按期完成, 逾期完成, 已逾期, 即将到期, 待办). The plan and the
 * deployment meeting are not recorded here, so they never count as done.
 */
@Service
public class DelegateChecklist {
  private final StageGuard guard;
  private final StageRepository stages;
  private final ConferenceRepository conferences;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DelegateChecklist(
      StageGuard guard,
      StageRepository stages,
      ConferenceRepository conferences,
      JdbcTemplate jdbc,
      Clock clock) {
    this.guard = guard;
    this.stages = stages;
    this.conferences = conferences;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The checklist (VIEW), in the template's order. */
  @Transactional(readOnly = true)
  public List<ChecklistStep> steps(long electionId) {
    Election e = guard.election(electionId, Permission.VIEW);
    Timeline t =
        Schedules.timeline(
            TimelineTemplates.PARTY_CONGRESS_DELEGATES,
            e.electionDay(),
            ScheduleSettings.defaults(),
            HolidayCalendar.tyme4j());
    Map<String, LocalDate> done = new HashMap<>();
    Map<String, String> notes = new HashMap<>();
    notes.put("plan", "不在本系统登记，请线下核对");
    notes.put("deployment", "不在本系统登记，请线下核对");
    recommendationDone(electionId).ifPresent(d -> done.put("recommendation", d));
    Map<StageStep, StageDecision> decisions = guard.decisions(electionId);
    put(done, "subjects", decisions.get(StageStep.SUBJECTS_DECIDED));
    put(done, "preliminary", decisions.get(StageStep.PRELIMINARY_DECIDED));
    put(done, "preparatory", decisions.get(StageStep.PREPARATORY_DECIDED));
    stages
        .publicity(electionId, StagePublicity.Kind.VETTING)
        .ifPresent(
            p -> {
              done.put("vetting", p.endsOn());
              done.put("vettingPublicity", p.endsOn());
              notes.put(
                  "vettingPublicity",
                  p.startsOn() + "至" + p.endsOn() + "，" + p.workingDays() + "个工作日");
            });
    stages
        .publicity(electionId, StagePublicity.Kind.PRELIMINARY)
        .ifPresent(
            p -> {
              done.put("preliminaryPublicity", p.endsOn());
              notes.put(
                  "preliminaryPublicity",
                  p.startsOn() + "至" + p.endsOn() + "，" + p.workingDays() + "个工作日");
            });
    conferences.conference(electionId).ifPresent(c -> done.put("conference", c.heldOn()));
    LocalDate today = LocalDate.now(clock);
    List<ChecklistStep> out = new ArrayList<>();
    for (Milestone m : t.milestones()) {
      String note = notes.getOrDefault(m.id(), "");
      if (m.kind() == MilestoneKind.WINDOW && m.from() != null && !done.containsKey(m.id())) {
        note = "最迟" + m.from() + "张贴，" + m.from().plusDays(1) + "至" + m.to() + "期满";
      }
      out.add(Checklists.step(m, done.get(m.id()), today, note));
    }
    return List.copyOf(out);
  }

  private static void put(Map<String, LocalDate> done, String id, StageDecision d) {
    if (d != null) {
      done.put(id, d.decidedOn());
    }
  }

  /** The day the last unit submitted its list, when every unit has one. */
  private java.util.Optional<LocalDate> recommendationDone(long electionId) {
    List<Timestamp> submitted =
        jdbc.queryForList(
            "SELECT submitted_at FROM delegate_unit WHERE election_id = ?",
            Timestamp.class,
            electionId);
    if (submitted.isEmpty() || submitted.contains(null)) {
      return java.util.Optional.empty();
    }
    Timestamp last = submitted.stream().max(Timestamp::compareTo).orElseThrow();
    return java.util.Optional.of(last.toInstant().atZone(clock.getZone()).toLocalDate());
  }
}
