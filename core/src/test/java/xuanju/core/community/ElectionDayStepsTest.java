package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import xuanju.core.rule.Finding;

class ElectionDayStepsTest {
  @Test
  void theStepsAreRecordedInOrderEachOnce() {
    Set<DayStep> done = EnumSet.noneOf(DayStep.class);
    for (DayStep s : DayStep.values()) {
      assertThat(ElectionDaySteps.record(done, s).errors()).isEmpty();
      done.add(s);
      assertThat(ElectionDaySteps.record(done, s).errors())
          .singleElement()
          .extracting(Finding::messageZh)
          .asString()
          .contains("已经登记");
    }
  }

  @ParameterizedTest
  @EnumSource(DayStep.class)
  void aStepBeforeItsPredecessorIsRefusedNamingTheMissingStep(DayStep next) {
    var errors = ElectionDaySteps.record(EnumSet.noneOf(DayStep.class), next).errors();
    if (next == DayStep.STATEMENTS) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.messageZh()).contains("请先登记“正式候选人竞职陈述”");
                assertThat(f.rule()).isEqualTo(CommunityRule.DAY_STATEMENTS);
              });
    }
  }

  @Test
  void leavingBeforeVotingIsRefusedUnderTheCandidatesRule() {
    var errors =
        ElectionDaySteps.record(EnumSet.of(DayStep.STATEMENTS), DayStep.CANDIDATES_WITHDREW)
            .errors();
    assertThat(errors)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(CommunityRule.DAY_CANDIDATES_FIRST);
              assertThat(f.messageZh()).contains("候选人集中投票");
            });
  }

  @Test
  void countingWaitsForTheCandidatesToHaveVotedAndLeft() {
    assertThat(ElectionDaySteps.beforeCounting(EnumSet.allOf(DayStep.class)).all()).isEmpty();
    var f =
        ElectionDaySteps.beforeCounting(EnumSet.of(DayStep.STATEMENTS, DayStep.CANDIDATES_VOTED));
    assertThat(f.errors())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo(CommunityRule.DAY_CANDIDATES_FIRST);
              assertThat(x.messageZh()).contains("候选人集体回避");
            });
  }
}
