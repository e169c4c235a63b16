package xuanju.server.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.PostMargins;
import xuanju.core.community.QualificationReviews;
import xuanju.core.community.Relatives;
import xuanju.core.margin.MarginRange;
import xuanju.core.names.NameOrder;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.person.Person;
import xuanju.server.person.PersonRepository;

/**
 * The formal candidates per post (正式候选人): chosen from the applicants cleared by the joint review,
 * at least one more than the seats of each post (core {@link PostMargins}, seats from the kind's
 * contests), published once, in 姓氏笔画 order, as a printable notice. Publication is refused while an
 * applicant chosen is not cleared (the barring case named), the residents' election committee does
 * not stand (a candidate still on it, a place not filled, an even or too small committee) or a
 * close relative conflict bars.
 */
@Service
public class FormalCandidatesService {
  private final CommunityContext ctx;
  private final PersonRepository persons;

  FormalCandidatesService(CommunityContext ctx, PersonRepository persons) {
    this.ctx = ctx;
    this.persons = persons;
  }

  /** One candidate with the basic facts from the person register (基本情况). */
  public record Candidate(
      long applicationId,
      String name,
      String genderZh,
      String birthZh,
      String ethnicity,
      String politicalZh,
      String workplace,
      boolean partyRecommended) {}

  /** One post: its seats, the allowed number of candidates and the candidates in stroke order. */
  public record PostList(
      CommitteePost post, int seats, MarginRange range, List<Candidate> candidates) {}

  /** The formal list: published or not, the posts in order. */
  public record FormalList(
      Election election, ApplicationRepository.Published published, List<PostList> posts) {
    public int size() {
      return posts.stream().mapToInt(p -> p.candidates().size()).sum();
    }
  }

  /** The published formal list, or (not yet published) the posts with no candidates. */
  @Transactional(readOnly = true)
  public FormalList formalList(long electionId) {
    Election e = ctx.election(electionId, Permission.VIEW);
    var published = ctx.applications.published(electionId).orElse(null);
    Set<Long> formal = new HashSet<>();
    ctx.applications.applications(electionId).stream()
        .filter(ApplicationRepository.Application::formal)
        .forEach(a -> formal.add(a.id()));
    return list(e, published, formal);
  }

  /** The published notice; 409 before publication. */
  @Transactional(readOnly = true)
  public FormalList notice(long electionId) {
    FormalList l = formalList(electionId);
    if (l.published() == null) {
      throw new IllegalStateException("正式候选人名单尚未公布");
    }
    return l;
  }

  /** The basic facts of every applicant from the person register, by application id. */
  @Transactional(readOnly = true)
  public Map<Long, Candidate> facts(long electionId) {
    ctx.election(electionId, Permission.VIEW);
    Map<Long, Candidate> out = new java.util.LinkedHashMap<>();
    ctx.applications.applications(electionId).forEach(a -> out.put(a.id(), candidate(a)));
    return out;
  }

  private FormalList list(Election e, ApplicationRepository.Published published, Set<Long> chosen) {
    Map<CommitteePost, Integer> seats = CommunityContext.seats(e);
    var profile = ctx.elections.profile(e);
    NameOrder strokes = NameOrder.surnameStrokes();
    List<PostList> posts = new ArrayList<>();
    var apps = ctx.applications.applications(e.id());
    for (CommitteePost p : CommitteePost.values()) {
      Integer s = seats.get(p);
      if (s == null || s < 1) {
        continue;
      }
      List<ApplicationRepository.Application> of =
          new ArrayList<>(
              apps.stream().filter(a -> a.post() == p && chosen.contains(a.id())).toList());
      of.sort(
          Comparator.comparing((ApplicationRepository.Application a) -> strokes.sortKey(a.name()))
              .thenComparing(ApplicationRepository.Application::residentId));
      List<Candidate> out = new ArrayList<>();
      for (var a : of) {
        out.add(candidate(a));
      }
      posts.add(new PostList(p, s, PostMargins.range(profile, p, s), out));
    }
    return new FormalList(e, published, posts);
  }

  private Candidate candidate(ApplicationRepository.Application a) {
    Person p = persons.find(a.personId()).orElse(null);
    LocalDate birth = p == null ? null : p.birthDate();
    return new Candidate(
        a.id(),
        a.name(),
        p == null || p.gender() == null ? "" : p.gender().labelZh(),
        birth == null ? "" : birth.getYear() + "年" + birth.getMonthValue() + "月",
        p == null || p.ethnicity() == null ? "" : p.ethnicity(),
        p == null || p.politicalStatus() == null ? "" : p.politicalStatus().labelZh(),
        p == null || p.workplace() == null ? "" : p.workplace(),
        a.partyRecommended());
  }

  /**
   * Publishes the formal list (MANAGE): the applications chosen, on {@code publishedOn}. Refused
   * with the rules' Chinese messages, nothing changed, unless every chosen applicant is cleared,
   * the committee stands, no relative conflict bars and every post has at least one more candidate
   * than seats.
   */
  @Transactional
  public void publish(long electionId, List<Long> applicationIds, LocalDate publishedOn) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    ctx.applications
        .published(electionId)
        .ifPresent(
            p -> {
              throw new IllegalStateException("正式候选人名单已于" + p.publishedOn() + "公布，不能再次公布");
            });
    Set<Long> chosen = new LinkedHashSet<>(applicationIds == null ? List.of() : applicationIds);
    if (chosen.isEmpty()) {
      throw new InvalidInputException("applicationIds", "请勾选列入正式候选人名单的报名人");
    }
    if (publishedOn == null || publishedOn.isAfter(ctx.today())) {
      throw new InvalidInputException("publishedOn", "公布日期：请填写，且不能晚于今天");
    }
    var apps = ctx.applications.applications(electionId);
    Set<Long> known = new HashSet<>();
    apps.forEach(a -> known.add(a.id()));
    if (!known.containsAll(chosen)) {
      throw new InvalidInputException("applicationIds", "所选报名人不属于本次选举");
    }
    Map<Long, QualificationReviews.Result> reviews = ctx.reviews(e);
    List<String> barred = new ArrayList<>();
    for (var a : apps) {
      if (chosen.contains(a.id()) && !reviews.get(a.id()).cleared()) {
        barred.add(CommunityContext.errors(reviews.get(a.id()).findings()));
      }
    }
    if (!barred.isEmpty()) {
      throw new IllegalStateException("资格联审未通过，不能确定为正式候选人：" + String.join("；", barred));
    }
    Findings committee = ctx.committeeFindings(electionId);
    if (!committee.errors().isEmpty()) {
      throw new IllegalStateException(
          "居民选举委员会不符合规定，不能公布正式候选人名单：" + CommunityContext.errors(committee));
    }
    List<Relatives.Conflict> conflicts = ctx.blockingConflicts(electionId, List.of());
    if (!conflicts.isEmpty()) {
      throw new IllegalStateException(
          "存在须回避的近亲属关系，不能公布正式候选人名单："
              + String.join(
                  "；",
                  conflicts.stream()
                      .map(c -> c.messageZh() + CommunityContext.basis(c.rule()))
                      .toList()));
    }
    Map<CommitteePost, Integer> counts = new EnumMap<>(CommitteePost.class);
    apps.stream()
        .filter(a -> chosen.contains(a.id()))
        .forEach(a -> counts.merge(a.post(), 1, Integer::sum));
    Findings margins =
        PostMargins.check(ctx.elections.profile(e), CommunityContext.seats(e), counts);
    if (!margins.errors().isEmpty()) {
      throw new IllegalStateException("候选人人数不符合差额要求：" + CommunityContext.errors(margins));
    }
    ctx.applications.publish(
        electionId,
        List.copyOf(chosen),
        publishedOn,
        AccessService.currentUser(),
        ctx.clock.instant());
    FormalList l = list(e, null, chosen);
    StringBuilder s = new StringBuilder("于" + publishedOn + "公布正式候选人名单：");
    for (PostList p : l.posts()) {
      s.append(p.post().labelZh())
          .append("（应选")
          .append(p.seats())
          .append("名）")
          .append(String.join("、", p.candidates().stream().map(Candidate::name).toList()))
          .append("；");
    }
    ctx.audit("COMMUNITY_FORMAL_LIST_PUBLISHED", e, s.toString());
  }
}
