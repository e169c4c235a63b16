package xuanju.server.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.margin.Stage;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Education;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.rule.Finding;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.PeriodUnit;

class NominationChecksTest {
  static final Profile PARTY = Profiles.byId("PARTY_GRASSROOTS");
  static final LocalDate DAY = LocalDate.of(2026, 6, 30);

  static Member member(String name, Membership ms, MemberStatus st, LocalDate join) {
    return new Member(
        name,
        Gender.MALE,
        "汉族",
        LocalDate.of(1980, 5, 1),
        "110101198005010011",
        Education.BACHELOR,
        join,
        ms,
        st,
        "");
  }

  static Nominee nominee(long id, String name) {
    return new Nominee(
        id,
        1,
        100 + id,
        member(name, Membership.FULL, MemberStatus.NORMAL, LocalDate.of(2000, 1, 1)),
        0,
        0,
        false,
        false,
        false,
        true,
        0);
  }

  @Test
  void preliminaryMarginBlocksWithTheCountsAndTheRuleCode() {
    List<Finding> f = NominationChecks.margin(PARTY, Stage.PRELIMINARY, 5, null, 6);
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.MARGIN.PRELIMINARY");
              assertThat(x.messageZh()).startsWith("初步人选至少7名，现有6名").contains("进一");
            });
    assertThat(NominationChecks.margin(PARTY, Stage.PRELIMINARY, 5, null, 7)).isEmpty();
  }

  @Test
  void preCandidateAndFormalMarginsAreTwentyPercentRoundedUp() {
    assertThat(NominationChecks.margin(PARTY, Stage.PRE_CANDIDATES, 5, null, 5))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.MARGIN.PRE_CANDIDATES");
              assertThat(x.messageZh()).startsWith("预备人选至少6名，现有5名");
            });
    assertThat(NominationChecks.margin(PARTY, Stage.FORMAL, 7, null, 8))
        .singleElement()
        .satisfies(x -> assertThat(x.code()).isEqualTo("PARTY.MARGIN.MEMBERS"));
    assertThat(NominationChecks.margin(PARTY, Stage.FORMAL, 7, null, 9)).isEmpty();
  }

  @Test
  void meetingAtExactlySixtyPercentIsNotValid() {
    assertThat(NominationChecks.meeting(MeetingRule.MORE_THAN_60, 45, 27))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.RECOMMEND.QUORUM_60");
              assertThat(x.messageZh()).contains("应到45人，实到27人");
            });
    assertThat(NominationChecks.meeting(MeetingRule.MORE_THAN_60, 45, 28)).isEmpty();
    assertThat(NominationChecks.meeting(MeetingRule.MORE_THAN_HALF, 40, 20))
        .extracting(Finding::code)
        .containsExactly("PARTY.RECOMMEND.QUORUM_HALF");
    assertThat(NominationChecks.meeting(MeetingRule.MORE_THAN_HALF, 40, 21)).isEmpty();
    assertThat(NominationChecks.meeting(MeetingRule.NONE, null, null)).isEmpty();
    assertThat(NominationChecks.meeting(MeetingRule.MORE_THAN_HALF, null, null)).hasSize(1);
  }

  static Stream<Arguments> meetings() {
    long seed = 20260630L;
    Random r = new Random(seed);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int expected = 1 + r.nextInt(500);
      int present = r.nextInt(expected + 1);
      MeetingRule rule = r.nextBoolean() ? MeetingRule.MORE_THAN_60 : MeetingRule.MORE_THAN_HALF;
      out.add(Arguments.of(seed, rule, expected, present));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "seed {0}: {1} expected={2} present={3}")
  @MethodSource("meetings")
  void meetingValidityAgreesWithCountingTheSmallestValidAttendance(
      long seed, MeetingRule rule, int expected, int present) {
    // the smallest valid attendance, found by counting up (no arithmetic shared with the check)
    int smallest = 0;
    while (!(smallest * rule.denominator() > expected * rule.numerator())) {
      smallest++;
    }
    boolean valid = NominationChecks.meeting(rule, expected, present).isEmpty();
    assertThat(valid).isEqualTo(present >= smallest);
  }

  @Test
  void ballotOverTheLimitIsVoid() {
    assertThat(NominationChecks.ballot(5, 5)).isEmpty();
    assertThat(NominationChecks.ballot(6, 5))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.RECOMMEND.BALLOT_OVER_LIMIT");
              assertThat(x.messageZh()).contains("推荐了6人，多于规定的5人");
            });
  }

  @Test
  void publicityRunsFiveDaysAfterThePostingDay() {
    HolidayCalendar cal = HolidayCalendar.tyme4j();
    LocalDate posted = LocalDate.of(2026, 6, 1);
    assertThat(NominationChecks.publicityEnd(posted, 5, PeriodUnit.CALENDAR_DAYS, cal))
        .isEqualTo(LocalDate.of(2026, 6, 6));
    // 2026-06-01 is a Monday: five working days end on Monday 06-08
    assertThat(NominationChecks.publicityEnd(posted, 5, PeriodUnit.WORKING_DAYS, cal))
        .isEqualTo(LocalDate.of(2026, 6, 8));
    List<Finding> onLastDay =
        NominationChecks.publicityOver(
            posted, 5, PeriodUnit.CALENDAR_DAYS, cal, LocalDate.of(2026, 6, 6), List.of());
    assertThat(onLastDay)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.PUBLICITY.PRELIMINARY_CANDIDATES_5D");
              assertThat(x.messageZh()).contains("公示期至2026-06-06").contains("公示期未满");
            });
    assertThat(
            NominationChecks.publicityOver(
                posted, 5, PeriodUnit.CALENDAR_DAYS, cal, LocalDate.of(2026, 6, 7), List.of()))
        .isEmpty();
  }

  @Test
  void anUnhandledReportBlocksTheEndOfThePublicity() {
    var open = new PublicityReport(1, 1, LocalDate.of(2026, 6, 3), "反映某人问题", "", "", "x");
    var done = new PublicityReport(2, 1, LocalDate.of(2026, 6, 3), "反映某人问题", "已核实", "不属实", "x");
    assertThat(NominationChecks.reports(List.of(open, done)))
        .extracting(Finding::code)
        .containsExactly("PARTY.PUBLICITY.REPORT_UNHANDLED");
    assertThat(NominationChecks.reports(List.of(done))).isEmpty();
  }

  @Test
  void eligibilityNamesEachReasonWithItsCode() {
    Member ok = member("王五", Membership.FULL, MemberStatus.NORMAL, LocalDate.of(2025, 6, 30));
    assertThat(NominationChecks.eligibility("王五", ok, DAY, null, null, List.of())).isEmpty();

    Member probationary =
        member("赵六", Membership.PROBATIONARY, MemberStatus.NORMAL, LocalDate.of(2025, 12, 1));
    assertThat(NominationChecks.eligibility("赵六", probationary, DAY, null, null, List.of()))
        .extracting(Finding::code)
        .containsExactly("PARTY.ELIGIBILITY.RIGHT_TO_STAND", "PARTY.ELIGIBILITY.PARTY_AGE_1Y");

    Member suspended =
        member("钱七", Membership.FULL, MemberStatus.DISCIPLINE_PROBATION, LocalDate.of(2000, 1, 1));
    assertThat(NominationChecks.eligibility("钱七", suspended, DAY, null, null, List.of()))
        .singleElement()
        .satisfies(
            x -> {
              // the reason in words on the page; the code stays with the finding (tooltip, API)
              assertThat(x.messageZh()).contains("留党察看期间").doesNotContain("PARTY.");
              assertThat(x.code()).isEqualTo("PARTY.ELIGIBILITY.RIGHT_TO_STAND");
            });

    Member young = member("孙八", Membership.FULL, MemberStatus.NORMAL, LocalDate.of(2025, 7, 1));
    assertThat(NominationChecks.eligibility("孙八", young, DAY, null, null, List.of()))
        .singleElement()
        .satisfies(x -> assertThat(x.messageZh()).contains("党龄0年11个月，不满1年"));

    // born 1980-05-01: 46 on 2026-06-30
    assertThat(NominationChecks.eligibility("王五", ok, DAY, null, 45, List.of()))
        .singleElement()
        .satisfies(x -> assertThat(x.messageZh()).contains("46周岁，超过方案规定的45周岁"));
    assertThat(NominationChecks.eligibility("王五", ok, DAY, 47, null, List.of()))
        .extracting(Finding::code)
        .containsExactly("PARTY.ELIGIBILITY.AGE_LIMIT");

    var negative = new Disqualification(1, 1, "受到党纪处分影响期未满", "纪委处分决定书", "审查人", null);
    assertThat(NominationChecks.eligibility("王五", ok, DAY, null, null, List.of(negative)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.ELIGIBILITY.NEGATIVE_LIST");
              assertThat(x.messageZh()).contains("受到党纪处分影响期未满").contains("纪委处分决定书");
            });
  }

  @Test
  void relativesOnTheSameListAreFlaggedAndStaffRelativesWarned() {
    Nominee a = nominee(1, "李静");
    Nominee b = nominee(2, "赵磊");
    Nominee c = nominee(3, "张强");
    var spouses = new Relation(9, a.memberId(), "李静", b.memberId(), "赵磊", RelationKind.SPOUSE, "");
    assertThat(NominationChecks.relatives(List.of(a, b, c), List.of(spouses)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.AVOIDANCE.RELATIVES_CANDIDATES");
              assertThat(x.messageZh()).isEqualTo("李静与赵磊为近亲属（配偶），不能同时列为候选人");
            });
    assertThat(NominationChecks.relatives(List.of(a, c), List.of(spouses))).isEmpty();
    assertThat(
            NominationChecks.staff(
                List.of(a, c), java.util.Map.of(b.memberId(), "赵磊"), List.of(spouses)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("PARTY.AVOIDANCE.RELATIVE_STAFF");
              assertThat(x.severity().name()).isEqualTo("WARNING");
            });
  }

  static Stream<Arguments> shuffles() {
    long seed = 8_000_8L;
    Random r = new Random(seed);
    return Stream.generate(() -> Arguments.of(seed, r.nextLong())).limit(20);
  }

  @ParameterizedTest(name = "seed {0}: shuffle {1}")
  @MethodSource("shuffles")
  void formalCandidatesAreInSurnameStrokeOrder(long seed, long shuffle) {
    List<String> expected = List.of("丁一", "万二", "马三", "王四", "刘五", "李六", "杨七", "张八", "陈九", "欧阳十");
    List<Nominee> list = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      list.add(nominee(i + 1, expected.get(i)));
    }
    Collections.shuffle(list, new Random(shuffle));
    assertThat(NominationService.formalOf(list))
        .extracting(FormalCandidate::name)
        .isEqualTo(expected);
    assertThat(NominationDocuments.strokeOrder(list)).extracting(Nominee::name).isEqualTo(expected);
  }

  @Test
  void everyRuleHasAWellFormedCodeChineseMessageAndCitation() {
    var codes = new java.util.HashSet<String>();
    for (NominationRule r : NominationRule.values()) {
      assertThat(r.code()).matches("[A-Z0-9_]+(\\.[A-Z0-9_]+){2,}");
      assertThat(codes.add(r.code())).as(r.code()).isTrue();
      assertThat(r.messageZh()).matches(".*[\\u4e00-\\u9fff].*");
      assertThat(r.citation().document()).isNotBlank();
    }
  }
}
