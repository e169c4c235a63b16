package xuanju.server.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import xuanju.server.voting.VotingModel.Difference;
import xuanju.server.voting.VotingModel.Reading;

/** What the scrutineer sees of a difference: symbols, highlights and the 按录入A/B choices. */
class DifferenceViewTest {
  @Test
  void theDifferingCandidatesAreMarkedAndEachSideCanBeTakenAsTheRuling() {
    Reading a = new Reading("YNA", "Y:巴特尔·朝鲁", false);
    Reading b = new Reading("NYA", "", true);
    Difference d = new Difference(2, "MISMATCH", a.display(), b.display(), null, a, b);
    assertThat(a.display()).isEqualTo("○×— 另选：巴特尔·朝鲁○");
    assertThat(d.symbol("A", 0)).isEqualTo("○");
    assertThat(d.symbol("B", 0)).isEqualTo("×");
    assertThat(List.of(d.differsAt(0), d.differsAt(1), d.differsAt(2)))
        .containsExactly(true, true, false);
    assertThat(d.keys("A")).isEqualTo("120");
    assertThat(d.keys("B")).isEqualTo("210");
    assertThat(d.writeInNames("A")).containsExactly("巴特尔·朝鲁");
    assertThat(d.identifying("B")).isTrue();
    assertThat(d.rest("A")).isEqualTo("另选：巴特尔·朝鲁○");
    assertThat(d.offerable("A")).isTrue();
    assertThat(d.offerable("B")).isTrue();
  }

  @Test
  void aMissingBallotIsOfferedAsAbsentAndAnUnreadableReadingIsNotOffered() {
    Reading a = new Reading("Y?A", "", false);
    Difference onlyA = new Difference(5, "ONLY_A", a.display(), "（无）", null, a, null);
    assertThat(onlyA.missing("B")).isTrue();
    assertThat(onlyA.offerable("B")).isTrue();
    assertThat(onlyA.rest("B")).isEqualTo("（无此选票）");
    assertThat(onlyA.offerable("A")).as("无法辨认的符号不能作为认定").isFalse();
    Reading w = new Reading("YNA", "N:张三", false);
    Difference notYes = new Difference(6, "MISMATCH", w.display(), a.display(), null, w, a);
    assertThat(notYes.offerable("A")).as("认定表只能表达赞成的另选他人").isFalse();
    assertThat(w.display()).isEqualTo("○×— 另选：张三×");
  }
}
