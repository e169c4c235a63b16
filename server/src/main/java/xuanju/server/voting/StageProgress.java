package xuanju.server.voting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.voting.VotingModel.OutcomeDto;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StageSummary;
import xuanju.server.voting.VotingModel.StoredDecision;

/**
 * The progress of election day (选举进度): whether a stage's voting has begun, each stage's and post's
 * results so far (elected, vacancies, reduced seats, what is pending), the new committee, and the
 * flag that the results capability picks up when every stage is complete.
 */
@Service
public class StageProgress {
  private final VotingContext ctx;
  private final VotingRepository repo;

  public StageProgress(VotingContext ctx, VotingRepository repo) {
    this.ctx = ctx;
    this.repo = repo;
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

  VotingRepository.State state(long electionId) {
    return repo.state(electionId).orElse(new VotingRepository.State(null, null, null, false, 0));
  }

  void ensureState(long electionId) {
    if (repo.state(electionId).isEmpty()) {
      repo.insertState(electionId);
    }
  }

  /** Whether the stage's voting has begun (ballots may be issued and entered). */
  public boolean begun(long electionId, int stage) {
    VotingRepository.State s = state(electionId);
    return stage == 1 ? s.firstBegunAt() != null : s.secondBegunAt() != null;
  }

  /** Whether the second stage has been opened (its rounds exist). */
  @Transactional(readOnly = true)
  public boolean secondStageOpened(long electionId) {
    election(electionId, Permission.VIEW);
    return state(electionId).secondOpenedAt() != null;
  }

  /**
   * Whether every stage is complete (选举结果已产生，可报上级): the flag the results capability picks up. The
   * election stays in {@code VOTING} until results are submitted.
   */
  @Transactional(readOnly = true)
  public boolean readyForResults(long electionId) {
    election(electionId, Permission.VIEW);
    return state(electionId).readyForResults();
  }

  int seatsOf(Election e, Post post) {
    return switch (post) {
      case MEMBERS -> e.seats();
      case SECRETARY -> e.hasCommittee() ? e.secretarySeats() : e.seats();
      case DEPUTY -> e.deputySeats();
    };
  }

  /** The results of each stage and post so far. */
  @Transactional(readOnly = true)
  public List<StageSummary> summaries(long electionId) {
    Election e = election(electionId, Permission.VIEW);
    return summariesOf(e);
  }

  List<StageSummary> summariesOf(Election e) {
    List<Round> rounds = repo.rounds(e.id());
    List<StageSummary> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Round r : rounds) {
      seen.add(r.stage() + ":" + r.post());
    }
    for (String key : seen) {
      int stage = Integer.parseInt(key.substring(0, 1));
      Post post = Post.valueOf(key.substring(2));
      out.add(summary(e, rounds, stage, post));
    }
    return out;
  }

  private StageSummary summary(Election e, List<Round> all, int stage, Post post) {
    List<Round> rounds = all.stream().filter(r -> r.stage() == stage && r.post() == post).toList();
    List<String> elected = new ArrayList<>();
    int vacant = 0;
    int reduced = 0;
    List<String> pending = new ArrayList<>();
    for (Round r : rounds) {
      Map<String, String> names = new HashMap<>();
      r.candidates().forEach(c -> names.put(c.id(), c.name()));
      Optional<StoredDecision> sd = decisionOf(r);
      if (sd.isEmpty()) {
        pending.add(r.labelZh() + "尚未判定");
        continue;
      }
      List<OutcomeDto> outs = sd.get().outcomes();
      for (int i = 0; i < outs.size(); i++) {
        OutcomeDto o = outs.get(i);
        switch (o.type()) {
          case "Elected" -> o.ids().forEach(id -> elected.add(names.getOrDefault(id, id)));
          case "Vacancy" -> vacant += o.seats();
          case "SeatsReduced" -> reduced += o.seats();
          default -> {
            final int idx = i;
            boolean handled =
                all.stream()
                    .anyMatch(
                        x ->
                            Long.valueOf(r.id()).equals(x.parentRoundId())
                                && Integer.valueOf(idx).equals(x.parentOutcome()));
            if (!handled) {
              pending.add(r.labelZh() + "：" + o.textZh());
            }
          }
        }
      }
    }
    int seats = seatsOf(e, post);
    boolean complete = pending.isEmpty() && elected.size() + vacant + reduced == seats;
    return new StageSummary(stage, post, seats, elected, vacant, reduced, complete, pending);
  }

  boolean stageComplete(Election e, int stage) {
    List<StageSummary> s = summariesOf(e).stream().filter(x -> x.stage() == stage).toList();
    return !s.isEmpty() && s.stream().allMatch(StageSummary::complete);
  }

  /** The new committee (stage-1 elected members), key → name. */
  Map<String, String> committee(Election e) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Round r : repo.rounds(e.id())) {
      if (r.stage() != 1) {
        continue;
      }
      Map<String, String> names = new HashMap<>();
      r.candidates().forEach(c -> names.put(c.id(), c.name()));
      decisionOf(r)
          .ifPresent(
              sd ->
                  sd.outcomes().stream()
                      .filter(o -> o.type().equals("Elected"))
                      .forEach(
                          o -> o.ids().forEach(id -> out.put(id, names.getOrDefault(id, id)))));
    }
    return out;
  }

  /** The new committee's members, by name. */
  @Transactional(readOnly = true)
  public List<String> committeeMembers(long electionId) {
    return List.copyOf(committee(election(electionId, Permission.VIEW)).values());
  }

  /**
   * The new committee's members as records (key → name, in order of election), for forms that
   * choose among them by key.
   */
  @Transactional(readOnly = true)
  public Map<String, String> committeeByKey(long electionId) {
    return Collections.unmodifiableMap(committee(election(electionId, Permission.VIEW)));
  }

  /**
   * Whether the election has the second stage (委员会第一次全体会议 electing the officers): declared by its
   * kind ({@code stages().plenumElectsOfficers()}) and only with a committee.
   */
  static boolean secondStage(Election e) {
    return e.kind().config().stages().hasSecondStage(e.hasCommittee());
  }

  /** The meeting of a stage in the kind's words (e.g. 党员大会, 委员会全体会议). */
  static String meetingZh(Election e, int stage) {
    var w = e.kind().config().wording();
    return stage == 2 ? w.plenumShort() : e.kind().config().stages().firstZh();
  }

  void checkReady(Election e) {
    VotingRepository.State s = state(e.id());
    if (s.readyForResults()) {
      return;
    }
    boolean ready =
        secondStage(e) ? s.secondOpenedAt() != null && stageComplete(e, 2) : stageComplete(e, 1);
    if (ready) {
      repo.setReady(e.id());
      log(e, "VOTING_READY_FOR_RESULTS", "选举大会各项投票均已产生结果，可以整理选举结果报上级");
    }
  }

  /** The stored decision of a decided round, or empty. */
  public Optional<StoredDecision> decisionOf(Round r) {
    if (r.decisionJson() == null) {
      return Optional.empty();
    }
    return Optional.of(VotingRepository.JSON.readValue(r.decisionJson(), StoredDecision.class));
  }
}
