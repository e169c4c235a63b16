package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import xuanju.core.outcome.RoundKind;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;
import xuanju.server.voting.VotingFixture.Setup;
import xuanju.server.voting.VotingModel.Ack;
import xuanju.server.voting.VotingModel.BallotInput;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Difference;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StoredDecision;

class VotingServiceTest extends H2AppTest {
  @Autowired VotingServices voting;
  @Autowired EntryService entries;
  @Autowired ElectionService elections;
  @Autowired OrganisationService orgs;
  @Autowired UserRepository users;
  @Autowired JdbcTemplate jdbc;

  static <T> T as(String user, boolean admin, Supplier<T> body) {
    List<T> out = new ArrayList<>();
    SignIn.as(user, admin, () -> out.add(body.get()));
    return out.get(0);
  }

  static void run(String user, Runnable body) {
    SignIn.as(user, user.equals("admin"), body);
  }

  Setup setup(int members, boolean committee, int seats, int deputies) {
    return VotingFixture.create(orgs, elections, users, jdbc, members, committee, seats, deputies);
  }

  /** Opens round 1 with the first {@code candidates} members, checks in {@code present}, begins. */
  Round start(Setup s, int candidates, int present) {
    List<CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      c.add(new CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    Round r = as("admin", true, () -> voting.rounds().openFirstRound(s.electionId(), c));
    checkIn(s, 1, present);
    run(
        "admin",
        () ->
            voting
                .rounds()
                .beginVoting(s.electionId(), 1, elections.get(s.electionId()).version()));
    return r;
  }

  void checkIn(Setup s, int stage, int count) {
    run(
        s.clerk1(),
        () -> {
          var voters = voting.checkIn().voters(s.electionId(), stage);
          for (int i = 0; i < count; i++) {
            voting.checkIn().checkIn(s.electionId(), stage, voters.get(i).key());
          }
        });
  }

  static BallotInput ballot(String marks, String side) {
    return new BallotInput(
        UUID.randomUUID().toString(), null, marks, null, List.of(), false, null, null, side);
  }

  /** Marks in the round's (stroke) order from marks given per candidate name. */
  static String keys(Round r, Map<String, Character> byName) {
    StringBuilder sb = new StringBuilder();
    for (CandidateRef c : r.candidates()) {
      sb.append(byName.getOrDefault(c.name(), '0'));
    }
    return sb.toString();
  }

  /**
   * Double entry of the same ballots by both clerks, settled by the scrutineer, counts recorded.
   */
  void count(Setup s, Round r, List<String> ballots, int issued, int returned) {
    run(
        s.clerk1(),
        () -> ballots.forEach(b -> entries.submit(s.electionId(), r.number(), ballot(b, "A"))));
    run(
        s.clerk2(),
        () -> ballots.forEach(b -> entries.submit(s.electionId(), r.number(), ballot(b, "B"))));
    long stack =
        as("admin", true, () -> voting.rounds().stacks(s.electionId(), r.number())).get(0).id();
    run(s.clerk1(), () -> entries.finishEntry(s.electionId(), r.number(), stack, "A"));
    run(s.clerk2(), () -> entries.finishEntry(s.electionId(), r.number(), stack, "B"));
    int v =
        as("admin", true, () -> voting.rounds().stacks(s.electionId(), r.number()))
            .get(0)
            .version();
    run(s.scrutineer(), () -> entries.settle(s.electionId(), r.number(), stack, v));
    long box =
        as("admin", true, () -> voting.stations().stations(s.electionId()))
            .get(0)
            .boxes()
            .get(0)
            .id();
    run(
        s.clerk1(),
        () -> voting.rounds().recordBoxCount(s.electionId(), r.number(), box, issued, returned, 0));
  }

  StoredDecision decide(Setup s, int round) {
    return as(
        "admin",
        true,
        () ->
            voting
                .decisions()
                .decide(
                    s.electionId(), round, voting.rounds().round(s.electionId(), round).version()));
  }

  static List<String> repeat(String keys, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(keys);
    }
    return out;
  }

  @Test
  void votingCannotStartWithoutQuorumAndTheRuleIsNamed() {
    Setup s = setup(45, true, 5, 1);
    List<CandidateRef> c = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      c.add(new CandidateRef(s.key(i), s.names().get(i), s.memberIds().get(i)));
    }
    run("admin", () -> voting.rounds().openFirstRound(s.electionId(), c));
    checkIn(s, 1, 36); // 36 × 5 = 180, not more than 45 × 4 = 180
    assertThat(as("admin", true, () -> voting.checkIn().quorum(s.electionId(), 1)).met()).isFalse();
    assertThatThrownBy(
            () ->
                run(
                    "admin",
                    () ->
                        voting
                            .rounds()
                            .beginVoting(
                                s.electionId(), 1, elections.get(s.electionId()).version())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VOTING.START.QUORUM")
        .hasMessageContaining("PARTY.QUORUM.4_5")
        .hasMessageContaining("至少须37人");
    assertThat(as("admin", true, () -> elections.get(s.electionId())).status())
        .isEqualTo(ElectionStatus.CANDIDATES_APPROVED);
    // entry before voting begins is refused
    assertThatThrownBy(
            () -> run(s.clerk1(), () -> entries.submit(s.electionId(), 1, ballot("111110", "A"))))
        .hasMessageContaining("VOTING.NOT_STARTED");

    checkIn(s, 1, 37);
    var q =
        as(
            "admin",
            true,
            () ->
                voting
                    .rounds()
                    .beginVoting(s.electionId(), 1, elections.get(s.electionId()).version()));
    assertThat(q.met()).isTrue();
    assertThat(q.present()).isEqualTo(37);
    assertThat(as("admin", true, () -> elections.get(s.electionId())).status())
        .isEqualTo(ElectionStatus.VOTING);
    assertThat(as("admin", true, () -> voting.rounds().round(s.electionId(), 1)).present())
        .isEqualTo(37);
  }

  @Test
  void badEntriesAreRefusedAndChangeNothingWhileInvalidBallotsAreRecordedAsInvalid() {
    Setup s = setup(10, true, 2, 0);
    Round r = start(s, 3, 10);
    long e = s.electionId();
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(e, 1, ballot("1101", "A"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ENTRY.MARKS.COUNT");
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(e, 1, ballot("1x7", "A"))))
        .hasMessageContaining("ENTRY.MARK.UNKNOWN");
    BallotInput unknown =
        new BallotInput(
            UUID.randomUUID().toString(),
            null,
            null,
            Map.of("nobody", "1"),
            List.of(),
            false,
            null,
            null,
            "A");
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(e, 1, unknown)))
        .hasMessageContaining("ENTRY.CANDIDATE.UNKNOWN");
    BallotInput timeBased =
        new BallotInput(
            "0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
            null,
            "100",
            null,
            List.of(),
            false,
            null,
            null,
            "A");
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(e, 1, timeBased)))
        .hasMessageContaining("ENTRY.CLIENT_ID.INVALID");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_stack WHERE round_id = ?", Long.class, r.id()))
        .isZero();

    // more 赞成 than seats: saved, judged invalid by core
    Ack over = as(s.clerk1(), false, () -> entries.submit(e, 1, ballot("111", "A")));
    assertThat(over.verdict()).isEqualTo("INVALID");
    assertThat(over.codes()).contains("BALLOT.OVERMARKED");
    assertThat(over.position()).isEqualTo(1);
    Ack ok = as(s.clerk1(), false, () -> entries.submit(e, 1, ballot("120", "A")));
    assertThat(ok.verdict()).isEqualTo("VALID");
    assertThat(ok.position()).isEqualTo(2);

    // the same clerk may not enter B of the same stack
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(e, 1, ballot("120", "B"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ENTRY.SECOND_SAME_USER");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ballot_entry e JOIN ballot_stack s ON s.id = e.stack_id"
                    + " WHERE s.round_id = ?",
                Long.class,
                r.id()))
        .isEqualTo(1);
    // another clerk may not write into A
    assertThatThrownBy(() -> run(s.clerk2(), () -> entries.submit(e, 1, ballot("120", "A"))))
        .hasMessageContaining("ENTRY.SIDE_TAKEN");
    // a stale position is a clear conflict
    BallotInput stale =
        new BallotInput(
            UUID.randomUUID().toString(), 2, "100", null, List.of(), false, null, null, "A");
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(e, 1, stale)))
        .hasMessageContaining("ENTRY.POSITION.CONFLICT");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ballot_record", Long.class)).isPositive();
    assertThat(recordsOf(r)).isEqualTo(2);
  }

  long recordsOf(Round r) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ballot_record b JOIN ballot_entry e ON e.id = b.entry_id"
            + " JOIN ballot_stack s ON s.id = e.stack_id WHERE s.round_id = ?",
        Long.class,
        r.id());
  }

  @Test
  void resubmittingTheSameClientIdDoesNotCountTwice() {
    Setup s = setup(8, true, 2, 0);
    Round r = start(s, 3, 8);
    BallotInput b = ballot("120", "A");
    Ack first = as(s.clerk1(), false, () -> entries.submit(s.electionId(), 1, b));
    Ack again = as(s.clerk1(), false, () -> entries.submit(s.electionId(), 1, b));
    assertThat(first.duplicate()).isFalse();
    assertThat(again.duplicate()).isTrue();
    assertThat(again.position()).isEqualTo(first.position());
    assertThat(recordsOf(r)).isEqualTo(1);
    BallotInput changed =
        new BallotInput(b.clientId(), null, "210", null, List.of(), false, null, null, "A");
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(s.electionId(), 1, changed)))
        .hasMessageContaining("ENTRY.CLIENT_ID.INVALID");
    assertThat(recordsOf(r)).isEqualTo(1);
  }

  static final long SEED = 20261220L;

  @Test
  void doubleEntryFindsPlantedDifferencesAndTheScrutineersRulingIsCounted_seed20261220() {
    Setup s = setup(20, true, 2, 0);
    Round r = start(s, 3, 20);
    long e = s.electionId();
    Random rnd = new Random(SEED);
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      char[] k = new char[3];
      int yes = 0;
      for (int c = 0; c < 3; c++) {
        int m = rnd.nextInt(3);
        if (m == 1 && yes >= 2) {
          m = 2;
        }
        yes += m == 1 ? 1 : 0;
        k[c] = (char) ('0' + m);
      }
      truth.add(new String(k));
    }
    List<String> b = new ArrayList<>(truth);
    int p1 = 1 + rnd.nextInt(9);
    int p2 = 11 + rnd.nextInt(9);
    b.set(p1 - 1, flip(truth.get(p1 - 1)));
    b.set(p2 - 1, flip(truth.get(p2 - 1)));
    run(s.clerk1(), () -> truth.forEach(k -> entries.submit(e, 1, ballot(k, "A"))));
    run(s.clerk2(), () -> b.forEach(k -> entries.submit(e, 1, ballot(k, "B"))));
    long stack = as("admin", true, () -> voting.rounds().stacks(e, 1)).get(0).id();
    run(s.clerk1(), () -> entries.finishEntry(e, 1, stack, "A"));
    run(s.clerk2(), () -> entries.finishEntry(e, 1, stack, "B"));

    List<Difference> d = as(s.scrutineer(), false, () -> entries.differences(e, 1, stack));
    assertThat(d).extracting(Difference::position).containsExactly(p1, p2);
    assertThat(d).extracting(Difference::kind).containsOnly("MISMATCH");

    int v0 = as("admin", true, () -> voting.rounds().stacks(e, 1)).get(0).version();
    assertThatThrownBy(() -> run(s.scrutineer(), () -> entries.settle(e, 1, stack, v0)))
        .hasMessageContaining("ENTRY.SCRUTINEER.REQUIRED");
    assertThatThrownBy(
            () ->
                run(
                    s.clerk1(),
                    () ->
                        entries.rule(
                            e, 1, stack, p1, false, truth.get(p1 - 1), List.of(), false, "看错")))
        .isInstanceOf(AccessDeniedException.class);
    // the scrutineer reads position p1 as entry B did (a real ruling that changes the count)
    String ruled = b.get(p1 - 1);
    run(
        s.scrutineer(),
        () -> entries.rule(e, 1, stack, p1, false, ruled, List.of(), false, "原票符号为录入B所读"));
    run(
        s.scrutineer(),
        () -> entries.rule(e, 1, stack, p2, false, truth.get(p2 - 1), List.of(), false, "录入B看错"));
    int v1 = as("admin", true, () -> voting.rounds().stacks(e, 1)).get(0).version();
    run(s.scrutineer(), () -> entries.settle(e, 1, stack, v1));
    long box = as("admin", true, () -> voting.stations().stations(e)).get(0).boxes().get(0).id();
    run(s.clerk1(), () -> voting.rounds().recordBoxCount(e, 1, box, 20, 20, 0));

    List<String> counted = new ArrayList<>(truth);
    counted.set(p1 - 1, ruled);
    long[] yes = new long[3];
    for (String k : counted) {
      for (int c = 0; c < 3; c++) {
        yes[c] += k.charAt(c) == '1' ? 1 : 0;
      }
    }
    StoredDecision sd = decide(s, 1);
    for (int c = 0; c < 3; c++) {
      String id = r.candidates().get(c).id();
      assertThat(
              sd.ranking().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().yes())
          .as("赞成票 of " + r.candidates().get(c).name())
          .isEqualTo(yes[c]);
    }
    assertThat(sd.returned()).isEqualTo(20);
  }

  static String flip(String k) {
    char c = k.charAt(0);
    char n = c == '1' ? '2' : c == '2' ? '0' : '2';
    return n + k.substring(1);
  }

  @Test
  void moreReturnedThanIssuedVoidsTheRoundAndItIsHeldAgain() {
    Setup s = setup(10, true, 2, 0);
    Round r = start(s, 3, 10);
    count(s, r, repeat("110", 10), 9, 10);
    StoredDecision sd = decide(s, 1);
    assertThat(sd.outcomes()).extracting(VotingModel.OutcomeDto::type).containsExactly("RoundVoid");
    assertThat(sd.trail())
        .anyMatch(t -> t.code().equals("ROUND.BALLOTS.RETURNED_LE_ISSUED") && !t.passed());
    Round again = as("admin", true, () -> voting.decisions().openNextRound(s.electionId(), 1, 0));
    assertThat(again.number()).isEqualTo(2);
    assertThat(again.kind()).isEqualTo(RoundKind.FIRST);
    assertThat(again.candidates()).isEqualTo(r.candidates());
    assertThat(again.code()).isNotEqualTo(r.code());
    // a decided round takes no more ballots
    assertThatThrownBy(
            () -> run(s.clerk2(), () -> entries.submit(s.electionId(), 1, ballot("110", "B"))))
        .hasMessageContaining("VOTING.ROUND.CLOSED");
  }

  @Test
  void aTieForTheLastSeatGivesAReVoteAmongTheTiedOnly() {
    Setup s = setup(10, true, 2, 0);
    Round r = start(s, 3, 10);
    String a = r.candidates().get(0).name();
    String b = r.candidates().get(1).name();
    String c = r.candidates().get(2).name();
    List<String> ballots = new ArrayList<>();
    ballots.addAll(repeat(keys(r, Map.of(a, '1', b, '1', c, '2')), 4));
    ballots.addAll(repeat(keys(r, Map.of(a, '1', b, '2', c, '1')), 4));
    ballots.addAll(repeat(keys(r, Map.of(a, '2', b, '1', c, '1')), 2));
    // a 8, b 6, c 6: b and c pass (> 5) and tie for the second seat
    count(s, r, ballots, 10, 10);
    StoredDecision sd = decide(s, 1);
    var types = sd.outcomes().stream().map(VotingModel.OutcomeDto::type).toList();
    assertThat(types).containsExactly("Elected", "TieRevoteNeeded");
    var tie =
        sd.outcomes().stream()
            .filter(o -> o.type().equals("TieRevoteNeeded"))
            .findFirst()
            .orElseThrow();
    int idx = sd.outcomes().indexOf(tie);
    Round revote =
        as("admin", true, () -> voting.decisions().openNextRound(s.electionId(), 1, idx));
    assertThat(revote.kind()).isEqualTo(RoundKind.TIE_REVOTE);
    assertThat(revote.seats()).isEqualTo(tie.seats());
    assertThat(revote.candidates())
        .extracting(CandidateRef::id)
        .containsExactlyInAnyOrderElementsOf(tie.ids());
    assertThat(revote.candidates()).extracting(CandidateRef::name).containsExactlyInAnyOrder(b, c);
    assertThat(
            as("admin", true, () -> voting.rounds().layout(s.electionId(), revote.number()))
                .writeInRows())
        .isZero();
    assertThat(revote.candidates()).hasSizeLessThan(r.candidates().size());
    assertThatThrownBy(
            () -> run("admin", () -> voting.decisions().openNextRound(s.electionId(), 1, idx)))
        .hasMessageContaining("已经建立");
  }

  @Test
  void aShortfallGivesAFurtherRoundOrReducedSeatsWithConsent() {
    Setup s = setup(10, false, 2, 0);
    Round r = start(s, 3, 10);
    String a = r.candidates().get(0).name();
    String b = r.candidates().get(1).name();
    String c = r.candidates().get(2).name();
    List<String> ballots = new ArrayList<>();
    ballots.addAll(repeat(keys(r, Map.of(a, '1', b, '1', c, '2')), 3));
    ballots.addAll(repeat(keys(r, Map.of(a, '1', b, '2', c, '1')), 3));
    ballots.addAll(repeat(keys(r, Map.of(a, '1', b, '2', c, '2')), 4));
    count(s, r, ballots, 10, 10); // a 10, b 3, c 3: one seat short
    StoredDecision sd = decide(s, 1);
    assertThat(sd.outcomes())
        .extracting(VotingModel.OutcomeDto::type)
        .containsExactly("Elected", "FurtherRoundNeeded");
    assertThat(sd.trail()).anyMatch(t -> t.code().equals("COUNT.SHORTFALL.FURTHER_ROUND"));
    Round further = as("admin", true, () -> voting.decisions().openNextRound(s.electionId(), 1, 1));
    assertThat(further.kind()).isEqualTo(RoundKind.FURTHER);
    assertThat(further.furtherRound()).isEqualTo(1);
    assertThat(further.seats()).isEqualTo(1);
    assertThat(further.candidates()).extracting(CandidateRef::name).containsExactlyInAnyOrder(b, c);
    // the further round elects b
    List<String> fb = new ArrayList<>();
    fb.addAll(repeat(keys(further, Map.of(b, '1', c, '2')), 7));
    fb.addAll(repeat(keys(further, Map.of(b, '2', c, '1')), 3));
    count(s, further, fb, 10, 10);
    StoredDecision sd2 = decide(s, further.number());
    assertThat(sd2.outcomes().get(0).type()).isEqualTo("Elected");
    // without a committee the members' meeting elects the secretary: stage 1 complete → ready
    assertThat(as("admin", true, () -> voting.progress().readyForResults(s.electionId()))).isTrue();
    assertThatThrownBy(
            () ->
                run(
                    "admin",
                    () ->
                        voting
                            .secondStage()
                            .openSecondStage(s.electionId(), List.of(a), List.of())))
        .hasMessageContaining("VOTING.SECOND_STAGE.NO_COMMITTEE");

    // another election: reduce the seats instead, with consent of more than half
    Setup t = setup(10, true, 2, 0);
    Round rt = start(t, 3, 10);
    String ta = rt.candidates().get(0).name();
    count(t, rt, repeat(keys(rt, Map.of(ta, '1')), 10), 10, 10);
    decide(t, 1);
    assertThatThrownBy(
            () ->
                run(
                    "admin",
                    () -> voting.decisions().reduceSeats(t.electionId(), 1, 5, 10, "会议记录")))
        .hasMessageContaining("PARTY.SHORTFALL.REDUCE_SEATS");
    StoredDecision reduced =
        as(
            "admin",
            true,
            () -> voting.decisions().reduceSeats(t.electionId(), 1, 6, 10, "会议记录第2页"));
    assertThat(reduced.outcomes())
        .extracting(VotingModel.OutcomeDto::type)
        .containsExactly("Elected", "SeatsReduced");
    assertThat(
            as("admin", true, () -> voting.progress().summaries(t.electionId())).get(0).complete())
        .isTrue();
  }

  @Test
  void theSecondStageElectsSecretaryAndDeputyOnlyAfterTheFirstIsDecided() {
    Setup s = setup(12, true, 3, 1);
    Round r = start(s, 4, 12);
    long e = s.electionId();
    assertThatThrownBy(
            () ->
                run(
                    "admin",
                    () -> voting.secondStage().openSecondStage(e, List.of("x"), List.of("y"))))
        .hasMessageContaining("VOTING.SECOND_STAGE.FIRST_UNDECIDED");
    List<String> names = r.candidates().stream().map(CandidateRef::name).toList();
    // first three elected
    count(s, r, repeat("1110", 12), 12, 12);
    decide(s, 1);
    List<String> committee = as("admin", true, () -> voting.progress().committeeMembers(e));
    assertThat(committee).containsExactlyInAnyOrderElementsOf(names.subList(0, 3));
    assertThatThrownBy(
            () ->
                run(
                    "admin",
                    () ->
                        voting
                            .secondStage()
                            .openSecondStage(e, List.of(names.get(3)), List.of(names.get(0)))))
        .hasMessageContaining("VOTING.OFFICERS.NOT_MEMBER");
    List<Round> stage2 =
        as(
            "admin",
            true,
            () ->
                voting
                    .secondStage()
                    .openSecondStage(e, List.of(names.get(0)), List.of(names.get(1))));
    assertThat(stage2)
        .extracting(Round::post)
        .containsExactly(VotingModel.Post.SECRETARY, VotingModel.Post.DEPUTY);
    assertThat(as("admin", true, () -> voting.checkIn().voters(e, 2))).hasSize(3);
    // plenum quorum: 2 of 3 is not more than 4/5
    checkIn(s, 2, 2);
    assertThatThrownBy(() -> run("admin", () -> voting.rounds().beginVoting(e, 2, 0)))
        .hasMessageContaining("PARTY.QUORUM.PLENUM");
    checkIn(s, 2, 3);
    run("admin", () -> voting.rounds().beginVoting(e, 2, 0));
    for (Round x : stage2) {
      count(s, x, repeat("1", 3), 3, 3);
      decide(s, x.number());
    }
    assertThat(as("admin", true, () -> voting.progress().readyForResults(e))).isTrue();
    assertThat(as("admin", true, () -> elections.get(e)).status()).isEqualTo(ElectionStatus.VOTING);
    run("admin", () -> voting.secondStage().recordPortfolio(e, names.get(2), "组织委员"));
    assertThat(as("admin", true, () -> voting.secondStage().portfolios(e)))
        .containsEntry(names.get(2), "组织委员");
    assertThatThrownBy(
            () -> run("admin", () -> voting.secondStage().recordPortfolio(e, names.get(3), "宣传委员")))
        .hasMessageContaining("VOTING.PORTFOLIO.NOT_MEMBER");
  }

  @Test
  void aggregateCountsAreTheFallbackAndAreChecked() {
    Setup s = setup(10, true, 2, 0);
    Round r = start(s, 3, 10);
    long e = s.electionId();
    long box = as("admin", true, () -> voting.stations().stations(e)).get(0).boxes().get(0).id();
    Map<String, xuanju.core.tally.CandidateCount> bad =
        Map.of(
            r.candidates().get(0).id(), new xuanju.core.tally.CandidateCount(9, 0, 0),
            r.candidates().get(1).id(), new xuanju.core.tally.CandidateCount(8, 1, 0),
            r.candidates().get(2).id(), new xuanju.core.tally.CandidateCount(1, 8, 0));
    assertThatThrownBy(
            () -> run(s.clerk1(), () -> entries.aggregate(e, 1, box, 10, 0, bad, Map.of())))
        .hasMessageContaining("TALLY.SUM.CANDIDATE");
    Map<String, xuanju.core.tally.CandidateCount> good =
        Map.of(
            r.candidates().get(0).id(), new xuanju.core.tally.CandidateCount(9, 1, 0),
            r.candidates().get(1).id(), new xuanju.core.tally.CandidateCount(8, 1, 1),
            r.candidates().get(2).id(), new xuanju.core.tally.CandidateCount(1, 8, 1));
    run(s.clerk1(), () -> entries.aggregate(e, 1, box, 10, 0, good, Map.of()));
    assertThatThrownBy(() -> run(s.clerk1(), () -> entries.submit(e, 1, ballot("110", "A"))))
        .hasMessageContaining("VOTING.COUNT.MIXED_BOX");
    // counted once a second clerk has entered the same sheet
    run(s.clerk2(), () -> entries.aggregate(e, 1, box, 10, 0, good, Map.of()));
    run(s.clerk1(), () -> voting.rounds().recordBoxCount(e, 1, box, 10, 10, 0));
    StoredDecision sd = decide(s, 1);
    assertThat(sd.outcomes().get(0).type()).isEqualTo("Elected");
    assertThat(sd.outcomes().get(0).ids()).hasSize(2);
  }

  @Test
  void mobileBoxesNeedTwoStaffAndAreNotUsedInPartyElections() {
    Setup s = setup(5, true, 2, 0);
    long station = as("admin", true, () -> voting.stations().addStation(s.electionId(), "第二投票站"));
    assertThatThrownBy(
            () ->
                run(
                    "admin",
                    () ->
                        voting
                            .stations()
                            .addBox(s.electionId(), station, "流动1", true, List.of("甲", "乙"))))
        .hasMessageContaining("VOTING.BOX.MOBILE_PARTY");
    long box =
        as(
            "admin",
            true,
            () -> voting.stations().addBox(s.electionId(), station, "第二票箱", false, List.of()));
    assertThatThrownBy(
            () -> run(s.clerk1(), () -> voting.stations().openBox(s.electionId(), box, 0)))
        .hasMessageContaining("VOTING.BOX.SEAL_ORDER");
    run(s.clerk1(), () -> voting.stations().sealBox(s.electionId(), box, "FT-0001", 0));
    run(s.clerk1(), () -> voting.stations().openBox(s.electionId(), box, 1));
    assertThat(as("admin", true, () -> voting.stations().stations(s.electionId())))
        .flatExtracting(VotingModel.Station::boxes)
        .anyMatch(b -> b.id() == box && b.openedAt() != null && b.sealNumber().equals("FT-0001"));
  }
}
