package xuanju.server.congress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
 * Election day at a district's polling stations and mobile boxes (投票站与流动票箱): the box's custody
 * record (at least two staff, seal numbers and times, the mobile box's signed register, the station
 * board present), the staff (监票人, 计票人, 唱票人, 工作人员; no candidate, no declared close relative of one),
 * and per vote and box the ballots issued, returned and spoiled, a difference explained in writing
 * before the box is counted. Every refusal names the rule and changes nothing; every record is
 * audited.
 */
@Service
public class PollingService {
  /** The roles a station's staff may have. */
  public static final List<String> ROLES = List.of("监票人", "计票人", "唱票人", "工作人员");

  private final PollingRepository repo;
  private final ElectionService elections;
  private final DistrictService districts;
  private final CountyDistrictService contests;
  private final AuditLog audit;
  private final Clock clock;

  PollingService(
      PollingRepository repo,
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

  /** What the district's election-day page shows of its stations. */
  public record StationDay(
      PollingRepository.Station station,
      PollingRepository.Custody custody,
      List<PollingRepository.Staff> staff) {
    public String staffZh() {
      return String.join("、", staff.stream().map(s -> s.name() + "（" + s.role() + "）").toList());
    }
  }

  @Transactional(readOnly = true)
  public List<StationDay> stations(long electionId, long districtId) {
    election(electionId, Permission.VIEW);
    DistrictRecord d = districts.district(electionId, districtId);
    List<PollingRepository.Station> st = repo.stations(List.of(d.id()));
    List<Long> ids = st.stream().map(PollingRepository.Station::id).toList();
    Map<Long, PollingRepository.Custody> custody = repo.custody(ids);
    List<PollingRepository.Staff> staff = repo.staff(ids);
    List<StationDay> out = new ArrayList<>();
    for (PollingRepository.Station s : st) {
      out.add(
          new StationDay(
              s,
              custody.get(s.id()),
              staff.stream().filter(x -> x.stationId() == s.id()).toList()));
    }
    return out;
  }

  private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\s]+");

  /**
   * Records a box's custody (MANAGE): the staff who checked and sealed it in public (at least two),
   * the seal numbers and time, when it was opened, for a mobile box that its voters signed the
   * register, and the station board members present.
   */
  @Transactional
  public void recordCustody(
      long electionId,
      long stationId,
      String staffNames,
      String sealNumbers,
      Instant sealedAt,
      Instant openedAt,
      boolean registerSigned,
      String boardPresent) {
    election(electionId, Permission.MANAGE);
    PollingRepository.Station s = station(electionId, stationId);
    List<String> names = new ArrayList<>();
    for (String n : SEPARATORS.split(staffNames == null ? "" : staffNames.strip())) {
      if (!n.isBlank() && !names.contains(n.strip())) {
        names.add(n.strip());
      }
    }
    if (names.size() < 2) {
      throw new InvalidInputException(
          "staff", PollingRule.STAFF_MIN.refuse(s.name() + "只登记了" + names.size() + "名负责票箱的监票人员"));
    }
    String seals = sealNumbers == null ? "" : sealNumbers.strip();
    if (seals.isEmpty()) {
      throw new InvalidInputException("sealNumbers", PollingRule.STAFF_MIN.refuse("未填写票箱封条编号"));
    }
    if (sealedAt == null) {
      throw new InvalidInputException("sealedAt", PollingRule.STAFF_MIN.refuse("未填写加封时间"));
    }
    if (openedAt != null && openedAt.isBefore(sealedAt)) {
      throw new InvalidInputException("openedAt", "开箱时间不能早于加封时间");
    }
    if (s.mobile() && openedAt != null && !registerSigned) {
      throw new InvalidInputException(
          "registerSigned", PollingRule.MOBILE_REGISTER.refuse(s.name() + "开箱前未确认选民登记簿已签名"));
    }
    String board = boardPresent == null ? "" : boardPresent.strip();
    String user = AccessService.currentUser();
    repo.saveCustody(
        new PollingRepository.Custody(
            stationId,
            String.join("、", names),
            names.size(),
            seals,
            sealedAt,
            openedAt,
            registerSigned,
            board),
        user,
        clock.instant());
    audit.append(
        user,
        "BOX_CUSTODY_RECORDED",
        "station:" + stationId,
        s.name()
            + "票箱由"
            + String.join("、", names)
            + "当众检查加封，封条"
            + seals
            + (openedAt == null ? "" : "，已开箱")
            + (s.mobile() ? (registerSigned ? "，选民已在登记簿签名" : "") : "")
            + (board.isEmpty() ? "" : "，在场投票站负责人：" + board));
  }

  /**
   * Adds a member of a station's staff (MANAGE), refused when the person is a formal candidate of
   * any contest of the election or declared a close relative of one (选举法第四十三条).
   *
   * @param relativeOf the candidate the person is a close relative of, as declared; empty: none
   */
  @Transactional
  public void addStaff(
      long electionId,
      long stationId,
      String name,
      String residentId,
      String role,
      String relativeOf) {
    election(electionId, Permission.MANAGE);
    PollingRepository.Station s = station(electionId, stationId);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new InvalidInputException("name", "姓名：不能为空");
    }
    List<Finding> problems = ResidentIds.check(residentId, LocalDate.now(clock), "residentId");
    if (!problems.isEmpty()) {
      throw new InvalidInputException("residentId", "公民身份号码" + problems.get(0).messageZh());
    }
    String id = ResidentIds.normalise(residentId);
    if (role == null || !ROLES.contains(role)) {
      throw new InvalidInputException("role", "职责：请选择" + String.join("、", ROLES) + "之一");
    }
    Set<String> candidates = new HashSet<>(repo.formalNomineeIds(electionId));
    if (candidates.contains(id)) {
      throw new InvalidInputException(
          "residentId", PollingRule.STAFF_CANDIDATE.refuse(n + "是正式代表候选人，不能担任" + role));
    }
    String rel = relativeOf == null ? "" : relativeOf.strip();
    if (!rel.isEmpty()) {
      throw new InvalidInputException(
          "relativeOf",
          PollingRule.STAFF_CANDIDATE.refuse(n + "是代表候选人" + rel + "的近亲属，不能担任" + role));
    }
    boolean dup =
        repo.staff(List.of(stationId)).stream()
            .anyMatch(x -> x.residentId().equals(id) && x.role().equals(role));
    if (dup) {
      throw new InvalidInputException("residentId", n + "已登记为" + s.name() + "的" + role);
    }
    String user = AccessService.currentUser();
    repo.addStaff(stationId, n, id, role, user, clock.instant());
    audit.append(
        user,
        "STATION_STAFF_ADDED",
        "station:" + stationId,
        s.name() + "：" + n + "（" + ResidentIds.mask(id) + "）担任" + role + "，已声明不是代表候选人的近亲属");
  }

  PollingRepository.Station station(long electionId, long stationId) {
    return repo.allStations(electionId).stream()
        .filter(x -> x.id() == stationId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("stationId", "本选举没有这个投票站或流动票箱"));
  }

  Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!DistrictService.seatsPerDistrict(e)) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）不按选区选举代表");
    }
    return e;
  }

  CountyDistrictService contests() {
    return contests;
  }
}
