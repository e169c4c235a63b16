package xuanju.server.congress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.MarginRange;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.register.PoliticalStatus;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.ScheduleRule;
import xuanju.server.access.AccessService;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The formal candidate list of a district (正式代表候选人名单), 选举法第三十一条、第三十二条: chosen from the nominations
 * that stand and whose nominee accepted, within the lawful margin of the district's seats (1 seat:
 * exactly 2; otherwise from one third more to twice the seats, core {@link Margins}), settled
 * directly when the initial list is within the margin or else by 协商 or 预选, and published no later
 * than 选举日的七日以前. Anything else is refused with the rule's Chinese message and changes nothing; a
 * published list is audited and cannot be published again.
 */
@Service
public class FormalListService {
  private final DeputyNominationService nominations;
  private final DeputyNominationRepository repo;
  private final ElectionService elections;
  private final AuditLog audit;
  private final RatioApprovalService ratios;
  private final Clock clock;

  FormalListService(
      DeputyNominationService nominations,
      DeputyNominationRepository repo,
      ElectionService elections,
      AuditLog audit,
      RatioApprovalService ratios,
      Clock clock) {
    this.nominations = nominations;
    this.repo = repo;
    this.elections = elections;
    this.audit = audit;
    this.ratios = ratios;
    this.clock = clock;
  }

  /** The district's margin for the formal list, with its rule in words. */
  public record Margin(MarginRange range, String textZh) {}

  /** The lawful number of formal candidates for the district's seats. */
  @Transactional(readOnly = true)
  public Optional<Margin> margin(Election e, Integer seats) {
    if (seats == null || seats < 1) {
      return Optional.empty();
    }
    MarginRange r =
        Margins.range(elections.profile(e), MarginQuery.of(Stage.FORMAL, Post.MEMBERS, seats))
            .outcome();
    return Optional.of(new Margin(r, "应选" + seats + "名，正式代表候选人应为" + r.display() + "名"));
  }

  /** The published list of the district, if any. */
  @Transactional(readOnly = true)
  public Optional<DeputyNominationRepository.FormalList> published(long districtId) {
    return published(districtId, ContestLevel.TOWN);
  }

  /** The published list of a contest (kept under its home district), if any. */
  @Transactional(readOnly = true)
  public Optional<DeputyNominationRepository.FormalList> published(
      long homeDistrictId, ContestLevel level) {
    return repo.formalList(homeDistrictId, level);
  }

  /** The nominations on the published list. */
  @Transactional(readOnly = true)
  public Set<Long> formalIds(long districtId) {
    return repo.formalIds(districtId, ContestLevel.TOWN);
  }

  @Transactional(readOnly = true)
  public Set<Long> formalIds(long homeDistrictId, ContestLevel level) {
    return repo.formalIds(homeDistrictId, level);
  }

  /**
   * Publishes the formal list (MANAGE).
   *
   * @param nominationIds the nominations put on the list (standing, accepted, one per nominee)
   */
  @Transactional
  public void publish(
      long electionId,
      long districtId,
      List<Long> nominationIds,
      LocalDate publishedOn,
      FormalListBasis basis) {
    publish(electionId, districtId, ContestLevel.TOWN, nominationIds, publishedOn, basis);
  }

  /** Publishes the formal list of the contest of this level that the district takes part in. */
  @Transactional
  public void publish(
      long electionId,
      long districtId,
      ContestLevel level,
      List<Long> nominationIds,
      LocalDate publishedOn,
      FormalListBasis basis) {
    nominations.requireManage(electionId);
    DeputyNominationService.Page p = nominations.page(electionId, districtId, level);
    Election e = p.election();
    String where = p.area().titleZh();
    if (p.seats() == null || p.seats() < 1) {
      throw new IllegalStateException(where + "的应选代表名额尚未确定");
    }
    if (repo.formalList(p.area().homeDistrictId(), level).isPresent()) {
      throw new IllegalStateException(where + "的正式代表候选人名单已经公布，不能再次公布");
    }
    LocalDate today = LocalDate.now(clock);
    if (publishedOn == null) {
      throw new InvalidInputException("publishedOn", "公布日期：不能为空");
    }
    if (publishedOn.isAfter(today)) {
      throw new InvalidInputException("publishedOn", "公布日期 " + publishedOn + " 不能晚于今天");
    }
    LocalDate due = e.electionDay().minusDays(7);
    if (publishedOn.isAfter(due)) {
      throw new InvalidInputException(
          "publishedOn",
          "公布日期 "
              + publishedOn
              + " 晚于 "
              + due
              + "："
              + ScheduleRule.NPC_FORMAL_LIST_D7.messageZh()
              + "（"
              + ScheduleRule.NPC_FORMAL_LIST_D7.citation().display()
              + "）");
    }
    if (basis == null) {
      throw new InvalidInputException("basis", "确定方式：请选择");
    }
    List<DeputyNominationService.Row> standing =
        p.rows().stream().filter(r -> r.stands() && r.nomination().acceptedOn() != null).toList();
    List<DeputyNomination> chosen = new ArrayList<>();
    Set<String> nominees = new HashSet<>();
    for (long id : nominationIds == null ? List.<Long>of() : nominationIds) {
      DeputyNomination n =
          p.rows().stream()
              .map(DeputyNominationService.Row::nomination)
              .filter(x -> x.id() == id)
              .findFirst()
              .orElseThrow(() -> new InvalidInputException("nominationIds", "本选区没有这项推荐"));
      boolean ok = standing.stream().anyMatch(r -> r.nomination().id() == id);
      if (!ok) {
        throw new InvalidInputException(
            "nominationIds", n.nomineeName() + "的推荐不成立或本人尚未接受推荐，不能列入正式代表候选人名单");
      }
      if (nominees.add(n.nomineeId())) {
        chosen.add(n);
      }
    }
    Margin m = margin(e, p.seats()).orElseThrow();
    Findings f =
        Margins.check(
            elections.profile(e),
            MarginQuery.of(Stage.FORMAL, Post.MEMBERS, p.seats()),
            chosen.size());
    if (!f.ok()) {
      throw new InvalidInputException(
          "nominationIds",
          "正式代表候选人名单不符合差额选举的要求："
              + f.errors().stream().map(Finding::messageZh).collect(Collectors.joining("；"))
              + "（"
              + m.textZh()
              + "，"
              + f.errors().get(0).rule().citation().display()
              + "）");
    }
    long initial = standing.stream().map(r -> r.nomination().nomineeId()).distinct().count();
    boolean over = m.range().max().isPresent() && initial > m.range().max().getAsLong();
    if (over && basis == FormalListBasis.WITHIN_MARGIN) {
      throw new InvalidInputException(
          "basis",
          "初步代表候选人"
              + initial
              + "名，超过差额上限"
              + m.range().max().getAsLong()
              + "名，应由各选民小组讨论、协商确定；不能形成较为一致意见的，进行预选（选举法第三十一条）");
    }
    if (!over && chosen.size() < initial) {
      throw new InvalidInputException("nominationIds", "初步代表候选人人数未超过差额上限，应全部列为正式代表候选人，不能经协商或预选减少");
    }
    String user = AccessService.currentUser();
    repo.publishFormal(
        e.id(),
        p.area().homeDistrictId(),
        level,
        chosen.stream().map(DeputyNomination::id).toList(),
        publishedOn,
        basis,
        user,
        clock.instant());
    audit.append(
        user,
        "DEPUTY_FORMAL_LIST_PUBLISHED",
        "district:" + p.area().homeDistrictId(),
        where
            + "正式代表候选人名单于"
            + publishedOn
            + "公布："
            + chosen.stream().map(DeputyNomination::nomineeName).collect(Collectors.joining("、"))
            + "（"
            + chosen.size()
            + "名，应选"
            + p.seats()
            + "名；"
            + basis.labelZh()
            + "）");
  }

  /**
   * Settles and publishes the formal list by a preliminary vote (预选, MANAGE), 选举法第三十一条: the votes
   * of every standing, accepted nominee are recorded and the first {@code size} by votes make the
   * list, which must be within the margin. Refused, changing nothing, when the initial list does
   * not exceed the margin (no 预选 is needed), when a nominee has no votes, or when the last place is
   * tied (a further 预选 decides).
   *
   * @param votes the votes by nomination id
   * @param size how many the list takes; null = the margin's maximum
   */
  @Transactional
  public void publishByPreselection(
      long electionId,
      long districtId,
      Map<Long, Integer> votes,
      Integer size,
      LocalDate publishedOn) {
    publishByPreselection(electionId, districtId, ContestLevel.TOWN, votes, size, publishedOn);
  }

  /** 预选 for the contest of this level that the district takes part in. */
  @Transactional
  public void publishByPreselection(
      long electionId,
      long districtId,
      ContestLevel level,
      Map<Long, Integer> votes,
      Integer size,
      LocalDate publishedOn) {
    nominations.requireManage(electionId);
    DeputyNominationService.Page p = nominations.page(electionId, districtId, level);
    Margin m =
        margin(p.election(), p.seats())
            .orElseThrow(() -> new IllegalStateException(p.district().name() + "的应选代表名额尚未确定"));
    Map<String, DeputyNomination> byNominee = new LinkedHashMap<>();
    for (DeputyNominationService.Row r : p.rows()) {
      if (r.stands() && r.nomination().acceptedOn() != null) {
        byNominee.putIfAbsent(r.nomination().nomineeId(), r.nomination());
      }
    }
    long max = m.range().max().orElse(Long.MAX_VALUE);
    if (byNominee.size() <= max) {
      throw new InvalidInputException(
          "votes", "初步代表候选人" + byNominee.size() + "名，未超过差额上限" + max + "名，不需要预选");
    }
    int take = size == null ? (int) max : size;
    if (take < m.range().min() || take > max) {
      throw new InvalidInputException("size", "正式代表候选人人数" + take + "名不在差额范围内（" + m.textZh() + "）");
    }
    List<DeputyNomination> ranked = new ArrayList<>(byNominee.values());
    Map<Long, Integer> recorded = new LinkedHashMap<>();
    for (DeputyNomination n : ranked) {
      Integer v = votes == null ? null : votes.get(n.id());
      if (v == null || v < 0) {
        throw new InvalidInputException("votes", "请填写" + n.nomineeName() + "的预选得票数（不小于0的整数）");
      }
      recorded.put(n.id(), v);
    }
    ranked.sort(Comparator.comparing((DeputyNomination n) -> -recorded.get(n.id())));
    int last = recorded.get(ranked.get(take - 1).id());
    int next = recorded.get(ranked.get(take).id());
    if (last == next) {
      throw new InvalidInputException(
          "votes",
          "预选第" + take + "名与第" + (take + 1) + "名得票相同（均为" + last + "票），不能确定正式代表候选人，请就得票相同的被推荐人再次预选");
    }
    repo.preselectionVotes(recorded);
    publish(
        electionId,
        districtId,
        level,
        ranked.subList(0, take).stream().map(DeputyNomination::id).toList(),
        publishedOn,
        FormalListBasis.PRESELECTION);
  }

  /**
   * The composition of the formal candidates of every district of the election (全镇正式代表候选人结构),
   * checked live against the county 人大常委会's approved shares when recorded ({@link
   * RatioApprovalService}), else the kind's quota set (镇人大代表: 非中共 ≥ 35%, seed 004 ST-20): who is a
   * party member is read from the person register's 政治面貌 (unknown when not recorded).
   *
   * @param candidates the formal candidates so far
   * @param women how many of them are women
   * @param incumbents how many of them are incumbent deputies (tag 连任)
   * @param lines the quota results in words
   */
  public record Composition(long candidates, long women, long incumbents, List<String> lines) {}

  @Transactional(readOnly = true)
  public Composition composition(Election e) {
    List<Person> people = new ArrayList<>();
    repo.formalPeople(e.id())
        .forEach(
            r -> {
              var id = ResidentIds.parse(r.residentId(), e.electionDay());
              Boolean member =
                  r.politicalStatus() == null
                      ? null
                      : PoliticalStatus.valueOf(r.politicalStatus()).cpc();
              people.add(
                  new Person(
                      r.residentId(),
                      r.name(),
                      id.map(x -> x.gender()).orElse(null),
                      id.map(x -> x.birthDate()).orElse(null),
                      r.ethnicity(),
                      member,
                      r.tags() == null || r.tags().isBlank()
                          ? Set.of()
                          : Set.of(r.tags().split("、"))));
            });
    long women = people.stream().filter(p -> p.gender() == Gender.FEMALE).count();
    var check = Quotas.check(ratios.requirements(e), people, e.electionDay());
    List<String> lines = new ArrayList<>();
    check.results().forEach(r -> lines.add(r.step().explanationZh()));
    long incumbents =
        people.stream().filter(p -> p.tags().contains(QuotaSets.INCUMBENT_TAG)).count();
    return new Composition(people.size(), women, incumbents, lines);
  }
}
