package xuanju.server.district;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;

/**
 * Polling stations of a district (投票站): fixed stations and mobile ballot boxes (流动票箱). A station
 * with voters assigned to it cannot be deleted.
 */
@Service
public class StationService {
  private final DistrictRepository repo;
  private final DistrictService districts;
  private final AuditLog audit;
  private final Clock clock;

  StationService(DistrictRepository repo, DistrictService districts, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.districts = districts;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds a station to a district. Needs MANAGE. */
  @Transactional
  public long add(long electionId, long districtId, String name, String address, boolean mobile) {
    Election e = districts.election(electionId, Permission.MANAGE);
    DistrictRecord d = districts.find(e, districtId);
    String n = name(name);
    if (repo.stationNameTaken(districtId, n, -1)) {
      throw new InvalidInputException("name", "投票站名称：" + d.name() + "已有投票站" + n);
    }
    String a = address == null ? "" : address.strip();
    long id = repo.insertStation(districtId, n, a, mobile, clock.instant());
    audit.append(
        AccessService.currentUser(),
        "POLLING_STATION_CREATED",
        "district:" + districtId,
        d.name() + "设" + (mobile ? "流动票箱" : "投票站") + "：" + n + (a.isEmpty() ? "" : "（" + a + "）"));
    return id;
  }

  /** Changes a station; refused when someone changed it meanwhile. */
  @Transactional
  public void update(
      long electionId, long stationId, int version, String name, String address, boolean mobile) {
    Election e = districts.election(electionId, Permission.MANAGE);
    DistrictRepository.StationRow s = station(e, stationId);
    String n = name(name);
    if (repo.stationNameTaken(s.districtId(), n, stationId)) {
      throw new InvalidInputException("name", "投票站名称：本选区已有投票站" + n);
    }
    String a = address == null ? "" : address.strip();
    if (!repo.updateStation(stationId, version, n, a, mobile)) {
      throw new IllegalStateException("该投票站已被他人修改，请刷新页面后重试");
    }
    audit.append(
        AccessService.currentUser(),
        "POLLING_STATION_UPDATED",
        "station:" + stationId,
        "修改投票站：" + s.name() + " → " + n + "，" + (mobile ? "流动票箱" : "固定投票站") + "，" + a);
  }

  /** Deletes a station; refused while voters are assigned to it. */
  @Transactional
  public void delete(long electionId, long stationId) {
    Election e = districts.election(electionId, Permission.MANAGE);
    DistrictRepository.StationRow s = station(e, stationId);
    if (s.voters() > 0) {
      throw new IllegalStateException(
          "投票站" + s.name() + "已分配选民" + s.voters() + "名，不能删除；请先将这些选民改派到其他投票站");
    }
    repo.deleteStation(stationId);
    audit.append(
        AccessService.currentUser(),
        "POLLING_STATION_DELETED",
        "station:" + stationId,
        "删除投票站：" + s.name());
  }

  private DistrictRepository.StationRow station(Election e, long stationId) {
    DistrictRepository.StationRow s =
        repo.station(stationId)
            .orElseThrow(() -> new InvalidInputException("stationId", "没有这个投票站"));
    if (repo.electionOfDistrict(s.districtId()).filter(x -> x == e.id()).isEmpty()) {
      throw new InvalidInputException("stationId", "本选举没有这个投票站");
    }
    return s;
  }

  private static String name(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new InvalidInputException("name", "投票站名称：不能为空");
    }
    return n;
  }
}
