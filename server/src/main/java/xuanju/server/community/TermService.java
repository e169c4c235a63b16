package xuanju.server.community;

import java.time.Clock;
import java.time.LocalDate;
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
import xuanju.core.community.CommunityTerms;
import xuanju.core.community.PartyPost;
import xuanju.core.community.PreviousTerms;
import xuanju.core.community.TermPart;
import xuanju.core.community.TwoCommittees;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.election.kind.Contest;
import xuanju.server.election.kind.ElectionKindConfig;

/**
 * A community's 换届 (社区换届): created for a community organisation by the 街道's organising staff
 * (MANAGE on the organisation) with the plan's deadlines, the party organisation's election and the
 * residents' committee election linked (chosen or created here; one election belongs to at most one
 * term), and the division of posts (分工) of the elected party committee checked by core {@link
 * CommunityTerms#checkParty}. Every change is audited ({@code COMMUNITY_TERM_*}); a refusal changes
 * nothing.
 */
@Service
public class TermService {
  /** The note of deadlines left at the plan's defaults. */
  static final String DEFAULT_NOTE = "";

  private final TermRepository repo;
  private final TermProgress progress;
  private final ElectionService elections;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;

  TermService(
      TermRepository repo,
      TermProgress progress,
      ElectionService elections,
      AccessService access,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.progress = progress;
    this.elections = elections;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private void log(String action, long termId, String summary) {
    audit.append(AccessService.currentUser(), action, "community-term:" + termId, summary);
  }

  /** The term after the access check on its organisation. */
  TermRepository.Term term(long id, Permission p) {
    TermRepository.Term t =
        repo.find(id).orElseThrow(() -> new InvalidInputException("id", "社区换届不存在：" + id));
    access.require(t.organisationId(), p);
    return t;
  }

  /** The terms the user may see. */
  @Transactional(readOnly = true)
  public List<TermRepository.Term> visible() {
    return repo.byOrganisations(
        access.visibleOrganisations(
            AccessService.currentUser(), AccessService.currentIsAdmin(), Permission.VIEW));
  }

  /** The term an election belongs to, if any and visible. */
  @Transactional(readOnly = true)
  public Optional<Long> termOfElection(long electionId) {
    return repo.ofElection(electionId)
        .filter(
            t ->
                access.allowed(
                    AccessService.currentUser(),
                    AccessService.currentIsAdmin(),
                    t.organisationId(),
                    Permission.VIEW))
        .map(TermRepository.Term::id);
  }

  /**
   * Creates a term (MANAGE on the organisation) with the plan's deadlines for {@code year}; each
   * date given replaces the plan's default, and then {@code note} must say who set it.
   */
  @Transactional
  public long create(
      long organisationId, String name, Integer year, Map<TermPart, LocalDate> dates, String note) {
    access.require(organisationId, Permission.MANAGE);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new InvalidInputException("name", "请填写换届名称（如 诺恩吉雅社区“两委”换届）");
    }
    if (year == null) {
      throw new InvalidInputException("year", "请填写换届年度（方案各项时限所在的年份）");
    }
    Map<TermPart, LocalDate> d = deadlines(year, dates, note);
    String nt = note == null ? "" : note.strip();
    long id =
        repo.insert(organisationId, n, year, d, nt, AccessService.currentUser(), clock.instant());
    log("COMMUNITY_TERM_CREATED", id, "新建社区换届「" + n + "」，时限：" + describe(d));
    return id;
  }

  /** The plan's defaults with the dates given; a date other than the default needs its source. */
  static Map<TermPart, LocalDate> deadlines(int year, Map<TermPart, LocalDate> dates, String note) {
    Map<TermPart, LocalDate> d = new EnumMap<>(CommunityTerms.defaultDeadlines(year));
    boolean changed = false;
    for (Map.Entry<TermPart, LocalDate> x : dates.entrySet()) {
      if (x.getValue() != null) {
        changed |= !x.getValue().equals(d.get(x.getKey()));
        d.put(x.getKey(), x.getValue());
      }
    }
    if (changed && (note == null || note.isBlank())) {
      throw new InvalidInputException("deadlineNote", "完成时限与工作方案的规定不同，请写明依据（如 街道党工委会议确定）");
    }
    return d;
  }

  static String describe(Map<TermPart, LocalDate> d) {
    return d.entrySet().stream()
        .map(x -> x.getKey().labelZh() + x.getValue())
        .collect(Collectors.joining("，"));
  }

  /** Changes the deadlines (MANAGE). */
  @Transactional
  public void saveDeadlines(long termId, Map<TermPart, LocalDate> dates, String note) {
    TermRepository.Term t = term(termId, Permission.MANAGE);
    Map<TermPart, LocalDate> d = deadlines(t.year(), dates, note);
    if (!repo.saveDeadlines(termId, t.version(), d, note == null ? "" : note.strip())) {
      throw new IllegalStateException("社区换届已被他人修改，请刷新页面");
    }
    log("COMMUNITY_TERM_DEADLINES", termId, "修改完成时限：" + describe(d) + "（" + note + "）");
  }

  /** The kind that holds a part (by its timeline template), read from the configuration. */
  static ElectionKind kindFor(TermPart part) {
    String tl =
        part.timelineTemplate()
            .orElseThrow(() -> new InvalidInputException("part", part.labelZh() + "不是一次选举，不能关联选举"));
    for (ElectionKind k : ElectionKind.values()) {
      if (k.timelineTemplate().equals(tl)) {
        return k;
      }
    }
    throw new IllegalStateException("没有" + part.labelZh() + "的选举类型");
  }

  static TermPart part(String raw) {
    try {
      TermPart p = TermPart.valueOf(raw == null ? "" : raw.strip());
      if (p.timelineTemplate().isPresent()) {
        return p;
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw new InvalidInputException("part", "请选择党组织或居民委员会");
  }

  /**
   * Links an existing election to a part (MANAGE on the term's organisation, VIEW on the election):
   * of the part's kind, of the community or an organisation below it, not yet linked to a term.
   */
  @Transactional
  public void link(long termId, String partRaw, Long electionId) {
    TermPart part = part(partRaw);
    TermRepository.Term t = term(termId, Permission.MANAGE);
    if (electionId == null) {
      throw new InvalidInputException("electionId", "请选择要关联的选举");
    }
    Election e = elections.get(electionId);
    check(t, part, e);
    if (!repo.link(termId, t.version(), part, electionId)) {
      throw new IllegalStateException("本换届的" + part.labelZh() + "已关联选举，或已被他人修改，请刷新页面");
    }
    log("COMMUNITY_TERM_LINKED", termId, part.labelZh() + "关联选举「" + e.title() + "」");
  }

  private void check(TermRepository.Term t, TermPart part, Election e) {
    if (!e.kind().timelineTemplate().equals(kindFor(part).timelineTemplate())) {
      throw new InvalidInputException(
          "electionId",
          "「" + e.title() + "」是" + e.kind().labelZh() + "，不是" + part.labelZh() + "的选举");
    }
    if (!repo.within(e.organisationId(), t.organisationId())) {
      throw new InvalidInputException(
          "electionId", "「" + e.title() + "」不是" + t.organisationName() + "或其下属组织的选举");
    }
    repo.ofElection(e.id())
        .ifPresent(
            o -> {
              throw new IllegalStateException(
                  "「" + e.title() + "」已属于社区换届「" + o.name() + "」，一次选举只能属于一次换届");
            });
    if (t.election(part).isPresent()) {
      throw new IllegalStateException("本换届的" + part.labelZh() + "已关联选举");
    }
  }

  /**
   * Creates the part's election in DRAFT from the term page (MANAGE on the chosen organisation) and
   * links it: the kind's default profile and seats (the party committee with its 书记 and 副书记).
   */
  @Transactional
  public long createElection(
      long termId, String partRaw, Long organisationId, String title, LocalDate electionDay) {
    TermPart part = part(partRaw);
    TermRepository.Term t = term(termId, Permission.MANAGE);
    long org = organisationId == null ? t.organisationId() : organisationId;
    if (!repo.within(org, t.organisationId())) {
      throw new InvalidInputException(
          "organisationId", "选举的组织须是" + t.organisationName() + "或其下属组织");
    }
    if (t.election(part).isPresent()) {
      throw new IllegalStateException("本换届的" + part.labelZh() + "已关联选举");
    }
    ElectionKind k = kindFor(part);
    ElectionKindConfig c = k.config();
    List<Contest> second = c.contests(2);
    int seats = c.contests(1).stream().mapToInt(Contest::defaultSeats).sum();
    String name =
        title == null || title.isBlank() ? t.name() + part.labelZh() + "选举" : title.strip();
    long id =
        elections.create(
            new ElectionForm(
                org,
                name,
                k,
                k.defaultProfile(),
                Map.of(),
                "",
                !second.isEmpty(),
                seats,
                second.isEmpty() ? 0 : second.get(0).defaultSeats(),
                second.size() < 2 ? 0 : second.get(1).defaultSeats(),
                null,
                electionDay,
                5));
    TermRepository.Term fresh = term(termId, Permission.MANAGE);
    if (!repo.link(termId, fresh.version(), part, id)) {
      throw new IllegalStateException("社区换届已被他人修改，请刷新页面");
    }
    log("COMMUNITY_TERM_LINKED", termId, part.labelZh() + "新建并关联选举「" + name + "」");
    return id;
  }

  /**
   * Records the previous term's figures (上届班子情况, MANAGE) for the comparison of seed 002 三（四）: the
   * 两委 team and its members with 大专 or above, the residents' committee and its party members.
   * Recording again replaces both pairs; a refusal (a pair half filled, a negative count, a part
   * above its whole) names the field and stores nothing.
   */
  @Transactional
  public PreviousTerms.Figures recordPrevious(
      long termId,
      Integer teamSize,
      Integer teamCollege,
      Integer residentsSize,
      Integer residentsParty) {
    TermRepository.Term t = term(termId, Permission.MANAGE);
    PreviousTerms.Figures f =
        PreviousTerms.Figures.of(teamSize, teamCollege, residentsSize, residentsParty);
    if (!repo.recordPrevious(
        termId, t.version(), f, AccessService.currentUser(), clock.instant())) {
      throw new IllegalStateException("社区换届已被他人修改，请刷新页面");
    }
    log("COMMUNITY_TERM_PREVIOUS", termId, "登记上届班子情况：" + describe(f));
    return f;
  }

  static String describe(PreviousTerms.Figures f) {
    List<String> parts = new ArrayList<>();
    f.team()
        .ifPresent(c -> parts.add("“两委”班子成员" + c.whole() + "人，其中大专（含大专）以上文化程度" + c.part() + "人"));
    f.residents().ifPresent(c -> parts.add("居民委员会成员" + c.whole() + "人，其中党员" + c.part() + "人"));
    return String.join("；", parts);
  }

  /**
   * Removes a mistakenly linked election from a part (MANAGE), with the reason, audited ({@code
   * COMMUNITY_TERM_UNLINKED}); the election itself is kept. Refused once the part is 已完成 as the
   * timeline reads it ({@link TermProgress}: the party election's results ready or submitted; the
   * residents' committee's last vote decided with members elected, or its results submitted), once
   * the party committee's 分工 is recorded from the party election, and once the 两委 summary is
   * recorded.
   */
  @Transactional
  public void unlink(long termId, String partRaw, String reason) {
    TermPart part = part(partRaw);
    TermRepository.Term t = term(termId, Permission.MANAGE);
    Long electionId =
        t.election(part)
            .orElseThrow(() -> new IllegalStateException("本换届的" + part.labelZh() + "尚未关联选举"));
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new InvalidInputException("reason", "请写明取消关联的理由（如 关联错了选举）");
    }
    Election e = elections.get(electionId);
    CommunityTerms.Progress p = part == TermPart.PARTY ? progress.party(t) : progress.residents(t);
    if (p.done()) {
      throw new IllegalStateException(
          "「" + e.title() + "」已产生选举结果（" + part.labelZh() + "已完成），结果已确定，不能取消关联");
    }
    if (part == TermPart.PARTY && !repo.posts(termId).isEmpty()) {
      throw new IllegalStateException("已按「" + e.title() + "」的结果确定社区党组织委员会分工，不能取消关联");
    }
    if (t.summaryRecordedAt() != null) {
      throw new IllegalStateException("本换届已登记“两委”班子汇总，不能取消关联选举");
    }
    if (!repo.unlink(termId, t.version(), part, electionId)) {
      throw new IllegalStateException("社区换届已被他人修改，请刷新页面");
    }
    log("COMMUNITY_TERM_UNLINKED", termId, part.labelZh() + "取消关联选举「" + e.title() + "」，理由：" + why);
  }

  /**
   * Deletes a term created by mistake (MANAGE), audited ({@code COMMUNITY_TERM_DELETED}); refused
   * while an election is linked to it.
   */
  @Transactional
  public void delete(long termId) {
    TermRepository.Term t = term(termId, Permission.MANAGE);
    if (t.anyLinked()) {
      List<String> linked = new ArrayList<>();
      for (TermPart p : List.of(TermPart.PARTY, TermPart.RESIDENTS)) {
        t.election(p)
            .ifPresent(id -> linked.add(p.labelZh() + "「" + elections.get(id).title() + "」"));
      }
      throw new IllegalStateException("本换届已关联选举（" + String.join("、", linked) + "），请先取消关联，再删除换届");
    }
    if (!repo.delete(termId, t.version())) {
      throw new IllegalStateException("社区换届已被他人修改，请刷新页面");
    }
    log("COMMUNITY_TERM_DELETED", termId, "删除社区换届「" + t.name() + "」（" + t.organisationName() + "）");
  }

  /** One member's post as chosen on the form. */
  public record PostChoice(String memberKey, String post, boolean deputyDirector) {}

  /**
   * Records the division of posts of the elected party committee (MANAGE): one post per elected
   * member; refused (nothing stored) when core finds an error (not one 书记, not one 专职副书记).
   */
  @Transactional
  public Findings recordPosts(long termId, List<PostChoice> choices) {
    TermRepository.Term t = term(termId, Permission.MANAGE);
    if (t.partyElectionId() == null) {
      throw new IllegalStateException("尚未关联党组织换届选举");
    }
    List<TermProgress.PartyMember> committee = progress.partyCommittee(t.partyElectionId());
    if (committee.isEmpty()) {
      throw new IllegalStateException("党组织选举尚未产生新一届委员会，不能确定分工");
    }
    Map<String, TermProgress.PartyMember> byKey = new LinkedHashMap<>();
    committee.forEach(m -> byKey.put(m.key(), m));
    Map<String, PostChoice> chosen = new LinkedHashMap<>();
    for (PostChoice c : choices) {
      if (c.memberKey() == null || !byKey.containsKey(c.memberKey())) {
        throw new InvalidInputException("memberKey", "所选人员不是新一届社区党组织委员会委员");
      }
      chosen.put(c.memberKey(), c);
    }
    List<TermRepository.Post> posts = new ArrayList<>();
    List<TwoCommittees.PartySeat> seats = new ArrayList<>();
    Set<String> deputyDirectors = new HashSet<>();
    for (TermProgress.PartyMember m : committee) {
      PostChoice c = chosen.get(m.key());
      PartyPost p = post(c == null ? null : c.post(), m.name());
      posts.add(new TermRepository.Post(m.key(), m.name(), p, c != null && c.deputyDirector()));
      seats.add(new TwoCommittees.PartySeat(m.key(), m.name(), p));
      if (c != null && c.deputyDirector()) {
        deputyDirectors.add(m.key());
      }
    }
    Findings f = CommunityTerms.checkParty(seats, deputyDirectors);
    if (!f.errors().isEmpty()) {
      throw new InvalidInputException("posts", "分工未保存：" + CommunityContext.errors(f));
    }
    if (!repo.replacePosts(
        termId, t.version(), posts, AccessService.currentUser(), clock.instant())) {
      throw new IllegalStateException("社区换届已被他人修改，请刷新页面");
    }
    log(
        "COMMUNITY_TERM_POSTS",
        termId,
        "确定社区党组织委员会分工："
            + posts.stream()
                .map(
                    p -> p.name() + p.post().labelZh() + (p.deputyDirector() ? "（拟任居民委员会副主任）" : ""))
                .collect(Collectors.joining("、")));
    return f;
  }

  private static PartyPost post(String raw, String name) {
    try {
      return PartyPost.valueOf(raw == null ? "" : raw.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("post", "请为" + name + "选择职务");
    }
  }
}
