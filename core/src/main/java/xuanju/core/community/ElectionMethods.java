package xuanju.core.community;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Rule;

/**
 * The residents' committee's 选举办法 (election rules), drafted from a template filled with the
 * election's settings, and the 居民代表会议's adoption of it. Pure. The contents follow the seed's list
 * ({@link CommunityRule#METHOD_CONTENTS}): conditions of members, barring cases, how candidates are
 * produced, who may vote, proxies, what makes a ballot valid, avoidance and unlawful conduct.
 */
public final class ElectionMethods {
  private ElectionMethods() {}

  /** The default cap on proxies a voter accepts (选举法第四十二条, applied by analogy). */
  public static final int DEFAULT_PROXY_CAP = 3;

  /**
   * The settings the 选举办法 is drafted from.
   *
   * @param communityName e.g. {@code 诺恩吉雅社区}
   * @param mode how the committee is elected (居组法第八条)
   * @param seats seats per post (posts without seats are left out)
   * @param proxyCap how many proxies one voter may accept, 1–3
   * @param writeIns whether a voter may write in another eligible resident (另选他人)
   * @param carryDown whether a losing 主任 candidate's votes count towards 副主任 and 委员
   */
  public record Settings(
      String communityName,
      ElectorateMode mode,
      Map<CommitteePost, Integer> seats,
      int proxyCap,
      boolean writeIns,
      CarryDown carryDown) {
    public Settings {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(carryDown, "carryDown");
      communityName = communityName == null ? "" : communityName.strip();
      if (proxyCap < 1 || proxyCap > DEFAULT_PROXY_CAP) {
        throw new InvalidInputException(
            "proxyCap",
            "每一选民接受委托的人数应为1至3人：" + proxyCap + "。" + CommunityRule.METHOD_PROXY_CAP.messageZh());
      }
      Map<CommitteePost, Integer> s = new EnumMap<>(CommitteePost.class);
      (seats == null ? Map.<CommitteePost, Integer>of() : seats)
          .forEach(
              (p, n) -> {
                if (n != null && n > 0) {
                  s.put(p, n);
                }
              });
      if (s.isEmpty()) {
        throw new InvalidInputException("seats", "选举办法须写明各职位的应选名额");
      }
      seats = Map.copyOf(s);
    }

    public int totalSeats() {
      return seats.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** One article group of the document. */
  public record Section(String titleZh, List<String> paragraphs, List<Rule> rules) {
    public Section {
      paragraphs = List.copyOf(paragraphs);
      rules = List.copyOf(rules);
    }
  }

  /** The drafted document. */
  public record Method(String titleZh, List<Section> sections) {
    public Method {
      sections = List.copyOf(sections);
    }
  }

  /** Drafts the 选举办法 from the settings. */
  public static Method draft(Settings s) {
    List<Section> out = new ArrayList<>();
    String name = s.communityName();
    out.add(
        new Section(
            "第一章 总则",
            List.of(
                "根据《中华人民共和国城市居民委员会组织法》和有关法律法规，结合本社区实际，制定本办法。",
                name + "第X届居民委员会由主任、副主任和委员共" + s.totalSeats() + "人组成，" + seatsZh(s) + "。",
                "居民委员会的选举工作由" + name + "居民选举委员会主持。"),
            List.of(CommunityRule.METHOD_CONTENTS)));
    ElectorateMode m = s.mode();
    out.add(
        new Section(
            "第二章 选举方式与选民资格",
            List.of(
                "本届居民委员会采取" + m.labelZh() + "的方式产生，选举人为" + m.electorsZh() + "。",
                "年满十八周岁、未被剥夺政治权利的本社区居民，经登记列入选民名单的，享有选举权和被选举权；"
                    + "户籍不在本社区、在本社区居住一年以上本人申请参加选举的，经居民代表会议同意，可以登记参加选举。"
                    + "法律没有规定的选民资格问题，由居民代表会议讨论决定。",
                "投票人数以" + m.turnoutBaseZh() + "为基数计算；" + m.checkInZh() + "。"),
            List.of(CommunityRule.ELECTORATE_MODE)));
    List<String> bars = new ArrayList<>();
    bars.add("有下列情形之一的，不能确定为候选人；通过另选他人当选的，当选无效：");
    for (BarringCase c : BarringCase.values()) {
      bars.add("（" + c.number() + "）" + c.textZh());
    }
    out.add(new Section("第三章 不宜确定为候选人的情形", bars, List.of(CommunityRule.REVIEW_CLEARED)));
    out.add(
        new Section(
            "第四章 候选人的产生",
            List.of(
                "候选人由本人向居民选举委员会书面报名并写明所报职位（主任、副主任或委员），社区党组织推荐人选；" + "报名人选经资格联审，各联审部门书面反馈意见后确定。",
                "正式候选人按职位分别确定，每一职位的候选人应多于应选名额至少一人，按姓氏笔画排列张榜公布。",
                "居民选举委员会成员被确定为候选人的，应当退出居民选举委员会，所缺名额依照原推选结果依次递补。"),
            List.of(CommunityRule.ELECTION_COMMITTEE_CANDIDATE)));
    out.add(
        new Section(
            "第五章 委托投票与代写",
            List.of(
                "选民在选举期间外出不能参加投票的，经居民选举委员会同意，可以书面委托本社区有选举权的近亲属以外的其他选民代为投票；"
                    + "每一选民接受的委托不得超过"
                    + s.proxyCap()
                    + "人。禁止非法委托投票。",
                "不能书写的选民可以委托他信任的人代写；代写人须经居民选举委员会审查登记，候选人及其近亲属不得代写选票。"),
            List.of(CommunityRule.METHOD_PROXY_CAP, CommunityRule.WRITER_NOT_VETTED)));
    List<String> ballots = new ArrayList<>();
    ballots.add("主任、副主任、委员在同一张选票上分职位选举。每一职位所选人数等于或少于应选名额的为有效票，多于应选名额的，该职位的选票无效。");
    ballots.add(s.writeIns() ? "选民可以另选其他选民，另选他人须符合候选人条件。" : "本次选举不设另选他人栏。");
    ballots.add("无法辨认的选票、未按规定标记的选票为无效票。每次选举所投的票数多于投票人数的无效，等于或少于投票人数的有效。");
    out.add(new Section("第六章 投票与有效选票的认定", ballots, List.of(CommunityRule.COUNT_SEPARATE)));
    out.add(
        new Section(
            "第七章 当选",
            List.of(
                "选举时，参加投票的选民超过" + m.turnoutBaseZh() + "的半数，选举有效；候选人获得参加投票的选民过半数的选票，始得当选。",
                s.carryDown().carryDown()
                    ? "落选的主任候选人所得票数计入其副主任、委员得票，落选的副主任候选人所得票数计入其委员得票（"
                        + s.carryDown().citation().display()
                        + "）。"
                    : "主任、副主任、委员分别计票，落选的主任、副主任候选人所得票数不计入其他职位（"
                        + s.carryDown().citation().display()
                        + "）。",
                "获得过半数选票的人数少于应选名额时，不足的名额另行选举，以得票多的当选，但所得票数不得少于已投选票数的三分之一。"),
            List.of(s.carryDown().rule())));
    out.add(
        new Section(
            "第八章 回避与违法行为的处理",
            List.of(
                "社区“两委”成员、居务监督委员会成员和选举工作人员实行近亲属（"
                    + java.util.Arrays.stream(Relation.values())
                        .map(Relation::labelZh)
                        .collect(Collectors.joining("、"))
                    + "）回避；候选人及其近亲属不得担任监票人、计票人、代写人。",
                "以暴力、威胁、欺骗、贿赂、伪造选票、虚报选举票数等不正当手段妨害选举的，当选无效，并依法处理。"),
            List.of(
                CommunityRule.RELATIVES_TWO_COMMITTEES, CommunityRule.STAFF_CANDIDATE_RELATIVE)));
    out.add(
        new Section(
            "第九章 附则",
            List.of("本办法经" + name + "居民代表会议讨论通过后张榜公布，由居民选举委员会负责解释。"),
            List.of(CommunityRule.METHOD_ADOPTED)));
    return new Method(name + "第X届居民委员会选举办法", out);
  }

  private static String seatsZh(Settings s) {
    return s.seats().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey().labelZh() + e.getValue() + "人")
        .collect(Collectors.joining("、"));
  }

  /**
   * The 居民代表会议's vote on the 选举办法: held with at least two thirds of its members, adopted with more
   * than half of those present.
   *
   * @param members the meeting's members (组成人员)
   * @param attended present
   * @param votesFor in favour
   * @return errors when the meeting could not be held or the draft was not adopted, each with the
   *     numbers
   */
  public static Findings adoption(int members, int attended, int votesFor) {
    if (members < 1 || attended < 0 || votesFor < 0) {
      throw new InvalidInputException("members", "居民代表会议组成人员、到会人数和赞成票数应为非负整数，组成人员至少1人");
    }
    if (attended > members) {
      throw new InvalidInputException("attended", "到会人数" + attended + "多于组成人员" + members + "人");
    }
    if (votesFor > attended) {
      throw new InvalidInputException("votesFor", "赞成票" + votesFor + "多于到会人数" + attended);
    }
    List<Finding> out = new ArrayList<>();
    if ((long) attended * 3 < (long) members * 2) {
      out.add(
          Finding.of(
              CommunityRule.METHOD_QUORUM,
              "attended",
              "居民代表会议组成人员"
                  + members
                  + "人，到会"
                  + attended
                  + "人，不足三分之二（至少"
                  + ceilTwoThirds(members)
                  + "人），不能召开"));
    } else if ((long) votesFor * 2 <= attended) {
      out.add(
          Finding.of(
              CommunityRule.METHOD_QUORUM,
              "votesFor",
              "到会" + attended + "人，赞成" + votesFor + "票，未超过到会人员的半数，选举办法未获通过"));
    }
    return Findings.of(out);
  }

  private static int ceilTwoThirds(int n) {
    return (n * 2 + 2) / 3;
  }
}
