package xuanju.server.voting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consistency of the ballot entries with their records (录入计数核对), for the start-up self-check:
 * counter = number of records = highest position. A counter that disagrees while the records are
 * complete is corrected on unfinished entries (the records are what count; the counter only shows
 * progress); a gap, or a finished entry that disagrees, is reported.
 */
@Component
public class EntryConsistency {
  /** What was corrected and what needs a person, each as one Chinese line per entry. */
  public record Result(List<String> corrected, List<String> problems) {}

  private final VotingRepository repo;

  EntryConsistency(VotingRepository repo) {
    this.repo = repo;
  }

  @Transactional
  public Result check() {
    return check(true);
  }

  /**
   * The check; with {@code repair} false (a clean start, the periodic check) a counter that
   * disagrees is reported instead of corrected: only a crash explains it.
   */
  @Transactional
  public Result check(boolean repair) {
    List<String> corrected = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (VotingRepository.EntryCount e : repo.entryCounts()) {
      String where =
          "选举" + e.electionId() + "第" + e.round() + "轮第" + e.stack() + "叠录入（编号" + e.entryId() + "）";
      if (e.records() != e.highest()) {
        problems.add(where + "选票序号不连续：" + e.records() + "张，最大序号" + e.highest());
      } else if (e.counter() != e.records()) {
        if (e.finished() || !repair) {
          problems.add(
              where
                  + (e.finished() ? "已完成录入，但" : "")
                  + "计数为"
                  + e.counter()
                  + "、选票记录为"
                  + e.records()
                  + "张");
        } else {
          repo.setCounter(e.entryId(), e.records());
          corrected.add(where + "计数" + e.counter() + "→" + e.records());
        }
      }
    }
    return new Result(List.copyOf(corrected), List.copyOf(problems));
  }
}
