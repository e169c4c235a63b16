package xuanju.server.voting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.outcome.RoundKind;
import xuanju.core.profile.Regime;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Post;
import xuanju.server.voting.VotingModel.Round;

/**
 * The second stage (委员会第一次全体会议): the new committee elects its secretary and deputies from among its
 * members (等额 allowed), and records the members' portfolios (委员分工). Only kinds whose plenum elects
 * the officers have it ({@code Stages.plenumElectsOfficers}).
 */
@Service
public class SecondStageService {
  private final VotingContext ctx;
  private final VotingRepository repo;
  private final RoundService roundService;
  private final StageProgress progress;
  private final Clock clock;

  public SecondStageService(
      VotingContext ctx,
      VotingRepository repo,
      RoundService roundService,
      StageProgress progress,
      Clock clock) {
    this.ctx = ctx;
    this.repo = repo;
    this.roundService = roundService;
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

  /**
   * Opens the committee's first plenum (委员会第一次全体会议): its roster is the elected members; it elects
   * the secretary and the deputies (等额 allowed). The candidates are committee members given by
   * their key ({@code m12}, as in {@link StageProgress#committeeByKey}); a whole name is accepted
   * when exactly one committee member has it. Refused before stage 1 is complete
   * (VOTING.SECOND_STAGE.FIRST_UNDECIDED) or without a committee. Needs MANAGE.
   */
  @Transactional
  public List<Round> openSecondStage(
      long electionId, List<String> secretaryCandidates, List<String> deputyCandidates) {
    Election e = election(electionId, Permission.MANAGE);
    Regime regime = ctx.profile(e).regime();
    if (!StageProgress.secondStage(e)
        || (regime != Regime.PARTY_GRASSROOTS && regime != Regime.PARTY_LOCAL)) {
      throw VotingRule.SECOND_STAGE_NO_COMMITTEE.conflict("");
    }
    if (!progress.stageComplete(e, 1)) {
      List<String> pending =
          progress.summariesOf(e).stream()
              .filter(s -> s.stage() == 1)
              .flatMap(s -> s.pendingZh().stream())
              .toList();
      throw VotingRule.SECOND_STAGE_FIRST_UNDECIDED.conflict(
          pending.isEmpty() ? "第一阶段尚未投票" : String.join("；", pending));
    }
    if (progress.state(electionId).secondOpenedAt() != null) {
      throw new IllegalStateException("委员会全体会议已经召开");
    }
    Map<String, String> committee = progress.committee(e);
    List<CandidateRef> sec =
        officers(
            committee,
            secretaryCandidates,
            "secretaryCandidates",
            progress.seatsOf(e, Post.SECRETARY));
    List<CandidateRef> dep =
        e.deputySeats() > 0
            ? officers(committee, deputyCandidates, "deputyCandidates", e.deputySeats())
            : List.of();
    progress.ensureState(electionId);
    repo.setState(electionId, "second_opened_at", clock.instant());
    log(
        e,
        "VOTING_STAGE2_OPENED",
        "召开委员会第一次全体会议，应到会委员" + committee.size() + "人：" + String.join("、", committee.values()));
    List<Round> out = new ArrayList<>();
    out.add(
        roundService.createRound(
            e,
            2,
            Post.SECRETARY,
            RoundKind.FIRST,
            0,
            progress.seatsOf(e, Post.SECRETARY),
            sec,
            null,
            null));
    if (!dep.isEmpty()) {
      out.add(
          roundService.createRound(
              e, 2, Post.DEPUTY, RoundKind.FIRST, 0, e.deputySeats(), dep, null, null));
    }
    return out;
  }

  private static List<CandidateRef> officers(
      Map<String, String> committee, List<String> chosen, String field, int seats) {
    Set<String> keys = new LinkedHashSet<>();
    if (chosen != null) {
      for (String c : chosen) {
        if (c != null && !c.isBlank()) {
          keys.add(
              committeeKey(
                  committee, c, field, () -> VotingRule.OFFICERS_NOT_MEMBER.invalid(field, c)));
        }
      }
    }
    List<CandidateRef> out = new ArrayList<>();
    for (String key : keys) {
      out.add(
          new CandidateRef(
              key, committee.get(key), key.startsWith("m") ? parseLong(key.substring(1)) : null));
    }
    if (out.size() < seats) {
      throw VotingRule.OFFICERS_TOO_FEW.invalid(field, "候选人" + out.size() + "名，应选" + seats + "名");
    }
    return out;
  }

  /**
   * The committee member a form or caller chose: by key; else by the whole name (never split) when
   * exactly one member has it. Two members of the same name must be chosen by key.
   */
  private static String committeeKey(
      Map<String, String> committee,
      String chosen,
      String field,
      Supplier<InvalidInputException> notMember) {
    if (committee.containsKey(chosen)) {
      return chosen;
    }
    String name = chosen.strip();
    List<String> same =
        committee.entrySet().stream()
            .filter(x -> x.getValue().equals(name))
            .map(Map.Entry::getKey)
            .toList();
    if (same.size() > 1) {
      throw new InvalidInputException(
          field, "新当选的委员中有" + same.size() + "名「" + name + "」，请在名单中勾选（按名册记录选择）");
    }
    if (same.isEmpty()) {
      throw notMember.get();
    }
    return same.get(0);
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Records a committee member's portfolio (委员分工, e.g. 组织委员), the member given by key (as in {@link
   * StageProgress#committeeByKey}) or by a whole name that exactly one committee member has. Needs
   * MANAGE.
   */
  @Transactional
  public void recordPortfolio(long electionId, String member, String portfolio) {
    Election e = election(electionId, Permission.MANAGE);
    String chosen = member == null ? "" : member;
    String p = portfolio == null ? "" : portfolio.strip();
    Map<String, String> committee = progress.committee(e);
    String key =
        committeeKey(
            committee,
            chosen,
            "member",
            () -> VotingRule.PORTFOLIO_NOT_MEMBER.invalid("member", chosen.strip()));
    String n = committee.get(key);
    if (p.isEmpty() || p.length() > 100) {
      throw new InvalidInputException("portfolio", "请填写分工（如 组织委员、宣传委员、纪检委员）");
    }
    repo.putPortfolio(electionId, n, p, me());
    log(e, "VOTING_PORTFOLIO", "委员分工：" + n + " 任 " + p);
  }

  /** The recorded portfolios, name → portfolio. */
  @Transactional(readOnly = true)
  public Map<String, String> portfolios(long electionId) {
    election(electionId, Permission.VIEW);
    Map<String, String> m = new LinkedHashMap<>();
    repo.portfolios(electionId).forEach(p -> m.put(p.name(), p.portfolio()));
    return m;
  }
}
