package xuanju.server.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.register.CarryOver;
import xuanju.core.register.CarryOverResult;
import xuanju.core.register.ChangeReason;
import xuanju.core.register.DistrictSummary;
import xuanju.core.register.PopulationRecord;
import xuanju.core.register.RegisterChange;
import xuanju.core.register.Registration;
import xuanju.core.register.RegistrationCheck;
import xuanju.core.register.Registrations;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * Starts an election's register from a previous election's register (经登记确认的选民资格长期有效): core {@link
 * CarryOver#compute} over the previous list and today's person register gives the new register and
 * every 增/减 with its reason; the 增减 summary per district is shown before anything is recorded, then
 * stored as computed. Districts are matched by number (第N选区) between the two elections of the same
 * organisation and kind.
 */
@Service
public class CarryOverService {
  private final JdbcTemplate jdbc;
  private final RegisterRepository repo;
  private final ElectionService elections;
  private final VoterListService lists;
  private final AuditLog audit;
  private final Clock clock;

  public CarryOverService(
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

  /** A previous election whose register can be carried over. */
  public record Candidate(long id, String title, LocalDate electionDay, int voters) {}

  /** Earlier elections of the same organisation and kind with a register (VIEW). */
  @Transactional(readOnly = true)
  public List<Candidate> candidates(long electionId) {
    Election e = lists.election(electionId);
    return jdbc.query(
        "SELECT e.id, e.title, e.election_day, (SELECT COUNT(*) FROM voter_registration vr WHERE"
            + " vr.election_id = e.id AND vr.status = 'LISTED') FROM election e WHERE"
            + " e.organisation_id = ? AND e.kind = ? AND e.election_day < ? ORDER BY e.election_day"
            + " DESC",
        (rs, i) ->
            new Candidate(
                rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4)),
        e.organisationId(),
        e.kind().name(),
        Date.valueOf(e.electionDay()));
  }

  /** The computed carry-over with the persons behind it. */
  public record Computed(
      Election election,
      Election previous,
      CarryOverResult result,
      Map<String, PersonRow> persons,
      List<DistrictInfo> districts) {}

  /** Computes the carry-over without recording anything (VIEW). */
  @Transactional(readOnly = true)
  public Computed preview(long electionId, long previousId, LocalDate registeredOn) {
    return compute(lists.election(electionId), previousId, registeredOn);
  }

  private Computed compute(Election e, long previousId, LocalDate registeredOn) {
    Election p = VoterListService.requireRegister(elections.get(previousId));
    if (p.id() == e.id()
        || p.organisationId() != e.organisationId()
        || p.kind() != e.kind()
        || !p.electionDay().isBefore(e.electionDay())) {
      throw new InvalidInputException(
          "previousElectionId", "只能从本组织同类型、选举日更早的上届选举结转选民名单：" + p.title());
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate day = registeredOn == null ? today : registeredOn;
    List<Registration> previous = repo.electionRegistrations(p.id());
    List<DistrictInfo> districts = repo.districts(e);
    if (districts.isEmpty()) {
      throw new IllegalStateException("本选举尚未划分选区：请先划分选区，再从上届选民名单结转");
    }
    DistrictIndex index = new DistrictIndex(districts);
    Set<Long> orgs = repo.subtree(e.organisationId());
    Map<String, PersonRow> persons = new HashMap<>();
    repo.persons(orgs, x -> persons.put(x.residentId(), x));
    Set<Long> extra = new HashSet<>();
    for (Long id :
        jdbc.queryForList(
            "SELECT person_id FROM voter_registration WHERE election_id = ? AND status = 'LISTED'",
            Long.class,
            p.id())) {
      extra.add(id);
    }
    Set<Long> known = new HashSet<>();
    persons.values().forEach(x -> known.add(x.id()));
    extra.removeAll(known);
    repo.personsById(extra).values().forEach(x -> persons.put(x.residentId(), x));
    Map<Long, List<LegalStatuses.Row>> legal = repo.legalRows(orgs, extra);
    List<PopulationRecord> population = new ArrayList<>(persons.size());
    for (PersonRow x : persons.values()) {
      DistrictInfo d = orgs.contains(x.organisationId()) ? index.of(x.unit(), x.group()) : null;
      population.add(
          new PopulationRecord(
              x.resident(),
              d == null ? null : d.place(),
              d == null ? null : d.defaultBasis(),
              null,
              x.diedOn(),
              LegalStatuses.of(x.labelZh(), legal.get(x.id())),
              ""));
    }
    population.sort(
        ListOrder.of(
            (PopulationRecord r) -> r.resident().group(),
            r -> r.resident().name(),
            PopulationRecord::idNumber));
    CarryOverResult result =
        CarryOver.compute(previous, p.electionDay(), population, e.electionDay(), day);
    return new Computed(e, p, result, persons, districts);
  }

  /**
   * Records the carry-over: registers the new register (each checked against the register of the
   * same scope), stores the changes and the 增减 summary. Refused when the election already has
   * registrations. Needs MANAGE.
   *
   * @return how many voters were listed
   */
  @Transactional
  public int apply(long electionId, long previousId, LocalDate registeredOn) {
    Election e = VoterListService.requireRegister(elections.get(electionId, Permission.MANAGE));
    LocalDate today = LocalDate.now(clock);
    if (registeredOn != null && registeredOn.isAfter(today)) {
      throw new InvalidInputException("registeredOn", "登记日期 " + registeredOn + " 不能晚于今天");
    }
    Integer existing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM voter_registration WHERE election_id = ?", Integer.class, e.id());
    if (existing > 0 || stored(e.id()).isPresent()) {
      throw new IllegalStateException("本选举已有选民登记，不能再从上届选民名单结转");
    }
    Computed c = compute(e, previousId, registeredOn);
    if (!c.result().findings().ok()) {
      throw new IllegalStateException(
          c.result().findings().errors().get(0).messageZh() + "：结转结果不平衡，未登记");
    }
    String scope = RegisterScope.of(e);
    Map<String, Registration> inScope = repo.scopeRegistrations(scope);
    List<RegistrationCheck> checks =
        Registrations.checkAll(c.result().register(), id -> Optional.ofNullable(inScope.get(id)));
    Map<Integer, DistrictInfo> byNumber = new HashMap<>();
    c.districts().forEach(d -> byNumber.put(d.number(), d));
    Map<Long, List<Registration>> accepted = new HashMap<>();
    List<RegistrationService.Refusal> refusals = new ArrayList<>();
    for (RegistrationCheck check : checks) {
      Registration r = check.request();
      DistrictInfo d = byNumber.get(Integer.parseInt(r.place().districtId()));
      PersonRow person = c.persons().get(r.residentId());
      if (d == null || person == null) {
        continue;
      }
      if (check.accepted()) {
        accepted.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(r.movedTo(d.place()));
      } else {
        Finding f = check.findings().errors().get(0);
        refusals.add(
            new RegistrationService.Refusal(
                d.id(), person.id(), RefusalReason.ELSEWHERE, f.code(), f.messageZh()));
      }
    }
    List<RegisterRepository.NewRegistration> inserts = new ArrayList<>();
    int listed = 0;
    for (DistrictInfo d : c.districts()) {
      List<Registration> rs = accepted.getOrDefault(d.id(), new ArrayList<>());
      rs.sort(
          ListOrder.of(
              (Registration r) -> c.persons().get(r.residentId()).group(),
              Registration::name,
              Registration::residentId));
      int no = repo.maxVoterNo(d.id()) + 1;
      for (Registration r : rs) {
        inserts.add(
            new RegisterRepository.NewRegistration(
                e.id(), d.id(), c.persons().get(r.residentId()).id(), scope, no++, r));
      }
      listed += rs.size();
    }
    repo.insert(inserts, clock.instant());
    for (RegistrationService.Refusal r : refusals) {
      jdbc.update(
          "INSERT INTO voter_refusal (election_id, district_id, person_id, reason, rule_code,"
              + " message, decided_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
          e.id(),
          r.districtId(),
          r.personId(),
          r.reason().name(),
          r.code(),
          RegistrationService.cut(r.message(), 1000),
          Date.valueOf(today));
    }
    String actor = AccessService.currentUser();
    jdbc.update(
        "INSERT INTO register_carry_over (election_id, previous_election_id, carried_over,"
            + " moved_between, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
        e.id(),
        c.previous().id(),
        c.result().carriedOver(),
        c.result().movedBetweenDistricts(),
        actor,
        Timestamp.from(clock.instant()));
    List<Object[]> changes = new ArrayList<>();
    for (RegisterChange x : c.result().changes()) {
      changes.add(
          new Object[] {
            e.id(),
            Integer.parseInt(x.place().districtId()),
            x.place().districtName(),
            RegistrationService.cut(x.name(), 50),
            x.reason().name(),
            RegistrationService.cut(x.finding().messageZh(), 1000)
          });
    }
    if (!changes.isEmpty()) {
      jdbc.batchUpdate(
          "INSERT INTO register_carry_change (election_id, district_number, district_name,"
              + " person_name, reason, message) VALUES (?, ?, ?, ?, ?, ?)",
          changes);
    }
    for (DistrictSummary s : c.result().districts()) {
      insertSummary(e.id(), Integer.parseInt(s.place().districtId()), s.place().districtName(), s);
    }
    insertSummary(e.id(), 0, "合计", c.result().total());
    DistrictSummary t = c.result().total();
    audit.append(
        actor,
        "REGISTER_CARRIED_OVER",
        "election:" + e.id(),
        "从上届选举「"
            + c.previous().title()
            + "」结转选民名单：上届"
            + t.previousTotal()
            + "名，增加"
            + t.addedTotal()
            + "名，减少"
            + t.removedTotal()
            + "名，本届"
            + t.newTotal()
            + "名；列入选民名单"
            + listed
            + "名"
            + (refusals.isEmpty() ? "" : "，已在其他选区登记" + refusals.size() + "名"));
    return listed;
  }

  private void insertSummary(long electionId, int number, String name, DistrictSummary s) {
    jdbc.update(
        "INSERT INTO register_carry_summary (election_id, district_number, district_name,"
            + " previous_total, new_adult, restored, moved_in, other_added, moved_out, death,"
            + " deprived, incapacity, other_removed, new_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?)",
        electionId,
        number,
        name,
        s.previousTotal(),
        s.added().get(ChangeReason.NEW_ADULT),
        s.added().get(ChangeReason.RESTORED),
        s.added().get(ChangeReason.MOVED_IN),
        s.added().get(ChangeReason.OTHER_ADDED),
        s.removed().get(ChangeReason.MOVED_OUT),
        s.removed().get(ChangeReason.DEATH),
        s.removed().get(ChangeReason.DEPRIVED),
        s.removed().get(ChangeReason.INCAPACITY),
        s.removed().get(ChangeReason.OTHER_REMOVED),
        s.newTotal());
  }

  /** A stored carry-over: the previous election, the 增减 rows (合计 last) and the changes. */
  public record Stored(
      long previousElectionId, List<DistrictSummary> summaries, List<ChangeLine> changes) {}

  /** One stored change. */
  public record ChangeLine(String districtName, String name, ChangeReason reason, String message) {}

  /** The stored carry-over of an election, re-checking each summary's balance when read. */
  @Transactional(readOnly = true)
  public Optional<Stored> stored(long electionId) {
    List<Long> prev =
        jdbc.queryForList(
            "SELECT previous_election_id FROM register_carry_over WHERE election_id = ?",
            Long.class,
            electionId);
    if (prev.isEmpty()) {
      return Optional.empty();
    }
    List<DistrictSummary> rows =
        jdbc.query(
            "SELECT district_number, district_name, previous_total, new_adult, restored,"
                + " moved_in, other_added, moved_out, death, deprived, incapacity,"
                + " other_removed, new_total FROM register_carry_summary WHERE election_id = ?"
                + " ORDER BY CASE WHEN district_number = 0 THEN 1 ELSE 0 END, district_number",
            (rs, i) -> {
              Map<ChangeReason, Integer> add = new EnumMap<>(ChangeReason.class);
              Map<ChangeReason, Integer> rem = new EnumMap<>(ChangeReason.class);
              add.put(ChangeReason.NEW_ADULT, rs.getInt(4));
              add.put(ChangeReason.RESTORED, rs.getInt(5));
              add.put(ChangeReason.MOVED_IN, rs.getInt(6));
              add.put(ChangeReason.OTHER_ADDED, rs.getInt(7));
              rem.put(ChangeReason.MOVED_OUT, rs.getInt(8));
              rem.put(ChangeReason.DEATH, rs.getInt(9));
              rem.put(ChangeReason.DEPRIVED, rs.getInt(10));
              rem.put(ChangeReason.INCAPACITY, rs.getInt(11));
              rem.put(ChangeReason.OTHER_REMOVED, rs.getInt(12));
              var place =
                  rs.getInt(1) == 0
                      ? null
                      : new xuanju.core.register.RegistrationPlace(
                          "-", "", Integer.toString(rs.getInt(1)), rs.getString(2));
              return new DistrictSummary(place, rs.getInt(3), add, rem, rs.getInt(13));
            },
            electionId);
    List<ChangeLine> changes =
        jdbc.query(
            "SELECT district_name, person_name, reason, message FROM register_carry_change WHERE"
                + " election_id = ? ORDER BY district_number, id",
            (rs, i) ->
                new ChangeLine(
                    rs.getString(1),
                    rs.getString(2),
                    ChangeReason.valueOf(rs.getString(3)),
                    rs.getString(4)),
            electionId);
    return Optional.of(new Stored(prev.get(0), rows, changes));
  }
}
