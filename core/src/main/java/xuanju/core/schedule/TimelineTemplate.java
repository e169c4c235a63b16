package xuanju.core.schedule;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import xuanju.core.rule.InvalidInputException;

/**
 * A timeline template for one election type (选举时间表模板): its milestones, in an order where every
 * milestone's anchor comes before it. A local plan can define its own template from {@link
 * MilestoneSpec}s; the built-in ones are in {@link TimelineTemplates}.
 *
 * @param id stable id typed on the command line, e.g. {@code NPC_DIRECT}
 * @param nameZh e.g. {@code 县乡两级人民代表大会代表直接选举}
 * @param anchorZh the name of the anchor day, e.g. {@code 选举日} or {@code 党员大会召开日}
 * @param milestones the milestones
 */
public record TimelineTemplate(
    String id, String nameZh, String anchorZh, List<MilestoneSpec> milestones) {
  public TimelineTemplate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nameZh, "nameZh");
    Objects.requireNonNull(anchorZh, "anchorZh");
    milestones = List.copyOf(milestones);
    Set<String> seen = new HashSet<>();
    for (MilestoneSpec m : milestones) {
      if (m.anchor() != null && !seen.contains(m.anchor())) {
        throw new InvalidInputException(
            "milestones." + m.id() + ".anchor", "基准事项 " + m.anchor() + " 不存在或排在本事项之后");
      }
      if (!seen.add(m.id())) {
        throw new InvalidInputException("milestones." + m.id(), "事项编号重复");
      }
    }
  }

  public Optional<MilestoneSpec> milestone(String id) {
    return milestones.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** Whether any milestone takes its unit from {@link ScheduleSettings#publicityUnit()}. */
  public boolean usesPublicityUnit() {
    return milestones.stream().anyMatch(MilestoneSpec::unitFromSettings);
  }
}
