package xuanju.server.district;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.district.Apportionment;
import xuanju.core.district.DecidedTotal;
import xuanju.core.district.District;
import xuanju.core.district.DistrictRule;
import xuanju.core.district.TownKind;
import xuanju.core.district.TownSeats;
import xuanju.core.district.TownSeatsQuery;
import xuanju.core.profile.Ratio;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The town's total number of deputies (代表名额) of an election whose contests are per district: the
 * population (by default the register's count), the 民族乡 decision, the arithmetic of core {@link
 * TownSeats} (选举法第十二条) and the number the county 人大常委会 decided where it differs (第十三条).
 */
@Service
public class SeatTotalService {
  /** Who decides the total when it differs (选举法第十三条). */
  static final String COUNTY_STANDING_COMMITTEE = "县级人大常委会";

  private final DistrictRepository repo;
  private final ElectionService elections;
  private final AuditLog audit;
  private final Clock clock;

  SeatTotalService(
      DistrictRepository repo, ElectionService elections, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** The article the arithmetic follows, e.g. {@code 选举法（2020）第十二条第一款第四项、第二款}. */
  public static String articleZh() {
    return DistrictRule.TOWN_SEATS_FORMULA.citation().display();
  }

  /** The stored total computed again (with its arithmetic and findings). */
  TownSeats townSeats(SeatTotalRecord r) {
    return Apportionment.townSeats(query(r)).outcome();
  }

  static TownSeatsQuery query(SeatTotalRecord r) {
    DecidedTotal decided =
        r.decidedTotal() == null
            ? null
            : new DecidedTotal(
                r.decidedTotal(), decisionText(r.decidedBy(), r.decisionDocument(), r.decidedOn()));
    return new TownSeatsQuery(
        r.ethnicTownship() ? TownKind.ETHNIC_TOWNSHIP : null,
        Math.max(1, r.population()),
        r.ethnicTownship(),
        r.extraDocument(),
        decided);
  }

  private static String decisionText(String by, String document, LocalDate on) {
    return (by == null || by.isBlank() ? COUNTY_STANDING_COMMITTEE : by)
        + (on == null ? "" : on + "决定，")
        + document;
  }

  static Ratio limit(SeatTotalRecord r) {
    try {
      return Ratio.parse(r.deviationLimit());
    } catch (IllegalArgumentException e) {
      return Apportionment.DEFAULT_LIMIT;
    }
  }

  /**
   * What the seat-total form sends.
   *
   * @param population the population, or null for the register's count
   * @param populationNote where a population other than the register's count comes from
   * @param ethnicTownship 民族乡 with the extra 5 % decided by the provincial 人大常委会
   * @param decidedTotal the county's number, or null when it did not decide a different one
   * @param deviationPercent the warning limit in percent, 1 … 100 (default 20)
   */
  public record SeatTotalForm(
      Integer population,
      String populationNote,
      boolean ethnicTownship,
      String extraDocument,
      Integer decidedTotal,
      String decidedBy,
      String decisionDocument,
      LocalDate decidedOn,
      Integer deviationPercent,
      Integer version) {}

  /** Stores the seat total (确定代表名额) and audits it. Needs MANAGE. */
  @Transactional
  public TownSeats save(long electionId, SeatTotalForm f) {
    Election e = elections.get(electionId, Permission.MANAGE);
    if (!DistrictService.seatsPerDistrict(e)) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）不按选区分配代表名额");
    }
    long register = repo.registerPopulation(e.organisationId());
    long population = f.population() == null ? register : f.population();
    String note = f.populationNote() == null ? "" : f.populationNote().strip();
    if (population < 1 || population > District.MAX_POPULATION) {
      throw new InvalidInputException(
          "population",
          "人口数："
              + (f.population() == null
                  ? "居民名册中还没有人员，请填写人口数并说明来源"
                  : "应为1至" + District.MAX_POPULATION + "之间的整数"));
    }
    if (population != register && note.isEmpty()) {
      throw new InvalidInputException(
          "populationNote",
          "人口数来源：填写的人口数" + population + "与居民名册人数" + register + "不同，请说明来源（如统计部门的户籍人口数）");
    }
    if (population == register) {
      note = "";
    }
    String extra = f.extraDocument() == null ? "" : f.extraDocument().strip();
    if (f.ethnicTownship() && extra.isEmpty()) {
      throw new InvalidInputException(
          "extraDocument", "另加百分之五的决定：民族乡另加名额须经省、自治区、直辖市人大常委会决定，请写明决定文件（选举法第十二条第三款）");
    }
    if (!f.ethnicTownship()) {
      extra = "";
    }
    Integer decided = f.decidedTotal();
    String by = f.decidedBy() == null ? "" : f.decidedBy().strip();
    String doc = f.decisionDocument() == null ? "" : f.decisionDocument().strip();
    LocalDate on = f.decidedOn();
    if (decided != null) {
      if (decided < 1 || decided > 1000) {
        throw new InvalidInputException("decidedTotal", "决定的代表总名额：应为1至1000之间的整数");
      }
      if (doc.isEmpty()) {
        throw new InvalidInputException(
            "decisionDocument", "决定文件：记录县级人大常委会决定的代表总名额时，须写明决定文件（选举法第十三条）");
      }
      if (on == null) {
        throw new InvalidInputException("decidedOn", "决定日期：请填写县级人大常委会作出决定的日期");
      }
      if (on.isAfter(LocalDate.now(clock))) {
        throw new InvalidInputException("decidedOn", "决定日期：" + on + "晚于今天，请在决定作出后登记");
      }
      if (by.isEmpty()) {
        by = COUNTY_STANDING_COMMITTEE;
      }
    } else {
      by = "";
      doc = "";
      on = null;
    }
    int pct = f.deviationPercent() == null ? 20 : f.deviationPercent();
    if (pct < 1 || pct > 100) {
      throw new InvalidInputException("deviationPercent", "偏离幅度上限：应为1至100之间的整数（百分比）");
    }
    Ratio limit = Ratio.of(pct, 100);
    SeatTotalRecord probe =
        new SeatTotalRecord(
            population,
            note,
            f.ethnicTownship(),
            extra,
            0,
            decided,
            by,
            doc,
            on,
            limit.toString(),
            0);
    TownSeats town = townSeats(probe);
    SeatTotalRecord r =
        new SeatTotalRecord(
            population,
            note,
            f.ethnicTownship(),
            extra,
            town.computed(),
            decided,
            by,
            doc,
            on,
            limit.toString(),
            0);
    Integer version = repo.seatTotal(electionId).map(SeatTotalRecord::version).orElse(null);
    if (version != null && f.version() != null && !version.equals(f.version())) {
      throw new IllegalStateException("代表名额已被他人修改，请刷新页面后重试");
    }
    if (!repo.saveSeatTotal(electionId, version, r, clock.instant())) {
      throw new IllegalStateException("代表名额已被他人修改，请刷新页面后重试");
    }
    audit.append(
        AccessService.currentUser(),
        "SEAT_TOTAL_SAVED",
        "election:" + electionId,
        "确定代表名额：人口"
            + population
            + "人"
            + (note.isEmpty() ? "（居民名册）" : "（" + note + "）")
            + "，按人口计算"
            + town.computed()
            + "名"
            + (decided == null ? "" : "，" + by + "决定" + decided + "名（" + doc + "）")
            + "，采用"
            + town.total()
            + "名，偏离幅度上限"
            + pct
            + "%");
    return town;
  }
}
