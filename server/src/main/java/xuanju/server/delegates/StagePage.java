package xuanju.server.delegates;

import java.util.List;
import java.util.Map;
import xuanju.server.election.Election;

/**
 * The page 考察与人选: the recommended pool and each stage's list (in 姓氏笔画 order) with its decisions,
 * composition and counts; the publicities and complaints; the 预备人选 proposal.
 */
public record StagePage(
    Election election,
    String congressName,
    List<StageMember> pool,
    List<StageView> stages,
    Map<StageStep, StageDecision> decisions,
    StagePublicity vetting,
    StagePublicity preliminaryPublicity,
    List<StageComplaint> complaints,
    PreparatoryProposal.Result proposal,
    int proposalSize,
    StageCounts counts) {

  /** One stage: its list, how many are still on it, the count required, the composition. */
  public record StageView(
      DelegateStage stage,
      List<StageMember> members,
      int required,
      StageDecision decision,
      List<StageComposition.Line> composition) {
    public long active() {
      return members.stream().filter(StageMember::active).count();
    }

    public boolean decided() {
      return decision != null;
    }

    public List<StageMember> activeMembers() {
      return members.stream().filter(StageMember::active).toList();
    }

    public List<StageMember> withdrawn() {
      return members.stream().filter(m -> !m.active()).toList();
    }
  }

  public StageView stage(DelegateStage s) {
    return stages.get(s.ordinal());
  }

  public StageView subjects() {
    return stage(DelegateStage.SUBJECTS);
  }

  public StageView preliminary() {
    return stage(DelegateStage.PRELIMINARY);
  }

  public StageView preparatory() {
    return stage(DelegateStage.PREPARATORY);
  }

  public StageDecision decision(String step) {
    return decisions.get(StageStep.valueOf(step));
  }

  public boolean done(String step) {
    return decisions.containsKey(StageStep.valueOf(step));
  }

  public List<StageComplaint> complaints(String kind) {
    StagePublicity.Kind k = StagePublicity.Kind.valueOf(kind);
    return complaints.stream().filter(c -> c.kind() == k).toList();
  }

  /** The list the next undecided stage chooses from, for its decision form. */
  public List<StageMember> choices(DelegateStage s) {
    return s == DelegateStage.SUBJECTS ? pool : stage(s.previous()).activeMembers();
  }

  /** Every step in order, for the page's step list. */
  public List<StageStep> steps() {
    return List.of(StageStep.values());
  }

  /** The 考察对象 tagged 企业 still on the list (their regulators are heard). */
  public List<StageMember> enterpriseSubjects() {
    return subjects().activeMembers().stream().filter(m -> m.person().enterprise()).toList();
  }

  public List<StageBody> bodies() {
    return List.of(StageBody.values());
  }

  public String ruleZh(String rule) {
    StageRule r = StageRule.valueOf(rule);
    return r.messageZh() + "（" + r.citation().display() + "）";
  }
}
