package xuanju.server.community;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CarryDown;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ElectorateMode;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The results of a residents' committee election (居民委员会选举结果) read from what election day stored:
 * per decided vote the turnout base, the ballots issued and returned (sum of the boxes) and per
 * post the valid and invalid ballots (sum of the tally sheets); each elected member with the post
 * and the votes counted for that post (the decision's own counting, carry-down included). Nothing
 * is retyped: the 公告, the 当选证书, the 报告单 and the archive print these numbers.
 */
@Service
public class CommunityResultsService {
  private final CommunityContext ctx;
  private final CommunityVotingRepository repo;
  private final ElectionMethodService methods;

  CommunityResultsService(
      CommunityContext ctx, CommunityVotingRepository repo, ElectionMethodService methods) {
    this.ctx = ctx;
    this.repo = repo;
    this.methods = methods;
  }

  /**
   * An elected member (当选人): person id null for a write-in neither matched to an applicant nor
   * identified yet ({@link WriteInIdentityService}).
   */
  public record Member(
      CommitteePost post, String key, Long personId, Long applicationId, String name, long votes) {}

  /** One post's ballots on one vote. */
  public record PostNumbers(CommitteePost post, String labelZh, long valid, long invalid) {}

  /**
   * The numbers of one decided vote (一次投票).
   *
   * @param mode the electorate the base counts (voters, households or group representatives)
   * @param base what the turnout was measured against (登记选民数, 户数 or 居民小组代表数)
   */
  public record VoteNumbers(
      int number,
      String titleZh,
      ElectorateMode mode,
      long base,
      long issued,
      long returned,
      List<PostNumbers> posts,
      List<String> outcomes) {
    /** The base in words: 登记选民N人, 登记户数N户 or 居民小组代表N人. */
    public String baseZh() {
      return switch (mode) {
        case ALL_VOTERS -> "登记选民" + base + "人";
        case HOUSEHOLD_REPRESENTATIVES -> "登记户数" + base + "户";
        case GROUP_REPRESENTATIVES -> "居民小组代表" + base + "人";
      };
    }

    /** 参选率 (returned ÷ base) in per cent with two decimals, e.g. {@code 85.00%}. */
    public String turnoutZh() {
      return base == 0
          ? "—"
          : java.math.BigDecimal.valueOf(returned * 100L)
                  .divide(java.math.BigDecimal.valueOf(base), 2, java.math.RoundingMode.HALF_UP)
              + "%";
    }
  }

  /** The results: final once the last vote is decided and none failed its turnout. */
  public record Results(
      Election election, boolean complete, List<Member> members, List<VoteNumbers> votes) {
    /** Members of the committee: person id → name (write-ins without a person are left out). */
    public Map<Long, String> byPerson() {
      Map<Long, String> out = new LinkedHashMap<>();
      members.stream()
          .filter(m -> m.personId() != null)
          .forEach(m -> out.put(m.personId(), m.name()));
      return out;
    }

    public List<Member> of(CommitteePost p) {
      return members.stream().filter(m -> m.post() == p).toList();
    }
  }

  @Transactional(readOnly = true)
  public Results results(long electionId) {
    return results(ctx.election(electionId, Permission.VIEW));
  }

  /** The results, or 409 with the reason when election day has not ended. */
  @Transactional(readOnly = true)
  public Results complete(long electionId) {
    Results r = results(electionId);
    if (!r.complete()) {
      throw new IllegalStateException("居民委员会选举结果尚未确定（投票尚未结束或尚未确定结果），不能生成结果文书");
    }
    return r;
  }

  Results results(Election e) {
    List<CommunityVote> votes = repo.votes(e.id());
    Map<String, String> names = CommunityBallotService.names(ctx, e.id());
    Map<String, Long> persons = new LinkedHashMap<>();
    Map<String, Long> byName = new LinkedHashMap<>();
    ctx.applications
        .applications(e.id())
        .forEach(
            a -> {
              persons.put(String.valueOf(a.id()), a.personId());
              byName.putIfAbsent(a.name(), a.personId());
            });
    Map<String, Long> identified = repo.electedPersons(e.id());
    CarryDown carry =
        methods.adoptedSettings(e).map(s -> s.carryDown()).orElse(CarryDown.NEI_MONGOL);
    Set<String> allElected = new HashSet<>();
    votes.forEach(v -> v.rounds().forEach(r -> allElected.addAll(r.elected())));
    List<Member> members = new ArrayList<>();
    List<VoteNumbers> numbers = new ArrayList<>();
    for (CommunityVote v : votes) {
      if (!v.decided()) {
        continue;
      }
      long issued = 0;
      long returned = 0;
      for (CommunityVote.BoxCount b : repo.boxCounts(v.id()).values()) {
        issued += b.issued();
        returned += b.returned();
      }
      var sheets = repo.sheets(v.id());
      Map<String, Map<CommitteePost, Long>> marks = PostDecisionService.votes(v, sheets, names);
      List<PostNumbers> posts = new ArrayList<>();
      List<String> outcomes = new ArrayList<>();
      for (CommunityVote.PostRound r : v.rounds()) {
        long valid = 0;
        long invalid = 0;
        for (var m : sheets.values()) {
          CommunityVote.PostSheet s = m.get(r.post());
          if (s != null) {
            valid += s.valid();
            invalid += s.invalid();
          }
        }
        posts.add(new PostNumbers(r.post(), r.labelZh(), valid, invalid));
        if (r.outcome() != null && !r.outcome().isBlank()) {
          outcomes.add(r.outcome());
        }
        Set<String> above = new HashSet<>(allElected);
        above.removeAll(r.elected());
        Map<String, Long> counts = PostDecisionService.postCounts(carry, r, marks, above);
        for (String key : r.elected()) {
          String name = CommunityBallotService.nameOf(key, names);
          Long person = persons.getOrDefault(key, byName.getOrDefault(name, identified.get(name)));
          Long app = persons.containsKey(key) ? Long.valueOf(key) : null;
          String countKey = key.startsWith(CommunityBallotService.WRITE_IN) ? name : key;
          long n = counts.getOrDefault(key, counts.getOrDefault(countKey, 0L));
          if (n == 0) {
            n = writeIns(sheets, r.post(), name);
          }
          members.add(new Member(r.post(), key, person, app, name, n));
        }
      }
      numbers.add(
          new VoteNumbers(
              v.number(), v.titleZh(), v.mode(), v.base(), issued, returned, posts, outcomes));
    }
    boolean complete =
        !votes.isEmpty()
            && votes.get(votes.size() - 1).decided()
            && !votes.get(votes.size() - 1).turnoutFailed();
    members.sort(java.util.Comparator.comparing(Member::post));
    return new Results(e, complete, members, numbers);
  }

  private static long writeIns(
      Map<Long, Map<CommitteePost, CommunityVote.PostSheet>> sheets, CommitteePost p, String name) {
    long n = 0;
    for (var m : sheets.values()) {
      CommunityVote.PostSheet s = m.get(p);
      if (s != null) {
        n += s.writeIns().getOrDefault(name, 0L);
      }
    }
    return n;
  }

  /** Seats per post of the election, for vacancies in the documents. */
  static Map<CommitteePost, Integer> seats(Election e) {
    return new EnumMap<>(CommunityContext.seats(e));
  }
}
