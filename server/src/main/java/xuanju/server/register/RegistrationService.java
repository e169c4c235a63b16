package xuanju.server.register;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.register.Eligibility;
import xuanju.core.register.EligibilityResult;
import xuanju.core.register.LegalStatus;
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
  private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);

  private final JdbcTemplate jdbc;
  private final RegisterRepository repo;
  private final ElectionService elections;
  private final VoterListService lists;
  private final AuditLog audit;
  private final Clock clock;
  private final RegistrationBulkWriter writer;

  public RegistrationService(
      JdbcTemplate jdbc,
      RegisterRepository repo,
      ElectionService elections,
      VoterListService lists,
      AuditLog audit,
      Clock clock,
      RegistrationBulkWriter writer) {
    this.jdbc = jdbc;
    this.repo = repo;
    this.elections = elections;
    this.lists = lists;
    this.audit = audit;
    this.clock = clock;
    this.writer = writer;
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
    long t0 = System.nanoTime();
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
    Map<Long, Long> removed = repo.removed(scope);
    Map<Long, Integer> maxNo = repo.maxVoterNos(open.stream().map(DistrictInfo::id).toList());
    for (DistrictInfo d : open) {
      jdbc.update("DELETE FROM voter_refusal WHERE district_id = ?", d.id());
    }
    long t1 = System.nanoTime();

    // checked in a second thread while this one writes (RegistrationRun, RegistrationBulkWriter)
    Instant now = clock.instant();
    List<Refusal> refusals = new ArrayList<>();
    List<RegisterRepository.NewRegistration> reuses = new ArrayList<>();
    Map<Long, int[]> counts = new HashMap<>();
    RegistrationBulkWriter.Sink sink = sink(now);
    RegistrationRun run =
        new RegistrationRun(
            e, day, scope, open, byDistrict, legal, existing, removed, maxNo, sink::prepare);
    Thread worker = new Thread(run, "voter-registration-check");
    worker.setDaemon(true);
    worker.start();
    long waited = 0;
    boolean done = false;
    try {
      while (true) {
        long w0 = System.nanoTime();
        RegistrationRun.Chunk c = run.take();
        waited += System.nanoTime() - w0;
        if (c == null) {
          break;
        }
        sink.write(c.prepared());
        if (!c.refusals().isEmpty()) {
          // written now, while the checking thread works on the next chunks
          sink.pause();
          writer.refusals(e.id(), c.refusals(), day);
        }
        reuses.addAll(c.reuses());
        refusals.addAll(c.refusals());
        int[] n = counts.computeIfAbsent(c.district().id(), k -> new int[2]);
        n[0] += c.inserts().size() + c.reuses().size();
        n[1] += c.alreadyHere();
      }
      sink.finish();
      done = true;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("选民登记被中断，未登记任何选民", ex);
    } catch (java.sql.SQLException ex) {
      throw new IllegalStateException("写入选民登记失败，未登记任何选民", ex);
    } finally {
      if (!done) {
        worker.interrupt();
        sink.abandon();
      }
    }
    long t2 = System.nanoTime();
    repo.reuse(reuses, removed, now);
    long t3 = System.nanoTime();
    LOG.info(
        "选民登记：{} 个选区，列入 {} 人，不予登记 {} 人；读取居民与名册 {} ms，核对并写入 {} ms（写入线程等待核对 {} ms；不予登记记录随之写入），"
            + "重新列入 {} ms",
        open.size(),
        counts.values().stream().mapToInt(n -> n[0]).sum(),
        refusals.size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        waited / 1_000_000,
        (t3 - t2) / 1_000_000);

    Map<Long, Map<RefusalReason, Integer>> refusedBy = new HashMap<>();
    for (Refusal r : refusals) {
      refusedBy
          .computeIfAbsent(r.districtId(), k -> new EnumMap<>(RefusalReason.class))
          .merge(r.reason(), 1, Integer::sum);
    }
    List<DistrictRun> runs = new ArrayList<>();
    StringBuilder summary = new StringBuilder("选民登记（登记日期 " + day + "）：");
    for (DistrictInfo d : open) {
      Map<RefusalReason, Integer> refused =
          refusedBy.getOrDefault(d.id(), new EnumMap<>(RefusalReason.class));
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

  private RegistrationBulkWriter.Sink sink(Instant now) {
    try {
      return writer.open(now);
    } catch (java.sql.SQLException ex) {
      throw new IllegalStateException("写入选民登记失败，未登记任何选民", ex);
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
