package xuanju.server.delegates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import xuanju.core.quota.QuotaSets;
import xuanju.core.rule.Finding;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.slate.Nominee;
import xuanju.core.slate.SlateRequest;
import xuanju.core.slate.SlateResult;
import xuanju.core.slate.Slates;

/**
 * The proposal of the 预备人选 (预备人选建议名单) by core's slate solver: {@code size} people from the 初步人选
 * still on the list, every name the officer locked among them, every requirement of {@code
 * PARTY_CONGRESS_DELEGATES} met, the most recommendation votes in total; or why no such list
 * exists, with the numbers. Pure: no database, no Spring.
 */
public final class PreparatoryProposal {
  private PreparatoryProposal() {}

  /** The time limit of one search on the page. */
  static final long TIME_LIMIT_MILLIS = 3_000;

  /**
   * The outcome as the page shows it.
   *
   * @param statusZh what the solver concluded
   * @param chosen the proposed people in 姓氏笔画 order; empty without a list
   * @param reasons why there is no list, with the numbers (empty with a list)
   */
  public record Result(
      boolean found,
      String statusZh,
      List<StageMember> chosen,
      long support,
      List<String> reasons) {
    /** The proposed people's ids (to tick them in the decision form). */
    public Set<Long> ids() {
      Set<Long> s = new LinkedHashSet<>();
      chosen.forEach(m -> s.add(m.recommendeeId()));
      return s;
    }
  }

  static Result propose(List<StageMember> pool, int size, LocalDate electionDay) {
    List<Nominee> nominees = new ArrayList<>();
    Set<String> locked = new LinkedHashSet<>();
    for (StageMember m : pool) {
      String id = "m" + m.recommendeeId();
      nominees.add(new Nominee(m.person().person(id), m.person().supportVotes()));
      if (m.locked()) {
        locked.add(id);
      }
    }
    if (nominees.isEmpty()) {
      return new Result(false, "初步人选名单为空，无法提出建议名单", List.of(), 0, List.of());
    }
    SlateResult r;
    try {
      r =
          Slates.propose(
              new SlateRequest(
                  nominees,
                  size,
                  QuotaSets.PARTY_CONGRESS_DELEGATES.requirements(),
                  electionDay,
                  locked),
              TIME_LIMIT_MILLIS);
    } catch (InvalidInputException e) {
      return new Result(false, "无法提出建议名单：" + e.getMessage(), List.of(), 0, List.of());
    }
    if (!r.hasSlate()) {
      List<String> reasons = r.findings().errors().stream().map(Finding::messageZh).toList();
      return new Result(false, r.status().labelZh(), List.of(), 0, reasons);
    }
    Set<String> ids = new LinkedHashSet<>();
    r.slate().forEach(n -> ids.add(n.id()));
    List<StageMember> chosen =
        new ArrayList<>(pool.stream().filter(m -> ids.contains("m" + m.recommendeeId())).toList());
    chosen.sort(Comparator.comparing(StageMember::name, DelegateService.STROKES));
    return new Result(true, r.status().labelZh(), List.copyOf(chosen), r.totalSupport(), List.of());
  }
}
