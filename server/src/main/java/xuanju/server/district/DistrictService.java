package xuanju.server.district;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.district.Apportionment;
import xuanju.core.district.District;
import xuanju.core.district.DistrictBasis;
import xuanju.core.district.DistrictCheck;
import xuanju.core.district.DistrictRule;
import xuanju.core.district.Proposal;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.election.kind.Contest;

/**
 * Electoral districts (选区): forming them from the register's units, their population and seats, the
 * check of the seats (core {@link Apportionment#check}) after every change and the proposal (core
 * {@link Apportionment#propose}). A change that gives a district other than 1 to 3 seats is refused
 * with the rule's Chinese message and nothing is saved. The seat total is kept by {@link
 * SeatTotalService}.
 */
@Service
public class DistrictService {
  static final int MAX_NUMBER = 999;

  private final DistrictRepository repo;
  private final ElectionService elections;
  private final SeatTotalService seatTotals;
  private final AuditLog audit;
  private final Clock clock;

  DistrictService(
      DistrictRepository repo,
      ElectionService elections,
      SeatTotalService seatTotals,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.elections = elections;
    this.seatTotals = seatTotals;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the election's contests elect per district (then districts have seats). */
  public static boolean seatsPerDistrict(Election e) {
    return e.kind().config().contests().stream()
        .anyMatch(c -> c.scope() == Contest.Scope.PER_DISTRICT);
  }

  /** The election, checked to have districts (a voter register by district) and the permission. */
  Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!e.kind().config().electorate().registersVoters()) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）不按选区登记选民，没有选区");
    }
    return e;
  }

  /** The page's data, with the check and the proposal computed now. */
  @Transactional(readOnly = true)
  public DistrictOverview overview(long electionId) {
    Election e = election(electionId, Permission.VIEW);
    boolean perDistrict = seatsPerDistrict(e);
    List<DistrictRecord> ds = repo.districts(electionId, e.organisationId());
    Map<UnitRef, String> owners = repo.unitOwners(electionId, -1);
    List<DistrictOverview.UnitOption> units =
        repo.units(e.organisationId()).stream()
            .map(
                u ->
                    new DistrictOverview.UnitOption(
                        u.ref(), u.persons(), owners.getOrDefault(u.ref(), "")))
            .toList();
    long register = repo.registerPopulation(e.organisationId());
    SeatTotalRecord st = perDistrict ? repo.seatTotal(electionId).orElse(null) : null;
    if (st == null) {
      return new DistrictOverview(
          perDistrict,
          register,
          units,
          null,
          null,
          Apportionment.DEFAULT_LIMIT,
          ds,
          null,
          List.of(),
          null,
          perDistrict ? "请先确定代表总名额" : null);
    }
    var town = seatTotals.townSeats(st);
    Ratio limit = SeatTotalService.limit(st);
    long townPop = st.population();
    int total = town.total();
    List<District> checkable = new ArrayList<>();
    List<Integer> seats = new ArrayList<>();
    List<String> notChecked = new ArrayList<>();
    List<District> all = new ArrayList<>();
    for (DistrictRecord d : ds) {
      String why = uncheckable(d);
      if (why != null) {
        notChecked.add(d.name() + "：" + why);
        continue;
      }
      District core = core(d);
      all.add(core);
      if (d.seats() == null) {
        notChecked.add(d.name() + "：尚未确定应选代表名额");
      } else {
        checkable.add(core);
        seats.add(d.seats());
      }
    }
    DistrictCheck check =
        checkable.isEmpty()
            ? null
            : Apportionment.check(townPop, total, checkable, seats, null, limit);
    Proposal proposal = null;
    String problem = null;
    if (ds.isEmpty()) {
      problem = "尚未划分选区";
    } else if (all.size() < ds.size()) {
      problem = "有选区没有组成单位或人口为0，无法提出分配建议";
    } else {
      try {
        proposal = Apportionment.propose(townPop, total, all, null);
      } catch (InvalidInputException ex) {
        problem = ex.getMessage();
      }
    }
    return new DistrictOverview(
        true, register, units, st, town, limit, ds, check, notChecked, proposal, problem);
  }

  private static String uncheckable(DistrictRecord d) {
    if (d.units().isEmpty()) {
      return "没有组成单位";
    }
    if (d.population() < 1) {
      return "人口为0";
    }
    return null;
  }

  private static District core(DistrictRecord d) {
    return new District(
        d.name(),
        d.basis(),
        d.units().stream().map(UnitRef::labelZh).toList(),
        Math.min(d.population(), District.MAX_POPULATION));
  }

  /**
   * What a district form sends.
   *
   * @param population the population typed in, or null to use the register's count
   * @param populationNote why the typed-in population is used (required with it)
   * @param seats 应选代表名额, or null (ignored where the contests are not per district)
   */
  public record DistrictForm(
      Integer number,
      String name,
      String basis,
      List<String> units,
      Integer population,
      String populationNote,
      Integer seats) {}

  /** Creates a district (划分选区). Needs MANAGE. */
  @Transactional
  public long create(long electionId, DistrictForm f) {
    Election e = election(electionId, Permission.MANAGE);
    Valid v = validate(e, -1, f);
    Instant now = clock.instant();
    long id =
        repo.insertDistrict(
            electionId, v.number, v.name, v.basis, v.population, v.override, v.note, v.seats, now);
    repo.replaceUnits(electionId, id, v.units);
    audit.append(
        AccessService.currentUser(),
        "DISTRICT_CREATED",
        "election:" + electionId,
        "划分选区：第" + v.number + "号 " + v.name + "，" + summary(v));
    return id;
  }

  /** Changes a district; refused when someone changed it meanwhile. Needs MANAGE. */
  @Transactional
  public void update(long electionId, long districtId, int version, DistrictForm f) {
    Election e = election(electionId, Permission.MANAGE);
    requireDistrict(electionId, districtId);
    Valid v = validate(e, districtId, f);
    if (!repo.updateDistrict(
        districtId,
        version,
        v.number,
        v.name,
        v.basis,
        v.population,
        v.override,
        v.note,
        v.seats,
        clock.instant())) {
      throw new IllegalStateException("该选区已被他人修改，请刷新页面后重试");
    }
    repo.replaceUnits(electionId, districtId, v.units);
    audit.append(
        AccessService.currentUser(),
        "DISTRICT_UPDATED",
        "district:" + districtId,
        "修改选区：第" + v.number + "号 " + v.name + "，" + summary(v));
  }

  /** Deletes a district with its stations; refused while voters are registered in it. */
  @Transactional
  public void delete(long electionId, long districtId) {
    Election e = election(electionId, Permission.MANAGE);
    requireDistrict(electionId, districtId);
    DistrictRecord d = find(e, districtId);
    if (d.registered() > 0) {
      throw new IllegalStateException(d.name() + "已登记选民" + d.registered() + "名，不能删除；请先将选民移出该选区");
    }
    repo.deleteDistrict(districtId);
    audit.append(
        AccessService.currentUser(),
        "DISTRICT_DELETED",
        "district:" + districtId,
        "删除选区：第" + d.number() + "号 " + d.name() + "（含投票站" + d.stations().size() + "个）");
  }

  /**
   * Applies the proposal: every district gets its proposed seats (采用名额分配建议方案). The check runs again
   * on the next view.
   */
  @Transactional
  public void applyProposal(long electionId) {
    election(electionId, Permission.MANAGE);
    DistrictOverview o = overview(electionId);
    if (o.proposal() == null) {
      throw new IllegalStateException(
          "无法采用分配建议：" + (o.proposalProblem() == null ? "没有建议方案" : o.proposalProblem()));
    }
    Instant now = clock.instant();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < o.districts().size(); i++) {
      DistrictRecord d = o.districts().get(i);
      int s = o.proposal().seats().get(i);
      repo.setSeats(d.id(), s, now);
      parts.add(d.name() + s + "名");
    }
    audit.append(
        AccessService.currentUser(),
        "DISTRICT_SEATS_APPLIED",
        "election:" + electionId,
        "采用名额分配建议（代表总名额" + o.town().total() + "名）：" + String.join("，", parts));
  }

  /**
   * One district per unit of the register not yet in a district (每个村、社区一个选区), by residence, without
   * seats: how a residents' or villagers' committee election is usually divided. Returns how many
   * were created.
   */
  @Transactional
  public int onePerUnit(long electionId) {
    Election e = election(electionId, Permission.MANAGE);
    List<DistrictRecord> ds = repo.districts(electionId, e.organisationId());
    Map<UnitRef, String> owners = repo.unitOwners(electionId, -1);
    Set<String> taken = new HashSet<>();
    owners.keySet().forEach(u -> taken.add(u.unit()));
    Set<String> names = new HashSet<>();
    ds.forEach(d -> names.add(d.name()));
    int next = ds.stream().mapToInt(DistrictRecord::number).max().orElse(0) + 1;
    Set<String> units = new LinkedHashSet<>();
    repo.units(e.organisationId()).forEach(u -> units.add(u.ref().unit()));
    int created = 0;
    Instant now = clock.instant();
    for (String unit : units) {
      if (taken.contains(unit) || names.contains(unit) || next > MAX_NUMBER) {
        continue;
      }
      long id =
          repo.insertDistrict(
              electionId, next, unit, DistrictBasis.RESIDENCE, 0, false, "", null, now);
      repo.replaceUnits(electionId, id, List.of(new UnitRef(unit, "")));
      next++;
      created++;
    }
    audit.append(
        AccessService.currentUser(),
        "DISTRICTS_ONE_PER_UNIT",
        "election:" + electionId,
        "按村（社区、单位）建立选区" + created + "个");
    return created;
  }

  private void requireDistrict(long electionId, long districtId) {
    if (repo.electionOfDistrict(districtId).filter(x -> x == electionId).isEmpty()) {
      throw new InvalidInputException("districtId", "本选举没有这个选区");
    }
  }

  DistrictRecord find(Election e, long districtId) {
    return repo.districts(e.id(), e.organisationId()).stream()
        .filter(d -> d.id() == districtId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("districtId", "本选举没有这个选区"));
  }

  /** One district of the election (for its page). */
  @Transactional(readOnly = true)
  public DistrictRecord district(long electionId, long districtId) {
    Election e = election(electionId, Permission.VIEW);
    return find(e, districtId);
  }

  private record Valid(
      int number,
      String name,
      DistrictBasis basis,
      List<UnitRef> units,
      long population,
      boolean override,
      String note,
      Integer seats) {}

  private static String summary(Valid v) {
    return v.basis.zh()
        + "，组成："
        + String.join("、", v.units.stream().map(UnitRef::labelZh).toList())
        + (v.override ? "，人口" + v.population + "人（" + v.note + "）" : "，人口按居民名册计算")
        + (v.seats == null ? "" : "，应选代表" + v.seats + "名");
  }

  private Valid validate(Election e, long districtId, DistrictForm f) {
    if (f.number() == null || f.number() < 1 || f.number() > MAX_NUMBER) {
      throw new InvalidInputException("number", "选区编号：应为1至" + MAX_NUMBER + "之间的整数");
    }
    String name = f.name() == null ? "" : f.name().strip();
    if (name.isEmpty()) {
      throw new InvalidInputException("name", "选区名称：不能为空");
    }
    DistrictBasis basis =
        DistrictBasis.parse(f.basis())
            .orElseThrow(() -> new InvalidInputException("basis", "划分依据：请选择按居住状况或按工作单位划分"));
    List<DistrictRecord> others =
        repo.districts(e.id(), e.organisationId()).stream()
            .filter(d -> d.id() != districtId)
            .toList();
    for (DistrictRecord o : others) {
      if (o.number() == f.number()) {
        throw new InvalidInputException(
            "number", "选区编号：第" + f.number() + "号已是" + o.name() + "的编号，同一选举中选区编号不能重复");
      }
      if (o.name().equals(name)) {
        throw new InvalidInputException("name", "选区名称：" + name + "已存在，同一选举中选区名称不能重复");
      }
    }
    List<UnitRef> units = units(e, districtId, name, f.units());
    boolean override = f.population() != null;
    String note = f.populationNote() == null ? "" : f.populationNote().strip();
    long population = 0;
    if (override) {
      if (f.population() < 1 || f.population() > District.MAX_POPULATION) {
        throw new InvalidInputException(
            "population", "选区人口：应为1至" + District.MAX_POPULATION + "之间的整数，实为" + f.population());
      }
      if (note.isEmpty()) {
        throw new InvalidInputException(
            "populationNote", "人口数来源：不按居民名册计算人口时，须说明原因和来源（如名册尚不完整，采用统计部门数据）");
      }
      population = f.population();
    } else {
      note = "";
    }
    Integer seats = seatsPerDistrict(e) ? f.seats() : null;
    if (seats != null) {
      checkSeats(name, basis, units, Math.max(population, 1), seats);
    }
    return new Valid(f.number(), name, basis, units, population, override, note, seats);
  }

  /**
   * Refuses seats outside 1 … 3 with core's finding (选举法第二十五条第二款): the message names the district
   * and the rule.
   */
  static void checkSeats(
      String name, DistrictBasis basis, List<UnitRef> units, long population, int seats) {
    if (seats < 0) {
      throw new InvalidInputException("seats", "应选代表名额：" + name + "的名额不能为负数");
    }
    District d =
        new District(
            name,
            basis,
            units.stream().map(UnitRef::labelZh).toList(),
            Math.min(population, District.MAX_POPULATION));
    DistrictCheck c =
        Apportionment.check(
            d.population(),
            Math.max(seats, 1),
            List.of(d),
            List.of(seats),
            null,
            Apportionment.DEFAULT_LIMIT);
    for (Finding f : c.findings().errors()) {
      if (f.rule() == DistrictRule.DISTRICT_SEATS_1_TO_3) {
        throw new InvalidInputException("seats", f.messageZh());
      }
    }
  }

  private List<UnitRef> units(Election e, long districtId, String name, List<String> values) {
    List<UnitRef> refs = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        UnitRef.parse(v).ifPresent(refs::add);
      }
    }
    if (refs.isEmpty()) {
      throw new InvalidInputException("units", "组成单位：" + name + "须至少由一个村、社区或单位组成");
    }
    Set<UnitRef> known = new HashSet<>();
    repo.units(e.organisationId()).forEach(u -> known.add(u.ref()));
    Set<UnitRef> seen = new HashSet<>();
    for (UnitRef r : refs) {
      if (!known.contains(r)) {
        throw new InvalidInputException(
            "units", "组成单位：居民名册中没有" + r.labelZh() + "，选区只能由名册中的村、社区、单位或居民小组组成");
      }
      if (!seen.add(r)) {
        throw new InvalidInputException("units", "组成单位：" + r.labelZh() + "重复");
      }
    }
    for (UnitRef r : refs) {
      for (UnitRef s : refs) {
        if (r.whole() && !s.whole() && r.unit().equals(s.unit())) {
          throw new InvalidInputException(
              "units", "组成单位：已选整个" + r.unit() + "，不能再单独选其中的" + s.group());
        }
      }
    }
    Map<UnitRef, String> owners = repo.unitOwners(e.id(), districtId);
    for (UnitRef r : refs) {
      for (Map.Entry<UnitRef, String> o : owners.entrySet()) {
        UnitRef x = o.getKey();
        boolean clash = x.equals(r) || x.unit().equals(r.unit()) && (x.whole() || r.whole());
        if (clash) {
          throw new InvalidInputException(
              "units",
              "组成单位："
                  + x.labelZh()
                  + "已划入"
                  + o.getValue()
                  + "，同一村、社区、单位或居民小组只能划入一个选区（每一选民只能在一个选区登记）");
        }
      }
    }
    return refs;
  }
}
