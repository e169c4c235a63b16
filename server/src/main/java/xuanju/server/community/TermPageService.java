package xuanju.server.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.CommunityTerms;
import xuanju.core.community.PartyPost;
import xuanju.core.community.PreviousTerms;
import xuanju.core.community.TermPart;
import xuanju.core.community.TwoCommittees;
import xuanju.core.community.TwoCommitteesSummary;
import xuanju.core.names.NameOrder;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.rule.Findings;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.Organisation;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.voting.VotingModel;

/**
 * What the term page shows (社区换届页面): the timeline of the parts with their states, the linked
 * elections and the ones that may be linked, the elected party committee with its 分工, and the 两委
 * summary by core {@link TwoCommittees#summarise} with the team's structure.
 */
@Service
public class TermPageService {
  private final TermService terms;
  private final TermRepository repo;
  private final TermProgress progress;
  private final ElectionService elections;
  private final OrganisationService organisations;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;

  TermPageService(
      TermService terms,
      TermRepository repo,
      TermProgress progress,
      ElectionService elections,
      OrganisationService organisations,
      AccessService access,
      AuditLog audit,
      Clock clock) {
    this.terms = terms;
    this.repo = repo;
    this.progress = progress;
    this.elections = elections;
    this.organisations = organisations;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records the 两委 summary (MANAGE) once the party committee's 分工 is recorded and the residents'
   * committee elected: 一肩挑, the number of cross-posts and the words of the summary, audited ({@code
   * COMMUNITY_TERM_SUMMARY}). Recording again replaces it (e.g. after a further vote).
   */
  @Transactional
  public void recordSummary(long termId) {
    TermRepository.Term t = terms.term(termId, Permission.MANAGE);
    Summary s =
        summary(termId)
            .filter(x -> x.core().partySize() > 0 && x.core().residentsSize() > 0)
            .orElseThrow(
                () -> new IllegalStateException("社区党组织委员会分工尚未确定或居民委员会成员尚未选出，不能登记“两委”班子汇总"));
    String text =
        TermDocuments.crossZh(s) + TermDocuments.structureZh(s) + TermDocuments.previousZh(s);
    if (!repo.recordSummary(
        termId,
        t.version(),
        s.core().oneShoulder(),
        s.core().crossPosted(),
        text,
        AccessService.currentUser(),
        clock.instant())) {
      throw new IllegalStateException("社区换届已被他人修改，请刷新页面");
    }
    audit.append(
        AccessService.currentUser(),
        "COMMUNITY_TERM_SUMMARY",
        "community-term:" + termId,
        "登记社区“两委”班子汇总：" + text);
  }

  /** A member of the elected party committee with the post shown on the form. */
  public record PartyRow(
      String key, String name, String officerZh, PartyPost post, boolean deputyDirector) {}

  /** The structure of the team (班子结构): counts and the quota checks. */
  public record Structure(
      int team,
      long women,
      long young,
      long partyMembers,
      long college,
      int residents,
      long residentsPartyMembers,
      QuotaCheck teamCheck,
      QuotaCheck residentsCheck) {}

  /**
   * The 两委 summary: core's summary, the lines in order, the structure and its comparison with the
   * previous term (core {@link PreviousTerms}: the 大专 share of the team, the party share of the
   * residents' committee).
   */
  public record Summary(
      TwoCommitteesSummary core,
      List<TwoCommitteesSummary.Line> lines,
      Map<String, String> deputyDirectorNominees,
      Map<String, TermRepository.Facts> facts,
      Structure structure,
      LocalDate referenceDate,
      List<PreviousTerms.Comparison> previous) {
    /** The secretary's name when 一肩挑 is achieved. */
    public String oneShoulderName() {
      return core.oneShoulder()
          ? lines.stream()
              .filter(l -> l.personId().equals(core.secretaryId().orElse("")))
              .map(TwoCommitteesSummary.Line::name)
              .findFirst()
              .orElse("")
          : "";
    }
  }

  /** The page. */
  public record View(
      TermRepository.Term term,
      List<CommunityTerms.PartStatus> timeline,
      Map<TermPart, Election> linked,
      Map<TermPart, List<Election>> linkable,
      List<Organisation> organisations,
      List<PartyRow> party,
      boolean postsRecorded,
      Findings partyFindings,
      Optional<Summary> summary,
      boolean canManage,
      LocalDate today) {
    public String deadlineRuleCode() {
      return CommunityRule.TERM_DEADLINE.code();
    }

    public String partyFirstRuleCode() {
      return CommunityRule.TERM_PARTY_FIRST.code();
    }

    /** Whether a part is 已完成 on the timeline (its linked election can no longer be unlinked). */
    public boolean done(TermPart p) {
      return timeline.stream()
          .anyMatch(x -> x.part() == p && x.state() == xuanju.core.community.PartState.DONE);
    }

    /** A recorded figure of the previous term for the form, or null. */
    public Integer previous(String field) {
      var f = term.previous();
      return switch (field) {
        case "teamSize" -> f.team().map(PreviousTerms.Count::whole).orElse(null);
        case "teamCollege" -> f.team().map(PreviousTerms.Count::part).orElse(null);
        case "residentsSize" -> f.residents().map(PreviousTerms.Count::whole).orElse(null);
        case "residentsParty" -> f.residents().map(PreviousTerms.Count::part).orElse(null);
        default -> throw new IllegalArgumentException(field);
      };
    }

    /** The previous term's figures in words, or empty when none are recorded. */
    public String previousZh() {
      return TermService.describe(term.previous());
    }

    /** Where a deadline comes from: the plan, or the note when a date differs from the plan. */
    public String sourceZh(TermPart p) {
      return p.defaultDeadline(term.year()).equals(term.deadlines().get(p))
          ? p.sourceZh()
          : "按" + term.deadlineNote();
    }
  }

  @Transactional(readOnly = true)
  public View view(long termId) {
    TermRepository.Term t = terms.term(termId, Permission.VIEW);
    LocalDate today = terms.today();
    var timeline = CommunityTerms.timeline(progress.progress(t), t.deadlines(), today);
    Map<TermPart, Election> linked = new LinkedHashMap<>();
    if (t.partyElectionId() != null) {
      linked.put(TermPart.PARTY, elections.get(t.partyElectionId()));
    }
    if (t.residentsElectionId() != null) {
      linked.put(TermPart.RESIDENTS, elections.get(t.residentsElectionId()));
    }
    boolean manage =
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            t.organisationId(),
            Permission.MANAGE);
    Map<TermPart, List<Election>> linkable = new LinkedHashMap<>();
    List<Organisation> orgs = new ArrayList<>();
    if (manage) {
      for (TermPart p : List.of(TermPart.PARTY, TermPart.RESIDENTS)) {
        if (!linked.containsKey(p)) {
          String tl = TermService.kindFor(p).timelineTemplate();
          linkable.put(
              p,
              elections.visible().stream()
                  .filter(e -> e.kind().timelineTemplate().equals(tl))
                  .filter(e -> repo.within(e.organisationId(), t.organisationId()))
                  .filter(e -> repo.ofElection(e.id()).isEmpty())
                  .toList());
        }
      }
      organisations.all().stream()
          .filter(o -> repo.within(o.id(), t.organisationId()))
          .forEach(orgs::add);
    }
    List<PartyRow> party = partyRows(t);
    List<TermRepository.Post> posts = repo.posts(t.id());
    Findings pf = Findings.none();
    if (!posts.isEmpty()) {
      Set<String> dd = new LinkedHashSet<>();
      List<TwoCommittees.PartySeat> seats = new ArrayList<>();
      for (TermRepository.Post p : posts) {
        seats.add(new TwoCommittees.PartySeat(p.memberKey(), p.name(), p.post()));
        if (p.deputyDirector()) {
          dd.add(p.memberKey());
        }
      }
      pf = CommunityTerms.checkParty(seats, dd);
    }
    return new View(
        t,
        timeline,
        linked,
        linkable,
        orgs,
        party,
        !posts.isEmpty(),
        pf,
        summary(t, linked),
        manage,
        today);
  }

  private List<PartyRow> partyRows(TermRepository.Term t) {
    if (t.partyElectionId() == null) {
      return List.of();
    }
    Map<String, TermRepository.Post> recorded = new LinkedHashMap<>();
    repo.posts(t.id()).forEach(p -> recorded.put(p.memberKey(), p));
    List<PartyRow> out = new ArrayList<>();
    for (TermProgress.PartyMember m : progress.partyCommittee(t.partyElectionId())) {
      TermRepository.Post r = recorded.get(m.key());
      PartyPost preset =
          m.officer()
              .map(
                  o ->
                      o == VotingModel.Post.SECRETARY
                          ? PartyPost.SECRETARY
                          : PartyPost.DEPUTY_SECRETARY)
              .orElse(PartyPost.MEMBER);
      out.add(
          new PartyRow(
              m.key(),
              m.name(),
              m.officer().map(o -> "当选" + o.labelZh()).orElse("委员"),
              r == null ? preset : r.post(),
              r != null && r.deputyDirector()));
    }
    return out;
  }

  /** The 两委 summary once the party posts are recorded or the residents' committee is elected. */
  @Transactional(readOnly = true)
  public Optional<Summary> summary(long termId) {
    TermRepository.Term t = terms.term(termId, Permission.VIEW);
    Map<TermPart, Election> linked = new LinkedHashMap<>();
    if (t.residentsElectionId() != null) {
      linked.put(TermPart.RESIDENTS, elections.get(t.residentsElectionId()));
    }
    return summary(t, linked);
  }

  private Optional<Summary> summary(TermRepository.Term t, Map<TermPart, Election> linked) {
    List<TermRepository.Post> posts = repo.posts(t.id());
    List<TermProgress.ResidentsMember> rc =
        t.residentsElectionId() == null
            ? List.of()
            : progress.residentsCommittee(t.residentsElectionId());
    if (posts.isEmpty() && rc.isEmpty()) {
      return Optional.empty();
    }
    // identity across both committees: the resident ID number (roster and register)
    Set<Long> memberIds = new LinkedHashSet<>();
    for (TermRepository.Post p : posts) {
      if (p.memberKey().startsWith("m")) {
        memberIds.add(Long.valueOf(p.memberKey().substring(1)));
      }
    }
    Map<Long, TermRepository.Facts> members = repo.members(memberIds);
    Map<String, Long> applicants =
        t.residentsElectionId() == null ? Map.of() : repo.applicants(t.residentsElectionId());
    Set<Long> personIds = new LinkedHashSet<>();
    rc.forEach(
        r -> {
          if (applicants.containsKey(r.key())) {
            personIds.add(applicants.get(r.key()));
          }
        });
    Map<Long, TermRepository.Facts> persons = repo.persons(personIds);
    Map<String, TermRepository.Facts> facts = new LinkedHashMap<>();
    List<TwoCommittees.PartySeat> party = new ArrayList<>();
    Map<String, String> nominees = new LinkedHashMap<>();
    for (TermRepository.Post p : posts) {
      TermRepository.Facts f =
          p.memberKey().startsWith("m")
              ? members.get(Long.valueOf(p.memberKey().substring(1)))
              : null;
      String id = f == null ? "key:" + p.memberKey() : f.residentId();
      if (f != null) {
        facts.put(id, f);
      }
      party.add(new TwoCommittees.PartySeat(id, p.name(), p.post()));
      if (p.deputyDirector()) {
        nominees.put(id, p.name());
      }
    }
    List<TwoCommittees.ResidentsSeat> residents = new ArrayList<>();
    for (TermProgress.ResidentsMember r : rc) {
      Long pid = applicants.get(r.key());
      TermRepository.Facts f = pid == null ? null : persons.get(pid);
      String id = f == null ? "name:" + r.name() : f.residentId();
      if (f != null) {
        facts.merge(id, f, (a, b) -> a.partyMember() ? a : b);
      }
      residents.add(new TwoCommittees.ResidentsSeat(id, r.name(), r.post()));
    }
    TwoCommitteesSummary s = TwoCommittees.summarise(party, residents);
    NameOrder strokes = NameOrder.surnameStrokes();
    List<TwoCommitteesSummary.Line> lines = new ArrayList<>(s.people());
    lines.sort(
        Comparator.comparingInt(TermPageService::rank)
            .thenComparing(l -> strokes.sortKey(l.name())));
    Election re = linked.get(TermPart.RESIDENTS);
    LocalDate ref = re != null ? re.electionDay() : terms.today();
    Structure st = structure(s, residents, facts, ref);
    List<PreviousTerms.Comparison> previous =
        List.of(
            PreviousTerms.college((int) st.college(), st.team(), t.previous().team()),
            PreviousTerms.partyMembers(
                (int) st.residentsPartyMembers(), st.residents(), t.previous().residents()));
    return Optional.of(new Summary(s, lines, nominees, facts, st, ref, previous));
  }

  /** Order of the summary table: by the highest post (书记 first), then 姓氏笔画. */
  static int rank(TwoCommitteesSummary.Line l) {
    int p = l.party().map(x -> x.ordinal()).orElse(PartyPost.values().length);
    int r = l.residents().map(x -> x.ordinal()).orElse(CommitteePost.values().length);
    return Math.min(p * 2, r * 2 + 1);
  }

  private static Structure structure(
      TwoCommitteesSummary s,
      List<TwoCommittees.ResidentsSeat> residents,
      Map<String, TermRepository.Facts> facts,
      LocalDate ref) {
    List<Person> team = new ArrayList<>();
    for (TwoCommitteesSummary.Line l : s.people()) {
      team.add(person(l.personId(), l.name(), facts.get(l.personId()), l.party().isPresent()));
    }
    List<Person> rc = new ArrayList<>();
    for (TwoCommittees.ResidentsSeat r : residents) {
      rc.add(person(r.personId(), r.name(), facts.get(r.personId()), false));
    }
    QuotaCheck teamCheck =
        Quotas.check(QuotaSets.COMMUNITY_TWO_COMMITTEES.requirements(), team, ref);
    QuotaCheck rcCheck = Quotas.check(QuotaSets.RESIDENTS_COMMITTEE.requirements(), rc, ref);
    long women = count(teamCheck, "ST-02");
    long young = count(teamCheck, "ST-01");
    long partyMembers = team.stream().filter(p -> Boolean.TRUE.equals(p.partyMember())).count();
    long college = team.stream().filter(p -> p.tags().contains(QuotaSets.COLLEGE_TAG)).count();
    long rcParty = rc.stream().filter(p -> Boolean.TRUE.equals(p.partyMember())).count();
    return new Structure(
        team.size(), women, young, partyMembers, college, rc.size(), rcParty, teamCheck, rcCheck);
  }

  private static long count(QuotaCheck c, String requirement) {
    return c.results().stream()
        .filter(r -> r.requirement().id().equals(requirement))
        .mapToLong(r -> r.count())
        .sum();
  }

  private static Person person(String id, String name, TermRepository.Facts f, boolean onParty) {
    if (f == null) {
      return new Person(id, name, null, null, null, onParty ? Boolean.TRUE : null, Set.of());
    }
    return new Person(
        id,
        name,
        f.gender(),
        f.birthDate(),
        null,
        onParty || Boolean.TRUE.equals(f.partyMember()),
        f.college() ? Set.of(QuotaSets.COLLEGE_TAG) : Set.of());
  }
}
