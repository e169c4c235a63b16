package xuanju.server.community;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CarryDown;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionMethods;
import xuanju.core.community.ElectorateMode;
import xuanju.core.community.PostVotes;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundKind;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * Decides a vote once every box has its ballots and a sheet for every post on the ballot: per post
 * from the highest, core {@link RoundEngine} with the residents' committee profile (turnout over
 * half of the base fixed at opening, elected with over half of the ballots cast, 另行选举 with the
 * one-third rule, vacancy), the counts per post by core {@link PostVotes} under the 选举办法's
 * carry-down setting (a losing 主任's votes count towards 副主任 and 委员; a write-in of a candidate's
 * name counts as that candidate's vote for the post). The next vote the decisions call for opens at
 * once, with the posts that still have seats to fill; a vote that failed its turnout is held again
 * on the committee's order ({@link #rerun}).
 */
@Service
public class PostDecisionService {
  private final CommunityContext ctx;
  private final CommunityVotingRepository repo;
  private final ElectionMethodService methods;

  PostDecisionService(
      CommunityContext ctx, CommunityVotingRepository repo, ElectionMethodService methods) {
    this.ctx = ctx;
    this.repo = repo;
    this.methods = methods;
  }

  /** The decisions of one vote, per post. */
  public record Decided(Map<CommitteePost, Decision<RoundResult>> posts, Optional<Long> nextVote) {}

  @Transactional
  public Decided decide(long electionId, long voteId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    BoxCountService.openVote(repo, electionId, voteId);
    if (!repo.lockOpen(voteId)) {
      throw new IllegalStateException("这次投票的结果已经确定，不能再修改");
    }
    CommunityVote v = BoxCountService.openVote(repo, electionId, voteId);
    ElectionMethods.Settings method =
        methods.adoptedSettings(e).orElseThrow(() -> new IllegalStateException("选举办法尚未通过"));
    List<CommunityVote.Box> boxes = repo.boxes(electionId);
    Map<Long, CommunityVote.BoxCount> counts = repo.boxCounts(voteId);
    Map<Long, Map<CommitteePost, CommunityVote.PostSheet>> sheets = repo.sheets(voteId);
    List<String> missing = new ArrayList<>();
    for (CommunityVote.Box b : boxes) {
      boolean all =
          counts.containsKey(b.id())
              && v.rounds().stream()
                  .allMatch(r -> sheets.getOrDefault(b.id(), Map.of()).containsKey(r.post()));
      if (!all) {
        missing.add(b.name());
      }
    }
    if (boxes.isEmpty() || !missing.isEmpty()) {
      throw new IllegalStateException(
          boxes.isEmpty()
              ? "本次选举没有投票站或流动票箱，请先在选区页面设立"
              : "以下票箱尚未核对选票，或尚有职位的计票单未经两名计票人录入一致，不能确定结果："
                  + String.join("、", missing)
                  + CommunityContext.basis(CommunityRule.COUNT_DOUBLE_ENTRY));
    }
    long issued = 0;
    long returned = 0;
    for (CommunityVote.BoxCount b : counts.values()) {
      issued += b.issued();
      returned += b.returned();
    }
    ElectorateMode.TrailBase base = v.mode().baseInTrailZh();
    Electorate electorate =
        Electorate.direct(v.base(), base.labelZh(), base.unitZh(), issued, returned);
    Map<String, String> names = CommunityBallotService.names(ctx, electionId);
    Map<String, Map<CommitteePost, Long>> votes = votes(v, sheets, names);
    Set<String> electedAbove = electedBefore(electionId, voteId);
    Map<CommitteePost, Decision<RoundResult>> out = new EnumMap<>(CommitteePost.class);
    List<Next> next = new ArrayList<>();
    String user = AccessService.currentUser();
    StringBuilder summary = new StringBuilder();
    for (CommunityVote.PostRound r : v.rounds()) {
      Map<String, Long> post = postCounts(method.carryDown(), r, votes, electedAbove);
      List<Candidate> cands = new ArrayList<>();
      Map<String, String> labels = new LinkedHashMap<>();
      for (String key : post.keySet()) {
        String n = CommunityBallotService.nameOf(key, names);
        cands.add(Candidate.of(key, n));
        labels.put(key, n);
      }
      long valid = 0;
      long invalid = 0;
      Map<String, Long> writeIns = new LinkedHashMap<>();
      for (Map<CommitteePost, CommunityVote.PostSheet> m : sheets.values()) {
        CommunityVote.PostSheet s = m.get(r.post());
        valid += s.valid();
        invalid += s.invalid();
        s.writeIns()
            .forEach(
                (k, x) -> {
                  if (!isCandidateName(k, v, names)) {
                    writeIns.merge(k, x, Long::sum);
                  }
                });
      }
      Map<String, CandidateCount> cc = new LinkedHashMap<>();
      for (Map.Entry<String, Long> x : post.entrySet()) {
        if (x.getValue() > valid) {
          throw new InvalidInputException(
              "counts",
              r.post().labelZh()
                  + "："
                  + labels.get(x.getKey())
                  + "计入本职位的票数"
                  + x.getValue()
                  + "多于本职位有效票"
                  + valid
                  + "张，请核对计票单");
        }
        cc.put(x.getKey(), new CandidateCount(x.getValue(), 0, valid - x.getValue()));
      }
      Tally tally = Tally.ofCounts(cands, valid, invalid, cc, writeIns);
      RoundSpec spec =
          new RoundSpec(
              ctx.elections.profile(e),
              Meeting.ELECTORAL,
              r.seats(),
              cands,
              electorate,
              r.kind(),
              r.furtherRound(),
              Set.of());
      Decision<RoundResult> d = RoundEngine.decide(spec, tally);
      List<String> elected = new ArrayList<>();
      for (String id : d.outcome().electedIds()) {
        String key = labels.containsKey(id) ? id : CommunityBallotService.WRITE_IN + id;
        elected.add(key);
        electedAbove.add(key);
      }
      String words =
          d.outcome().outcomes().stream()
              .map(o -> say(r.post(), o, labels))
              .filter(s -> !s.isEmpty())
              .collect(Collectors.joining("；"));
      List<Step> steps = new ArrayList<>();
      steps.add(carryStep(method.carryDown(), r.post()));
      steps.addAll(d.trail());
      String trail =
          steps.stream()
              .map(
                  s ->
                      s.code()
                          + "|"
                          + (s.passed() ? 1 : 0)
                          + "|"
                          + s.explanationZh().replace('\n', ' '))
              .collect(Collectors.joining("\n"));
      repo.decideRound(r.id(), words, elected, trail, d.outcome().isFinal());
      out.put(r.post(), d);
      summary.append(r.post().labelZh()).append("：").append(words).append("。");
      RoundEngine.nextRound(spec, d)
          .filter(
              n ->
                  !(d.outcome().outcomes().stream()
                      .anyMatch(o -> o instanceof SeatOutcome.RoundVoid)))
          .ifPresent(n -> next.add(new Next(r.post(), n, labels)));
    }
    if (!repo.closeVote(voteId, v.version(), user, ctx.clock.instant())) {
      throw new IllegalStateException("这次投票已被他人确定结果，请刷新页面");
    }
    ctx.audit(
        "COMMUNITY_VOTE_DECIDED",
        e,
        v.titleZh()
            + "："
            + summary
            + "（计算基数"
            + v.base()
            + "，发出选票"
            + issued
            + "张，收回"
            + returned
            + "张）");
    Optional<Long> opened = Optional.empty();
    if (!next.isEmpty()) {
      long id =
          repo.openVote(
              electionId,
              v.number() + 1,
              v.mode(),
              v.base(),
              v.baseNoteZh(),
              user,
              ctx.clock.instant());
      StringBuilder posts = new StringBuilder();
      for (Next n : next) {
        List<String> keys =
            n.spec().candidates().stream()
                .map(
                    c ->
                        n.labels().containsKey(c.id())
                            ? c.id()
                            : CommunityBallotService.WRITE_IN + c.id())
                .toList();
        repo.addRound(
            id, n.post(), n.spec().kind(), n.spec().furtherRound(), n.spec().seats(), keys);
        posts.append(n.post().labelZh()).append(n.spec().seats()).append("名；");
      }
      ctx.audit("COMMUNITY_VOTE_OPENED", e, "开始第" + (v.number() + 1) + "次投票：" + posts);
      opened = Optional.of(id);
    }
    return new Decided(out, opened);
  }

  private record Next(CommitteePost post, RoundSpec spec, Map<String, String> labels) {}

  /**
   * Holds a vote again (MANAGE) after it failed its turnout (参加投票的不过半数, 选举无效): the same posts,
   * candidates and base.
   */
  @Transactional
  public long rerun(long electionId, long voteId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    List<CommunityVote> all = repo.votes(electionId);
    CommunityVote v =
        all.stream()
            .filter(x -> x.id() == voteId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("voteId", "本选举没有这次投票"));
    if (!v.decided() || all.get(all.size() - 1).id() != voteId || !v.turnoutFailed()) {
      throw new IllegalStateException("只有因参加投票的选民不过半数而无效的投票才能重新组织投票");
    }
    long id =
        repo.openVote(
            electionId,
            v.number() + 1,
            v.mode(),
            v.base(),
            v.baseNoteZh(),
            AccessService.currentUser(),
            ctx.clock.instant());
    for (CommunityVote.PostRound r : v.rounds()) {
      repo.addRound(id, r.post(), r.kind(), r.furtherRound(), r.seats(), r.candidates());
    }
    ctx.audit(
        "COMMUNITY_VOTE_RERUN",
        e,
        v.titleZh() + "因参加投票的选民不过半数无效，重新组织投票（第" + (v.number() + 1) + "次投票）");
    return id;
  }

  /** The keys elected in earlier votes of the election (they leave the lower posts' counts). */
  private Set<String> electedBefore(long electionId, long voteId) {
    Set<String> out = new HashSet<>();
    for (CommunityVote x : repo.votes(electionId)) {
      if (x.id() != voteId) {
        x.rounds().forEach(r -> out.addAll(r.elected()));
      }
    }
    return out;
  }

  /**
   * Per person, the votes marked for each post on this ballot: printed candidates by key; a
   * write-in of a printed candidate's name counts as that candidate's.
   */
  static Map<String, Map<CommitteePost, Long>> votes(
      CommunityVote v,
      Map<Long, Map<CommitteePost, CommunityVote.PostSheet>> sheets,
      Map<String, String> names) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (CommunityVote.PostRound r : v.rounds()) {
      r.candidates().forEach(k -> byName.putIfAbsent(CommunityBallotService.nameOf(k, names), k));
    }
    Map<String, Map<CommitteePost, Long>> out = new LinkedHashMap<>();
    for (CommunityVote.PostRound r : v.rounds()) {
      for (String k : r.candidates()) {
        out.computeIfAbsent(k, x -> new EnumMap<>(CommitteePost.class))
            .merge(r.post(), 0L, Long::sum);
      }
      for (Map<CommitteePost, CommunityVote.PostSheet> m : sheets.values()) {
        CommunityVote.PostSheet s = m.get(r.post());
        if (s == null) {
          continue;
        }
        for (int i = 0; i < r.candidates().size(); i++) {
          out.get(r.candidates().get(i)).merge(r.post(), s.counts().get(i), Long::sum);
        }
        s.writeIns()
            .forEach(
                (n, x) -> {
                  String k = byName.get(n);
                  if (k != null) {
                    out.get(k).merge(r.post(), x, Long::sum);
                  }
                });
      }
    }
    return out;
  }

  private static boolean isCandidateName(String name, CommunityVote v, Map<String, String> names) {
    return v.rounds().stream()
        .flatMap(r -> r.candidates().stream())
        .anyMatch(k -> CommunityBallotService.nameOf(k, names).equals(name));
  }

  /**
   * The counts of one post: its printed candidates first (in ballot order), then the candidates of
   * the other posts with votes for this post (written in) or, with carry-down, carried from a
   * higher post.
   */
  static Map<String, Long> postCounts(
      CarryDown carry,
      CommunityVote.PostRound r,
      Map<String, Map<CommitteePost, Long>> votes,
      Set<String> electedAbove) {
    Map<String, Long> c = PostVotes.counts(carry, r.post(), votes, electedAbove);
    Map<String, Long> out = new LinkedHashMap<>();
    for (String k : r.candidates()) {
      out.put(k, c.getOrDefault(k, 0L));
    }
    if (r.kind() != RoundKind.TIE_REVOTE) {
      c.forEach(
          (k, x) -> {
            if (!out.containsKey(k) && x > 0) {
              out.put(k, x);
            }
          });
    }
    return out;
  }

  private static Step carryStep(CarryDown carry, CommitteePost post) {
    Map<String, Long> in = new LinkedHashMap<>();
    in.put("carryDown", carry.carryDown() ? 1L : 0L);
    String text =
        post == CommitteePost.DIRECTOR
            ? "主任按所得票数计票"
            : carry.carryDown()
                ? post.labelZh() + "计票时，落选的上一职位候选人所得票数计入其本职位得票（" + carry.citation().display() + "）"
                : post.labelZh() + "分职位计票，落选的上一职位候选人所得票数不计入本职位（" + carry.citation().display() + "）";
    return new Step(carry.rule(), in, "carryDown", true, text);
  }

  /** What a post's vote decided, in words. */
  static String say(CommitteePost post, SeatOutcome o, Map<String, String> names) {
    if (o instanceof SeatOutcome.Elected x) {
      return x.candidateIds().isEmpty()
          ? ""
          : "当选" + post.labelZh() + "：" + join(x.candidateIds(), names);
    }
    if (o instanceof SeatOutcome.TieRevoteNeeded x) {
      return join(x.tiedIds(), names)
          + "均得"
          + x.votes()
          + "票，票数相等，须就票数相等的候选人再次投票选出"
          + x.seats()
          + "名";
    }
    if (o instanceof SeatOutcome.FurtherRoundNeeded x) {
      return post.labelZh()
          + "当选人数少于应选名额，不足的"
          + x.seats()
          + "名另行选举（候选人："
          + join(x.candidateIds(), names)
          + "；"
          + x.thresholdZh()
          + "）";
    }
    if (o instanceof SeatOutcome.Vacancy x) {
      return post.labelZh() + x.seats() + "个名额另行选举后仍选不足，暂作缺额";
    }
    if (o instanceof SeatOutcome.RoundVoid) {
      return "收回的选票多于发出的选票，本次选举无效，应重新投票";
    }
    if (o instanceof SeatOutcome.QuorumNotMet x) {
      return "参加投票"
          + x.actual()
          + "人，未超过计算基数的半数（至少须"
          + x.minimum()
          + "人）：选举居民委员会，须有过半数登记选民参加投票，选举方为有效；本次选举无效，须重新组织投票";
    }
    return "";
  }

  private static String join(List<String> ids, Map<String, String> names) {
    return String.join("、", ids.stream().map(i -> names.getOrDefault(i, i)).toList());
  }
}
