package xuanju.core.profile;

import java.util.List;
import java.util.Optional;

/**
 * A named rule parameter (规则参数) that a profile sets and a local plan may override by name. Each
 * constant knows its stored name (used in JSON and in overrides), its kind, its allowed values and
 * its meaning in Chinese. The value and its legal source live in the {@link Profile}.
 */
public enum Param {
  QUORUM_RATIO(
      "quorumRatio", Kind.RATIO, "选举大会有效所需的到会（参加投票）人数比例；党组织以应到会人数为基数，直接选举以登记选民为基数，间接选举以代表总数为基数"),
  QUORUM_ALLOW_EXACT("quorumAllowExact", Kind.BOOL, "到会人数恰好等于该比例时是否有效（false：须“超过”；true：“不少于”即可）"),
  PLENUM_QUORUM_RATIO("plenumQuorumRatio", Kind.RATIO, "委员会全体会议（选举书记、副书记、常委）有效所需的到会比例，以应到会委员为基数"),
  PLENUM_QUORUM_ALLOW_EXACT("plenumQuorumAllowExact", Kind.BOOL, "全体会议到会人数恰好等于该比例时是否有效"),
  THRESHOLD_BASE(
      "thresholdBase",
      Kind.CHOICE,
      "当选所需赞成票的计算基数（赞成票须超过基数的半数）：PRESENT 实到会有选举权人数，EXPECTED 应到会人数，BALLOTS_CAST 投票人数（收回选票数），TOTAL_DEPUTIES 全体代表",
      "PRESENT",
      "EXPECTED",
      "BALLOTS_CAST",
      "TOTAL_DEPUTIES"),
  FURTHER_ROUND_THRESHOLD(
      "furtherRoundThreshold",
      Kind.CHOICE,
      "另行选举的当选条件：SAME_AS_FIRST 与第一轮相同（过半数），PLURALITY_ONE_THIRD_CAST 以得票多的当选且不少于选票的三分之一",
      "SAME_AS_FIRST",
      "PLURALITY_ONE_THIRD_CAST"),
  FURTHER_ROUND_TURNOUT_REQUIRED(
      "furtherRoundTurnoutRequired", Kind.BOOL, "另行选举是否仍须过半数选民参加投票（false：另行选举只适用不少于选票三分之一的条件）"),
  REDUCE_SEATS_ALLOWED("reduceSeatsAllowed", Kind.BOOL, "当选人数不足但接近应选名额时，经多数选举人同意可否减少名额、不再另行选举"),
  VACANCY_AFTER_FURTHER_ROUNDS(
      "vacancyAfterFurtherRounds", Kind.INT, "进行几次另行选举后仍不足的名额暂作缺额；0 表示不留缺额（须继续另行选举或减少名额）"),
  MARGIN_FORMAL("marginFormal", Kind.RATIO, "正式候选人（委员或代表）差额的最低比例，按应选人数计算并进一"),
  MARGIN_FORMAL_MAX("marginFormalMax", Kind.OPTIONAL_RATIO, "正式候选人差额的最高比例（去尾）；none 表示无上限"),
  MARGIN_MIN_EXTRA("marginMinExtra", Kind.INT, "候选人至少多于应选人数的人数（差额选举至少多1人时为1）"),
  MARGIN_PRELIMINARY("marginPreliminary", Kind.RATIO, "候选人初步人选的最低差额比例"),
  MARGIN_PRE_CANDIDATES("marginPreCandidates", Kind.RATIO, "候选人预备人选的最低差额比例"),
  MARGIN_DELEGATES("marginDelegates", Kind.RATIO, "党代表大会代表候选人的最低差额比例"),
  MARGIN_BASE(
      "marginBase",
      Kind.CHOICE,
      "差额比例的计算基数：SEATS 应选人数，CURRENT_COMMITTEE 本支部现有委员人数（见种子规则 MG-13）",
      "SEATS",
      "CURRENT_COMMITTEE"),
  MARGIN_STANDING_EXTRA_MIN("marginStandingExtraMin", Kind.INT, "常委候选人至少多于应选人数的人数"),
  MARGIN_STANDING_EXTRA_MAX("marginStandingExtraMax", Kind.INT, "常委候选人至多多于应选人数的人数"),
  OFFICERS_UNCONTESTED("officersUncontested", Kind.BOOL, "书记、副书记可否等额选举（候选人数等于应选人数）"),
  PROXY_ALLOWED("proxyAllowed", Kind.BOOL, "是否允许委托投票"),
  PROXY_CAP("proxyCap", Kind.INT, "每一受托人接受委托的最多人数"),
  PROXY_CONSENT_REQUIRED("proxyConsentRequired", Kind.BOOL, "委托投票是否须经选举委员会同意"),
  PROXY_WRITTEN_REQUIRED("proxyWrittenRequired", Kind.BOOL, "委托是否须书面"),
  PROXY_CLOSE_RELATIVE_REQUIRED("proxyCloseRelativeRequired", Kind.BOOL, "受托人是否须为委托人的近亲属"),
  PROXY_SAME_ELECTORATE_REQUIRED("proxySameElectorateRequired", Kind.BOOL, "受托人是否须为本村（本选区）有选举权的人"),
  WRITE_IN_ALLOWED("writeInAllowed", Kind.BOOL, "是否可以另选他人"),
  WRITE_IN_REQUIRES_NO(
      "writeInRequiresNo", Kind.BOOL, "另选他人是否只能在对候选人投不赞成票时进行（每一另选他人须对应一个不赞成票，否则该另选无效）"),
  WRITE_IN_WITHOUT_MARK(
      "writeInWithoutMark",
      Kind.CHOICE,
      "另选他人只写姓名、未划赞成符号时：VOID_BALLOT 整张选票无效，VOID_ENTRY 该另选无效、选票其余部分有效，COUNTS_AS_YES 视为赞成",
      "VOID_BALLOT",
      "VOID_ENTRY",
      "COUNTS_AS_YES");

  /** What kind of value a parameter takes. */
  public enum Kind {
    BOOL,
    INT,
    RATIO,
    OPTIONAL_RATIO,
    CHOICE
  }

  private final String key;
  private final Kind kind;
  private final String meaningZh;
  private final List<String> choices;

  Param(String key, Kind kind, String meaningZh, String... choices) {
    this.key = key;
    this.kind = kind;
    this.meaningZh = meaningZh;
    this.choices = List.of(choices);
  }

  /** The stored name, e.g. {@code quorumAllowExact}. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public String meaningZh() {
    return meaningZh;
  }

  /** The allowed values of a {@link Kind#CHOICE} parameter, empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** The allowed values in words, for documentation. */
  public String allowedZh() {
    return switch (kind) {
      case BOOL -> "true / false";
      case INT -> "0–99 的整数";
      case RATIO -> "分数 a/b（如 1/5），或整数";
      case OPTIONAL_RATIO -> "分数 a/b，或 none";
      case CHOICE -> String.join(" / ", choices);
    };
  }

  public static Optional<Param> byKey(String key) {
    for (Param p : values()) {
      if (p.key.equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Normalises a value for this parameter.
   *
   * @return the canonical text
   * @throws IllegalArgumentException if the value is not allowed
   */
  String normalise(String value) {
    String v = value == null ? "" : value.trim();
    switch (kind) {
      case BOOL -> {
        if (!v.equals("true") && !v.equals("false")) {
          throw new IllegalArgumentException("应为 true 或 false");
        }
        return v;
      }
      case INT -> {
        int n;
        try {
          n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("应为整数");
        }
        if (n < 0 || n > 99) {
          throw new IllegalArgumentException("应在 0–99 之间");
        }
        return Integer.toString(n);
      }
      case RATIO, OPTIONAL_RATIO -> {
        if (kind == Kind.OPTIONAL_RATIO && v.equals("none")) {
          return v;
        }
        return Ratio.parse(v).toString();
      }
      case CHOICE -> {
        if (!choices.contains(v)) {
          throw new IllegalArgumentException("应为 " + String.join(" / ", choices) + " 之一");
        }
        return v;
      }
    }
    throw new IllegalStateException();
  }
}
