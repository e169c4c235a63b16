package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.support.DocumentWording;
import xuanju.server.support.PageText;

/**
 * The results of a residents' committee election: the 公告's numbers equal the stored counts number
 * by number, one 当选证书 page per elected member, the 报告单, and the archive whose manifest holds the
 * SHA-256 of every file; nothing before the decision.
 */
class CommunityResultsTest extends CommunityDecidedSupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;

  byte[] download(String path, long e) throws Exception {
    return mvc.perform(get(path, e).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private long one(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void beforeTheDecisionThereAreNoResultsDocuments() throws Exception {
    var c = standard();
    mvc.perform(get("/elections/{id}/community/results/announcement.pdf", c.election()).with(ADMIN))
        .andExpect(status().isConflict());
    mvc.perform(get("/elections/{id}/community/results", c.election()).with(ADMIN))
        .andExpect(status().isOk());
  }

  @Test
  void theAnnouncementPrintsTheStoredCountsAndTheCertificatesOnePageEach() throws Exception {
    var c = decided();
    long e = c.election();
    long vote = one("SELECT id FROM community_vote WHERE election_id = ?", e);
    String text =
        DocumentWording.text(
                "a.pdf", download("/elections/{id}/community/results/announcement.pdf", e))
            .replaceAll("\\s+", "");
    assertThat(text).contains("居民委员会选举结果公告");
    long base = one("SELECT base FROM community_vote WHERE id = ?", vote);
    long issued = one("SELECT SUM(issued) FROM community_box_count WHERE vote_id = ?", vote);
    long returned = one("SELECT SUM(returned) FROM community_box_count WHERE vote_id = ?", vote);
    assertThat(text)
        .contains("登记选民" + base + "人")
        .contains("发出选票" + issued + "张")
        .contains("收回选票" + returned + "张");
    String turnout =
        java.math.BigDecimal.valueOf(returned * 100)
                .divide(java.math.BigDecimal.valueOf(base), 2, java.math.RoundingMode.HALF_UP)
            + "%";
    assertThat(text).contains("参选率" + turnout);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("DIRECTOR", "主任");
    labels.put("DEPUTY_DIRECTOR", "副主任");
    labels.put("MEMBER", "委员");
    for (var x : labels.entrySet()) {
      long valid =
          one(
              "SELECT SUM(valid) FROM community_post_sheet WHERE vote_id = ? AND post = ? AND entry_no = 1",
              vote,
              x.getKey());
      long invalid =
          one(
              "SELECT SUM(invalid) FROM community_post_sheet WHERE vote_id = ? AND post = ? AND entry_no = 1",
              vote,
              x.getKey());
      assertThat(text).contains("有效票" + valid + "张、无效票" + invalid + "张");
    }
    // each elected member with the votes summed from the stored sheets (no carry-down here)
    List<Map<String, Object>> rounds =
        jdbc.queryForList(
            "SELECT post, candidates, elected FROM community_post_round WHERE vote_id = ?", vote);
    int elected = 0;
    for (Map<String, Object> r : rounds) {
      String post = (String) r.get("post");
      List<String> cands = List.of(((String) r.get("candidates")).split(","));
      List<Map<String, Object>> sheets =
          jdbc.queryForList(
              "SELECT counts FROM community_post_sheet WHERE vote_id = ? AND post = ? AND entry_no = 1",
              vote,
              post);
      for (String key : ((String) r.get("elected")).split(",")) {
        int i = cands.indexOf(key);
        long votes = 0;
        for (Map<String, Object> s : sheets) {
          votes += Long.parseLong(((String) s.get("counts")).split(",")[i]);
        }
        String name =
            jdbc.queryForObject(
                "SELECT p.name FROM community_application a JOIN person p ON p.id = a.person_id"
                    + " WHERE a.id = ?",
                String.class,
                Long.valueOf(key));
        assertThat(votes).isPositive();
        assertThat(text).contains(labels.get(post) + name + votes);
        elected++;
      }
    }
    assertThat(elected).isEqualTo(5);
    assertThat(DocumentWording.problems("公告", text, List.of("admin"), List.of())).isEmpty();

    byte[] certs = download("/elections/{id}/community/results/certificates.pdf", e);
    try (var doc = Loader.loadPDF(certs)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(elected);
    }
    String certText = DocumentWording.text("c.pdf", certs).replaceAll("\\s+", "");
    assertThat(certText).contains("王主同志").contains("居民委员会主任").contains("周委同志");

    String report =
        DocumentWording.text(
            "r.docx", download("/elections/{id}/community/results/report.docx", e));
    assertThat(report).contains("居民委员会选举结果报告单").contains("报街道办事处、民政部门").contains("王主");
    assertThat(DocumentWording.problems("报告单", report, List.of("admin"), List.of())).isEmpty();

    // the archive: every file's SHA-256 in the manifest
    byte[] zip = download("/elections/{id}/community/results/archive.zip", e);
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (var z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
        files.put(z.getName(), in.readAllBytes());
      }
    }
    assertThat(files)
        .containsKeys(
            "announcement.pdf",
            "announcement.docx",
            "certificates.pdf",
            "report.docx",
            "manifest.json");
    String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
    for (var f : files.entrySet()) {
      if (!f.getKey().equals("manifest.json")) {
        assertThat(manifest).contains(CommunityArchive.sha256(f.getValue()));
      }
    }
    assertThat(manifest).contains("\"issued\": " + issued).contains("\"returned\": " + returned);

    String html =
        mvc.perform(get("/elections/{id}/community/results", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String page = PageText.visible(html);
    assertThat(page).contains("结果已确定").contains("发出选票" + issued + "张");
    assertThat(PageText.codeIn(page)).isEmpty();
    assertThat(html).contains("id=\"tab-community-results\"").contains("id=\"archive-zip\"");
  }
}
