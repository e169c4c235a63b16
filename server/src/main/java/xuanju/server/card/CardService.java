package xuanju.server.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.names.NameOrder;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.card.CardRepository.District;
import xuanju.server.card.CardRepository.Group;
import xuanju.server.card.CardRepository.Station;
import xuanju.server.card.CardRepository.VoterRow;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.PdfDocument;
import xuanju.server.documents.VoterCardSheetPdf;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * Polling-station assignment of registered voters (投票站分配), voter cards (选民证) and the mobile box 登记册
 * (流动票箱登记册). Changes need MANAGE on the election's organisation and are audited; reading and
 * printing need VIEW (printing cards is audited too).
 */
@Service
public class CardService {
  private final CardRepository repo;
  private final ElectionService elections;
  private final VoterCardToken tokens;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CardService(
      CardRepository repo,
      ElectionService elections,
      VoterCardToken tokens,
      AuditLog audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.repo = repo;
    this.elections = elections;
    this.tokens = tokens;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the cards page shows of one election. */
  public record Overview(
      Election election,
      List<District> districts,
      List<Station> stations,
      District selected,
      List<Group> groups) {
    public List<Station> stationsOf(long districtId) {
      return stations.stream().filter(s -> s.districtId() == districtId).toList();
    }

    /** The 村/社区/单位 of the selected district's voters. */
    public List<String> units() {
      return groups.stream().map(Group::unit).distinct().toList();
    }

    /** The 居民小组 of the selected district's voters (non-blank). */
    public List<String> residentsGroups() {
      return groups.stream()
          .map(Group::residentsGroup)
          .filter(g -> !g.isEmpty())
          .distinct()
          .toList();
    }

    public long listed() {
      return districts.stream().mapToLong(District::listed).sum();
    }

    public long unassigned() {
      return districts.stream().mapToLong(District::unassigned).sum();
    }
  }

  /** The election, checked: {@code permission} and an electorate of registered voters. */
  Election election(long electionId, Permission permission) {
    Election e = elections.get(electionId, permission);
    if (!e.kind().config().electorate().registersVoters()) {
      throw new IllegalStateException(
          "「" + e.title() + "」的选举人不是登记的选民（" + e.kind().labelZh() + "），没有选民证和委托投票");
    }
    return e;
  }

  /** The page's data; {@code districtId} selects the district whose groups are listed. */
  @Transactional(readOnly = true)
  public Overview overview(long electionId, Long districtId) {
    Election e = election(electionId, Permission.VIEW);
    List<District> districts = repo.districts(electionId);
    District selected =
        districts.stream()
            .filter(d -> districtId == null || d.id() == districtId)
            .findFirst()
            .orElse(null);
    List<Group> groups = selected == null ? List.of() : repo.groups(selected.id());
    return new Overview(e, districts, repo.stations(electionId), selected, groups);
  }

  private District district(long electionId, long districtId) {
    return repo.district(electionId, districtId)
        .orElseThrow(() -> new InvalidInputException("districtId", "本次选举没有这个选区：" + districtId));
  }

  private Station station(long electionId, long stationId, District d) {
    Station s =
        repo.station(electionId, stationId)
            .orElseThrow(() -> new InvalidInputException("stationId", "本次选举没有这个投票站：" + stationId));
    if (d != null && s.districtId() != d.id()) {
      throw new InvalidInputException(
          "stationId", "投票站「" + s.name() + "」不属于" + d.labelZh() + "：选民只能分配到本选区的投票站");
    }
    return s;
  }

  /**
   * Assigns the listed voters of a district's unit (村/社区/单位) and 居民小组 (blank: the whole unit) to a
   * station of that district. Returns how many were assigned.
   */
  @Transactional
  public int assignGroup(
      long electionId,
      long districtId,
      String unit,
      String residentsGroup,
      long stationId,
      boolean onlyUnassigned) {
    Election e = election(electionId, Permission.MANAGE);
    District d = district(electionId, districtId);
    Station s = station(electionId, stationId, d);
    String u = unit == null ? "" : unit.strip();
    String g = residentsGroup == null ? "" : residentsGroup.strip();
    if (u.isEmpty()) {
      throw new InvalidInputException("unit", "请选择村、社区或单位");
    }
    int n = repo.assignGroup(d.id(), u, g, onlyUnassigned, s.id(), clock.instant());
    if (n == 0) {
      throw new InvalidInputException(
          "unit",
          d.labelZh()
              + "中「"
              + (g.isEmpty() ? u : u + " " + g)
              + "」没有"
              + (onlyUnassigned ? "尚未分配投票站的" : "")
              + "在册选民");
    }
    log(
        e,
        "CARD_STATION_ASSIGNED",
        d.labelZh()
            + "「"
            + (g.isEmpty() ? u : u + " " + g)
            + "」的"
            + n
            + "名选民分配到"
            + s.kindZh()
            + "「"
            + s.name()
            + "」");
    return n;
  }

  /** Assigns one voter (by voter number in the district) to a station, or clears it (null). */
  @Transactional
  public void assignOne(long electionId, long districtId, int voterNo, Long stationId) {
    Election e = election(electionId, Permission.MANAGE);
    District d = district(electionId, districtId);
    VoterRow v =
        repo.byVoterNo(electionId, d.id(), voterNo)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "voterNo", d.labelZh() + "没有选民证号为 " + voterNo + " 的在册选民"));
    Station s = stationId == null ? null : station(electionId, stationId, d);
    repo.assignOne(v.registrationId(), s == null ? null : s.id(), clock.instant());
    log(
        e,
        "CARD_STATION_ASSIGNED",
        d.labelZh()
            + "选民"
            + v.name()
            + "（选民证号 "
            + v.voterNo()
            + "）"
            + (s == null ? "取消投票站分配" : "分配到" + s.kindZh() + "「" + s.name() + "」"));
  }

  /** The name of the election's committee (for the cards' footer), or 选举委员会 if none is recorded. */
  String committeeName(Election e) {
    List<String> names =
        jdbc.queryForList(
            "SELECT name FROM election_committee WHERE election_id = ?", String.class, e.id());
    return names.isEmpty() ? "选举委员会" : names.get(0);
  }

  /**
   * The voter cards of a district, or of one station ({@code stationId}), as an A4 PDF: 10 cards
   * per sheet with cut marks, ordered by voter number. Audited.
   */
  @Transactional
  public PdfDocument.Result cards(long electionId, Long districtId, Long stationId) {
    Election e = election(electionId, Permission.VIEW);
    District d = districtId == null ? null : district(electionId, districtId);
    Station s = stationId == null ? null : station(electionId, stationId, d);
    if (d == null && s == null) {
      throw new InvalidInputException("districtId", "请选择选区或投票站");
    }
    List<VoterRow> voters =
        repo.voters(electionId, d == null ? null : d.id(), s == null ? null : s.id());
    if (voters.isEmpty()) {
      throw new InvalidInputException(
          s != null ? "stationId" : "districtId",
          (s != null ? "「" + s.name() + "」" : d.labelZh()) + "没有在册选民，无法打印选民证");
    }
    String footer = committeeName(e) + "制";
    String day = DocumentContent.chineseDate(e.electionDay());
    List<VoterCardSheetPdf.Card> cards = new ArrayList<>(voters.size());
    for (VoterRow v : voters) {
      String code = tokens.encode(electionId, v.districtId(), v.voterNo());
      cards.add(
          new VoterCardSheetPdf.Card(
              e.title(),
              List.of(
                  new String[] {"姓名", v.name()},
                  new String[] {"选区", v.districtZh()},
                  new String[] {"投票站", v.stationName() == null ? "（未分配）" : v.stationName()},
                  new String[] {"选民证号", Integer.toString(v.voterNo())},
                  new String[] {"选举日期", day}),
              footer,
              code,
              QrCodes.modules(code)));
    }
    PdfDocument.Result pdf = VoterCardSheetPdf.render(e.title() + " 选民证", cards);
    log(
        e,
        "CARD_PRINTED",
        "打印选民证 "
            + (s != null ? "「" + s.name() + "」" : d.labelZh())
            + " "
            + cards.size()
            + "张（"
            + pdf.pageCount()
            + "页）");
    return pdf;
  }

  /** Names of a station for the download file. */
  @Transactional(readOnly = true)
  public String stationName(long electionId, long stationId) {
    election(electionId, Permission.VIEW);
    return station(electionId, stationId, null).name();
  }

  /** Names of a district for the download file. */
  @Transactional(readOnly = true)
  public String districtName(long electionId, long districtId) {
    election(electionId, Permission.VIEW);
    return district(electionId, districtId).labelZh();
  }

  /**
   * The 登记册 of a mobile box (流动票箱): its voters by 居民小组 and 姓氏笔画, with columns for the time of
   * voting and the voter's signature, and lines for the staff's signatures.
   */
  @Transactional(readOnly = true)
  public DocumentContent registerBook(long electionId, long stationId) {
    Election e = election(electionId, Permission.VIEW);
    Station s = station(electionId, stationId, null);
    if (!s.mobile()) {
      throw new InvalidInputException(
          "stationId", "「" + s.name() + "」不是流动票箱：登记册只为流动票箱打印，固定投票站使用选民名单");
    }
    District d = district(electionId, s.districtId());
    List<VoterRow> voters = new ArrayList<>(repo.voters(electionId, null, s.id()));
    NameOrder strokes = NameOrder.surnameStrokes();
    voters.sort(
        Comparator.comparing(VoterRow::unit)
            .thenComparing(VoterRow::residentsGroup)
            .thenComparing(VoterRow::name, strokes)
            .thenComparingInt(VoterRow::voterNo));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < voters.size(); i++) {
      VoterRow v = voters.get(i);
      rows.add(
          List.of(
              Integer.toString(i + 1),
              Integer.toString(v.voterNo()),
              v.name(),
              genderZh(v.gender()),
              v.residentsGroup().isEmpty() ? v.unit() : v.residentsGroup(),
              v.address(),
              "",
              ""));
    }
    return DocumentContent.builder("流动票箱登记册")
        .subtitle(e.title() + " " + d.labelZh() + " " + s.name())
        .paragraph(
            "本登记册登记在流动票箱「"
                + s.name()
                + "」投票的选民，共"
                + voters.size()
                + "人。选举日"
                + DocumentContent.chineseDate(e.electionDay())
                + "，流动票箱由不少于二名工作人员携带；选民投票后在本人一行填写投票时间并签名（或按手印）。")
        .table(List.of("序号", "选民证号", "姓名", "性别", "居民小组", "住址", "投票时间", "选民签名"), rows)
        .plainParagraph("流动票箱工作人员（签名）：                    监督人员（签名）：")
        .plainParagraph("封箱时间：        时    分          开箱时间：        时    分")
        .signature(committeeName(e), (String) null)
        .build();
  }

  static String genderZh(String g) {
    if (g == null) {
      return "";
    }
    return switch (g) {
      case "MALE", "M" -> "男";
      case "FEMALE", "F" -> "女";
      default -> g;
    };
  }

  /** Whether the document renders (used by the controller for the PDF download). */
  static byte[] pdf(DocumentContent c) {
    return PdfDocument.render(c).pdf();
  }

  private void log(Election e, String action, String summary) {
    audit.append(AccessService.currentUser(), action, "election:" + e.id(), summary);
  }
}
