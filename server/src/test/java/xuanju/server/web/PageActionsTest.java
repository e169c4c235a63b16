package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import xuanju.core.rule.InvalidInputException;

/** The one home of a page action's refusal: status, Chinese error, the page again or a flash. */
class PageActionsTest {
  @Test
  void aDoneActionTakesItsOwnRedirect() {
    ExtendedModelMap model = new ExtendedModelMap();
    MockHttpServletResponse response = new MockHttpServletResponse();
    String view = PageActions.orPage(model, response, () -> "plan/index", () -> "redirect:/x");
    assertThat(view).isEqualTo("redirect:/x");
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(model.containsAttribute("error")).isFalse();
  }

  @Test
  void badInputRendersThePageAgainWith400AndTheFieldInChinese() {
    ExtendedModelMap model = new ExtendedModelMap();
    MockHttpServletResponse response = new MockHttpServletResponse();
    String view =
        PageActions.orPage(
            model,
            response,
            () -> "plan/index",
            () -> {
              throw new InvalidInputException("seats", "应选人数须为正整数");
            });
    assertThat(view).isEqualTo("plan/index");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat((String) model.getAttribute("error")).contains("应选人数须为正整数");
  }

  @Test
  void anActionNotAllowedNowIs409() {
    ExtendedModelMap model = new ExtendedModelMap();
    MockHttpServletResponse response = new MockHttpServletResponse();
    String view =
        PageActions.orPage(
            model,
            response,
            () -> "results/index",
            () -> {
              throw new IllegalStateException("选举结果已报送，不能重复报送");
            });
    assertThat(view).isEqualTo("results/index");
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(model.getAttribute("error")).isEqualTo("选举结果已报送，不能重复报送");
  }

  @Test
  void aFlashedActionCarriesTheMessageOrTheRefusal() {
    RedirectAttributesModelMap ok = new RedirectAttributesModelMap();
    assertThat(PageActions.orFlash(ok, "/elections/1/nomination", "已保存", () -> {}))
        .isEqualTo("redirect:/elections/1/nomination");
    assertThat(ok.getFlashAttributes().get("message")).isEqualTo("已保存");
    assertThat(ok.getFlashAttributes().containsKey("error")).isFalse();

    RedirectAttributesModelMap refused = new RedirectAttributesModelMap();
    PageActions.orFlash(
        refused,
        "/elections/1/voting",
        "notice",
        "已开始",
        () -> {
          throw new IllegalArgumentException("没有这一轮");
        });
    assertThat(refused.getFlashAttributes().get("error")).isEqualTo("没有这一轮");
    assertThat(refused.getFlashAttributes().containsKey("notice")).isFalse();
  }
}
