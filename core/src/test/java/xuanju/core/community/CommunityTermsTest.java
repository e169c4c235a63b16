package xuanju.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xuanju.core.community.CommunityTerms.Progress;
import xuanju.core.community.TwoCommittees.PartySeat;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;

class CommunityTermsTest {
  @Test
  void theSeedsDeadlinesForTheYear() {
    var d = CommunityTerms.defaultDeadlines(2021);
    assertThat(d.get(TermPart.PARTY)).isEqualTo(LocalDate.of(2021, 1, 15));
    assertThat(d.get(TermPart.RESIDENTS)).isEqualTo(LocalDate.of(2021, 1, 31));
    assertThat(d.get(TermPart.SUPERVISION)).isEqualTo(LocalDate.of(2021, 3, 31));
    assertThat(d.get(TermPart.REPRESENTATIVES)).isEqualTo(LocalDate.of(2021, 1, 31));
    assertThatThrownBy(() -> CommunityTerms.defaultDeadlines(1999))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void statesFromProgressAndDeadline() {
    LocalDate deadline = LocalDate.of(2021, 1, 15);
    Progress started = new Progress(true, false, List.of());
    assertThat(CommunityTerms.state(started, deadline, deadline)).isEqualTo(PartState.IN_PROGRESS);
    assertThat(CommunityTerms.state(started, deadline, deadline.plusDays(1)))
        .isEqualTo(PartState.OVERDUE);
    assertThat(CommunityTerms.state(Progress.notStarted("x"), deadline, deadline.minusDays(1)))
        .isEqualTo(PartState.NOT_STARTED);
    assertThat(
            CommunityTerms.state(
                new Progress(true, true, List.of()), deadline, deadline.plusYears(1)))
        .isEqualTo(PartState.DONE);
  }

  @Test
  void theResidentsPartWaitsOnThePartyAndALatePartSaysSo() {
    var deadlines = CommunityTerms.defaultDeadlines(2021);
    var t =
        CommunityTerms.timeline(
            Map.of(
                TermPart.PARTY, new Progress(true, false, List.of("党组织选举结果尚未产生")),
                TermPart.RESIDENTS, new Progress(true, false, List.of("选举办法尚未通过"))),
            deadlines,
            LocalDate.of(2021, 1, 20));
    assertThat(t).extracting(CommunityTerms.PartStatus::part).containsExactly(TermPart.values());
    assertThat(t.get(0).state()).isEqualTo(PartState.OVERDUE);
    assertThat(t.get(0).waitingZh()).contains("已超过方案规定的完成时限2021-01-15");
    assertThat(t.get(1).state()).isEqualTo(PartState.IN_PROGRESS);
    assertThat(t.get(1).waitingZh()).containsExactly("等待党组织换届完成", "选举办法尚未通过");
    assertThat(t.get(3).state()).isEqualTo(PartState.NOT_STARTED);
  }

  private static List<PartySeat> five(PartyPost second) {
    return List.of(
        new PartySeat("a", "杭书记", PartyPost.SECRETARY),
        new PartySeat("b", "姜副书记", second),
        new PartySeat("c", "梁委员", PartyPost.DISCIPLINE_MEMBER),
        new PartySeat("d", "郑委员", PartyPost.MEMBER),
        new PartySeat("e", "赵委员", PartyPost.MEMBER));
  }

  @Test
  void theCommitteeNeedsOneFullTimeDeputySecretary() {
    var ok = CommunityTerms.checkParty(five(PartyPost.FULL_TIME_DEPUTY_SECRETARY), Set.of("d"));
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.warnings()).isEmpty();
    var none = CommunityTerms.checkParty(five(PartyPost.DEPUTY_SECRETARY), Set.of());
    assertThat(none.errors())
        .extracting(f -> f.rule().code())
        .containsExactly("COMMUNITY.PARTY.FULL_TIME_DEPUTY");
    assertThat(none.errors().get(0).messageZh()).contains("没有专职副书记");
    assertThat(none.warnings())
        .extracting(f -> f.rule().code())
        .containsExactly("COMMUNITY.PARTY.DEPUTY_DIRECTOR");
  }

  @Test
  void aCommitteeOfFourIsAWarningAndTwoSecretariesAnError() {
    var four = five(PartyPost.FULL_TIME_DEPUTY_SECRETARY).subList(0, 4);
    var f = CommunityTerms.checkParty(four, Set.of("d"));
    assertThat(f.errors()).isEmpty();
    assertThat(f.warnings()).extracting(Finding::messageZh).containsExactly("社区党组织委员会现有4人，方案规定5人");
    var two =
        List.of(
            new PartySeat("a", "甲", PartyPost.SECRETARY),
            new PartySeat("b", "乙", PartyPost.SECRETARY),
            new PartySeat("c", "丙", PartyPost.FULL_TIME_DEPUTY_SECRETARY));
    assertThat(CommunityTerms.checkParty(two, Set.of()).errors())
        .extracting(x -> x.rule().code())
        .containsExactly("COMMUNITY.PARTY.SECRETARY");
  }
}
