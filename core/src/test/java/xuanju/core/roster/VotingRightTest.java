package xuanju.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Step;

/**
 * Who has a vote (PARTY.VOTE.*): 中国共产党基层组织选举工作条例 (2020) 第五条 — only 正式党员 have 表决权、选举权和被选举权; none
 * while under 留党察看; suspended while 留置 or 逮捕 (legal notes A1.3, A1.5).
 */
class VotingRightTest {

  @ParameterizedTest(name = "{0} {1} → {2} {3}")
  @CsvSource({
    "FULL, NORMAL, true, PARTY.VOTE.FULL_MEMBER",
    "PROBATIONARY, NORMAL, false, PARTY.VOTE.PROBATIONARY",
    "FULL, DISCIPLINE_PROBATION, false, PARTY.VOTE.DISCIPLINE_PROBATION",
    "FULL, DETAINED, false, PARTY.VOTE.DETAINED",
    "FULL, ARRESTED, false, PARTY.VOTE.ARRESTED",
    "FULL, MEMBERSHIP_STOPPED, false, PARTY.VOTE.MEMBERSHIP_STOPPED",
    "FULL, LEFT, false, PARTY.VOTE.NOT_MEMBER",
    "PROBATIONARY, ARRESTED, false, PARTY.VOTE.ARRESTED"
  })
  void decidesWithTheRuleCode(
      Membership membership, MemberStatus status, boolean hasVote, String code) {
    Decision<VotingRight> d = Roster.votingRight(membership, status);
    assertThat(d.outcome().hasVote()).isEqualTo(hasVote);
    assertThat(d.outcome().code()).isEqualTo(code);
    assertThat(d.codes()).last().isEqualTo(code);
    assertThat(d.outcome().reasonZh()).isNotBlank();
  }

  /** Only the combination 正式党员 + 正常 votes: checked over every pair. */
  @Test
  void onlyANormalFullMemberVotes() {
    for (Membership m : Membership.values()) {
      for (MemberStatus s : MemberStatus.values()) {
        boolean expected = m == Membership.FULL && s == MemberStatus.NORMAL;
        assertThat(Roster.votingRight(m, s).outcome().hasVote())
            .as("%s %s", m, s)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void trailShowsStandingThenMembership() {
    Decision<VotingRight> d = Roster.votingRight(Membership.PROBATIONARY, MemberStatus.NORMAL);
    assertThat(d.codes()).containsExactly("PARTY.VOTE.RIGHTS_NORMAL", "PARTY.VOTE.PROBATIONARY");
    assertThat(d.trail()).extracting(Step::passed).containsExactly(true, false);
    assertThat(d.trail().get(1).explanationZh()).startsWith("党员类别为“预备党员”");
    assertThat(d.trail().get(1).rule().citation().article()).isEqualTo("第五条");
  }
}
