package xuanju.core.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * One community's 换届 (社区换届) holding several elections (seed 002): the plan's deadlines per part,
 * each part's state from its progress and the deadline, and the check of the party committee's
 * division of posts (分工: 5 members, one 书记, one 专职副书记, one member to stand for 居民委员会副主任).
 */
public final class CommunityTerms {
  private CommunityTerms() {}

  /** Seed 002: the party committee has 5 members (SZ-08). */
  public static final int SEED_002_PARTY_SIZE = 5;

  /** The plan's deadlines of every part for the term's year. */
  public static Map<TermPart, LocalDate> defaultDeadlines(int year) {
    if (year < 2000 || year > 2100) {
      throw new InvalidInputException("year", "换届年度须为2000至2100年之间的年份");
    }
    Map<TermPart, LocalDate> out = new EnumMap<>(TermPart.class);
    for (TermPart p : TermPart.values()) {
      out.put(p, p.defaultDeadline(year));
    }
    return out;
  }

  /**
   * What a part has done so far, as its source reports it.
   *
   * @param started whether work on the part has begun (an election linked and past its draft, a
   *     committee being chosen)
   * @param done whether the part is complete (the result decided)
   * @param waitingZh what the part waits on, in Chinese (empty when nothing)
   */
  public record Progress(boolean started, boolean done, List<String> waitingZh) {
    public Progress {
      waitingZh = List.copyOf(waitingZh);
    }

    public static Progress notStarted(String waitingZh) {
      return new Progress(false, false, List.of(waitingZh));
    }
  }

  /** A part on the timeline with its deadline and state. */
  public record PartStatus(
      TermPart part, LocalDate deadline, PartState state, List<String> waitingZh) {
    public PartStatus {
      waitingZh = List.copyOf(waitingZh);
    }

    /** Whether the deadline has passed without the part being done. */
    public boolean late() {
      return state == PartState.OVERDUE;
    }
  }

  /**
   * The state: 已完成 when done; 已逾期 when not done and {@code today} is after the deadline; else 进行中
   * or 未开始.
   */
  public static PartState state(Progress p, LocalDate deadline, LocalDate today) {
    if (p.done()) {
      return PartState.DONE;
    }
    if (deadline != null && today.isAfter(deadline)) {
      return PartState.OVERDUE;
    }
    return p.started() ? PartState.IN_PROGRESS : PartState.NOT_STARTED;
  }

  /**
   * The timeline: every part in order with its state. The residents' committee part also waits on
   * the party organisation while that is not done ({@code COMMUNITY.TERM.PARTY_FIRST}).
   */
  public static List<PartStatus> timeline(
      Map<TermPart, Progress> progress, Map<TermPart, LocalDate> deadlines, LocalDate today) {
    List<PartStatus> out = new ArrayList<>();
    Progress party = progress.getOrDefault(TermPart.PARTY, Progress.notStarted(""));
    for (TermPart part : TermPart.values()) {
      Progress p = progress.getOrDefault(part, Progress.notStarted("尚未开始"));
      List<String> waiting = new ArrayList<>();
      if (part == TermPart.RESIDENTS && !party.done() && !p.done()) {
        waiting.add("等待党组织换届完成");
      }
      waiting.addAll(p.waitingZh());
      LocalDate d = deadlines.get(part);
      PartState s = state(p, d, today);
      if (s == PartState.OVERDUE) {
        waiting.add("已超过方案规定的完成时限" + d);
      }
      out.add(new PartStatus(part, d, s, waiting));
    }
    return out;
  }

  /**
   * Checks the division of posts of the elected party committee (社区党组织委员会分工): errors when there is
   * not exactly one 书记 or not exactly one 专职副书记; warnings when the committee is not 5 or no member
   * is to stand for 居民委员会副主任.
   *
   * @param seats one seat per member with the post assigned
   * @param deputyDirectorNominees the person ids of members who will stand for 居民委员会副主任
   */
  public static Findings checkParty(
      List<TwoCommittees.PartySeat> seats, Set<String> deputyDirectorNominees) {
    List<Finding> out = new ArrayList<>();
    Map<PartyPost, List<String>> by = new EnumMap<>(PartyPost.class);
    for (TwoCommittees.PartySeat s : seats) {
      by.computeIfAbsent(s.post(), k -> new ArrayList<>()).add(s.name());
    }
    List<String> sec = by.getOrDefault(PartyPost.SECRETARY, List.of());
    if (sec.size() != 1) {
      out.add(
          Finding.of(
              CommunityRule.PARTY_SECRETARY,
              "posts",
              sec.isEmpty()
                  ? "社区党组织委员会尚未确定书记"
                  : "社区党组织委员会有" + sec.size() + "名书记（" + String.join("、", sec) + "），只能有1名"));
    }
    List<String> ft = by.getOrDefault(PartyPost.FULL_TIME_DEPUTY_SECRETARY, List.of());
    if (ft.size() != 1) {
      out.add(
          Finding.of(
              CommunityRule.PARTY_FULL_TIME_DEPUTY,
              "posts",
              ft.isEmpty()
                  ? "社区党组织委员会分工中没有专职副书记，方案规定含专职副书记1名"
                  : "社区党组织委员会分工中有" + ft.size() + "名专职副书记（" + String.join("、", ft) + "），方案规定1名"));
    }
    if (seats.size() != SEED_002_PARTY_SIZE) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("members", seats.size());
      facts.put("planned", SEED_002_PARTY_SIZE);
      out.add(
          new Finding(
              CommunityRule.PARTY_COMMITTEE_SIZE,
              List.of("posts"),
              facts,
              "社区党组织委员会现有" + seats.size() + "人，方案规定5人"));
    }
    long nominees =
        seats.stream().filter(s -> deputyDirectorNominees.contains(s.personId())).count();
    if (nominees == 0) {
      out.add(
          Finding.of(CommunityRule.PARTY_DEPUTY_DIRECTOR, "deputyDirector", "尚未确定拟任居民委员会副主任的委员"));
    }
    return Findings.of(out);
  }
}
