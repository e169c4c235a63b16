package xuanju.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule codes are taken out of the texts a page shows, the rest of the sentence stays. */
class UserTextsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "初步人选至少7名（PARTY.MARGIN.PRELIMINARY）|初步人选至少7名",
        "退回须写明意见（PARTY.APPROVAL.RETURN_COMMENT）。|退回须写明意见。",
        "不足7名 [PARTY.COMMITTEE.NONE_UNDER_7]；名单有误 [PARTY.EXCLUSION.MEMBER]|不足7名；名单有误",
        "VOTE.START.QUORUM：实到会人数未超过应到会人数的五分之四|实到会人数未超过应到会人数的五分之四",
        "两条（A.B, C.D_E）|两条",
        "选举法第二十五条（一名至三名）|选举法第二十五条（一名至三名）",
        "PDF 文件（A4）|PDF 文件（A4）",
        "字段 staff[1]：姓名不能超过50个字|工作人员（第2项）：姓名不能超过50个字",
        "字段 overrides.noSuchParameter：未知的规则参数|规则参数调整：未知的规则参数",
        "字段 somethingUnknown：值无效|值无效"
      })
  void codesGoTheSentenceStays(String in, String out) {
    assertThat(UserTexts.withoutCodes(in)).isEqualTo(out);
  }
}
