package xuanju.server.voting;

import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;

/**
 * For tests outside this package: a begun vote with one stack entered twice and settled, and a
 * second stack whose entry A is still open (test set-up).
 */
public final class SettledStackFixture {
  /** The ids of what was made. */
  public record Made(
      long electionId, long settledStack, long entryA, long entryB, long openEntry, int ballots) {}

  private SettledStackFixture() {}

  /** Makes it in the running application {@code ctx}. */
  public static Made make(ApplicationContext ctx, List<String> ballots) {
    VotingServices voting = ctx.getBean(VotingServices.class);
    EntryService entries = ctx.getBean(EntryService.class);
    JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
    VotingFixture.Setup s =
        VotingFixture.begun(
            ctx.getBean(OrganisationService.class),
            ctx.getBean(ElectionService.class),
            ctx.getBean(UserRepository.class),
            jdbc,
            voting);
    long e = s.electionId();
    VotingServiceTest.run(
        s.clerk1(),
        () -> ballots.forEach(b -> entries.submit(e, 1, VotingServiceTest.ballot(b, "A"))));
    VotingServiceTest.run(
        s.clerk2(),
        () -> ballots.forEach(b -> entries.submit(e, 1, VotingServiceTest.ballot(b, "B"))));
    long stack =
        VotingServiceTest.as("admin", true, () -> voting.rounds().stacks(e, 1)).get(0).id();
    VotingServiceTest.run(s.clerk1(), () -> entries.finishEntry(e, 1, stack, "A"));
    VotingServiceTest.run(s.clerk2(), () -> entries.finishEntry(e, 1, stack, "B"));
    int v =
        VotingServiceTest.as("admin", true, () -> voting.rounds().stacks(e, 1)).get(0).version();
    VotingServiceTest.run(s.scrutineer(), () -> entries.settle(e, 1, stack, v));
    // a second stack, entry A open
    VotingServiceTest.run(
        s.clerk1(),
        () -> {
          for (String b : ballots) {
            VotingModel.BallotInput in = VotingServiceTest.ballot(b, "A");
            entries.submit(
                e,
                1,
                new VotingModel.BallotInput(
                    in.clientId(),
                    in.position(),
                    in.marks(),
                    in.marksById(),
                    in.writeIns(),
                    in.identifyingMarks(),
                    in.boxId(),
                    "2",
                    in.entry()));
          }
        });
    long a = entry(jdbc, stack, "A");
    long b = entry(jdbc, stack, "B");
    long open =
        jdbc.queryForObject(
            "SELECT e.id FROM ballot_entry e JOIN ballot_stack k ON k.id = e.stack_id"
                + " JOIN voting_round v ON v.id = k.round_id WHERE v.election_id = ? AND k.label = '2'",
            Long.class,
            e);
    return new Made(e, stack, a, b, open, ballots.size());
  }

  private static long entry(JdbcTemplate jdbc, long stack, String side) {
    return jdbc.queryForObject(
        "SELECT id FROM ballot_entry WHERE stack_id = ? AND side = ?", Long.class, stack, side);
  }
}
