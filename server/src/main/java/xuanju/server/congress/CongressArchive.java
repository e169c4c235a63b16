package xuanju.server.congress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.cli.round.Json;
import xuanju.cli.round.RoundFile;
import xuanju.cli.round.RoundReport;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.congress.CongressResultsService.ContestResult;
import xuanju.server.congress.CongressResultsService.LevelResults;
import xuanju.server.congress.CongressResultsService.Results;
import xuanju.server.congress.CongressResultsService.Step;
import xuanju.server.congress.CongressResultsService.Vote;
import xuanju.server.documents.AuditStamp;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.Election;

/**
 * The archive of a deputies' election (代表选举档案, one .zip), made once the last step of every level is
 * recorded: the results documents, for every decided vote of every contest a round file in the
 * command line's format ({@code docs/formats/tally.md}, the summed confirmed tally sheets as {@code
 * counts}) with the command line's decision of it, and {@code manifest.json} with the size and
 * SHA-256 of every other file and the audit chain's head. Before anything is written every round
 * file is read back and decided again by core's engine; a decision that differs from the stored one
 * (elected or rule steps) refuses the archive.
 */
@Service
public class CongressArchive {
  static final String MANIFEST = "manifest.json";

  private final CongressResultsService results;
  private final PollingService polling;
  private final PollingRepository repo;
  private final AuditLog audit;
  private final Clock clock;

  CongressArchive(
      CongressResultsService results,
      PollingService polling,
      PollingRepository repo,
      AuditLog audit,
      Clock clock) {
    this.results = results;
    this.polling = polling;
    this.repo = repo;
    this.audit = audit;
    this.clock = clock;
  }

  private record Item(String path, String description, byte[] bytes) {}

  /** The archive's bytes (VIEW). */
  @Transactional(readOnly = true)
  public byte[] zip(long electionId) {
    Election e = polling.election(electionId, Permission.VIEW);
    Results r = results.results(e);
    if (!r.accepted()) {
      List<String> open = new ArrayList<>();
      for (LevelResults lr : r.levels()) {
        if (!lr.accepted()) {
          open.add(lr.level().labelZh() + "尚未“" + Step.ACCEPTED.labelZh(lr.level()) + "”");
        }
      }
      throw new IllegalStateException(
          PollingRule.RESULTS_ORDER.refuse(
              (open.isEmpty() ? "本选举没有选区" : String.join("，", open)) + "，不能生成选举档案"));
    }
    Map<Long, String> names = repo.allNomineeNames(e.id());
    Map<String, Item> items = new LinkedHashMap<>();
    ArrayNode rounds = Json.mapper().createArrayNode();
    for (LevelResults lr : r.levels()) {
      for (ContestResult c : lr.contests()) {
        for (Vote v : c.votes()) {
          round(e, c.area(), v, names, items, rounds);
        }
      }
    }
    for (LevelResults lr : r.levels()) {
      String l = lr.level().name().toLowerCase(java.util.Locale.ROOT);
      String label = lr.level().labelZh();
      document(
          items,
          "announcement-" + l,
          label + "选举结果公告",
          CongressResultsDocuments.announcement(r, lr.level()));
      put(
          items,
          "certificates-" + l + ".pdf",
          label + "当选证书",
          CongressResultsDocuments.certificates(r, lr.level()));
    }
    put(items, "statistics.xlsx", "选举工作统计表", CongressResultsDocuments.statistics(r).toBytes());
    document(items, "report", "关于代表选举结果的报告", CongressResultsDocuments.report(r));
    return finish(e, r, items, rounds);
  }

  /** The round file of a decided vote, checked against the stored decision. */
  static RoundFile roundFile(
      Election e,
      ContestArea a,
      CongressRound r,
      Map<Long, String> names,
      List<PollingRepository.Station> stations,
      Map<Long, PollingRepository.BoxCount> boxes,
      Map<Long, List<PollingRepository.SheetEntry>> sheets) {
    List<Candidate> cands =
        r.candidateIds().stream()
            .map(id -> Candidate.of(String.valueOf(id), names.get(id)))
            .toList();
    long issued = 0;
    long returned = 0;
    for (PollingRepository.BoxCount b : boxes.values()) {
      issued += b.issued();
      returned += b.returned();
    }
    TallySheets.Sum sum = TallySheets.sum(cands.size(), stations, sheets);
    Map<String, CandidateCount> counts = new LinkedHashMap<>();
    for (int i = 0; i < cands.size(); i++) {
      long yes = sum.yes()[i];
      long no = sum.no()[i];
      counts.put(cands.get(i).id(), new CandidateCount(yes, no, sum.valid() - yes - no));
    }
    Map<String, String> overrides = new TreeMap<>(e.overrides());
    return new RoundFile(
        RoundFile.FORMAT_VERSION,
        e.title() + " " + a.titleZh() + " " + r.kindZh() + "（各投票站计票单的合计数）",
        e.profileId(),
        overrides,
        overrides.isEmpty() ? null : e.overrideReason(),
        Meeting.ELECTORAL,
        r.kind(),
        r.furtherRound(),
        r.seats(),
        cands,
        Electorate.direct(r.registered(), issued, returned),
        List.of(),
        null,
        null,
        new TreeMap<>(),
        new RoundFile.Counts(sum.valid(), sum.invalid(), counts, sum.writeIns()));
  }

  /**
   * Compares the command line's decision of a round file with the stored decision.
   *
   * @return the difference in Chinese, or empty when they agree
   */
  static String check(RoundReport.Report report, CongressRound r) {
    List<String> elected = new ArrayList<>();
    for (String id : report.decision().outcome().electedIds()) {
      elected.add(id.chars().allMatch(Character::isDigit) ? id : ContestVoteService.WRITE_IN + id);
    }
    if (!elected.equals(r.elected())) {
      return "当选人不同：重新计票 " + elected + "，存储 " + r.elected();
    }
    List<String> stored = r.trailLines().stream().map(CongressRound.TrailLine::code).toList();
    List<String> codes = report.decision().codes();
    if (!codes.equals(stored)) {
      return "判定依据不同：重新计票 " + codes + "，存储 " + stored;
    }
    return "";
  }

  private void round(
      Election e,
      ContestArea a,
      Vote v,
      Map<Long, String> names,
      Map<String, Item> items,
      ArrayNode rounds) {
    CongressRound r = v.round();
    List<PollingRepository.Station> stations = repo.stations(a.districtIds());
    RoundFile file =
        roundFile(e, a, r, names, stations, repo.boxCounts(r.id()), repo.sheetEntries(r.id()));
    String base =
        "rounds/"
            + (a.level() == ContestLevel.TOWN
                ? "town-district-" + a.homeDistrictId()
                : "county-district-" + a.countyDistrictId())
            + "-round-"
            + r.number();
    String json = Json.pretty(file.toJson());
    // read back as the command line reads it, and decide again
    RoundReport.Report report =
        RoundReport.of(RoundFile.parse(Json.parse(json, base + ".json"), null));
    String diff = check(report, r);
    if (!diff.isEmpty()) {
      throw new IllegalStateException(
          a.titleZh() + r.kindZh() + "的计票文件重新计票的结果与存储的结果不一致（" + diff + "），不能生成选举档案，请核对计票单");
    }
    put(items, base + ".json", a.titleZh() + r.kindZh() + " 计票文件（./xuanju tally）", bytes(json));
    put(
        items,
        base + ".tally.json",
        a.titleZh() + r.kindZh() + " 命令行计票结果（与存储的结果一致）",
        bytes(Json.pretty(RoundReport.json(report))));
    ObjectNode n = rounds.addObject();
    n.put("contest", a.titleZh());
    n.put("level", a.level().name());
    n.put("round", r.number());
    n.put("kind", r.kind().name());
    n.put("roundFile", base + ".json");
    n.put("tallyFile", base + ".tally.json");
    n.put("outcomeZh", r.outcome());
    ArrayNode el = n.putArray("elected");
    r.elected().forEach(el::add);
    ArrayNode codes = n.putArray("trailCodes");
    r.trailLines().forEach(t -> codes.add(t.code()));
    n.put("verified", true);
  }

  private static void document(
      Map<String, Item> items, String base, String description, DocumentContent c) {
    put(items, base + ".pdf", description, PdfDocument.render(c).pdf());
    put(items, base + ".docx", description, DocxDocument.render(c));
  }

  private static void put(Map<String, Item> items, String path, String description, byte[] b) {
    items.put(path, new Item(path, description, b));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] finish(Election e, Results r, Map<String, Item> items, ArrayNode rounds) {
    Instant at = clock.instant();
    AuditLog.Head head = audit.head();
    ObjectNode m = Json.object();
    m.put("formatVersion", 1);
    ObjectNode el = m.putObject("election");
    el.put("id", e.id());
    el.put("title", e.title());
    el.put("organisation", e.organisationName());
    el.put("profile", e.profileId());
    el.put("electionDay", e.electionDay().toString());
    m.put("archivedBy", AccessService.currentUser());
    m.put("archivedAt", at.toString());
    ObjectNode h = m.putObject("auditChainHead");
    h.put("seq", head.seq());
    h.put("hash", head.hash());
    h.put("code", AuditStamp.LABEL + head.code());
    m.put("reproduce", "./xuanju tally rounds/….json 的输出与同名 .tally.json 相同；当选人和判定依据与选举日存储的结果相同");
    ArrayNode steps = m.putArray("steps");
    for (LevelResults lr : r.levels()) {
      lr.steps()
          .forEach(
              s -> {
                ObjectNode o = steps.addObject();
                o.put("level", s.level().name());
                o.put("step", s.step().name());
                o.put("labelZh", s.labelZh());
                o.put("body", s.body());
                o.put("document", s.document());
                o.put("onDate", s.onDate().toString());
              });
    }
    ArrayNode files = m.putArray("files");
    for (Item i : items.values()) {
      ObjectNode o = files.addObject();
      o.put("path", i.path());
      o.put("bytes", i.bytes().length);
      o.put("sha256", sha256(i.bytes()));
      o.put("description", i.description());
    }
    m.set("rounds", rounds);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Item i : items.values()) {
        entry(zip, i.path(), i.bytes(), at.toEpochMilli());
      }
      entry(zip, MANIFEST, bytes(Json.pretty(m)), at.toEpochMilli());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String path, byte[] bytes, long time)
      throws IOException {
    ZipEntry z = new ZipEntry(path);
    z.setTime(time);
    zip.putNextEntry(z);
    zip.write(bytes);
    zip.closeEntry();
  }
}
