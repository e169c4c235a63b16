package xuanju.core.community;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * The order of the election meeting's steps (选举大会程序), seed 002 四（二）2（5）: 竞职陈述 first, then the
 * candidates vote together and leave (候选人先集中投票、再集体回避), and only then the voters' ballots are
 * counted. Pure functions over the steps already recorded.
 */
public final class ElectionDaySteps {
  private ElectionDaySteps() {}

  /**
   * Whether {@code next} may be recorded after {@code done}: each step once, in the order of {@link
   * DayStep}. An error names the step that is missing or already recorded.
   */
  public static Findings record(Set<DayStep> done, DayStep next) {
    List<Finding> out = new ArrayList<>();
    if (done.contains(next)) {
      out.add(
          finding(
              next == DayStep.STATEMENTS
                  ? CommunityRule.DAY_STATEMENTS
                  : CommunityRule.DAY_CANDIDATES_FIRST,
              next,
              "“" + next.labelZh() + "”已经登记，不能重复登记"));
      return Findings.of(out);
    }
    for (DayStep before : DayStep.values()) {
      if (before.ordinal() >= next.ordinal()) {
        break;
      }
      if (!done.contains(before)) {
        out.add(
            finding(
                before == DayStep.STATEMENTS
                    ? CommunityRule.DAY_STATEMENTS
                    : CommunityRule.DAY_CANDIDATES_FIRST,
                next,
                "请先登记“" + before.labelZh() + "”，再登记“" + next.labelZh() + "”"));
        break;
      }
    }
    return Findings.of(out);
  }

  /**
   * What is missing before the voters' ballots may be counted: the candidates must have voted and
   * left (and the statements come first). Empty when all three steps are recorded.
   */
  public static Findings beforeCounting(Set<DayStep> done) {
    List<Finding> out = new ArrayList<>();
    Set<DayStep> missing = EnumSet.allOf(DayStep.class);
    missing.removeAll(done);
    if (!missing.isEmpty()) {
      DayStep first = missing.iterator().next();
      out.add(
          finding(
              first == DayStep.STATEMENTS
                  ? CommunityRule.DAY_STATEMENTS
                  : CommunityRule.DAY_CANDIDATES_FIRST,
              first,
              "选举大会程序尚未登记“" + first.labelZh() + "”：候选人应先集中投票、再集体回避，之后才能开箱计票"));
    }
    return Findings.of(out);
  }

  private static Finding finding(CommunityRule rule, DayStep step, String messageZh) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("step", step.name());
    return new Finding(rule, List.of("step"), facts, messageZh);
  }
}
