package xuanju.server.congress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.district.DistrictService;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The contests of a town's deputies election (选举的各项选举): a town contest (镇人大代表) in every town
 * district with seats, and a county contest (县(旗)人大代表) in every county-level district (县级人大代表选区)
 * that the election committee forms from one or more town districts with the seats the county
 * decided.
 */
@Service
public class CountyDistrictService {
  private final ContestRepository repo;
  private final ElectionService elections;
  private final AuditLog audit;
  private final Clock clock;

  CountyDistrictService(
      ContestRepository repo, ElectionService elections, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** A county district with its member town districts. */
  public record CountyDistrict(long id, int number, String name, int seats, String membersZh) {}

  @Transactional(readOnly = true)
  public List<CountyDistrict> countyDistricts(long electionId) {
    election(electionId, Permission.VIEW);
    return repo.countyDistricts(electionId).stream()
        .map(
            c ->
                new CountyDistrict(
                    c.id(),
                    c.number(),
                    c.name(),
                    c.seats(),
                    c.members().stream()
                        .map(ContestRepository.TownDistrict::name)
                        .collect(Collectors.joining("、"))))
        .toList();
  }

  /**
   * Forms a county district from town districts (MANAGE), refused with the rule when the seats are
   * not 1–3, a member is not a district of this election or already in another county district.
   */
  @Transactional
  public long form(
      long electionId, Integer number, String name, Integer seats, List<Long> districtIds) {
    Election e = election(electionId, Permission.MANAGE);
    if (number == null || number < 1 || number > 999) {
      throw new InvalidInputException("number", "县级选区编号：应为1至999之间的整数");
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new InvalidInputException("name", "县级选区名称：不能为空");
    }
    if (seats == null || seats < 1 || seats > 3) {
      throw new InvalidInputException(
          "seats",
          PollingRule.COUNTY_DISTRICT_SEATS.refuse(
              "应选县(旗)人大代表名额为" + (seats == null ? "空" : seats) + "名"));
    }
    List<Long> ids = districtIds == null ? List.of() : new ArrayList<>(new HashSet<>(districtIds));
    if (ids.isEmpty()) {
      throw new InvalidInputException(
          "districtIds", PollingRule.COUNTY_DISTRICT_MEMBER.refuse("没有选择组成县级选区的镇人大代表选区"));
    }
    Map<Long, ContestRepository.TownDistrict> town =
        repo.townDistricts(electionId).stream()
            .collect(Collectors.toMap(ContestRepository.TownDistrict::id, Function.identity()));
    for (long id : ids) {
      ContestRepository.TownDistrict d = town.get(id);
      if (d == null) {
        throw new InvalidInputException(
            "districtIds", PollingRule.COUNTY_DISTRICT_MEMBER.refuse("所选选区不属于本次选举"));
      }
      if (d.countyDistrictId() != null) {
        throw new InvalidInputException(
            "districtIds", PollingRule.COUNTY_DISTRICT_MEMBER.refuse(d.name() + "已属于另一个县级选区"));
      }
    }
    Set<Integer> numbers = new HashSet<>();
    repo.countyDistricts(electionId).forEach(c -> numbers.add(c.number()));
    if (numbers.contains(number)) {
      throw new InvalidInputException("number", "县级选区编号" + number + "已经使用");
    }
    String user = AccessService.currentUser();
    long id = repo.insertCounty(electionId, number, n, seats, user, clock.instant());
    ids.forEach(d -> repo.assign(d, id));
    audit.append(
        user,
        "COUNTY_DISTRICT_FORMED",
        "election:" + e.id(),
        n
            + "由"
            + ids.stream()
                .map(town::get)
                .sorted(java.util.Comparator.comparingInt(ContestRepository.TownDistrict::number))
                .map(ContestRepository.TownDistrict::name)
                .collect(Collectors.joining("、"))
            + "组成，应选县(旗)人大代表"
            + seats
            + "名");
    return id;
  }

  /**
   * The contest of this level that the voters of a town district take part in.
   *
   * @throws IllegalStateException when the district belongs to no county district (county level)
   */
  @Transactional(readOnly = true)
  public ContestArea area(long electionId, long districtId, ContestLevel level) {
    List<ContestRepository.TownDistrict> all = repo.townDistricts(electionId);
    ContestRepository.TownDistrict d =
        all.stream()
            .filter(x -> x.id() == districtId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("districtId", "本选举没有这个选区"));
    if (level == ContestLevel.TOWN) {
      return new ContestArea(level, d.id(), d.name(), List.of(d.id()), d.seats(), null);
    }
    if (d.countyDistrictId() == null) {
      throw new IllegalStateException(d.name() + "尚未划入县级人大代表选区，请先在镇人大代表选举页面组成县级选区");
    }
    ContestRepository.CountyRow c = repo.county(electionId, d.countyDistrictId()).orElseThrow();
    return county(c);
  }

  /** Every contest of the election: the town districts' in number order, then the county ones. */
  @Transactional(readOnly = true)
  public List<ContestArea> areas(long electionId) {
    List<ContestArea> out = new ArrayList<>();
    for (ContestRepository.TownDistrict d : repo.townDistricts(electionId)) {
      out.add(
          new ContestArea(ContestLevel.TOWN, d.id(), d.name(), List.of(d.id()), d.seats(), null));
    }
    repo.countyDistricts(electionId).stream()
        .filter(c -> !c.members().isEmpty())
        .forEach(c -> out.add(county(c)));
    return out;
  }

  private static ContestArea county(ContestRepository.CountyRow c) {
    return new ContestArea(
        ContestLevel.COUNTY,
        c.members().get(0).id(),
        c.name(),
        c.members().stream().map(ContestRepository.TownDistrict::id).toList(),
        c.seats(),
        c.id());
  }

  private Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!DistrictService.seatsPerDistrict(e)) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）不按选区选举代表");
    }
    return e;
  }
}
