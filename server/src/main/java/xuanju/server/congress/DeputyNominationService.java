package xuanju.server.congress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.names.NameOrder;
import xuanju.core.nomination.CongressNomination;
import xuanju.core.nomination.CongressNominations;
import xuanju.core.nomination.NominationCheck;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.district.DistrictRecord;
import xuanju.server.district.DistrictService;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The nominations of deputy candidates of a district (推荐代表候选人), for elections whose contests are
 * per district. Each new nomination is checked with core {@link CongressNominations} together with
 * the district's earlier ones, against the district's listed voters and its seats: ten or more
 * voters of the district jointly, no party, organisation or voter over the seats. A refused
 * nomination gets the rule's Chinese message and changes nothing; a recorded one is audited.
 */
@Service
public class DeputyNominationService {
  private final DeputyNominationRepository repo;
  private final ElectionService elections;
  private final DistrictService districts;
  private final CountyDistrictService contests;
  private final AuditLog audit;
  private final Clock clock;

  DeputyNominationService(
      DeputyNominationRepository repo,
      ElectionService elections,
      DistrictService districts,
      CountyDistrictService contests,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.elections = elections;
    this.districts = districts;
    this.contests = contests;
    this.audit = audit;
    this.clock = clock;
  }

  /** A recorded nomination with what its check says (how it was made, a missing acceptance). */
  public record Row(DeputyNomination nomination, boolean stands, List<String> notes) {}

  /**
   * The page's data: the district the user came from, the contest (the district itself, or the
   * county district it belongs to), its seats and its nominations in the order recorded.
   */
  public record Page(
      Election election, DistrictRecord district, ContestArea area, Integer seats, List<Row> rows) {
    public ContestLevel level() {
      return area.level();
    }
  }

  /** The town contest's page of a district. */
  @Transactional(readOnly = true)
  public Page page(long electionId, long districtId) {
    return page(electionId, districtId, ContestLevel.TOWN);
  }

  @Transactional(readOnly = true)
  public Page page(long electionId, long districtId, ContestLevel level) {
    Election e = election(electionId, Permission.VIEW);
    DistrictRecord d = districts.district(electionId, districtId);
    ContestArea area = contests.area(electionId, districtId, level);
    List<DeputyNomination> all = repo.ofDistrict(area.homeDistrictId(), level);
    List<Row> rows = new ArrayList<>();
    if (area.seats() != null && area.seats() > 0 && !all.isEmpty()) {
      List<NominationCheck> checks =
          CongressNominations.checkAll(
              all.stream().map(DeputyNomination::core).toList(),
              area.seats(),
              repo.listedVoters(area.districtIds())::contains);
      for (int i = 0; i < all.size(); i++) {
        rows.add(
            new Row(
                all.get(i),
                checks.get(i).accepted(),
                checks.get(i).findings().all().stream().map(Finding::messageZh).toList()));
      }
    } else {
      all.forEach(n -> rows.add(new Row(n, false, List.of())));
    }
    return new Page(e, d, area, area.seats(), rows);
  }

  /**
   * Records a nomination (MANAGE): by parties or organisations ({@code organisations}, separated by
   * 、 or commas) or jointly by voters ({@code nominators}, their resident ID numbers, one per line
   * or separated by commas), not both.
   *
   * @return the new nomination's id
   */
  @Transactional
  public long nominate(
      long electionId,
      long districtId,
      String nomineeName,
      String nomineeId,
      String organisations,
      String nominators,
      boolean accepted) {
    return nominate(
        electionId,
        districtId,
        ContestLevel.TOWN,
        nomineeName,
        nomineeId,
        organisations,
        nominators,
        accepted);
  }

  /** Records a nomination for the contest of this level that the district takes part in. */
  @Transactional
  public long nominate(
      long electionId,
      long districtId,
      ContestLevel level,
      String nomineeName,
      String nomineeId,
      String organisations,
      String nominators,
      boolean accepted) {
    election(electionId, Permission.MANAGE);
    ContestArea d = contests.area(electionId, districtId, level);
    if (d.seats() == null || d.seats() < 1) {
      throw new IllegalStateException(d.name() + "的应选代表名额尚未确定，请先在选区页面填写应选代表名额，再登记推荐");
    }
    LocalDate today = LocalDate.now(clock);
    String name = nomineeName == null ? "" : nomineeName.strip();
    if (name.isEmpty()) {
      throw new InvalidInputException("nomineeName", "被推荐人姓名：不能为空");
    }
    String id = validId(nomineeId, today, "nomineeId", "被推荐人公民身份号码");
    List<String> orgs = split(organisations);
    List<String> voters = new ArrayList<>();
    List<String> raw = split(nominators);
    for (int i = 0; i < raw.size(); i++) {
      voters.add(validId(raw.get(i), today, "nominators", "第" + (i + 1) + "位联名人的公民身份号码"));
    }
    CongressNomination next = new CongressNomination(name, id, orgs, voters, accepted);
    List<DeputyNomination> earlier = repo.ofDistrict(d.homeDistrictId(), level);
    List<CongressNomination> all = new ArrayList<>();
    earlier.forEach(n -> all.add(n.core()));
    all.add(next);
    NominationCheck check =
        CongressNominations.checkAll(all, d.seats(), repo.listedVoters(d.districtIds())::contains)
            .get(all.size() - 1);
    if (!check.accepted()) {
      Finding first = check.findings().errors().get(0);
      throw new InvalidInputException(
          first.fields().isEmpty() ? "nominators" : first.fields().get(0).replaceAll(".*\\.", ""),
          "推荐未登记："
              + check.findings().errors().stream()
                  .map(Finding::messageZh)
                  .collect(Collectors.joining("；")));
    }
    String user = AccessService.currentUser();
    long nominationId =
        repo.insert(
            electionId,
            d.homeDistrictId(),
            level,
            name,
            id,
            orgs,
            voters,
            accepted ? today : null,
            user,
            clock.instant());
    String by =
        new DeputyNomination(
                nominationId, d.homeDistrictId(), name, id, orgs, voters, null, null, 0)
            .byZh();
    audit.append(
        user,
        "DEPUTY_NOMINATED",
        "district:" + d.homeDistrictId(),
        d.titleZh()
            + "："
            + by
            + name
            + "（"
            + ResidentIds.mask(id)
            + "）为代表候选人"
            + (accepted ? "，本人已接受推荐" : "，待本人接受推荐"));
    return nominationId;
  }

  /** One candidate of the initial list with the basic facts (代表候选人基本情况). */
  public record Candidate(
      String name,
      String genderZh,
      String birthZh,
      String ethnicity,
      String workplace,
      String by) {}

  /**
   * A district's candidate list with the basic facts, as printed: the 初步代表候选人名单 (the nominees whose
   * nomination stands and who have accepted, once each, a nominee put forward more than once
   * showing every way) or the 正式代表候选人名单 (the nominations marked formal); in 姓氏笔画 order, a list
   * settled by 预选 in the order of its votes.
   */
  public record CandidateList(
      Election election, DistrictRecord district, ContestArea area, List<Candidate> candidates) {}

  @Transactional(readOnly = true)
  public CandidateList initialList(long electionId, long districtId) {
    return initialList(electionId, districtId, ContestLevel.TOWN);
  }

  @Transactional(readOnly = true)
  public CandidateList initialList(long electionId, long districtId, ContestLevel level) {
    return list(page(electionId, districtId, level), null);
  }

  /** The formal list of a district (the nominations marked formal). */
  @Transactional(readOnly = true)
  public CandidateList formalList(long electionId, long districtId) {
    return formalList(electionId, districtId, ContestLevel.TOWN);
  }

  @Transactional(readOnly = true)
  public CandidateList formalList(long electionId, long districtId, ContestLevel level) {
    Page p = page(electionId, districtId, level);
    return list(p, repo.formalIds(p.area().homeDistrictId(), level));
  }

  /**
   * The list: {@code only} the nominations with these ids, or (null) every standing, accepted one.
   */
  private CandidateList list(Page p, Set<Long> only) {
    Map<String, List<String>> ways = new LinkedHashMap<>();
    Map<String, DeputyNomination> first = new LinkedHashMap<>();
    for (Row r : p.rows()) {
      DeputyNomination n = r.nomination();
      boolean on = only == null ? r.stands() && n.acceptedOn() != null : only.contains(n.id());
      if (on) {
        first.putIfAbsent(n.nomineeId(), n);
        ways.computeIfAbsent(n.nomineeId(), k -> new ArrayList<>()).add(n.byZh());
      }
    }
    var facts = repo.facts(new ArrayList<>(first.keySet()));
    NameOrder strokes = NameOrder.surnameStrokes();
    List<DeputyNomination> ordered = new ArrayList<>(first.values());
    Comparator<DeputyNomination> byStrokes =
        Comparator.comparing((DeputyNomination n) -> strokes.sortKey(n.nomineeName()))
            .thenComparing(DeputyNomination::nomineeId);
    boolean preselected =
        only != null && ordered.stream().allMatch(n -> n.preselectionVotes() != null);
    // a list settled by 预选 is in the order of its votes (直接选举若干规定第十条), otherwise 姓氏笔画
    ordered.sort(
        preselected
            ? Comparator.comparing((DeputyNomination n) -> -n.preselectionVotes().longValue())
                .thenComparing(byStrokes)
            : byStrokes);
    LocalDate today = LocalDate.now(clock);
    List<Candidate> out = new ArrayList<>();
    for (DeputyNomination n : ordered) {
      var f = facts.get(n.nomineeId());
      var parsed = ResidentIds.parse(n.nomineeId(), today).orElse(null);
      LocalDate birth =
          f != null && f.birthDate() != null
              ? f.birthDate()
              : parsed == null ? null : parsed.birthDate();
      String gender = parsed == null ? "" : parsed.gender().labelZh();
      out.add(
          new Candidate(
              n.nomineeName(),
              gender,
              birth == null ? "" : birth.getYear() + "年" + birth.getMonthValue() + "月",
              f == null || f.ethnicity() == null ? "" : f.ethnicity(),
              f == null || f.workplace() == null ? "" : f.workplace(),
              String.join("；", ways.get(n.nomineeId()))));
    }
    return new CandidateList(p.election(), p.district(), p.area(), out);
  }

  /** Records that the nominee accepted the nomination today (MANAGE). */
  @Transactional
  public void accept(long electionId, long districtId, long nominationId, int version) {
    accept(electionId, districtId, ContestLevel.TOWN, nominationId, version);
  }

  @Transactional
  public void accept(
      long electionId, long districtId, ContestLevel level, long nominationId, int version) {
    election(electionId, Permission.MANAGE);
    ContestArea d = contests.area(electionId, districtId, level);
    DeputyNomination n =
        repo.ofDistrict(d.homeDistrictId(), level).stream()
            .filter(x -> x.id() == nominationId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("nominationId", "本选区没有这项推荐"));
    if (n.acceptedOn() != null) {
      throw new IllegalStateException(n.nomineeName() + "已于" + n.acceptedOn() + "接受推荐");
    }
    if (!repo.accept(nominationId, version, LocalDate.now(clock))) {
      throw new IllegalStateException("该推荐已被他人修改，请刷新页面后重试");
    }
    audit.append(
        AccessService.currentUser(),
        "DEPUTY_NOMINATION_ACCEPTED",
        "district:" + d.homeDistrictId(),
        d.titleZh() + "：" + n.nomineeName() + "（" + n.maskedId() + "）接受推荐，已如实提供个人身份、简历等基本情况");
  }

  /** Checks that the current user may manage the election's nominations. */
  void requireManage(long electionId) {
    election(electionId, Permission.MANAGE);
  }

  private Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!DistrictService.seatsPerDistrict(e)) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）不按选区推荐代表候选人");
    }
    return e;
  }

  private static String validId(String raw, LocalDate today, String field, String label) {
    List<Finding> problems = ResidentIds.check(raw, today, field);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(field, label + problems.get(0).messageZh());
    }
    return ResidentIds.normalise(raw);
  }

  private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\s]+");

  private static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> all = new ArrayList<>();
    for (String s : SEPARATORS.split(text.strip())) {
      if (!s.isBlank()) {
        all.add(s.strip());
      }
    }
    return all; // repeats kept: core names a voter who signed twice
  }
}
