package xuanju.server.voting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.profile.Profile;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.quorum.Quorum;
import xuanju.core.quorum.QuorumCheck;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Step;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.voting.VotingModel.QuorumView;
import xuanju.server.voting.VotingModel.Voter;

/**
 * Check-in and the live quorum (签到与到会人数): who may vote at a stage's meeting (from the kind's
 * electorate, or the new committee at stage 2), the check-in desk's search, and core {@code
 * Quorum.check} over who has checked in.
 */
@Service
public class CheckInService {
  private final VotingContext ctx;
  private final VotingRepository repo;
  private final ElectorateSource electorate;
  private final StageProgress progress;
  private final Clock clock;

  public CheckInService(
      VotingContext ctx,
      VotingRepository repo,
      ElectorateSource electorate,
      StageProgress progress,
      Clock clock) {
    this.ctx = ctx;
    this.repo = repo;
    this.electorate = electorate;
    this.progress = progress;
    this.clock = clock;
  }

  private static String me() {
    return AccessService.currentUser();
  }

  private void log(Election e, String action, String summary) {
    ctx.log(e, action, summary);
  }

  private Election election(long id, Permission p) {
    return ctx.election(id, p);
  }

  /** Everyone who may vote at the stage's meeting (stage 1 党员大会, stage 2 委员会全体会议). */
  @Transactional(readOnly = true)
  public List<Voter> voters(long electionId, int stage) {
    Election e = election(electionId, Permission.VIEW);
    return votersOf(e, stage);
  }

  private List<Voter> votersOf(Election e, int stage) {
    if (stage == 1) {
      return electorate.eligibleVoters(e);
    }
    Map<String, Voter> byKey = new HashMap<>();
    electorate.eligibleVoters(e).forEach(v -> byKey.put(v.key(), v));
    List<Voter> out = new ArrayList<>();
    for (Map.Entry<String, String> m : progress.committee(e).entrySet()) {
      Voter v = byKey.get(m.getKey());
      out.add(v != null ? v : new Voter(m.getKey(), null, m.getValue(), ""));
    }
    return out;
  }

  /** A voter found by the check-in search, with whether they have checked in. */
  public record VoterHit(Voter voter, boolean checkedIn) {}

  /** Searches the stage's voters by name or ID number (at most 20). */
  @Transactional(readOnly = true)
  public List<VoterHit> search(long electionId, int stage, String q) {
    Election e = election(electionId, Permission.VIEW);
    String t = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
    Set<String> in =
        repo.checkins(electionId, stage).stream()
            .map(VotingRepository.Checkin::key)
            .collect(Collectors.toSet());
    return votersOf(e, stage).stream()
        .filter(
            v ->
                t.isEmpty()
                    || v.name().contains(t)
                    || (v.residentId() != null
                        && v.residentId().toUpperCase(Locale.ROOT).contains(t)))
        .limit(20)
        .map(v -> new VoterHit(v, in.contains(v.key())))
        .toList();
  }

  /** The name of one voter of a meeting, by key. Needs VIEW. */
  @Transactional(readOnly = true)
  public String nameOf(long electionId, int stage, String key) {
    Election e = election(electionId, Permission.VIEW);
    return votersOf(e, stage).stream()
        .filter(x -> x.key().equals(key))
        .map(Voter::name)
        .findFirst()
        .orElseThrow(() -> VotingRule.CHECKIN_NOT_ELIGIBLE.invalid("key", key));
  }

  /** Checks a voter in (签到). Needs COUNT. Returns the new quorum view. */
  @Transactional
  public QuorumView checkIn(long electionId, int stage, String key) {
    Election e = election(electionId, Permission.COUNT);
    Voter v =
        votersOf(e, stage).stream()
            .filter(x -> x.key().equals(key))
            .findFirst()
            .orElseThrow(() -> VotingRule.CHECKIN_NOT_ELIGIBLE.invalid("key", key));
    if (!repo.checkedIn(electionId, stage, key)) {
      repo.insertCheckin(electionId, stage, key, v.name(), me(), clock.instant());
      log(e, "VOTING_CHECKIN", StageProgress.meetingZh(e, stage) + "签到：" + v.name());
    }
    // 委托投票: the votes the holder casts for others count as present with the holder
    for (Voter p : stage == 1 ? electorate.proxiesHeldBy(e, key) : List.<Voter>of()) {
      if (!repo.checkedIn(electionId, stage, p.key())) {
        repo.insertCheckin(electionId, stage, p.key(), p.name(), me(), clock.instant());
        log(
            e,
            "VOTING_CHECKIN",
            StageProgress.meetingZh(e, stage) + "签到：" + p.name() + "（委托" + v.name() + "代为投票）");
      }
    }
    return quorumOf(e, stage);
  }

  /** Undoes a check-in made by mistake, before the stage's voting begins. Needs COUNT. */
  @Transactional
  public QuorumView undoCheckIn(long electionId, int stage, String key) {
    Election e = election(electionId, Permission.COUNT);
    if (progress.begun(electionId, stage)) {
      throw new IllegalStateException("投票已经开始，不能撤销签到");
    }
    String name =
        votersOf(e, stage).stream()
            .filter(x -> x.key().equals(key))
            .map(Voter::name)
            .findFirst()
            .orElseThrow(() -> VotingRule.CHECKIN_NOT_ELIGIBLE.invalid("key", key));
    if (repo.deleteCheckin(electionId, stage, key) > 0) {
      log(e, "VOTING_CHECKIN_UNDONE", StageProgress.meetingZh(e, stage) + "撤销签到：" + name);
      for (Voter p : stage == 1 ? electorate.proxiesHeldBy(e, key) : List.<Voter>of()) {
        if (repo.deleteCheckin(electionId, stage, p.key()) > 0) {
          log(
              e,
              "VOTING_CHECKIN_UNDONE",
              StageProgress.meetingZh(e, stage) + "撤销签到：" + p.name() + "（委托" + name + "代为投票）");
        }
      }
    }
    return quorumOf(e, stage);
  }

  /** Who has not checked in (未到会人员), in 姓氏笔画 order. Needs VIEW. */
  @Transactional(readOnly = true)
  public List<Voter> absentees(long electionId, int stage) {
    Election e = election(electionId, Permission.VIEW);
    Set<String> in =
        repo.checkins(electionId, stage).stream()
            .map(VotingRepository.Checkin::key)
            .collect(Collectors.toSet());
    return sorted(votersOf(e, stage).stream().filter(v -> !in.contains(v.key())).toList());
  }

  /**
   * The printable sign-in sheet of a meeting (签到表): everyone who may vote, in 姓氏笔画 order, with a
   * column to sign, and the number who should attend. Needs VIEW.
   */
  @Transactional(readOnly = true)
  public xuanju.server.documents.DocumentContent sheet(long electionId, int stage) {
    Election e = election(electionId, Permission.VIEW);
    List<Voter> all = sorted(votersOf(e, stage));
    var stages = e.kind().config().stages();
    String meeting = stage == 1 ? stages.firstZh() : stages.secondZh();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      rows.add(List.of(Integer.toString(i + 1), all.get(i).name(), "", ""));
    }
    return xuanju.server.documents.DocumentContent.builder(meeting + "签到表")
        .subtitle(e.title())
        .paragraph("应到会" + all.size() + "人。到会人员请在本人姓名后签名。")
        .table(List.of("序号", "姓名", "签名", "备注"), rows)
        .paragraph("实到会______人。　　　　　　　　　　监票人（签名）：")
        .build();
  }

  private static List<Voter> sorted(List<Voter> voters) {
    xuanju.core.names.NameOrder order = xuanju.core.names.NameOrder.surnameStrokes();
    List<Voter> out = new ArrayList<>(voters);
    out.sort((a, b) -> order.compare(a.name(), b.name()));
    return out;
  }

  /** Who checked in, by name. */
  @Transactional(readOnly = true)
  public List<String> checkedIn(long electionId, int stage) {
    election(electionId, Permission.VIEW);
    return repo.checkins(electionId, stage).stream().map(VotingRepository.Checkin::name).toList();
  }

  /** The live quorum verdict of a stage's meeting (core {@code Quorum.check}). */
  @Transactional(readOnly = true)
  public QuorumView quorum(long electionId, int stage) {
    return quorumOf(election(electionId, Permission.VIEW), stage);
  }

  long expectedOf(Election e, int stage) {
    return stage == 1 ? electorate.expected(e) : progress.committee(e).size();
  }

  QuorumView quorumOf(Election e, int stage) {
    long expected = expectedOf(e, stage);
    long present = repo.countCheckins(e.id(), stage);
    String expectedZh = stage == 1 ? electorate.expectedZh(e) : "应到会委员为第一阶段当选的委员" + expected + "人";
    if (expected == 0) {
      return new QuorumView(stage, 0, present, false, 1, "", "应到会人数为0，无法判断到会人数", expectedZh);
    }
    Profile p = ctx.profile(e);
    Decision<QuorumCheck> d =
        Quorum.check(p, meeting(stage), electorateOf(p, expected, present, present, present));
    Step s = d.trail().get(d.trail().size() - 1);
    return new QuorumView(
        stage,
        expected,
        present,
        d.outcome().met(),
        d.outcome().minimum(),
        s.code(),
        s.explanationZh(),
        expectedZh);
  }

  static Meeting meeting(int stage) {
    return stage == 2 ? Meeting.PLENUM : Meeting.ELECTORAL;
  }

  static Electorate electorateOf(
      Profile p, long expected, long present, long issued, long returned) {
    return switch (p.regime()) {
      case PARTY_GRASSROOTS, PARTY_LOCAL -> Electorate.party(expected, present, issued, returned);
      case PEOPLES_CONGRESS_INDIRECT -> Electorate.indirect(expected, present, issued, returned);
      default -> Electorate.direct(expected, issued, returned);
    };
  }
}
