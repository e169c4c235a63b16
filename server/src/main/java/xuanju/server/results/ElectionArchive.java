package xuanju.server.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.audit.AuditLog;
import xuanju.server.documents.AuditStamp;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.Election;
import xuanju.server.results.ResultsFacts.RoundFacts;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StoredDecision;

/**
 * The archive of one election (换届选举档案, one .zip): documents, the rounds as round files and ballot
 * CSVs the command line reproduces, the decisions as JSON, the election's audit events as CSV, and
 * {@code manifest.json} with the size and SHA-256 of every other file and the audit chain's head
 * ({@code auditChainHead}: number, hash and the check code printed on the documents). A document
 * that does not exist (a step that was not used) is listed in the manifest under {@code missing}
 * with the reason.
 */
final class ElectionArchive {
  static final String MANIFEST = "manifest.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The finished archive. */
  record Built(byte[] zip, String sha256, int files, String manifestJson) {}

  private record Item(String path, String description, byte[] bytes) {}

  private final Election election;
  private final String by;
  private final Instant at;
  private final AuditLog.Head auditHead;
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Map<String, String> missing = new LinkedHashMap<>();
  private final List<ObjectNode> rounds = new ArrayList<>();

  ElectionArchive(Election election, String by, Instant at, AuditLog.Head auditHead) {
    this.election = election;
    this.by = by;
    this.at = at;
    this.auditHead = auditHead;
  }

  private void put(String path, String description, byte[] bytes) {
    items.put(path, new Item(path, description, bytes));
  }

  /** Records a file that does not exist (a step that was not used), with the reason. */
  void missing(String path, String reasonZh) {
    missing.put(path, reasonZh);
  }

  /** A document as .docx and .pdf; recorded as missing when it cannot be made (step not done). */
  void document(String base, String description, Supplier<DocumentContent> content) {
    DocumentContent c;
    try {
      c = content.get();
    } catch (IllegalStateException | InvalidInputException ex) {
      missing.put(base, ex.getMessage());
      return;
    }
    put(base + ".docx", description, DocxDocument.render(c));
    put(base + ".pdf", description, PdfDocument.render(c).pdf());
  }

  /** A file; recorded as missing when it cannot be made. */
  void file(String path, String description, Supplier<byte[]> bytes) {
    try {
      put(path, description, bytes.get());
    } catch (IllegalStateException | InvalidInputException ex) {
      missing.put(path, ex.getMessage());
    }
  }

  /** The files of one decided round. */
  void round(Round r, StoredDecision sd, RoundArchive.Files f) {
    put(f.roundPath(), r.labelZh() + " 计票文件（./xuanju tally）", f.roundJson());
    put(f.ballotsPath(), r.labelZh() + " 选票记录（" + f.ballots() + "张，按规范顺序排列）", f.ballotsCsv());
    put(f.tallyPath(), r.labelZh() + " 命令行计票结果（与存储的判定一致）", f.tallyJson());
    ObjectNode n = JSON.createObjectNode();
    n.put("round", r.number());
    n.put("roundFile", f.roundPath());
    n.put("ballotsFile", f.ballotsPath());
    n.put("tallyFile", f.tallyPath());
    n.put("ballots", f.ballots());
    n.put("source", f.counts() ? "counts" : "ballotsFile");
    ArrayNode elected = n.putArray("elected");
    RoundArchive.electedIds(RoundArchive.storedKeys(sd)).forEach(elected::add);
    ArrayNode codes = n.putArray("trailCodes");
    sd.trail().forEach(s -> codes.add(s.code()));
    n.put("verified", true);
    rounds.add(n);
  }

  /** Every round's stored decision (decisions.json). */
  void decisions(ResultsFacts f) {
    ArrayNode arr = JSON.createArrayNode();
    for (RoundFacts rf : f.rounds()) {
      Round r = rf.round();
      ObjectNode n = arr.addObject();
      n.put("number", r.number());
      n.put("stage", r.stage());
      n.put("post", r.post().name());
      n.put("kind", r.kind().name());
      n.put("furtherRound", r.furtherRound());
      n.put("seats", r.seats());
      n.put("definitionHash", r.definitionHash());
      n.put("code", r.code());
      if (r.parentRoundId() != null) {
        f.rounds().stream()
            .filter(x -> x.round().id() == r.parentRoundId())
            .findFirst()
            .ifPresent(p -> n.put("parentRound", p.round().number()));
        n.put("parentOutcome", r.parentOutcome());
      }
      ArrayNode cs = n.putArray("candidates");
      r.candidates()
          .forEach(
              c -> {
                ObjectNode o = cs.addObject();
                o.put("id", c.id());
                o.put("name", c.name());
              });
      n.set(
          "decision",
          rf.decision() == null
              ? JSON.getNodeFactory().nullNode()
              : JSON.valueToTree(rf.decision()));
    }
    put("decisions.json", "各轮投票的判定（含得票、结果和判定依据）", pretty(arr));
  }

  /** The election's audit events (audit-events.csv). */
  void audit(List<ResultsRepository.AuditRow> events) {
    StringBuilder sb =
        new StringBuilder("seq,occurred_at,actor,action,subject,summary,prev_hash,hash\n");
    for (ResultsRepository.AuditRow e : events) {
      sb.append(e.seq())
          .append(',')
          .append(e.occurredAt())
          .append(',')
          .append(csv(e.actor()))
          .append(',')
          .append(csv(e.action()))
          .append(',')
          .append(csv(e.subject()))
          .append(',')
          .append(csv(e.summary()))
          .append(',')
          .append(e.prevHash())
          .append(',')
          .append(e.hash())
          .append('\n');
    }
    put(
        "audit-events.csv",
        "本次选举的审计事件（"
            + events.size()
            + "条，哈希链可用 audit verify 核对；以 = + - @ 开头的单元格前加了一个 ' 以免电子表格当作公式执行，核对哈希时应去掉）",
        sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A text cell of a CSV file of the archive: a cell a spreadsheet would run as a formula gets an
   * apostrophe in front ({@code BallotCsv.guard}), then quotes where needed.
   */
  static String csv(String raw) {
    if (raw == null) {
      return "";
    }
    String s = xuanju.cli.round.BallotCsv.guard(raw);
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static byte[] pretty(tools.jackson.databind.JsonNode tree) {
    return xuanju.cli.round.Json.pretty(tree).getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the manifest and the zip. */
  Built finish() {
    ObjectNode m = JSON.createObjectNode();
    m.put("formatVersion", 1);
    ObjectNode el = m.putObject("election");
    el.put("id", election.id());
    el.put("title", election.title());
    el.put("organisation", election.organisationName());
    el.put("profile", election.profileId());
    el.put("electionDay", election.electionDay().toString());
    m.put("archivedBy", by);
    m.put("archivedAt", at.toString());
    // the chain's head when the archive was made (审计链校验码), as printed on the documents
    ObjectNode head = m.putObject("auditChainHead");
    head.put("seq", auditHead.seq());
    head.put("hash", auditHead.hash());
    head.put("code", AuditStamp.LABEL + auditHead.code());
    m.put(
        "ballotOrder",
        "canonical: "
            + ResultsRule.BALLOTS_CANONICAL_ORDER.code()
            + " — "
            + ResultsRule.BALLOTS_CANONICAL_ORDER.messageZh());
    m.put(
        "reproduce",
        "./xuanju tally rounds/round-N.json 的输出与 rounds/round-N.tally.json 相同；当选人和判定依据与 decisions.json 中存储的判定相同");
    ArrayNode files = m.putArray("files");
    for (Item i : items.values()) {
      ObjectNode o = files.addObject();
      o.put("path", i.path());
      o.put("bytes", i.bytes().length);
      o.put("sha256", sha256(i.bytes()));
      o.put("description", i.description());
    }
    ArrayNode rs = m.putArray("rounds");
    rounds.forEach(rs::add);
    ArrayNode miss = m.putArray("missing");
    missing.forEach(
        (p, why) -> {
          ObjectNode o = miss.addObject();
          o.put("path", p);
          o.put("reasonZh", why);
        });
    byte[] manifest = pretty(m);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      long time = at.toEpochMilli();
      for (Item i : items.values()) {
        entry(zip, i.path(), i.bytes(), time);
      }
      entry(zip, MANIFEST, manifest, time);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] zip = out.toByteArray();
    return new Built(
        zip, sha256(zip), items.size() + 1, new String(manifest, StandardCharsets.UTF_8));
  }

  private static void entry(ZipOutputStream zip, String path, byte[] bytes, long time)
      throws IOException {
    ZipEntry e = new ZipEntry(path);
    e.setTime(time);
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }
}
