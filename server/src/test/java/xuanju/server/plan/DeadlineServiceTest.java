package xuanju.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionStatus;

class DeadlineServiceTest {
  static Election election(ElectionStatus status, LocalDate day) {
    return new Election(
        1,
        2,
        "测试支部",
        "测试换届选举",
        ElectionKind.PARTY_BRANCH,
        "PARTY_GRASSROOTS",
        Map.of(),
        "",
        true,
        3,
        1,
        0,
        null,
        day,
        3,
        status,
        0);
  }

  @Test
  void draftListsThePublicitiesAndNoticeInDateOrderWithDaysLeft() {
    LocalDate today = LocalDate.of(2026, 11, 2);
    LocalDate day = LocalDate.of(2026, 12, 10); // Thursday
    var ds = DeadlineService.forElection(election(ElectionStatus.DRAFT, day), null, today, 10);
    assertThat(ds)
        .extracting(Deadline::ruleCode)
        .startsWith(
            "PARTY.PUBLICITY.PRELIMINARY_CANDIDATES_5D", "PARTY.PUBLICITY.FIVE_CATEGORIES_3D");
    Deadline first = ds.get(0);
    // 5 days ending before 12-10: posted on 12-04 at the latest (12-05 … 12-09)
    assertThat(first.date()).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(first.daysLeft()).isEqualTo(32);
    assertThat(first.overdue()).isFalse();
    assertThat(ds).isSortedAccordingTo(java.util.Comparator.comparing(Deadline::date));
  }

  @Test
  void overdueWhenThePostingDayHasPassedAndDoneMilestonesAreLeftOut() {
    LocalDate day = LocalDate.of(2026, 12, 10);
    LocalDate today = LocalDate.of(2026, 12, 8);
    var ds =
        DeadlineService.forElection(election(ElectionStatus.PLAN_APPROVED, day), null, today, 10);
    assertThat(ds.get(0).overdue()).isTrue();
    assertThat(ds.get(0).daysLeftZh()).isEqualTo("已逾期 4 天");
    // the five-category list posted: that milestone is done
    var posted =
        DeadlineService.forElection(
            election(ElectionStatus.PLAN_APPROVED, day), LocalDate.of(2026, 12, 1), today, 10);
    assertThat(posted)
        .extracting(Deadline::ruleCode)
        .doesNotContain("PARTY.PUBLICITY.FIVE_CATEGORIES_3D");
    // candidates approved: their publicity is done, the meeting notice is next
    var later =
        DeadlineService.forElection(
            election(ElectionStatus.CANDIDATES_APPROVED, day),
            LocalDate.of(2026, 12, 1),
            today,
            10);
    assertThat(later.get(0).ruleCode()).isEqualTo("PARTY.NOTICE.MEETING_2D");
    assertThat(later.get(0).daysLeftZh()).isEqualTo("今天");
    // the preliminary candidates posted (nomination): that milestone is done too
    var both =
        DeadlineService.openMilestones(
            election(ElectionStatus.PLAN_APPROVED, day),
            java.util.Map.of(
                "fiveCategoriesPublicity", LocalDate.of(2026, 12, 1),
                "preliminaryCandidatesPublicity", LocalDate.of(2026, 11, 28)),
            today,
            10);
    assertThat(both)
        .extracting(Deadline::ruleCode)
        .doesNotContain(
            "PARTY.PUBLICITY.FIVE_CATEGORIES_3D", "PARTY.PUBLICITY.PRELIMINARY_CANDIDATES_5D");
    assertThat(both.get(0).ruleCode()).isEqualTo("PARTY.NOTICE.MEETING_2D");
    // completed elections have nothing left
    assertThat(
            DeadlineService.forElection(election(ElectionStatus.COMPLETED, day), null, today, 10))
        .isEmpty();
  }
}
