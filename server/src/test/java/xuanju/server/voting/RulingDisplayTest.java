package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import xuanju.server.voting.VotingModel.Ruling;

/** A scrutineer's ruling reads like the entries it settles: ○ × —, never the stored YNA codes. */
class RulingDisplayTest {
  @Test
  void rulingsShowTheBallotSymbols() {
    assertThat(new Ruling(3, false, "YYNAY", "", false, "以原票为准", "监票人").display())
        .isEqualTo("○○×—○");
    assertThat(new Ruling(4, false, "YA", "王五", true, "原票", "监票人").display())
        .isEqualTo("○— 另选：王五 （有识别标记）");
    assertThat(new Ruling(5, true, "", "", false, "多录一张", "监票人").display()).isEqualTo("无此选票");
  }
}
