package xuanju.core.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xuanju.core.quota.Gender;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.Step;

/**
 * The party-member roster rules (党员名册): checking a member's data and deciding who has a vote.
 *
 * <ul>
 *   <li>{@link #validate} checks a form or spreadsheet row: required fields, allowed values, dates,
 *       the resident ID (GB 11643) and its agreement with birth date and gender, the join date.
 *   <li>{@link #votingRight} decides whether a member has 表决权、选举权和被选举权 (中国共产党基层组织选举工作条例 2020 第五条):
 *       only full members whose rights are not suspended.
 * </ul>
 */
public final class Roster {
  private Roster() {}

  /** The longest name accepted (characters). */
  public static final int NAME_MAX = 50;

  private static final Pattern YMD =
      Pattern.compile(
          "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
              + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  /**
   * A run of spaces inside a name, also the full-width (全角) and no-break space: one ASCII space.
   * Dots (巴特尔·额尔敦), commas and 顿号 are kept as written.
   */
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");

  private static final Pattern PHONE_NOISE = Pattern.compile("[\\s()（）]");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

  /**
   * Reads a date written {@code 2020-01-02}, {@code 2020/1/2}, {@code 2020.1.2}, {@code 2020年1月2日}
   * or {@code 20200102} (a time after the date is ignored). Impossible dates such as 2 月 30 日 are
   * refused.
   */
  public static Optional<LocalDate> parseDate(String text) {
    String t = Texts.clean(text);
    Matcher m = YMD.matcher(t);
    if (!m.matches()) {
      m = COMPACT.matcher(t);
      if (!m.matches()) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks one member's input as of {@code today}. Errors leave the member empty; warnings (join
   * date before 18, probation over a year) are reported but the member is still given.
   */
  public static MemberCheck validate(MemberInput in, LocalDate today) {
    List<Finding> out = new ArrayList<>();
    for (RosterField f : RosterField.values()) {
      if (f.required() && in.get(f).isBlank()) {
        out.add(Finding.of(RosterRule.FIELD_REQUIRED, f.key(), "必填，不能为空"));
      }
    }

    String name = SPACES.matcher(in.name().strip()).replaceAll(" ");
    if (name.startsWith("【示例】") || name.startsWith("[示例]")) {
      out.add(Finding.of(RosterRule.IMPORT_EXAMPLE_ROW, RosterField.NAME.key(), null));
    } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
      out.add(
          Finding.of(RosterRule.FIELD_TOO_LONG, RosterField.NAME.key(), "不能超过" + NAME_MAX + "个字"));
    }

    Gender gender = null;
    if (!in.gender().isBlank()) {
      gender = Gender.parse(Texts.clean(in.gender())).orElse(null);
      if (gender == null) {
        out.add(notAllowed(RosterField.GENDER, in.gender(), List.of("男", "女")));
      }
    }

    String ethnicity = null;
    if (!in.ethnicity().isBlank()) {
      ethnicity = Ethnicities.parse(in.ethnicity()).orElse(null);
      if (ethnicity == null) {
        out.add(
            Finding.of(
                RosterRule.FIELD_NOT_ALLOWED,
                RosterField.ETHNICITY.key(),
                "「" + Texts.clean(in.ethnicity()) + "」不是有效的民族名称，应填写如“汉族”“蒙古族”（见模板“填写说明”）"));
      }
    }

    LocalDate birth = date(in, RosterField.BIRTH_DATE, out);
    if (birth != null && birth.isAfter(today)) {
      out.add(Finding.of(RosterRule.FIELD_DATE, RosterField.BIRTH_DATE.key(), "出生日期不能晚于今天"));
      birth = null;
    }

    ResidentId id = null;
    if (!in.residentId().isBlank()) {
      List<Finding> idFindings =
          ResidentIds.check(in.residentId(), today, RosterField.RESIDENT_ID.key());
      out.addAll(idFindings);
      if (idFindings.isEmpty()) {
        id = ResidentIds.parse(in.residentId(), today).orElseThrow();
        if (birth != null && !birth.equals(id.birthDate())) {
          out.add(
              new Finding(
                  RosterRule.ID_BIRTH_MISMATCH,
                  List.of(RosterField.RESIDENT_ID.key(), RosterField.BIRTH_DATE.key()),
                  Map.of("birthDate", birth.toString(), "idBirthDate", id.birthDate().toString()),
                  "出生日期" + birth + "与号码中的出生日期" + id.birthDate() + "不一致"));
        }
        if (gender != null && gender != id.gender()) {
          out.add(
              new Finding(
                  RosterRule.ID_GENDER_MISMATCH,
                  List.of(RosterField.RESIDENT_ID.key(), RosterField.GENDER.key()),
                  Map.of("gender", gender.labelZh(), "idGender", id.gender().labelZh()),
                  "性别填写为“"
                      + gender.labelZh()
                      + "”，但号码第17位为"
                      + (id.value().charAt(16) - '0')
                      + "，应为“"
                      + id.gender().labelZh()
                      + "”"));
        }
      }
    }

    Education education = null;
    if (!in.education().isBlank()) {
      education = Education.parse(in.education()).orElse(null);
      if (education == null) {
        out.add(notAllowed(RosterField.EDUCATION, in.education(), Education.labels()));
      }
    }

    LocalDate join = date(in, RosterField.JOIN_DATE, out);
    if (join != null) {
      if (join.isAfter(today)) {
        out.add(
            Finding.of(
                RosterRule.JOIN_FUTURE, RosterField.JOIN_DATE.key(), "入党时间" + join + "晚于今天"));
      } else if (birth != null && join.isBefore(birth)) {
        out.add(
            Finding.of(
                RosterRule.JOIN_BEFORE_BIRTH,
                RosterField.JOIN_DATE.key(),
                "入党时间" + join + "早于出生日期" + birth));
      } else if (birth != null && join.isBefore(birth.plusYears(18))) {
        out.add(
            new Finding(
                RosterRule.JOIN_UNDER_18,
                List.of(RosterField.JOIN_DATE.key()),
                Map.of("joinDate", join.toString(), "birthDate", birth.toString()),
                "入党时间" + join + "时未满十八周岁（出生日期" + birth + "），请核实"));
      }
    }

    Membership membership = null;
    if (!in.membership().isBlank()) {
      membership = Membership.parse(in.membership()).orElse(null);
      if (membership == null) {
        out.add(notAllowed(RosterField.MEMBERSHIP, in.membership(), Membership.labels()));
      }
    }
    if (membership != null && join != null && !join.isAfter(today)) {
      if (membership == Membership.PROBATIONARY && !join.plusYears(1).isAfter(today)) {
        out.add(
            Finding.of(
                RosterRule.PROBATION_OVERDUE,
                RosterField.MEMBERSHIP.key(),
                "预备党员的入党时间" + join + "距今已满一年，请核实是否已按期转正或延长预备期"));
      } else if (membership == Membership.FULL && join.plusYears(1).isAfter(today)) {
        out.add(
            Finding.of(
                RosterRule.FULL_WITHIN_ONE_YEAR,
                RosterField.MEMBERSHIP.key(),
                "正式党员的入党时间" + join + "距今不足一年（预备期为一年），请核实"));
      }
    }

    MemberStatus status = MemberStatus.NORMAL;
    if (!in.status().isBlank()) {
      status = MemberStatus.parse(in.status()).orElse(null);
      if (status == null) {
        out.add(notAllowed(RosterField.STATUS, in.status(), MemberStatus.labels()));
      }
    }

    String phone = PHONE_NOISE.matcher(Texts.clean(in.phone())).replaceAll("");
    if (!phone.isEmpty()
        && !MOBILE.matcher(phone).matches()
        && !LANDLINE.matcher(phone).matches()) {
      out.add(
          Finding.of(
              RosterRule.FIELD_PHONE,
              RosterField.PHONE.key(),
              "「" + phone + "」不是有效的电话号码，应为11位手机号或带区号的固定电话（如0471-1234567）"));
    }

    Findings findings = Findings.of(out);
    if (!findings.ok()) {
      return new MemberCheck(Optional.empty(), findings);
    }
    return new MemberCheck(
        Optional.of(
            new Member(
                name,
                gender,
                ethnicity,
                birth,
                id.value(),
                education,
                join,
                membership,
                status,
                phone)),
        findings);
  }

  /**
   * Whether a member has 表决权、选举权和被选举权 (中国共产党基层组织选举工作条例 2020 第五条; legal notes A1.3, A1.5). The trail
   * first checks the standing (留党察看, 留置, 逮捕, 停止党籍 and 出党 remove the vote), then the membership
   * (only 正式党员 vote). The outcome's reason is the rule of the last step.
   */
  public static Decision<VotingRight> votingRight(Membership membership, MemberStatus status) {
    List<Step> trail = new ArrayList<>();
    RosterRule statusRule =
        switch (status) {
          case NORMAL -> RosterRule.VOTE_RIGHTS_NORMAL;
          case DISCIPLINE_PROBATION -> RosterRule.VOTE_DISCIPLINE_PROBATION;
          case DETAINED -> RosterRule.VOTE_DETAINED;
          case ARRESTED -> RosterRule.VOTE_ARRESTED;
          case MEMBERSHIP_STOPPED -> RosterRule.VOTE_MEMBERSHIP_STOPPED;
          case LEFT -> RosterRule.VOTE_NOT_MEMBER;
        };
    boolean normal = status == MemberStatus.NORMAL;
    trail.add(
        new Step(
            statusRule,
            Map.of(),
            "党籍状态 = 正常",
            normal,
            normal
                ? "党籍状态为“正常”，权利未被停止"
                : "党籍状态为“" + status.labelZh() + "”：" + statusRule.messageZh()));
    if (!normal) {
      return new Decision<>(new VotingRight(false, statusRule), trail);
    }
    boolean full = membership == Membership.FULL;
    RosterRule kindRule = full ? RosterRule.VOTE_FULL_MEMBER : RosterRule.VOTE_PROBATIONARY;
    trail.add(
        new Step(
            kindRule,
            Map.of(),
            "党员类别 = 正式党员",
            full,
            "党员类别为“" + membership.labelZh() + "”：" + kindRule.messageZh()));
    return new Decision<>(new VotingRight(full, kindRule), trail);
  }

  /** {@link #votingRight(Membership, MemberStatus)} for a member. */
  public static Decision<VotingRight> votingRight(Member m) {
    return votingRight(m.membership(), m.status());
  }

  private static LocalDate date(MemberInput in, RosterField f, List<Finding> out) {
    String text = in.get(f);
    if (text.isBlank()) {
      return null;
    }
    Optional<LocalDate> d = parseDate(text);
    if (d.isEmpty()) {
      out.add(
          Finding.of(
              RosterRule.FIELD_DATE,
              f.key(),
              "「" + Texts.clean(text) + "」不是有效日期，应写作2020-01-02或2020/1/2"));
      return null;
    }
    return d.get();
  }

  private static Finding notAllowed(RosterField f, String value, List<String> allowed) {
    return Finding.of(
        RosterRule.FIELD_NOT_ALLOWED,
        f.key(),
        "「" + Texts.clean(value) + "」不是允许的值，应为：" + String.join("、", allowed));
  }
}
