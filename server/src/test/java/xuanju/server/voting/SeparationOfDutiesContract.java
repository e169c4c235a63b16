package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.tally.CandidateCount;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.voting.VotingFixture.Setup;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.Stack;

/**
 * Separation of duties at the count (计票分工), on H2 and on PostgreSQL: the two entries of a stack by
 * two different people, neither of whom may rule on it or settle it; an unfinished side released
 * (audited) and taken by another clerk, who goes on from the next position with nothing lost; the
 * aggregate tally sheet counted only after a second person entered the same numbers.
 */
interface SeparationOfDutiesContract {
  VotingServices voting();

  EntryService entries();

  ElectionService elections();

  OrganisationService orgs();

  UserRepository users();

  JdbcTemplate jdbc();

  private Setup setup() {
    return VotingFixture.create(orgs(), elections(), users(), jdbc(), 10, true, 2, 0);
  }

  private Round start(Setup s, int candidates, int present) {
    List<CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      c.add(new CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    Round r =
        VotingServiceTest.as(
            "admin", true, () -> voting().rounds().openFirstRound(s.electionId(), c));
    VotingServiceTest.run(
        s.clerk1(),
        () -> {
          var voters = voting().checkIn().voters(s.electionId(), 1);
          for (int i = 0; i < present; i++) {
            voting().checkIn().checkIn(s.electionId(), 1, voters.get(i).key());
          }
        });
    VotingServiceTest.run(
        "admin",
        () ->
            voting()
                .rounds()
                .beginVoting(s.electionId(), 1, elections().get(s.electionId()).version()));
    return r;
  }

  private Stack stack(Setup s) {
    return VotingServiceTest.as("admin", true, () -> voting().rounds().stacks(s.electionId(), 1))
        .get(0);
  }

  private long audits(String action) {
    return jdbc()
        .queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ?", Long.class, action);
  }

  @Test
  default void theScrutineerWhoEnteredAStackMayNeitherEnterItAgainNorJudgeIt() {
    Setup s = setup();
    start(s, 3, 9);
    long e = s.electionId();
    // the scrutineer enters side A (a scrutineer may count), a clerk side B with one difference
    VotingServiceTest.run(
        s.scrutineer(),
        () ->
            List.of("110", "120", "100")
                .forEach(k -> entries().submit(e, 1, VotingServiceTest.ballot(k, "A"))));
    Stack st = stack(s);
    long box = st.boxId();
    assertThat(
            VotingServiceTest.as(
                s.scrutineer(), false, () -> entries().entryRefusal(e, 1, box, "1", "B")))
        .get()
        .asString()
        .contains("须由另一名计票人独立完成");
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    s.scrutineer(),
                    () -> entries().submit(e, 1, VotingServiceTest.ballot("110", "B"))))
        .hasMessageContaining("ENTRY.SECOND_SAME_USER");
    assertThat(
            VotingServiceTest.as(
                s.clerk2(), false, () -> entries().entryRefusal(e, 1, box, "1", "B")))
        .isEmpty();
    VotingServiceTest.run(
        s.clerk2(),
        () ->
            List.of("110", "210", "100")
                .forEach(k -> entries().submit(e, 1, VotingServiceTest.ballot(k, "B"))));
    long id = st.id();
    VotingServiceTest.run(s.scrutineer(), () -> entries().finishEntry(e, 1, id, "A"));
    VotingServiceTest.run(s.clerk2(), () -> entries().finishEntry(e, 1, id, "B"));

    // neither entrant may rule or settle; nothing is recorded
    assertThat(VotingServiceTest.as(s.scrutineer(), false, () -> entries().isEntrant(stack(s))))
        .isTrue();
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    s.scrutineer(),
                    () -> entries().rule(e, 1, id, 2, false, "120", List.of(), false, "核对原票")))
        .hasMessageContaining("ENTRY.JUDGE.OWN_STACK");
    int v = stack(s).version();
    assertThatThrownBy(
            () -> VotingServiceTest.run(s.scrutineer(), () -> entries().settle(e, 1, id, v)))
        .hasMessageContaining("ENTRY.JUDGE.OWN_STACK");
    assertThat(
            jdbc()
                .queryForObject(
                    "SELECT COUNT(*) FROM ballot_ruling WHERE stack_id = ?", Long.class, id))
        .isZero();
    assertThat(stack(s).settled()).isFalse();

    // another scrutineer (the administrator has every permission and entered nothing) rules
    VotingServiceTest.run(
        "admin", () -> entries().rule(e, 1, id, 2, false, "120", List.of(), false, "核对原票，为不赞成"));
    int v2 = stack(s).version();
    VotingServiceTest.run("admin", () -> entries().settle(e, 1, id, v2));
    assertThat(stack(s).settled()).isTrue();
  }

  @Test
  default void aReleasedSideIsTakenByAnotherClerkWhoGoesOnWithNothingLost() {
    Setup s = setup();
    start(s, 3, 9);
    long e = s.electionId();
    Random rnd = new Random(20261205L);
    List<String> ballots = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < 3; c++) {
        b.append("012".charAt(rnd.nextInt(3)));
      }
      ballots.add(b.toString());
    }
    // clerk 1 enters side A up to the 4th ballot and is called away
    VotingServiceTest.run(
        s.clerk1(),
        () ->
            ballots
                .subList(0, 4)
                .forEach(k -> entries().submit(e, 1, VotingServiceTest.ballot(k, "A"))));
    long id = stack(s).id();
    long released = audits("BALLOT_ENTRY_RELEASED");
    // not by someone else without MANAGE, not without a reason
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    s.clerk2(), () -> entries().releaseEntry(e, 1, id, "A", "换人")))
        .hasMessageContaining("ENTRY.RELEASE");
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(s.clerk1(), () -> entries().releaseEntry(e, 1, id, "A", " ")))
        .hasMessageContaining("ENTRY.RELEASE");
    VotingServiceTest.run(s.clerk1(), () -> entries().releaseEntry(e, 1, id, "A", "计票人临时离开"));
    assertThat(audits("BALLOT_ENTRY_RELEASED")).isEqualTo(released + 1);
    assertThat(stack(s).a().clerk()).isEmpty();
    assertThat(stack(s).a().ballots()).isEqualTo(4);

    // clerk 2 takes it and goes on from the 5th; then clerk 1 may do side B
    var ack =
        VotingServiceTest.as(
            s.clerk2(),
            false,
            () -> entries().submit(e, 1, VotingServiceTest.ballot(ballots.get(4), "A")));
    assertThat(ack.position()).isEqualTo(5);
    assertThat(audits("BALLOT_ENTRY_TAKEN")).isPositive();
    VotingServiceTest.run(
        s.clerk2(),
        () ->
            ballots
                .subList(5, 9)
                .forEach(k -> entries().submit(e, 1, VotingServiceTest.ballot(k, "A"))));
    // the first clerk's device can no longer add to side A
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    s.clerk1(), () -> entries().submit(e, 1, VotingServiceTest.ballot("000", "A"))))
        .hasMessageContaining("ENTRY.SIDE_TAKEN");
    VotingServiceTest.run(s.clerk2(), () -> entries().finishEntry(e, 1, id, "A"));
    VotingServiceTest.run(
        s.clerk1(),
        () -> ballots.forEach(k -> entries().submit(e, 1, VotingServiceTest.ballot(k, "B"))));
    VotingServiceTest.run(s.clerk1(), () -> entries().finishEntry(e, 1, id, "B"));
    assertThat(stack(s).a().ballots()).isEqualTo(9);
    assertThat(VotingServiceTest.as("admin", true, () -> entries().differences(e, 1, id)))
        .isEmpty();
    int v = stack(s).version();
    VotingServiceTest.run(s.scrutineer(), () -> entries().settle(e, 1, id, v));
    // the count is the 9 ballots exactly
    var tally =
        VotingServiceTest.as("admin", true, () -> voting().rounds().liveTally(e, 1)).tally();
    assertThat(tally.validBallots() + tally.invalidBallots()).isEqualTo(9);
    // 2 seats: a ballot with more than 2 赞成 is invalid and counts for nobody
    long yesFirst =
        ballots.stream()
            .filter(b -> b.charAt(0) == '1' && b.chars().filter(ch -> ch == '1').count() <= 2)
            .count();
    assertThat(tally.printed().values().iterator().next().yes()).isEqualTo(yesFirst);
  }

  @Test
  default void anAggregateSheetCountsOnlyWhenASecondPersonEntersTheSameNumbers() {
    Setup s = setup();
    Round r = start(s, 3, 10);
    long e = s.electionId();
    long box =
        VotingServiceTest.as("admin", true, () -> voting().stations().stations(e))
            .get(0)
            .boxes()
            .get(0)
            .id();
    Map<String, CandidateCount> good =
        Map.of(
            r.candidates().get(0).id(), new CandidateCount(9, 1, 0),
            r.candidates().get(1).id(), new CandidateCount(8, 1, 1),
            r.candidates().get(2).id(), new CandidateCount(1, 8, 1));
    Map<String, CandidateCount> typo =
        Map.of(
            r.candidates().get(0).id(), new CandidateCount(9, 1, 0),
            r.candidates().get(1).id(), new CandidateCount(7, 2, 1),
            r.candidates().get(2).id(), new CandidateCount(1, 8, 1));
    String first =
        VotingServiceTest.as(
            s.clerk1(), false, () -> entries().aggregate(e, 1, box, 10, 0, good, Map.of()));
    assertThat(first).contains("须由另一名计票人再录入一遍");
    var live = VotingServiceTest.as("admin", true, () -> voting().rounds().liveTally(e, 1));
    assertThat(live.tally().validBallots()).isZero();
    assertThat(live.openStacks()).isEqualTo(1);
    assertThat(live.unsettledZh().get(0)).contains("汇总表");
    // the same person again replaces their own unconfirmed entry, and still does not count
    VotingServiceTest.run(s.clerk1(), () -> entries().aggregate(e, 1, box, 10, 0, good, Map.of()));
    assertThat(
            VotingServiceTest.as("admin", true, () -> voting().rounds().liveTally(e, 1))
                .tally()
                .validBallots())
        .isZero();
    // a second person with a typo: refused, the difference named, nothing changed
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    s.clerk2(), () -> entries().aggregate(e, 1, box, 10, 0, typo, Map.of())))
        .hasMessageContaining("VOTING.AGGREGATE.SECOND_PERSON")
        .hasMessageContaining(r.candidates().get(1).name() + " 8/1/1 ≠ 7/2/1");
    assertThat(
            VotingServiceTest.as("admin", true, () -> voting().rounds().liveTally(e, 1))
                .tally()
                .validBallots())
        .isZero();
    // the second person with the same numbers: counted
    String second =
        VotingServiceTest.as(
            s.clerk2(), false, () -> entries().aggregate(e, 1, box, 10, 0, good, Map.of()));
    assertThat(second).contains("两遍录入一致");
    var counted = VotingServiceTest.as("admin", true, () -> voting().rounds().liveTally(e, 1));
    assertThat(counted.tally().validBallots()).isEqualTo(10);
    assertThat(counted.openStacks()).isZero();
    assertThatThrownBy(
            () ->
                VotingServiceTest.run(
                    s.clerk1(), () -> entries().aggregate(e, 1, box, 10, 0, good, Map.of())))
        .hasMessageContaining("VOTING.AGGREGATE.SECOND_PERSON");
  }
}
