package xuanju.server.community;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.CommunityTerms.Progress;
import xuanju.core.community.TermPart;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.ElectionStatus;
import xuanju.server.voting.StageProgress;
import xuanju.server.voting.VotingModel;

/**
 * Reads the progress of a term's parts from the existing data (换届进度): the party organisation from
 * its election's status and election-day results ({@link StageProgress}), the residents' committee
 * from its 选举办法, formal list and decided votes, the other parts from their {@link TermPartSource}
 * (未开始 while none is registered). Also hands out the elected party committee and the residents'
 * committee's elected members for the 分工 and the 两委 summary.
 */
@Component
class TermProgress {
  private final ElectionService elections;
  private final StageProgress stages;
  private final ElectionMethodService methods;
  private final ApplicationRepository applications;
  private final CommunityVotingRepository votes;
  private final Map<TermPart, TermPartSource> sources = new EnumMap<>(TermPart.class);

  TermProgress(
      ElectionService elections,
      StageProgress stages,
      ElectionMethodService methods,
      ApplicationRepository applications,
      CommunityVotingRepository votes,
      List<TermPartSource> sources) {
    this.elections = elections;
    this.stages = stages;
    this.methods = methods;
    this.applications = applications;
    this.votes = votes;
    for (TermPartSource s : sources) {
      if (this.sources.put(s.part(), s) != null) {
        throw new IllegalStateException("two TermPartSource beans for " + s.part());
      }
    }
  }

  /** Every part's progress. */
  Map<TermPart, Progress> progress(TermRepository.Term t) {
    Map<TermPart, Progress> out = new EnumMap<>(TermPart.class);
    out.put(TermPart.PARTY, party(t));
    out.put(TermPart.RESIDENTS, residents(t));
    for (TermPart p : List.of(TermPart.REPRESENTATIVES, TermPart.SUPERVISION)) {
      TermPartSource s = sources.get(p);
      out.put(
          p, s == null ? Progress.notStarted(p.labelZh() + "推选尚未开始") : s.progress(TermRef.of(t)));
    }
    return out;
  }

  static boolean resultsOut(ElectionStatus s) {
    return s.ordinal() >= ElectionStatus.RESULTS_SUBMITTED.ordinal();
  }

  Progress party(TermRepository.Term t) {
    if (t.partyElectionId() == null) {
      return Progress.notStarted("尚未关联党组织换届选举");
    }
    Election e = elections.get(t.partyElectionId());
    boolean done = resultsOut(e.status()) || stages.readyForResults(e.id());
    if (done) {
      return new Progress(true, true, List.of());
    }
    String why =
        switch (e.status()) {
          case DRAFT -> "选举工作方案尚未报上级党组织";
          case PLAN_SUBMITTED -> "上级党组织尚未批复选举工作方案";
          case PLAN_APPROVED -> "候选人预备人选尚未确定";
          default -> "选举结果尚未产生";
        };
    return new Progress(e.status() != ElectionStatus.DRAFT, false, List.of("党组织选举等待：" + why));
  }

  Progress residents(TermRepository.Term t) {
    if (t.residentsElectionId() == null) {
      return Progress.notStarted("尚未关联居民委员会选举");
    }
    Election e = elections.get(t.residentsElectionId());
    boolean adopted = methods.adoptedSettings(e).isPresent();
    boolean published = applications.published(e.id()).isPresent();
    List<CommunityVote> v = votes.votes(e.id());
    boolean decided = !v.isEmpty() && v.get(v.size() - 1).decided();
    boolean anyElected =
        v.stream().flatMap(x -> x.rounds().stream()).anyMatch(r -> !r.elected().isEmpty());
    if ((decided && anyElected) || resultsOut(e.status())) {
      return new Progress(true, true, List.of());
    }
    List<String> waiting = new ArrayList<>();
    if (!adopted) {
      waiting.add("居民委员会选举等待：选举办法尚未通过");
    } else if (!published) {
      waiting.add("居民委员会选举等待：正式候选人名单尚未公布");
    } else {
      waiting.add("居民委员会选举等待：选举结果尚未确定");
    }
    boolean started = e.status() != ElectionStatus.DRAFT || adopted || published;
    return new Progress(started, false, waiting);
  }

  /** A member of the elected party committee: voting key, name, roster id, officer post. */
  record PartyMember(String key, String name, Long memberId, Optional<VotingModel.Post> officer) {}

  /** The elected party committee, in order of election (empty before the result). */
  List<PartyMember> partyCommittee(long partyElectionId) {
    Map<String, String> committee = stages.committeeByKey(partyElectionId);
    Map<String, VotingModel.Post> officers = new LinkedHashMap<>();
    for (VotingModel.StageSummary s : stages.summaries(partyElectionId)) {
      if (s.post() != VotingModel.Post.MEMBERS) {
        s.elected().forEach(n -> officers.putIfAbsent(n, s.post()));
      }
    }
    List<PartyMember> out = new ArrayList<>();
    committee.forEach(
        (key, name) ->
            out.add(
                new PartyMember(
                    key,
                    name,
                    key.startsWith("m") ? Long.valueOf(key.substring(1)) : null,
                    Optional.ofNullable(officers.get(name)))));
    return out;
  }

  /** A residents' committee member: the application key (or a write-in), name, post. */
  record ResidentsMember(String key, String name, CommitteePost post) {}

  /** The residents' committee's elected members over every decided vote. */
  List<ResidentsMember> residentsCommittee(long residentsElectionId) {
    Map<String, String> names = new LinkedHashMap<>();
    applications
        .applications(residentsElectionId)
        .forEach(a -> names.put(String.valueOf(a.id()), a.name()));
    List<ResidentsMember> out = new ArrayList<>();
    for (CommunityVote v : votes.votes(residentsElectionId)) {
      for (CommunityVote.PostRound r : v.rounds()) {
        for (String k : r.elected()) {
          out.add(new ResidentsMember(k, CommunityBallotService.nameOf(k, names), r.post()));
        }
      }
    }
    return out;
  }
}
