package xuanju.core.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xuanju.core.rule.Findings;

/**
 * A computed timeline (选举时间表): the milestones of a template for one anchor day, ordered by date,
 * and the findings: missed deadlines (when actual dates were checked), holiday shifts and years
 * without calendar data.
 *
 * @param templateId the template id
 * @param nameZh the template's Chinese name
 * @param anchorZh the name of the anchor day
 * @param anchorDay election day or meeting day
 * @param settings the settings used
 * @param milestones ordered by {@link Milestone#date()}, ties in template order
 * @param findings rule findings
 */
public record Timeline(
    String templateId,
    String nameZh,
    String anchorZh,
    LocalDate anchorDay,
    ScheduleSettings settings,
    List<Milestone> milestones,
    Findings findings) {
  public Timeline {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(anchorDay, "anchorDay");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(findings, "findings");
    milestones = List.copyOf(milestones);
  }

  public Optional<Milestone> milestone(String id) {
    return milestones.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** Whether no milestone was missed. */
  public boolean allMet() {
    return milestones.stream().noneMatch(m -> m.status() == MilestoneStatus.MISSED);
  }
}
