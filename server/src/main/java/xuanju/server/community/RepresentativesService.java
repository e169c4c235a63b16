package xuanju.server.community;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommunityRule;
import xuanju.core.names.NameOrder;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.documents.XlsxTable;
import xuanju.server.election.Election;

/**
 * The residents' representatives (居民代表, seed 002 四（二）3（2）): each grid (网格 / 居民小组, the person
 * register's {@code residents_group}) holds a meeting of its households, which elect one
 * representative per about 50 households. Per grid: households, households represented, seats,
 * nominees with the votes in favour; elected with over half of the households present, most votes
 * first, within the seats. The register of representatives (居民代表名册) is sorted by grid, then 姓氏笔画.
 */
@Service
public class RepresentativesService {
  /** Households per representative (seed 002 四（二）3（2）: 每50户左右). */
  public static final int HOUSEHOLDS_PER_REPRESENTATIVE = 50;

  private final CommunityContext ctx;
  private final JdbcTemplate jdbc;

  RepresentativesService(CommunityContext ctx, JdbcTemplate jdbc) {
    this.ctx = ctx;
    this.jdbc = jdbc;
  }

  /** The most seats a grid of {@code households} may have: one per 50 households, at least one. */
  public static int maxSeats(int households) {
    return Math.max(
        1, (households + HOUSEHOLDS_PER_REPRESENTATIVE - 1) / HOUSEHOLDS_PER_REPRESENTATIVE);
  }

  /** A nominee of a grid; elected as decided. */
  public record Nominee(
      long id, long personId, String name, String gender, int votes, boolean elected) {}

  /** One grid's meeting. */
  public record Grid(
      long id,
      String grid,
      LocalDate heldOn,
      int households,
      int present,
      int seats,
      List<Nominee> nominees) {
    public List<Nominee> elected() {
      return nominees.stream().filter(Nominee::elected).toList();
    }
  }

  /** A line of the register (居民代表名册). */
  public record Representative(
      String grid, String name, String gender, int votes, LocalDate heldOn) {}

  /**
   * The page.
   *
   * @param registerHouseholds per grid, the households (户号) of the living persons of the register
   *     (grids where nobody has a 户号 are absent)
   */
  public record View(
      Election election,
      List<String> gridNames,
      List<Grid> grids,
      List<Representative> register,
      Map<String, Integer> registerHouseholds,
      long partyMembers) {
    /** The elected representatives' party members in words (提倡依法将党员推选为居民代表). */
    public String partyZh() {
      return "当选居民代表"
          + register.size()
          + "人，其中中共党员（含预备党员）"
          + partyMembers
          + "人；"
          + CommunityRule.REPRESENTATIVES_PARTY.messageZh()
          + "（依据："
          + CommunityRule.REPRESENTATIVES_PARTY.citation().display()
          + "）";
    }

    /** The register's households of a grid, or null when the register has no 户号 there. */
    public Integer registerHouseholds(String grid) {
      return registerHouseholds.get(grid);
    }

    /** Whether the households entered for a grid differ from the register's count. */
    public boolean householdsDiffer(Grid g) {
      Integer n = registerHouseholds.get(g.grid());
      return n != null && n != g.households();
    }
  }

  @Transactional(readOnly = true)
  public View view(long electionId) {
    Election e = ctx.election(electionId, Permission.VIEW);
    List<Grid> grids = grids(electionId);
    return new View(
        e,
        gridNames(e),
        grids,
        register(grids),
        registerHouseholds(e.organisationId()),
        partyMembers(grids));
  }

  /** How many of the elected are party members (linked to the roster, or by political status). */
  long partyMembers(List<Grid> grids) {
    long n = 0;
    for (Grid g : grids) {
      for (Nominee x : g.elected()) {
        Long party =
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM person WHERE id = ? AND (party_member_id IS NOT NULL OR"
                    + " political_status IN ('CPC_MEMBER', 'CPC_PROBATIONARY'))",
                Long.class,
                x.personId());
        n += party == null ? 0 : party;
      }
    }
    return n;
  }

  /** Per grid of an organisation's register, its households by 户号 (living persons). */
  Map<String, Integer> registerHouseholds(long organisationId) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT residents_group, COUNT(DISTINCT household) FROM person WHERE organisation_id = ?"
            + " AND residents_group <> '' AND household <> '' AND died_on IS NULL"
            + " GROUP BY residents_group",
        rs -> {
          out.put(rs.getString(1), rs.getInt(2));
        },
        organisationId);
    return out;
  }

  /** The grids of the community's register (居民小组 / 网格), in order. */
  List<String> gridNames(Election e) {
    return gridNames(e.organisationId());
  }

  /** The grids of an organisation's register, in order. */
  List<String> gridNames(long organisationId) {
    return jdbc.queryForList(
        "SELECT DISTINCT residents_group FROM person WHERE organisation_id = ? AND residents_group <> ''"
            + " ORDER BY residents_group",
        String.class,
        organisationId);
  }

  /**
   * Records a grid's households' meeting (MANAGE). Refused, nothing stored: a grid not in the
   * register; fewer than two thirds of the households present; more seats than one per 50
   * households.
   */
  @Transactional
  public void recordGrid(
      long electionId,
      String grid,
      LocalDate heldOn,
      Integer households,
      Integer present,
      Integer seats) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    String g = grid == null ? "" : grid.strip();
    if (!gridNames(e).contains(g)) {
      throw new InvalidInputException(
          "grid",
          "网格（居民小组）“"
              + g
              + "”不在"
              + e.organisationName()
              + "的居民名册中。"
              + CommunityContext.basis(CommunityRule.REPRESENTATIVES_GRID));
    }
    if (heldOn == null || heldOn.isAfter(ctx.today())) {
      throw new InvalidInputException("heldOn", "推选日期：不能为空，也不能晚于今天");
    }
    if (households == null
        || present == null
        || seats == null
        || households < 1
        || present < 0
        || seats < 1) {
      throw new InvalidInputException("households", "请填写本网格户数（至少1户）、到会户数和代表名额（至少1名）");
    }
    if (present > households) {
      throw new InvalidInputException("present", "到会户数" + present + "多于本网格户数" + households + "户");
    }
    if ((long) present * 3 < (long) households * 2) {
      throw new InvalidInputException(
          "present",
          g
              + "共"
              + households
              + "户，到会"
              + present
              + "户，不足三分之二。"
              + CommunityContext.basis(CommunityRule.REPRESENTATIVES_TURNOUT));
    }
    int max = maxSeats(households);
    if (seats > max) {
      throw new InvalidInputException(
          "seats",
          g
              + "共"
              + households
              + "户，按每"
              + HOUSEHOLDS_PER_REPRESENTATIVE
              + "户左右推选1人，至多"
              + max
              + "名，填写了"
              + seats
              + "名。"
              + CommunityContext.basis(CommunityRule.REPRESENTATIVES_SEATS));
    }
    Grid old = grids(electionId).stream().filter(x -> x.grid().equals(g)).findFirst().orElse(null);
    if (old != null) {
      int marks = old.nominees().stream().mapToInt(Nominee::votes).sum();
      if (marks > (long) present * seats
          || old.nominees().stream().anyMatch(n -> n.votes() > present)) {
        throw new InvalidInputException("present", "已登记的得票多于新填写的到会户数和名额允许的票数，请先删除有关被推选人");
      }
      jdbc.update(
          "UPDATE community_grid SET held_on = ?, households = ?, present = ?, seats = ?, recorded_by = ?,"
              + " recorded_at = ? WHERE id = ?",
          Date.valueOf(heldOn),
          households,
          present,
          seats,
          AccessService.currentUser(),
          Timestamp.from(ctx.clock.instant()),
          old.id());
    } else {
      jdbc.update(
          "INSERT INTO community_grid (election_id, grid, held_on, households, present, seats, recorded_by,"
              + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          electionId,
          g,
          Date.valueOf(heldOn),
          households,
          present,
          seats,
          AccessService.currentUser(),
          Timestamp.from(ctx.clock.instant()));
    }
    ctx.audit(
        "COMMUNITY_GRID_MEETING",
        e,
        g + "推选居民代表：" + heldOn + "，共" + households + "户，到会" + present + "户，名额" + seats + "名");
  }

  /**
   * Records a nominee of a grid with the votes in favour (MANAGE). Refused, nothing stored: a
   * person not of the grid; more votes than households present; all marks more than present ×
   * seats; an entry that would elect more than the seats (over half each and no tie to break).
   */
  @Transactional
  public void addNominee(long electionId, long gridId, String residentId, Integer votes) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    Grid g =
        grids(electionId).stream()
            .filter(x -> x.id() == gridId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("gridId", "请先登记该网格的推选会议"));
    CommitteeRepository.PersonRef p = ctx.registerPerson(e, residentId, "residentId", "被推选人");
    String group =
        jdbc.queryForObject(
            "SELECT residents_group FROM person WHERE id = ?", String.class, p.id());
    if (!g.grid().equals(group)) {
      throw new InvalidInputException(
          "residentId",
          p.name()
              + "不是"
              + g.grid()
              + "的居民。"
              + CommunityContext.basis(CommunityRule.REPRESENTATIVES_GRID));
    }
    if (votes == null || votes < 0 || votes > g.present()) {
      throw new InvalidInputException(
          "votes",
          "得票：应在0至到会户数"
              + g.present()
              + "之间。"
              + CommunityContext.basis(CommunityRule.REPRESENTATIVES_MAJORITY));
    }
    if (g.nominees().stream().anyMatch(n -> n.personId() == p.id())) {
      throw new InvalidInputException("residentId", p.name() + "已登记为本网格的被推选人");
    }
    long marks = g.nominees().stream().mapToLong(Nominee::votes).sum() + votes;
    if (marks > (long) g.present() * g.seats()) {
      throw new InvalidInputException(
          "votes",
          g.grid()
              + "各被推选人得票合计"
              + marks
              + "票，多于到会"
              + g.present()
              + "户乘以名额"
              + g.seats()
              + "名。"
              + CommunityContext.basis(CommunityRule.REPRESENTATIVES_MAJORITY));
    }
    long majority =
        g.nominees().stream().filter(n -> (long) n.votes() * 2 > g.present()).count()
            + ((long) votes * 2 > g.present() ? 1 : 0);
    if (majority > g.seats()) {
      throw new InvalidInputException(
          "votes",
          g.grid()
              + "过半数的被推选人将有"
              + majority
              + "名，超过本网格名额"
              + g.seats()
              + "名，请核对得票。"
              + CommunityContext.basis(CommunityRule.REPRESENTATIVES_SEATS));
    }
    jdbc.update(
        "INSERT INTO community_grid_nominee (grid_id, person_id, votes_for) VALUES (?, ?, ?)",
        gridId,
        p.id(),
        votes);
    ctx.audit(
        "COMMUNITY_GRID_NOMINEE",
        e,
        g.grid() + "居民代表被推选人" + p.name() + "：得票" + votes + "（到会" + g.present() + "户）");
  }

  /** Removes a nominee entered by mistake (MANAGE). */
  @Transactional
  public void removeNominee(long electionId, long nomineeId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    for (Grid g : grids(electionId)) {
      for (Nominee n : g.nominees()) {
        if (n.id() == nomineeId) {
          jdbc.update("DELETE FROM community_grid_nominee WHERE id = ?", nomineeId);
          ctx.audit("COMMUNITY_GRID_NOMINEE_REMOVED", e, "删除" + g.grid() + "居民代表被推选人" + n.name());
          return;
        }
      }
    }
    throw new InvalidInputException("nomineeId", "本选举没有这名被推选人");
  }

  List<Grid> grids(long electionId) {
    List<Grid> out = new ArrayList<>();
    jdbc.query(
        "SELECT id, grid, held_on, households, present, seats FROM community_grid WHERE election_id = ?"
            + " ORDER BY grid",
        rs -> {
          out.add(
              new Grid(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getObject(3, LocalDate.class),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  List.of()));
        },
        electionId);
    NameOrder strokes = NameOrder.surnameStrokes();
    List<Grid> full = new ArrayList<>();
    for (Grid g : out) {
      List<Nominee> raw =
          new ArrayList<>(
              jdbc.query(
                  "SELECT n.id, n.person_id, p.name, p.gender, n.votes_for FROM community_grid_nominee n"
                      + " JOIN person p ON p.id = n.person_id WHERE n.grid_id = ?",
                  (rs, i) ->
                      new Nominee(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getString(3),
                          genderZh(rs.getString(4)),
                          rs.getInt(5),
                          false),
                  g.id()));
      raw.sort(
          Comparator.comparingInt(Nominee::votes)
              .reversed()
              .thenComparing(n -> strokes.sortKey(n.name())));
      List<Nominee> decided = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        Nominee n = raw.get(i);
        boolean elected = (long) n.votes() * 2 > g.present() && i < g.seats();
        decided.add(new Nominee(n.id(), n.personId(), n.name(), n.gender(), n.votes(), elected));
      }
      full.add(
          new Grid(g.id(), g.grid(), g.heldOn(), g.households(), g.present(), g.seats(), decided));
    }
    return full;
  }

  static String genderZh(String g) {
    return switch (g == null ? "" : g) {
      case "MALE", "男" -> "男";
      case "FEMALE", "女" -> "女";
      default -> "";
    };
  }

  /** The register: by grid, then 姓氏笔画. */
  static List<Representative> register(List<Grid> grids) {
    NameOrder strokes = NameOrder.surnameStrokes();
    List<Representative> out = new ArrayList<>();
    for (Grid g : grids) {
      g.elected().stream()
          .sorted(Comparator.comparing(n -> strokes.sortKey(n.name())))
          .forEach(
              n ->
                  out.add(
                      new Representative(g.grid(), n.name(), n.gender(), n.votes(), g.heldOn())));
    }
    return out;
  }

  /** 居民代表名册 as .xlsx. */
  @Transactional(readOnly = true)
  public XlsxTable registerSheet(long electionId) {
    View v = view(electionId);
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (Representative r : v.register()) {
      rows.add(
          List.of(
              String.valueOf(i++),
              r.grid(),
              r.name(),
              r.gender(),
              String.valueOf(r.votes()),
              String.valueOf(r.heldOn())));
    }
    return new XlsxTable("居民代表名册", List.of("序号", "网格（居民小组）", "姓名", "性别", "得票", "推选日期"), rows)
        .withTitle(v.election().organisationName() + "居民代表名册", List.of("按网格排列，同一网格内按姓氏笔画排列"));
  }
}
