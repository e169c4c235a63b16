package xuanju.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording check itself: what it reports and what it leaves alone. */
class DocumentWordingTest {

  @Test
  void anIgnoredNameBrokenAcrossPdfLinesIsStillIgnored() {
    String text = "中共结果测试\n支部nngpluvkb于2026年12月5日召开党员大会";
    assertThat(DocumentWording.problems("报告.pdf", text, List.of(), List.of("结果测试支部nngpluvkb")))
        .isEmpty();
  }

  @Test
  void englishOutsideTheIgnoredNamesIsReported() {
    String text = "中共结果测试支部nngpluvkb于2026年12月5日召开 meeting";
    assertThat(DocumentWording.problems("报告.pdf", text, List.of(), List.of("结果测试支部nngpluvkb")))
        .singleElement()
        .asString()
        .contains("英文", "meeting");
  }

  @Test
  void loginsAndRuleCodesAreReported() {
    String text = "经办人 clerk1，依据 PARTY.QUORUM.MAJORITY";
    assertThat(DocumentWording.problems("报告.pdf", text, List.of("clerk1"), List.of()))
        .anyMatch(p -> p.contains("登录名"))
        .anyMatch(p -> p.contains("规则代码"));
  }
}
