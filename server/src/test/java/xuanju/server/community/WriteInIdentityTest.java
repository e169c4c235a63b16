package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.community.CommitteePost;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.support.PageText;

/**
 * A 委员 elected as a write-in (另选他人) is known by name only until the committee records who that is;
 * until then a supervision nominee of that name is refused, afterwards the member counts by person
 * like every other (the supervision committee's member check).
 */
class WriteInIdentityTest extends CommunityDecidedSupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");

  @Autowired MockMvc mvc;
  @Autowired CommunityResultsService results;
  @Autowired WriteInIdentityService writeIns;
  @Autowired SupervisionService supervision;

  CommunityResultsService.Results results(long e) {
    List<CommunityResultsService.Results> out = new ArrayList<>();
    as(() -> out.add(results.results(e)));
    return out.get(0);
  }

  long identified(long e) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM community_elected_person WHERE election_id = ?", Long.class, e);
  }

  @Test
  void aWriteInMemberIsIdentifiedThenCheckedLikeTheOthers() throws Exception {
    // 甲一, not a candidate, is written in by 10 of 16: elected 委员 with 赵委 and 李委
    var c = decided(Map.of("赵委", 12, "李委", 11, "周委", 3, "黄委", 3), "甲一 10");
    long e = c.election();
    var member =
        results(e).members().stream().filter(m -> m.name().equals("甲一")).findFirst().orElseThrow();
    assertThat(member.post()).isEqualTo(CommitteePost.MEMBER);
    assertThat(member.personId()).isNull();
    String page =
        mvc.perform(get("/elections/{id}/community/results", e).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(page)).contains("另选他人当选，尚未登记身份");

    // the supervision committee: a nominee of the same name is refused until identified
    as(() -> supervision.recordMeeting(e, "REPRESENTATIVES_MEETING", LocalDate.now(), 30, 25));
    assertThatThrownBy(() -> as(() -> supervision.addNominee(e, c.id("甲一"), 20, "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲一与以另选他人方式当选的居民委员会成员同名");

    // refused, nothing stored: another voter's ID, an unknown name, someone not on the list
    assertThatThrownBy(() -> as(() -> writeIns.identify(e, "甲一", c.id("甲二"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("该公民身份号码登记的居民是甲二");
    assertThatThrownBy(() -> as(() -> writeIns.identify(e, "赵委", c.id("赵委"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不是以另选他人方式当选、尚未登记身份");
    String minor = CommunityFixtures.minor(jdbc, c, "甲一");
    assertThatThrownBy(() -> as(() -> writeIns.identify(e, "甲一", minor)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不是本次选举登记在册的选民");
    assertThat(identified(e)).isZero();

    // through the page, with the confirmation
    assertThat(page).contains("data-confirm=\"确认登记甲一的身份吗");
    mvc.perform(
            post("/elections/{id}/community/results/write-ins", e)
                .with(ADMIN)
                .with(csrf())
                .param("name", "甲一")
                .param("residentId", c.id("甲一")))
        .andExpect(status().is3xxRedirection());
    assertThat(identified(e)).isOne();
    assertThat(audits(c, "COMMUNITY_WRITE_IN_IDENTIFIED")).isOne();
    assertThat(results(e).byPerson()).containsValue("甲一");
    assertThatThrownBy(() -> as(() -> writeIns.identify(e, "甲一", c.id("甲一"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不是以另选他人方式当选、尚未登记身份");
    // now 甲一 is refused as a member of the residents' committee
    assertThatThrownBy(() -> as(() -> supervision.addNominee(e, c.id("甲一"), 20, "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("甲一是本届居民委员会成员");
  }
}
