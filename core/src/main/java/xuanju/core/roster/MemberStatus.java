package xuanju.core.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A member's standing (党籍状态). Anything other than {@link #NORMAL} removes the vote (see {@link
 * Roster#votingRight}).
 */
public enum MemberStatus {
  /** 正常 */
  NORMAL("正常", List.of()),
  /** 留党察看 (party probation as a disciplinary sanction) */
  DISCIPLINE_PROBATION("留党察看", List.of("留党察看期间")),
  /** 留置 (detained by the supervisory commission) */
  DETAINED("留置", List.of("被留置", "被依法留置")),
  /** 逮捕 (arrested) */
  ARRESTED("逮捕", List.of("被逮捕", "被依法逮捕")),
  /** 停止党籍 (membership stopped, e.g. out of contact) */
  MEMBERSHIP_STOPPED("停止党籍", List.of()),
  /** 出党 (no longer a member: expelled, struck off or withdrawn) */
  LEFT("出党", List.of("开除党籍", "除名", "退党"));

  private final String labelZh;
  private final List<String> aliases;

  MemberStatus(String labelZh, List<String> aliases) {
    this.labelZh = labelZh;
    this.aliases = aliases;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Reads the label or one of its synonyms. */
  public static Optional<MemberStatus> parse(String text) {
    String t = Texts.clean(text);
    for (MemberStatus s : values()) {
      if (s.labelZh.equals(t) || s.aliases.contains(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(MemberStatus::labelZh).toList();
  }
}
