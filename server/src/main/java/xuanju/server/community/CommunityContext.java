package xuanju.server.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ElectionCommittee;
import xuanju.core.community.ElectionCommittees;
import xuanju.core.community.QualificationReview;
import xuanju.core.community.QualificationReviews;
import xuanju.core.community.Relatives;
import xuanju.core.community.ReviewBody;
import xuanju.core.community.Role;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.kind.Contest;

/**
 * What the community services share: the election with its access check (a residents' committee
 * election — an election that registers voters and holds its contests at one meeting), the persons
 * of the register and the voter list by ID number, the seats per post from the kind's contests, the
 * state the core checks read (committee, review, holders of places) and the audit.
 */
@Component
class CommunityContext {
  /** The bodies whose written opinion the joint review needs (资格联审部门). */
  static final Set<ReviewBody> REQUIRED_BODIES = QualificationReviews.DEFAULT_BODIES;

  /** The committee size of the plan (seed 002: 5). */
  static final int PLANNED_COMMITTEE_SIZE = ElectionCommittees.SEED_002_SIZE;

  final CommitteeRepository committee;
  final ApplicationRepository applications;
  final ElectionService elections;
  final AuditLog audit;
  final Clock clock;

  CommunityContext(
      CommitteeRepository committee,
      ApplicationRepository applications,
      ElectionService elections,
      AuditLog audit,
      Clock clock) {
    this.committee = committee;
    this.applications = applications;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** The election, after the access check; 409 for an election of another kind. */
  Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!e.kind().config().electorate().registersVoters() || e.contestsPerDistrict()) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）没有居民委员会候选人报名和资格联审环节");
    }
    return e;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  void audit(String action, Election e, String summary) {
    audit.append(AccessService.currentUser(), action, "election:" + e.id(), summary);
  }

  /** A valid ID number, normalised; 400 naming the field otherwise. */
  String residentId(String raw, String field, String label) {
    List<Finding> problems = ResidentIds.check(raw, today(), field);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(field, label + problems.get(0).messageZh());
    }
    return ResidentIds.normalise(raw);
  }

  /** A living person of the election's register (居民名册) by ID number. */
  CommitteeRepository.PersonRef registerPerson(Election e, String raw, String field, String label) {
    String id = residentId(raw, field, label);
    return committee
        .registerPerson(e.organisationId(), id)
        .orElseThrow(
            () -> new InvalidInputException(field, label + "不在" + e.organisationName() + "的居民名册中"));
  }

  /** A voter listed on the election's voter list (选民名单) by ID number. */
  CommitteeRepository.PersonRef voter(Election e, String raw, String field, String label) {
    String id = residentId(raw, field, label);
    return committee
        .listedVoter(e.id(), id)
        .orElseThrow(() -> new InvalidInputException(field, label + "不是本次选举登记在册的选民"));
  }

  /** Seats per post: the kind's contests named 居民委员会主任 / 副主任 / 委员. */
  static Map<CommitteePost, Integer> seats(Election e) {
    Map<CommitteePost, Integer> out = new EnumMap<>(CommitteePost.class);
    String body = e.kind().config().wording().committee();
    for (Contest c : e.kind().config().contests()) {
      for (CommitteePost p : CommitteePost.values()) {
        if (c.postZh().equals(body + p.labelZh())) {
          out.merge(p, c.defaultSeats(), Integer::sum);
        }
      }
    }
    return out;
  }

  /** The committee as core reads it: current members and who left with their replacements. */
  ElectionCommittee coreCommittee(List<CommitteeRepository.Member> members) {
    List<ElectionCommittee.Member> current = new ArrayList<>();
    List<ElectionCommittee.Replacement> replaced = new ArrayList<>();
    for (CommitteeRepository.Member m : members) {
      if (m.current()) {
        current.add(
            new ElectionCommittee.Member(
                String.valueOf(m.personId()), m.name(), m.chosenBy(), m.chair()));
      } else {
        CommitteeRepository.Member by =
            members.stream()
                .filter(x -> m.id() == (x.replacesId() == null ? -1 : x.replacesId()))
                .findFirst()
                .orElse(null);
        replaced.add(
            new ElectionCommittee.Replacement(
                String.valueOf(m.personId()),
                m.name(),
                m.leftReason(),
                by == null ? null : String.valueOf(by.personId()),
                by == null ? null : by.method()));
      }
    }
    return new ElectionCommittee(current, replaced);
  }

  /** The applicants' person ids, as core reads them. */
  Set<String> candidateIds(long electionId) {
    return applications.applications(electionId).stream()
        .map(a -> String.valueOf(a.personId()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  Findings committeeFindings(long electionId) {
    return ElectionCommittees.check(
        coreCommittee(committee.members(electionId)),
        candidateIds(electionId),
        PLANNED_COMMITTEE_SIZE);
  }

  /** The joint review of each application, by application id. */
  Map<Long, QualificationReviews.Result> reviews(Election e) {
    var apps = applications.applications(e.id());
    var opinions = applications.opinions(apps.stream().map(a -> a.id()).toList());
    Map<Long, QualificationReviews.Result> out = new LinkedHashMap<>();
    for (var a : apps) {
      QualificationReview r =
          new QualificationReview(
              String.valueOf(a.personId()),
              a.name(),
              opinions.get(a.id()).stream().map(ApplicationRepository.Opinion::core).toList());
      out.put(a.id(), QualificationReviews.decide(r, REQUIRED_BODIES, e.electionDay()));
    }
    return out;
  }

  /** A place to add to the holders before checking (e.g. the staff member being recorded). */
  record Extra(long personId, String name, Role role) {}

  /**
   * Every holder of a place in this election: applicants (候选人) and election staff, with {@code
   * extra} added.
   */
  List<Relatives.Holder> holders(long electionId, List<Extra> extra) {
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, Set<Role>> roles = new LinkedHashMap<>();
    List<Extra> all = new ArrayList<>();
    applications
        .applications(electionId)
        .forEach(a -> all.add(new Extra(a.personId(), a.name(), Role.CANDIDATE)));
    committee.staff(electionId).forEach(s -> all.add(new Extra(s.personId(), s.name(), s.role())));
    all.addAll(extra);
    for (Extra x : all) {
      names.putIfAbsent(x.personId(), x.name());
      roles.computeIfAbsent(x.personId(), k -> EnumSet.noneOf(Role.class)).add(x.role());
    }
    List<Relatives.Holder> out = new ArrayList<>();
    roles.forEach((id, r) -> out.add(new Relatives.Holder(String.valueOf(id), names.get(id), r)));
    return out;
  }

  /** The conflicts that bar (severity error) among the holders with {@code extra}. */
  List<Relatives.Conflict> blockingConflicts(long electionId, List<Extra> extra) {
    return Relatives.conflicts(
            holders(electionId, extra),
            committee.kinships(electionId).stream().map(CommitteeRepository.Kinship::core).toList())
        .stream()
        .filter(c -> c.rule().severity() == Severity.ERROR)
        .toList();
  }

  /**
   * Refuses (409) if {@code extra} adds a barring conflict that was not there before: the message
   * names the persons, the relation and the rule.
   */
  void refuseNewConflicts(long electionId, List<Extra> extra, String prefix) {
    Set<String> before =
        blockingConflicts(electionId, List.of()).stream()
            .map(Relatives.Conflict::messageZh)
            .collect(Collectors.toSet());
    List<String> added =
        blockingConflicts(electionId, extra).stream()
            .filter(c -> !before.contains(c.messageZh()))
            .map(c -> c.messageZh() + basis(c.rule()))
            .toList();
    if (!added.isEmpty()) {
      throw new IllegalStateException(prefix + String.join("；", added));
    }
  }

  /** The rule's name and source in words: {@code （规则：…；依据：《…》…）}. */
  static String basis(Rule r) {
    return "（规则：" + r.messageZh() + "；依据：" + r.citation().display() + "）";
  }

  /** The error findings in words, each with its rule's source. */
  static String errors(Findings f) {
    return f.errors().stream()
        .map(x -> x.messageZh() + "（依据：" + x.rule().citation().display() + "）")
        .collect(Collectors.joining("；"));
  }
}
