package xuanju.server.voting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.profile.Regime;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.voting.VotingModel.Box;
import xuanju.server.voting.VotingModel.Station;
import xuanju.server.voting.VotingModel.Voter;
import xuanju.server.web.FreeTextValidator;

/**
 * Polling stations and ballot boxes of election day (投票站与票箱): the hall with its main box, further
 * stations, mobile boxes (流动票箱) with their staff and registered voters, sealing and opening.
 */
@Service
public class BallotBoxService {
  static final String HALL = "选举大会会场";
  static final String MAIN_BOX = "主票箱";

  private final VotingContext ctx;
  private final VotingRepository repo;
  private final ElectorateSource electorate;
  private final Clock clock;

  public BallotBoxService(
      VotingContext ctx, VotingRepository repo, ElectorateSource electorate, Clock clock) {
    this.ctx = ctx;
    this.repo = repo;
    this.electorate = electorate;
    this.clock = clock;
  }

  private static String me() {
    return AccessService.currentUser();
  }

  private void log(Election e, String action, String summary) {
    ctx.log(e, action, summary);
  }

  private Election election(long id, Permission p) {
    return ctx.election(id, p);
  }

  /** The stations with their boxes. */
  @Transactional(readOnly = true)
  public List<Station> stations(long electionId) {
    election(electionId, Permission.VIEW);
    return stationsOf(electionId);
  }

  private List<Station> stationsOf(long electionId) {
    List<Box> boxes = repo.boxes(electionId);
    return repo.stations(electionId).stream()
        .map(
            s ->
                new Station(
                    s.id(),
                    s.name(),
                    s.hall(),
                    boxes.stream().filter(b -> b.stationId() == s.id()).toList()))
        .toList();
  }

  void ensureHall(Election e) {
    if (repo.stations(e.id()).isEmpty()) {
      long st = repo.insertStation(e.id(), HALL, true, clock.instant());
      repo.insertBox(e.id(), st, MAIN_BOX, false, List.of());
      log(e, "VOTING_STATION_ADDED", "设立投票站「" + HALL + "」及票箱「" + MAIN_BOX + "」");
    }
  }

  /** Adds a polling station (投票站) with one fixed box. Needs MANAGE. */
  @Transactional
  public long addStation(long electionId, String name) {
    Election e = election(electionId, Permission.MANAGE);
    ensureHall(e);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw new InvalidInputException("name", "投票站名称不能为空（最多100字）");
    }
    if (repo.stations(electionId).stream().anyMatch(s -> s.name().equals(n))) {
      throw new InvalidInputException("name", "已有同名投票站「" + n + "」");
    }
    long id = repo.insertStation(electionId, n, false, clock.instant());
    repo.insertBox(electionId, id, n + "票箱", false, List.of());
    log(e, "VOTING_STATION_ADDED", "设立投票站「" + n + "」及票箱「" + n + "票箱」");
    return id;
  }

  /**
   * Adds a box to a station; a mobile box (流动票箱) needs at least two staff (VOTING.BOX.MOBILE_STAFF)
   * and is not used in party elections (VOTING.BOX.MOBILE_PARTY). Needs MANAGE.
   */
  @Transactional
  public long addBox(
      long electionId, long stationId, String name, boolean mobile, List<String> staff) {
    Election e = election(electionId, Permission.MANAGE);
    ensureHall(e);
    if (repo.stations(electionId).stream().noneMatch(s -> s.id() == stationId)) {
      throw new InvalidInputException("stationId", "投票站不存在：" + stationId);
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw new InvalidInputException("name", "票箱名称不能为空（最多100字）");
    }
    if (repo.boxes(electionId).stream().anyMatch(b -> b.name().equals(n))) {
      throw new InvalidInputException("name", "已有同名票箱「" + n + "」");
    }
    List<String> people = staffNames(staff);
    if (mobile) {
      Regime r = ctx.profile(e).regime();
      if (r == Regime.PARTY_GRASSROOTS || r == Regime.PARTY_LOCAL) {
        throw VotingRule.BOX_MOBILE_PARTY.invalid("mobile", "本次选举规则为" + r.name());
      }
      if (people.size() < 2) {
        throw VotingRule.BOX_MOBILE_STAFF.invalid("staff", "现有负责人员" + people.size() + "名");
      }
    }
    long id = repo.insertBox(electionId, stationId, n, mobile, people);
    log(
        e,
        "VOTING_BOX_ADDED",
        (mobile ? "设立流动票箱「" : "设立票箱「")
            + n
            + "」"
            + (people.isEmpty() ? "" : "，负责人员：" + String.join("、", people)));
    return id;
  }

  /**
   * The staff of a box, one person per entry as typed (a name is never split: 巴特尔·额尔敦 and 阿拉坦 其其格
   * are one person each). Blank entries are dropped, repeats kept once. A name has at most 50
   * characters and no line break or control character; all names together fit the column (500).
   */
  static List<String> staffNames(List<String> staff) {
    if (staff == null) {
      return List.of();
    }
    List<String> people = new ArrayList<>();
    for (int i = 0; i < staff.size(); i++) {
      String n = staff.get(i) == null ? "" : staff.get(i).strip();
      if (n.isEmpty() || people.contains(n)) {
        continue;
      }
      String problem = FreeTextValidator.problem("负责人员姓名", 50, false, n);
      if (problem != null) {
        throw new InvalidInputException("staff[" + i + "]", problem);
      }
      people.add(n);
    }
    if (people.stream().mapToInt(n -> n.length() + 1).sum() > 500) {
      throw new InvalidInputException("staff", "负责人员过多（姓名合计不能超过500字）");
    }
    return people;
  }

  /** Seals a box in public (封箱) with its seal number. Needs COUNT. */
  @Transactional
  public void sealBox(long electionId, long boxId, String sealNumber, int version) {
    Election e = election(electionId, Permission.COUNT);
    Box b = box(electionId, boxId);
    String seal = sealNumber == null ? "" : sealNumber.strip();
    if (seal.isEmpty()) {
      throw new InvalidInputException("sealNumber", "请填写封条编号");
    }
    if (!repo.sealBox(boxId, version, seal, clock.instant())) {
      throw new IllegalStateException("票箱「" + b.name() + "」已被他人修改，请刷新页面后重试");
    }
    log(e, "VOTING_BOX_SEALED", "票箱「" + b.name() + "」当众查验后封箱，封条编号 " + seal);
  }

  /** Opens a sealed box for counting (开箱). Needs COUNT; refused before it was sealed. */
  @Transactional
  public void openBox(long electionId, long boxId, int version) {
    Election e = election(electionId, Permission.COUNT);
    Box b = box(electionId, boxId);
    if (b.sealedAt() == null) {
      throw VotingRule.BOX_SEAL_ORDER.conflict("票箱「" + b.name() + "」尚未封箱");
    }
    if (!repo.openBox(boxId, version, clock.instant())) {
      throw new IllegalStateException("票箱「" + b.name() + "」已被他人修改，请刷新页面后重试");
    }
    log(e, "VOTING_BOX_OPENED", "票箱「" + b.name() + "」开箱（封条 " + b.sealNumber() + "）");
  }

  /** Registers an eligible voter to vote in a mobile box (流动票箱登记册, BX-03). Needs MANAGE. */
  @Transactional
  public void registerBoxVoter(long electionId, long boxId, long memberId) {
    Election e = election(electionId, Permission.MANAGE);
    Box b = box(electionId, boxId);
    Voter v =
        electorate.eligibleVoters(e).stream()
            .filter(x -> x.memberId() != null && x.memberId() == memberId)
            .findFirst()
            .orElseThrow(
                () -> VotingRule.CHECKIN_NOT_ELIGIBLE.invalid("memberId", "成员 " + memberId));
    repo.registerVoter(boxId, memberId);
    log(e, "VOTING_BOX_VOTER_REGISTERED", v.name() + " 登记在「" + b.name() + "」投票");
  }

  Box box(long electionId, long boxId) {
    return repo.box(electionId, boxId)
        .orElseThrow(() -> new InvalidInputException("boxId", "票箱不存在：" + boxId));
  }

  /** The box ballots come from when none is named: the hall's first box. */
  Box defaultBox(long electionId) {
    return repo.boxes(electionId).stream()
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("boxId", "尚未设立票箱"));
  }

  Optional<Box> findBox(long electionId, long boxId) {
    return repo.box(electionId, boxId);
  }
}
