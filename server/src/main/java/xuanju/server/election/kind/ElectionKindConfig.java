package xuanju.server.election.kind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of an election kind (选举类型配置): everything that differs between a party branch
 * election, a residents' or villagers' committee election and a town people's congress election.
 * Services ask the election's kind for it ({@code election.kind().config()}) instead of comparing
 * kinds. One class per kind builds it ({@link PartyBranchKind}, {@link ResidentsCommitteeKind},
 * {@link VillageCommitteeKind}, {@link TownPeoplesCongressKind}).
 *
 * @param labelZh the kind's name, e.g. {@code 党支部委员会换届选举}
 * @param defaultProfile the rule profile a new election starts with (core {@code Profiles})
 * @param timelineTemplate the timeline template (core {@code TimelineTemplates})
 * @param electorate who elects (选举人)
 * @param contests the posts with their default seats (选举职位与名额)
 * @param stages the stages (选举阶段)
 * @param approvals the approval chain (审批链), in the order of the election
 * @param nomineeEligibility who may stand (被选举资格)
 * @param documents document titles (文书)
 * @param wording the words of pages and documents (用语)
 * @param planCheck the plan-check rule set (方案核对规则)
 * @param pages the tabs and pages the kind has (页面组)
 */
public record ElectionKindConfig(
    String labelZh,
    String defaultProfile,
    String timelineTemplate,
    Electorate electorate,
    List<Contest> contests,
    Stages stages,
    List<ApprovalStep> approvals,
    NomineeEligibility nomineeEligibility,
    KindDocuments documents,
    KindWording wording,
    PlanCheck planCheck,
    PageSet pages) {
  public ElectionKindConfig {
    Objects.requireNonNull(labelZh, "labelZh");
    Objects.requireNonNull(defaultProfile, "defaultProfile");
    Objects.requireNonNull(timelineTemplate, "timelineTemplate");
    Objects.requireNonNull(electorate, "electorate");
    contests = List.copyOf(contests);
    Objects.requireNonNull(stages, "stages");
    approvals = List.copyOf(approvals);
    Objects.requireNonNull(nomineeEligibility, "nomineeEligibility");
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(wording, "wording");
    Objects.requireNonNull(planCheck, "planCheck");
    Objects.requireNonNull(pages, "pages");
    if (contests.isEmpty()) {
      throw new IllegalArgumentException(labelZh + ": at least one contest");
    }
  }

  /** The approval steps of a subject (e.g. who approves the plan), in order. */
  public List<ApprovalStep> approvals(ApprovalSubject subject) {
    return approvals.stream().filter(a -> a.subject() == subject).toList();
  }

  /** The first body acting on a subject, if the kind has one. */
  public Optional<ApprovalBody> approver(ApprovalSubject subject) {
    return approvals(subject).stream().map(ApprovalStep::body).findFirst();
  }

  /** Whether the electorate is the party roster's members' meeting (党员大会). */
  public boolean membersMeeting() {
    return electorate == Electorate.MEMBERS_MEETING;
  }

  /** The contests of a stage. */
  public List<Contest> contests(int stage) {
    return contests.stream().filter(c -> c.stage() == stage).toList();
  }
}
