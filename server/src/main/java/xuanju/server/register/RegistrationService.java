package xuanju.server.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.register.Eligibility;
import xuanju.core.register.EligibilityResult;
import xuanju.core.register.LegalStatus;
import xuanju.core.register.RegisterRule;
import xuanju.core.register.Registration;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.register.RegistrationCheck;
import xuanju.core.register.Registrations;
import xuanju.core.register.VoterCertificate;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * Registers the voters of an election (选民登记): for each district, the persons of its units decided
 * on election day with core {@link Eligibility#decide}, checked against the register of the same
 * {@link RegisterScope} with core {@link Registrations#checkAll}, and listed with voter numbers in
 * list order ({@link ListOrder}). What was not listed is kept with the rule and its Chinese message
 * ({@code voter_refusal}). One person can also be registered by form, on any lawful ground; after
 * the district's list is published that is a 补登 with its reason.
 */
@Service
public class RegistrationService {
  private final JdbcTemplate jdbc;
  private final RegisterRepository repo;
  private final ElectionService elections;
  private final VoterListService lists;
  private final AuditLog audit;
  private final Clock clock;

  public RegistrationService(
      JdbcTemplate jdbc,
      RegisterRepository repo,
      ElectionService elections,
      VoterListService lists,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.repo = repo;
    this.elections = elections;
    this.lists = lists;
    this.audit = audit;
    this.clock = clock;
  }

  /** What one registration run did, per district. */
  public record RunResult(List<DistrictRun> districts, List<String> skipped) {
    public int listed() {
      return districts.stream().mapToInt(DistrictRun::listed).sum();
    }
  }

  /** One district of a run: newly listed, already listed here, and the refusals by reason. */
  public record DistrictRun(
      DistrictInfo district, int listed, int alreadyHere, Map<RefusalReason, Integer> refused) {}

  /** A person not listed, with the rule's Chinese message. */
  public record Refusal(
      long districtId, long personId, RefusalReason reason, String code, String message) {}

  /**
   * Registers the persons of every district whose list is not yet published. Needs MANAGE.
   *
   * @param registeredOn the registration day (today when null)
   */
  @Transactional
  public RunResult registerAll(long electionId, LocalDate registeredOn) {
    Election e = VoterListService.requireRegister(elections.get(electionId, Permission.MANAGE));
    LocalDate today = LocalDate.now(clock);
    LocalDate day = registeredOn == null ? today : registeredOn;
    if (day.isAfter(today)) {
      throw new InvalidInputException("registeredOn", "登记日期 " + day + " 不能晚于今天");
    }
    List<DistrictInfo> all = repo.districts(e);
    if (all.isEmpty()) {
      throw new IllegalStateException("本选举尚未划分选区：请先在“选区与选举委员会”中划分选区，再进行选民登记");
    }
    Set<Long> published = lists.publishedDistricts(e.id());
    List<DistrictInfo> open = all.stream().filter(d -> !published.contains(d.id())).toList();
    List<String> skipped =
        all.stream()
            .filter(d -> published.contains(d.id()))
            .map(d -> d.name() + "的选民名单已公布，公布后的变更须逐人补登、除名或更正")
            .toList();
    DistrictIndex index = new DistrictIndex(all);
    Map<Long, List<PersonRow>> byDistrict = new HashMap<>();
    Set<Long> orgs = repo.subtree(e.organisationId());
    repo.persons(
        orgs,
        p -> {
          DistrictInfo d = index.of(p.unit(), p.group());
          if (d != null && !published.contains(d.id())) {
            byDistrict.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(p);
          }
        });
    Map<Long, List<LegalStatuses.Row>> legal = repo.legalRows(orgs, Set.of());
    String scope = RegisterScope.of(e);
    Map<String, Registration> existing = repo.scopeRegistrations(scope);

    List<Refusal> refusals = new ArrayList<>();
    List<Registration> requests = new ArrayList<>();
    List<PersonRow> requestPersons = new ArrayList<>();
    List<DistrictInfo> requestDistricts = new ArrayList<>();
    for (DistrictInfo d : open) {
      List<PersonRow> people = byDistrict.getOrDefault(d.id(), new ArrayList<>());
      people.sort(ListOrder.of(PersonRow::group, PersonRow::name, PersonRow::residentId));
      for (PersonRow p : people) {
        if (p.diedOn() != null && !p.diedOn().isAfter(e.electionDay())) {
          refusals.add(
              new Refusal(
                  d.id(),
                  p.id(),
                  RefusalReason.DECEASED,
                  "",
                  p.labelZh() + "已于" + p.diedOn() + "死亡，不列入选民名单"));
          continue;
        }
        LegalStatus status = LegalStatuses.of(p.labelZh(), legal.get(p.id()));
        EligibilityResult er = Eligibility.decide(p.resident(), status, e.electionDay());
        if (!er.eligible()) {
          refusals.add(
              new Refusal(
                  d.id(),
                  p.id(),
                  RefusalReason.valueOf(er.status().name()),
                  er.code(),
                  er.messageZh()));
          continue;
        }
        requests.add(defaultRegistration(p, d, day));
        requestPersons.add(p);
        requestDistricts.add(d);
      }
    }
    List<RegistrationCheck> checks =
        Registrations.checkAll(requests, id -> Optional.ofNullable(existing.get(id)));
    Map<Long, Integer> next = new HashMap<>();
    Map<Long, int[]> counts = new HashMap<>();
    List<RegisterRepository.NewRegistration> inserts = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      RegistrationCheck c = checks.get(i);
      PersonRow p = requestPersons.get(i);
      DistrictInfo d = requestDistricts.get(i);
      int[] n = counts.computeIfAbsent(d.id(), k -> new int[2]);
      if (c.accepted()) {
        int no = next.computeIfAbsent(d.id(), k -> repo.maxVoterNo(k) + 1);
        next.put(d.id(), no + 1);
        inserts.add(
            new RegisterRepository.NewRegistration(e.id(), d.id(), p.id(), scope, no, c.request()));
        n[0]++;
        continue;
      }
      Finding f = c.findings().errors().get(0);
      if (f.rule() == RegisterRule.REGISTERED_HERE) {
        n[1]++;
      } else if (f.rule() == RegisterRule.REGISTERED_ELSEWHERE) {
        refusals.add(new Refusal(d.id(), p.id(), RefusalReason.ELSEWHERE, f.code(), f.messageZh()));
      } else {
        refusals.add(new Refusal(d.id(), p.id(), RefusalReason.BASIS, f.code(), f.messageZh()));
      }
    }
    Instant now = clock.instant();
    repo.insert(inserts, now);
    for (DistrictInfo d : open) {
      jdbc.update("DELETE FROM voter_refusal WHERE district_id = ?", d.id());
    }
    insertRefusals(e.id(), refusals, day);

    List<DistrictRun> runs = new ArrayList<>();
    StringBuilder summary = new StringBuilder("选民登记（登记日期 " + day + "）：");
    for (DistrictInfo d : open) {
      Map<RefusalReason, Integer> refused = new EnumMap<>(RefusalReason.class);
      refusals.stream()
          .filter(r -> r.districtId() == d.id())
          .forEach(r -> refused.merge(r.reason(), 1, Integer::sum));
      int[] n = counts.getOrDefault(d.id(), new int[2]);
      runs.add(new DistrictRun(d, n[0], n[1], refused));
      summary
          .append(d.name())
          .append("新列入")
          .append(n[0])
          .append("人、已在册")
          .append(n[1])
          .append("人")
          .append(
              refused.isEmpty()
                  ? ""
                  : refused.entrySet().stream()
                      .map(x -> x.getKey().labelZh() + x.getValue() + "人")
                      .collect(Collectors.joining("、", "，不予登记：", "")))
          .append("；");
    }
    audit.append(
        AccessService.currentUser(), "VOTERS_REGISTERED", "election:" + e.id(), summary.toString());
    return new RunResult(runs, skipped);
  }

  private static Registration defaultRegistration(PersonRow p, DistrictInfo d, LocalDate day) {
    return d.defaultBasis() == RegistrationBasis.WORKPLACE
        ? Registration.atWorkplace(p.resident(), d.place(), p.workplace(), day)
        : Registration.atHukou(p.resident(), d.place(), day);
  }

  private void insertRefusals(long electionId, List<Refusal> refusals, LocalDate day) {
    List<Object[]> batch = new ArrayList<>();
    for (Refusal r : refusals) {
      batch.add(
          new Object[] {
            electionId,
            r.districtId(),
            r.personId(),
            r.reason().name(),
            r.code(),
            cut(r.message(), 1000),
            Date.valueOf(day)
          });
    }
    if (!batch.isEmpty()) {
      jdbc.batchUpdate(
          "INSERT INTO voter_refusal (election_id, district_id, person_id, reason, rule_code,"
              + " message, decided_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
          batch);
    }
  }

  /**
   * Registers one person (单个登记) on the ground the form gives. Refused with the core rule's Chinese
   * message (未满十八周岁, 已在…选区登记, a missing 选民资格证明 …), changing nothing. Once the district's list is
   * published, it is a 补登 and needs a reason. Needs MANAGE.
   *
   * @return the notice naming the ground, and the warning of a late 补登 if any
   */
  @Transactional
  public List<String> registerOne(long electionId, RegistrationForm f) {
    Election e = VoterListService.requireRegister(elections.get(electionId, Permission.MANAGE));
    LocalDate today = LocalDate.now(clock);
    LocalDate day = f.registeredOn() == null ? today : f.registeredOn();
    if (day.isAfter(today)) {
      throw new InvalidInputException("registeredOn", "登记日期 " + day + " 不能晚于今天");
    }
    if (f.basis() == null) {
      throw new InvalidInputException("basis", "请选择登记依据");
    }
    DistrictInfo d = lists.district(e, f.districtId());
    String id = ResidentIds.normalise(f.residentId() == null ? "" : f.residentId());
    if (id.isEmpty()) {
      throw new InvalidInputException("residentId", "请填写公民身份号码");
    }
    PersonRow p =
        repo.personByResidentId(id)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "residentId",
                        "居民名册中没有公民身份号码为 " + ResidentIds.mask(id) + " 的居民，请先在居民名册中登记该居民"));
    if (p.diedOn() != null && !p.diedOn().isAfter(e.electionDay())) {
      throw new InvalidInputException("residentId", p.labelZh() + "已于" + p.diedOn() + "死亡，不能登记为选民");
    }
    LegalStatus status = LegalStatuses.of(p.labelZh(), repo.legalRows(p.id()));
    EligibilityResult er = Eligibility.decide(p.resident(), status, e.electionDay());
    if (!er.eligible()) {
      throw new InvalidInputException("residentId", er.messageZh());
    }
    VoterCertificate cert =
        f.basis() == RegistrationBasis.RESIDENCE_WITH_CERTIFICATE
            ? new VoterCertificate(f.certificateIssuer(), f.certificateNo(), f.certificateDate())
            : null;
    Registration request =
        new Registration(
            p.residentId(),
            p.name(),
            d.place(),
            f.basis(),
            cert,
            f.basis() == RegistrationBasis.WORKPLACE ? f.workplace() : "",
            f.basis() == RegistrationBasis.COMMITTEE_DECISION ? f.decisionRef() : "",
            day);
    String scope = RegisterScope.of(e);
    RegistrationCheck c =
        Registrations.checkAll(List.of(request), rid -> repo.scopeRegistration(scope, p.id()))
            .get(0);
    if (!c.accepted()) {
      throw new InvalidInputException(
          "residentId",
          c.findings().errors().stream().map(Finding::messageZh).collect(Collectors.joining("；")));
    }
    Optional<LocalDate> publishedOn = lists.publishedOn(d.id());
    List<String> out = new ArrayList<>();
    c.findings().notices().forEach(n -> out.add(n.messageZh()));
    if (publishedOn.isPresent() && (f.reason() == null || f.reason().isBlank())) {
      throw new InvalidInputException(
          "reason", d.name() + "的选民名单已于" + publishedOn.get() + "公布，补登须写明理由");
    }
    int no = repo.maxVoterNo(d.id()) + 1;
    repo.insert(
        List.of(new RegisterRepository.NewRegistration(e.id(), d.id(), p.id(), scope, no, request)),
        clock.instant());
    long regId =
        jdbc.queryForObject(
            "SELECT id FROM voter_registration WHERE scope = ? AND person_id = ?",
            Long.class,
            scope,
            p.id());
    jdbc.update(
        "DELETE FROM voter_refusal WHERE election_id = ? AND person_id = ?", e.id(), p.id());
    if (publishedOn.isPresent()) {
      out.addAll(
          lists.recordChange(
              e, d, regId, xuanju.core.register.ListChange.Kind.ADDITION, day, f.reason(), ""));
    }
    audit.append(
        AccessService.currentUser(),
        publishedOn.isPresent() ? "VOTER_ADDED_AFTER_PUBLICATION" : "VOTER_REGISTERED",
        "election:" + e.id(),
        (publishedOn.isPresent() ? "补登选民：" : "登记选民：")
            + p.labelZh()
            + "，"
            + d.name()
            + "，选民证号"
            + no
            + "，登记依据："
            + f.basis().labelZh()
            + (cert == null ? "" : "，选民资格证明：" + cert.labelZh())
            + (publishedOn.isPresent() ? "，理由：" + f.reason().strip() : ""));
    return out;
  }

  // ------------------------------------------------------------------ reading

  /** The refusals of an election (at most {@code limit}), by district and reason. */
  public List<RefusalView> refusals(long electionId, int limit) {
    return jdbc
        .query(
            "SELECT d.name, r.reason, r.message FROM voter_refusal r JOIN district d ON d.id ="
                + " r.district_id WHERE r.election_id = ? ORDER BY d.number, r.reason, r.id",
            (rs, i) ->
                new RefusalView(
                    rs.getString(1), RefusalReason.valueOf(rs.getString(2)), rs.getString(3)),
            electionId)
        .stream()
        .limit(limit)
        .toList();
  }

  /** A refusal as shown on the page. */
  public record RefusalView(String districtName, RefusalReason reason, String message) {}

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }
}
