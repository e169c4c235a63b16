package xuanju.core.register;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * Who is a voter on election day (选民资格), 选举法（2020）:
 *
 * <ul>
 *   <li>年满十八周岁 (第四条), counted on election day (上海 实施细则 第十八条 "以当地的选举日为标准"; the rule): a
 *       person whose 18th birthday is election day is a voter. 29 February births follow {@link
 *       LeapDayBirthday} (default 2月28日, needs legal review);
 *   <li>依照法律被剥夺政治权利的人没有选举权 (第四条第二款), with the legal basis recorded;
 *   <li>精神病患者不能行使选举权利的，经选举委员会确认，不列入选民名单 (第二十七条第二款): only once confirmed; an intermittent case stays
 *       on the list;
 *   <li>a suspension while in custody (若干规定 第四条) keeps the person on the list, flagged.
 * </ul>
 *
 * <p>Every finding names the person (name and masked ID), the dates compared and the article.
 */
public final class Eligibility {
  private Eligibility() {}

  /** The voting age (选举年龄). */
  public static final int VOTING_AGE = 18;

  /** Decides with the default leap-day rule ({@link LeapDayBirthday#FEB_28}). */
  public static EligibilityResult decide(
      Resident resident, LegalStatus status, LocalDate electionDay) {
    return decide(resident, status, electionDay, LeapDayBirthday.FEB_28);
  }

  /**
   * Decides whether {@code resident} is a voter on {@code electionDay}.
   *
   * @throws InvalidInputException if an argument is missing
   */
  public static EligibilityResult decide(
      Resident resident, LegalStatus status, LocalDate electionDay, LeapDayBirthday leapDay) {
    if (resident == null) {
      throw new InvalidInputException("resident", "缺少居民信息");
    }
    if (electionDay == null) {
      throw new InvalidInputException("electionDay", "缺少选举日");
    }
    LegalStatus s = status == null ? LegalStatus.none() : status;
    Objects.requireNonNull(leapDay, "leapDay");
    String who = resident.labelZh();
    LocalDate birth = resident.birthDate();
    LocalDate eighteenth = Ages.birthday(birth, VOTING_AGE, leapDay);
    int age = birth.isAfter(electionDay) ? 0 : Ages.fullYears(birth, electionDay, leapDay);
    List<Finding> out = new ArrayList<>();
    EligibilityResult.Status outcome = EligibilityResult.Status.ELIGIBLE;

    if (Ages.leapDayRuleApplies(birth, VOTING_AGE)) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("birthDate", birth.toString());
      f.put("eighteenthBirthday", eighteenth.toString());
      f.put("leapDayRule", leapDay.name());
      out.add(
          new Finding(
              RegisterRule.LEAP_DAY_BIRTH,
              List.of("birthDate"),
              f,
              who
                  + "出生于2月29日，"
                  + eighteenth.getYear()
                  + "年为平年，按"
                  + (leapDay == LeapDayBirthday.FEB_28 ? "2月28日" : "3月1日")
                  + "计算周岁生日，"
                  + eighteenth
                  + "年满十八周岁（此计算方法须法律审核）"));
    }

    if (eighteenth.isAfter(electionDay)) {
      outcome = EligibilityResult.Status.UNDER_18;
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("birthDate", birth.toString());
      f.put("eighteenthBirthday", eighteenth.toString());
      f.put("electionDay", electionDay.toString());
      f.put("ageOnElectionDay", age);
      f.put("daysShort", ChronoUnit.DAYS.between(electionDay, eighteenth));
      out.add(
          new Finding(
              RegisterRule.UNDER_18,
              List.of("birthDate"),
              f,
              who
                  + "出生于"
                  + birth
                  + "，"
                  + eighteenth
                  + "年满十八周岁；选举日"
                  + electionDay
                  + "时为"
                  + age
                  + "周岁，未满十八周岁，没有选举权，不予登记（"
                  + RegisterRule.UNDER_18.citation().display()
                  + "）"));
    }

    Optional<Deprivation> deprived = s.deprivationOn(electionDay);
    if (deprived.isPresent()) {
      Deprivation d = deprived.get();
      if (outcome == EligibilityResult.Status.ELIGIBLE) {
        outcome = EligibilityResult.Status.DEPRIVED;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("basis", d.basis());
      f.put("court", d.court());
      f.put("from", d.from().toString());
      f.put("until", d.until() == null ? "终身" : d.until().toString());
      f.put("electionDay", electionDay.toString());
      out.add(
          new Finding(
              RegisterRule.DEPRIVED,
              List.of("deprivations[" + s.deprivations().indexOf(d) + "]"),
              f,
              who
                  + "依法被剥夺政治权利（依据："
                  + (d.court().isEmpty() ? "" : d.court())
                  + d.basis()
                  + "；期间"
                  + d.periodZh()
                  + "），选举日"
                  + electionDay
                  + "没有选举权，不予登记（"
                  + RegisterRule.DEPRIVED.citation().display()
                  + "）"));
    }

    Incapacity inc = s.incapacity();
    if (inc != null && !inc.endedBy(electionDay)) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("reason", inc.reason());
      f.put("evidence", inc.evidence().labelZh());
      f.put("decidedOn", inc.decidedOn() == null ? "" : inc.decidedOn().toString());
      f.put("decisionRef", inc.decisionRef());
      if (!inc.confirmedOn(electionDay)) {
        out.add(
            new Finding(
                RegisterRule.INCAPACITY_UNCONFIRMED,
                List.of("incapacity.decidedOn"),
                f,
                who + "已报告不能行使选举权利（" + inc.reason() + "），但尚未经选举委员会确认，仍应列入选民名单"));
      } else if (inc.intermittent()) {
        out.add(
            new Finding(
                RegisterRule.INTERMITTENT,
                List.of("incapacity"),
                f,
                who + "为间歇性精神病患者（" + inc.decisionRef() + "），列入选民名单，病发时不行使选举权利"));
      } else {
        if (outcome == EligibilityResult.Status.ELIGIBLE) {
          outcome = EligibilityResult.Status.INCAPACITY;
        }
        out.add(
            new Finding(
                RegisterRule.INCAPACITY,
                List.of("incapacity"),
                f,
                who
                    + "不能行使选举权利（"
                    + inc.reason()
                    + "；依据材料："
                    + inc.evidence().labelZh()
                    + "），经选举委员会"
                    + inc.decidedOn()
                    + "确认（"
                    + inc.decisionRef()
                    + "），不列入选民名单（"
                    + RegisterRule.INCAPACITY.citation().display()
                    + "）"));
        if (inc.evidence() == Incapacity.Evidence.NONE) {
          out.add(
              new Finding(
                  RegisterRule.INCAPACITY_EVIDENCE,
                  List.of("incapacity.evidence"),
                  f,
                  who + "的不能行使选举权利确认未记录医院证明或监护人同意，请补充依据材料"));
        }
      }
    }

    boolean suspended = false;
    VotingSuspension sus = s.suspension();
    if (sus != null && sus.activeOn(electionDay)) {
      suspended = true;
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("decidedBy", sus.decidedBy());
      f.put("documentRef", sus.documentRef());
      f.put("decidedOn", sus.decidedOn().toString());
      out.add(
          new Finding(
              RegisterRule.SUSPENDED,
              List.of("suspension"),
              f,
              who
                  + "经"
                  + sus.decidedBy()
                  + "决定（"
                  + sus.documentRef()
                  + "，"
                  + sus.decidedOn()
                  + "）在被羁押期间停止行使选举权利；仍列入选民名单，选举日不发给选票"));
    }

    if (outcome == EligibilityResult.Status.ELIGIBLE) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("birthDate", birth.toString());
      f.put("eighteenthBirthday", eighteenth.toString());
      f.put("electionDay", electionDay.toString());
      f.put("ageOnElectionDay", age);
      out.add(
          new Finding(
              RegisterRule.ELIGIBLE,
              List.of("birthDate"),
              f,
              who
                  + "选举日"
                  + electionDay
                  + "时"
                  + age
                  + "周岁"
                  + (eighteenth.equals(electionDay) ? "（当日年满十八周岁）" : "")
                  + "，未被剥夺政治权利，有选举权（"
                  + RegisterRule.ELIGIBLE.citation().display()
                  + "）"));
    }
    return new EligibilityResult(
        resident, electionDay, outcome, eighteenth, age, suspended, Findings.of(out));
  }
}
