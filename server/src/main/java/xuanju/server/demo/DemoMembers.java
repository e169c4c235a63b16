package xuanju.server.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Education;
import xuanju.core.roster.Member;
import xuanju.core.roster.MemberStatus;
import xuanju.core.roster.Membership;
import xuanju.core.roster.ResidentIds;

/**
 * Plausible sample members (示例党员) for the demo: Chinese names, resident IDs valid under GB 11643
 * (area 152222, birth date, sequence with the gender digit, MOD 11-2 check character), join dates
 * after the 18th birthday, a few probationary members joined within the last year and, on request,
 * members under 留党察看. Deterministic for a given seed.
 */
public final class DemoMembers {
  private DemoMembers() {}

  static final String AREA = "152222";
  private static final String[] SURNAMES =
      "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文包宝"
          .split("");
  private static final String[] GIVEN =
      "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉斌宇浩凯健俊帆帅旭宁琳晶欣怡佳雪慧莉婷倩颖海峰建国志国庆春梅淑珍凤云福生德荣巴特尔其其格乌兰图雅苏和朝鲁"
          .split("");
  private static final String[] MONGOLIAN_NAMES = {
    "巴特尔", "其其格", "乌兰图雅", "苏和", "朝鲁", "那日苏", "额尔敦", "萨仁", "阿拉坦仓", "格日勒图"
  };

  /**
   * {@code count} members, of whom {@code probationary} joined within the last year and {@code
   * disciplined} are full members under 留党察看.
   */
  public static List<Member> generate(
      Random r,
      int count,
      int probationary,
      int disciplined,
      LocalDate today,
      Set<String> usedIds) {
    List<Member> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < count; i++) {
      boolean mongolian = r.nextInt(100) < 25;
      String ethnicity = mongolian ? "蒙古族" : (r.nextInt(100) < 3 ? "满族" : "汉族");
      String name;
      do {
        name =
            mongolian && r.nextBoolean()
                ? MONGOLIAN_NAMES[r.nextInt(MONGOLIAN_NAMES.length)]
                : SURNAMES[r.nextInt(SURNAMES.length)]
                    + GIVEN[r.nextInt(GIVEN.length)]
                    + (r.nextInt(3) == 0 ? "" : GIVEN[r.nextInt(GIVEN.length)]);
      } while (!names.add(name));
      Gender gender = r.nextInt(100) < 58 ? Gender.MALE : Gender.FEMALE;
      boolean prob = i < probationary;
      LocalDate birth =
          prob
              ? today.minusYears(22 + r.nextInt(15)).minusDays(r.nextInt(365))
              : today.minusYears(26 + r.nextInt(48)).minusDays(r.nextInt(365));
      String id;
      do {
        int seq = r.nextInt(100);
        int g = r.nextInt(5) * 2 + (gender == Gender.MALE ? 1 : 0);
        String first17 =
            AREA
                + String.format(
                    "%04d%02d%02d%02d%d",
                    birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), seq, g);
        id = first17 + ResidentIds.checkCharacter(first17);
      } while (!usedIds.add(id));
      LocalDate join;
      if (prob) {
        join = today.minusDays(30 + r.nextInt(300));
      } else {
        LocalDate earliest = birth.plusYears(19);
        LocalDate latest = today.minusYears(2);
        long span = Math.max(1, latest.toEpochDay() - earliest.toEpochDay());
        join = earliest.plusDays((long) (r.nextDouble() * span));
      }
      Education education =
          Education.values()[
              Math.min(Education.values().length - 1, r.nextInt(Education.values().length))];
      MemberStatus status =
          !prob && i >= probationary && i < probationary + disciplined
              ? MemberStatus.DISCIPLINE_PROBATION
              : MemberStatus.NORMAL;
      String phone = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
      out.add(
          new Member(
              name,
              gender,
              ethnicity,
              birth,
              id,
              education,
              join,
              prob ? Membership.PROBATIONARY : Membership.FULL,
              status,
              phone));
    }
    return out;
  }
}
