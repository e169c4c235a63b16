package xuanju.server.community;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.cli.round.Json;
import xuanju.server.access.AccessService;
import xuanju.server.audit.AuditLog;
import xuanju.server.documents.AuditStamp;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.Election;

/**
 * The archive of a residents' committee election (居民委员会选举档案, one .zip), following the deputies'
 * archive ({@code CongressArchive}): the 公告 (PDF and Word), the 当选证书, the 报告单, the 居民代表名册 when
 * recorded, and {@code manifest.json} with the size and SHA-256 of every other file, the numbers of
 * every vote and the audit chain's head. Made once the results are final.
 */
@Service
public class CommunityArchive {
  static final String MANIFEST = "manifest.json";

  private final CommunityResultsService results;
  private final FormalCandidatesService formal;
  private final SupervisionService supervision;
  private final RepresentativesService representatives;
  private final AuditLog audit;
  private final CommunityContext ctx;

  CommunityArchive(
      CommunityResultsService results,
      FormalCandidatesService formal,
      SupervisionService supervision,
      RepresentativesService representatives,
      AuditLog audit,
      CommunityContext ctx) {
    this.results = results;
    this.formal = formal;
    this.supervision = supervision;
    this.representatives = representatives;
    this.audit = audit;
    this.ctx = ctx;
  }

  /** The 选举结果报告单 (VIEW; 409 before the results are final). */
  @Transactional(readOnly = true)
  public DocumentContent report(long electionId) {
    return report(results.complete(electionId), ctx.today());
  }

  private DocumentContent report(CommunityResultsService.Results r, LocalDate on) {
    long id = r.election().id();
    return CommunityResultsDocuments.report(
        r, formal.facts(id), supervision.view(id), representatives.view(id), on);
  }

  private record Item(String path, String description, byte[] bytes) {}

  @Transactional(readOnly = true)
  public byte[] zip(long electionId) {
    var r = results.complete(electionId);
    Election e = r.election();
    LocalDate on = ctx.today();
    List<Item> items = new ArrayList<>();
    DocumentContent a = CommunityResultsDocuments.announcement(r, on);
    items.add(new Item("announcement.pdf", "居民委员会选举结果公告", PdfDocument.render(a).pdf()));
    items.add(new Item("announcement.docx", "居民委员会选举结果公告", DocxDocument.render(a)));
    items.add(new Item("certificates.pdf", "当选证书", CommunityResultsDocuments.certificates(r, on)));
    items.add(new Item("report.docx", "居民委员会选举结果报告单", DocxDocument.render(report(r, on))));
    if (!representatives.view(electionId).register().isEmpty()) {
      items.add(
          new Item(
              "representatives.xlsx",
              "居民代表名册",
              representatives.registerSheet(electionId).toBytes()));
    }
    Instant at = ctx.clock.instant();
    AuditLog.Head head = audit.head();
    ObjectNode m = Json.object();
    m.put("formatVersion", 1);
    ObjectNode el = m.putObject("election");
    el.put("id", e.id());
    el.put("title", e.title());
    el.put("organisation", e.organisationName());
    el.put("electionDay", e.electionDay().toString());
    m.put("archivedBy", AccessService.currentUser());
    m.put("archivedAt", at.toString());
    ObjectNode h = m.putObject("auditChainHead");
    h.put("seq", head.seq());
    h.put("hash", head.hash());
    h.put("code", AuditStamp.LABEL + head.code());
    ArrayNode votes = m.putArray("votes");
    for (var v : r.votes()) {
      ObjectNode o = votes.addObject();
      o.put("number", v.number());
      o.put("mode", v.mode().name());
      o.put("base", v.base());
      o.put("baseZh", v.baseZh());
      o.put("issued", v.issued());
      o.put("returned", v.returned());
      ArrayNode posts = o.putArray("posts");
      v.posts()
          .forEach(
              p -> {
                ObjectNode x = posts.addObject();
                x.put("post", p.post().name());
                x.put("valid", p.valid());
                x.put("invalid", p.invalid());
              });
    }
    ArrayNode elected = m.putArray("elected");
    r.members()
        .forEach(
            x -> {
              ObjectNode o = elected.addObject();
              o.put("post", x.post().name());
              o.put("name", x.name());
              o.put("votes", x.votes());
            });
    ArrayNode files = m.putArray("files");
    for (Item i : items) {
      ObjectNode o = files.addObject();
      o.put("path", i.path());
      o.put("bytes", i.bytes().length);
      o.put("sha256", sha256(i.bytes()));
      o.put("description", i.description());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Item i : items) {
        entry(zip, i.path(), i.bytes(), at.toEpochMilli());
      }
      entry(zip, MANIFEST, Json.pretty(m).getBytes(StandardCharsets.UTF_8), at.toEpochMilli());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
