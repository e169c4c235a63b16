package xuanju.server.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.server.support.PageText;

/**
 * Corrections of a recommendation unit and of a 市委提名 entry: with a reason, checked like a new
 * entry, audited with what changed; refused (nothing changed) without a reason, with a split that
 * does not match the unit's submitted list, and once the 考察对象 are decided.
 */
class DelegateCorrectionTest extends DelegateStageSupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired DelegateCorrectionService corrections;
  @Autowired MockMvc mvc;

  long unitId(long e, String name) {
    return jdbc.queryForObject(
        "SELECT id FROM delegate_unit WHERE election_id = ? AND name = ?", Long.class, e, name);
  }

  String lastAudit(long e) {
    return jdbc.queryForObject(
        "SELECT summary FROM audit_event WHERE subject = ? ORDER BY seq DESC LIMIT 1",
        String.class,
        "election:" + e);
  }

  long nominee(long e) {
    as(
        () ->
            delegates.addUpperNominee(
                e, "马立新", "男", LocalDate.of(1968, 5, 1), "回族", "市某局局长", "市委提名文件〔2026〕1号"));
    return jdbc.queryForObject(
        "SELECT id FROM delegate_upper_nominee WHERE election_id = ?", Long.class, e);
  }

  @Test
  void aUnitAndAnUpperNomineeAreCorrectedWithTheReasonUntilTheSubjectsAreDecided()
      throws Exception {
    long e = electionWithPool();
    long first = unitId(e, "区委教育工委");
    long audit = auditCount(e);
    // without a reason: refused, nothing changed
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        corrections.correctUnit(
                            e, first, "区委教育工作委员会", 11, 17, 6, 3, 8, " ", version(first))))
        .hasMessageContaining("更正原因：不能为空");
    // a split that does not match the submitted list
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        corrections.correctUnit(
                            e, first, "区委教育工委", 11, 17, 5, 4, 8, "结构填错", version(first))))
        .hasMessageContaining("已报送的名单为局级6名、处级3名、基层一线8名，更正后的结构为局级5名、处级4名、基层一线8名")
        .hasMessageContaining(DelegateRule.SPLIT.messageZh());
    assertThat(auditCount(e)).isEqualTo(audit);

    as(
        () ->
            corrections.correctUnit(
                e, first, "区委教育工作委员会", 11, 17, 6, 3, 8, "名称按文件全称", version(first)));
    assertThat(
            jdbc.queryForObject("SELECT name FROM delegate_unit WHERE id = ?", String.class, first))
        .isEqualTo("区委教育工作委员会");
    assertThat(lastAudit(e)).contains("名称由“区委教育工委”改为“区委教育工作委员会”").contains("更正原因：名称按文件全称");
    assertThat(stored(first)).isEqualTo(17);

    // a unit without a list: a new quota checked against the margin
    long third = unit(e, "区委政法工委");
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        corrections.correctUnit(
                            e, third, "区委政法工委", 12, 17, 6, 3, 8, "名额调整", version(third))))
        .hasMessageContaining("应不少于18名");
    as(() -> corrections.correctUnit(e, third, "区委政法工委", 12, 18, 7, 3, 8, "名额调整", version(third)));
    assertThat(
            jdbc.queryForObject(
                "SELECT quota FROM delegate_unit WHERE id = ?", Integer.class, third))
        .isEqualTo(12);

    long n = nominee(e);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        corrections.correctUpperNominee(
                            e,
                            n,
                            "马立新",
                            "男",
                            LocalDate.of(1968, 5, 1),
                            "回族",
                            "市某局局长",
                            "市委提名文件〔2026〕1号",
                            "核对")))
        .hasMessageContaining("没有变化");
    as(
        () ->
            corrections.correctUpperNominee(
                e,
                n,
                "马立新",
                "男",
                LocalDate.of(1968, 5, 11),
                "回族",
                "市某局党组书记、局长",
                "市委提名文件〔2026〕1号",
                "出生日期和职务录入有误"));
    assertThat(lastAudit(e))
        .contains("出生日期由“1968-05-01”改为“1968-05-11”")
        .contains("工作单位及职务由“市某局局长”改为“市某局党组书记、局长”")
        .contains("更正原因：出生日期和职务录入有误");
    assertThat(
            jdbc.queryForObject(
                "SELECT occupation FROM delegate_upper_nominee WHERE id = ?", String.class, n))
        .isEqualTo("市某局党组书记、局长");

    // the page offers the corrections; an empty reason posted is refused with 400
    String page = pageText(e);
    assertThat(page).contains("更正推荐单位「区委政法工委」").contains("更正马立新");
    String refused =
        PageText.visible(
                mvc.perform(
                        post("/elections/{id}/delegates/units/{u}/correct", e, third)
                            .with(ADMIN)
                            .with(csrf())
                            .param("name", "区委政法委员会")
                            .param("quota", "12")
                            .param("listSize", "18")
                            .param("bureau", "7")
                            .param("division", "3")
                            .param("grassroots", "8")
                            .param("reason", "")
                            .param("version", Integer.toString(version(third))))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .replaceAll("\\s+", "");
    assertThat(refused).contains("更正原因：不能为空");
    assertThat(PageText.codeIn(refused)).isEmpty();

    // once the 考察对象 are decided: refused
    decideSubjects(e);
    long before = auditCount(e);
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        corrections.correctUnit(
                            e, third, "区委政法委员会", 12, 18, 7, 3, 8, "名称", version(third))))
        .hasMessageContaining("考察对象名单已经确定，不能再更正推荐单位「区委政法工委」");
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        corrections.correctUpperNominee(
                            e,
                            n,
                            "马立新",
                            "男",
                            LocalDate.of(1968, 5, 11),
                            "回族",
                            "市某局局长",
                            "市委提名文件〔2026〕1号",
                            "改回")))
        .hasMessageContaining("考察对象名单已经确定，不能再更正上级党委提名的代表候选人马立新");
    assertThat(auditCount(e)).isEqualTo(before);
    assertThat(pageText(e)).doesNotContain("更正推荐单位「");
  }

  private String pageText(long e) throws Exception {
    String t =
        PageText.visible(
                mvc.perform(get("/elections/{id}/delegates", e).with(ADMIN))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .replaceAll("\\s+", "");
    assertThat(PageText.codeIn(t)).isEmpty();
    return t;
  }
}
