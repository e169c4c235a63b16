package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionStatus;

/**
 * The second stage (委员会第一次全体会议) exists only for kinds whose plenum elects the officers and only
 * with a committee; a residents' committee with a committee planned has none, so its results do not
 * wait for it.
 */
class SecondStageByKindTest {
  private static Election election(ElectionKind kind, boolean hasCommittee) {
    return new Election(
        1,
        2,
        "组织",
        "选举",
        kind,
        kind.defaultProfile(),
        Map.of(),
        "",
        hasCommittee,
        5,
        1,
        1,
        null,
        LocalDate.of(2026, 12, 20),
        3,
        ElectionStatus.VOTING,
        0);
  }

  @ParameterizedTest
  @EnumSource(ElectionKind.class)
  void onlyThePartyBranchWithACommitteeHasTheSecondStage(ElectionKind kind) {
    boolean party = kind.config().stages().plenumElectsOfficers();
    assertThat(StageProgress.secondStage(election(kind, true))).isEqualTo(party);
    assertThat(StageProgress.secondStage(election(kind, false))).isFalse();
    assertThat(StageProgress.meetingZh(election(kind, true), 1))
        .isEqualTo(party ? "党员大会" : kind.config().stages().firstZh());
    if (kind == ElectionKind.PARTY_BRANCH) {
      assertThat(party).isTrue();
      assertThat(StageProgress.meetingZh(election(kind, true), 2)).isEqualTo("委员会全体会议");
    } else {
      assertThat(party).isFalse();
    }
  }
}
