package xuanju.server.congress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.outcome.RoundKind;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;

/**
 * A station's tally sheet (计票单) for one vote, entered as the sheet's aggregate numbers by two
 * clerks independently (双人录入): 有效票, 无效票, per candidate 赞成 and 反对 (弃权 follows from the valid
 * ballots), and the votes for write-in names. The sheet counts only when both entries say the same;
 * until then each clerk may correct his or her own entry. The numbers must agree with the box's
 * returned ballots. Nothing records who voted how.
 */
@Service
public class TallySheets {
  private final PollingRepository repo;
  private final ContestVoteService votes;
  private final PollingService polling;
  private final AuditLog audit;
  private final Clock clock;

  TallySheets(
      PollingRepository repo,
      ContestVoteService votes,
      PollingService polling,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.votes = votes;
    this.polling = polling;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the second entry showed against the first: agreed, or the fields that differ. */
  public record EntryResult(int entryNo, boolean confirmed, List<String> differences) {}

  /**
   * Enters a station's tally sheet (COUNT): the first entry, or the second by another clerk; a
   * clerk who already entered replaces his or her own entry while the sheet is not confirmed.
   *
   * @param yes 赞成 per candidate in ballot order
   * @param no 反对 per candidate in ballot order
   * @param writeIns lines {@code 姓名 票数} (另选他人)
   */
  @Transactional
  public EntryResult enter(
      long electionId,
      long roundId,
      long stationId,
      Integer valid,
      Integer invalid,
      List<Integer> yes,
      List<Integer> no,
      String writeIns) {
    polling.election(electionId, Permission.COUNT);
    CongressRound r = votes.openRound(electionId, roundId);
    PollingRepository.Station s = votes.stationOf(electionId, r, stationId);
    PollingRepository.BoxCount box = repo.boxCounts(roundId).get(stationId);
    if (box == null) {
      throw new IllegalStateException(
          PollingRule.DIFFERENCE_EXPLAINED.refuse(s.name() + "尚未核对发出和收回的选票数，不能录入计票单"));
    }
    int n = r.candidateIds().size();
    if (valid == null || invalid == null || valid < 0 || invalid < 0) {
      throw new InvalidInputException("valid", s.name() + "：有效票和无效票数应为不小于0的整数");
    }
    if (valid + invalid != box.returned()) {
      throw new InvalidInputException(
          "valid",
          PollingRule.SHEET_BALLOTS.refuse(
              s.name()
                  + "有效票"
                  + valid
                  + "张、无效票"
                  + invalid
                  + "张，合计"
                  + (valid + invalid)
                  + "张，而收回选票"
                  + box.returned()
                  + "张"));
    }
    if (yes == null || no == null || yes.size() != n || no.size() != n) {
      throw new InvalidInputException("yes", s.name() + "：请填写每位候选人的赞成票和反对票");
    }
    var names = repo.nomineeNames(r.candidateIds());
    StringBuilder counts = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Integer y = yes.get(i);
      Integer o = no.get(i);
      String who = names.get(r.candidateIds().get(i));
      if (y == null || o == null || y < 0 || o < 0) {
        throw new InvalidInputException("yes", who + "的赞成票和反对票应为不小于0的整数");
      }
      if (y + o > valid) {
        throw new InvalidInputException(
            "yes", who + "的赞成票" + y + "与反对票" + o + "之和" + (y + o) + "超过有效票数" + valid + "（其余为弃权）");
      }
      counts.append(i == 0 ? "" : ";").append(y).append('/').append(o);
    }
    Map<String, Long> w = parseWriteIns(writeIns, valid);
    if (r.kind() == RoundKind.TIE_REVOTE && !w.isEmpty()) {
      throw new InvalidInputException("writeIns", "再次投票只在票数相等的候选人中进行，不能另选他人");
    }
    long marks = w.values().stream().mapToLong(Long::longValue).sum();
    for (Integer y : yes) {
      marks += y;
    }
    if (marks > (long) valid * r.seats()) {
      throw new InvalidInputException(
          "yes",
          "赞成票与另选他人票合计"
              + marks
              + "票，超过有效票数"
              + valid
              + "乘以应选名额"
              + r.seats()
              + "（每张有效选票所选人数不多于应选名额）");
    }
    String clerk = AccessService.currentUser();
    votes.lockOpen(roundId);
    List<PollingRepository.SheetEntry> entries =
        repo.sheetEntries(roundId).getOrDefault(stationId, List.of());
    if (confirmed(entries)) {
      throw new IllegalStateException(s.name() + "的计票单已经两次录入一致并确认，不能再修改");
    }
    int entryNo;
    PollingRepository.SheetEntry first =
        entries.stream().filter(e -> e.entryNo() == 1).findFirst().orElse(null);
    PollingRepository.SheetEntry second =
        entries.stream().filter(e -> e.entryNo() == 2).findFirst().orElse(null);
    if (first == null || first.clerk().equals(clerk)) {
      entryNo = 1;
    } else if (second == null || second.clerk().equals(clerk)) {
      entryNo = 2;
    } else {
      throw new IllegalStateException(
          PollingRule.DOUBLE_ENTRY.refuse(s.name() + "的计票单已由两名计票人录入，请由其中一人更正自己的录入"));
    }
    String wText =
        String.join(";", w.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList());
    PollingRepository.SheetEntry mine =
        new PollingRepository.SheetEntry(
            stationId, entryNo, clerk, valid, invalid, counts.toString(), wText);
    repo.saveEntry(roundId, mine);
    PollingRepository.SheetEntry other = entryNo == 1 ? second : first;
    List<String> diff = other == null ? List.of() : differences(mine, other, names, r);
    boolean ok = other != null && diff.isEmpty();
    audit.append(
        clerk,
        "TALLY_SHEET_ENTERED",
        "station:" + stationId,
        s.name()
            + "（"
            + r.level().labelZh()
            + r.kindZh()
            + "）计票单第"
            + entryNo
            + "次录入"
            + (other == null ? "" : ok ? "，与另一次录入一致，已确认" : "，与另一次录入不一致：" + String.join("；", diff)));
    return new EntryResult(entryNo, ok, diff);
  }

  /** Whether a station's entries are two and agree. */
  static boolean confirmed(List<PollingRepository.SheetEntry> entries) {
    if (entries == null || entries.size() < 2) {
      return false;
    }
    return entries.get(0).sameAs(entries.get(1));
  }

  private static List<String> differences(
      PollingRepository.SheetEntry a,
      PollingRepository.SheetEntry b,
      Map<Long, String> names,
      CongressRound r) {
    List<String> out = new ArrayList<>();
    if (a.valid() != b.valid()) {
      out.add("有效票（" + a.valid() + " / " + b.valid() + "）");
    }
    if (a.invalid() != b.invalid()) {
      out.add("无效票（" + a.invalid() + " / " + b.invalid() + "）");
    }
    String[] x = a.counts().split(";");
    String[] y = b.counts().split(";");
    for (int i = 0; i < x.length && i < y.length; i++) {
      if (!x[i].equals(y[i])) {
        out.add(names.get(r.candidateIds().get(i)) + "的赞成/反对（" + x[i] + " / " + y[i] + "）");
      }
    }
    if (!a.writeIns().equals(b.writeIns())) {
      out.add("另选他人（" + a.writeIns() + " / " + b.writeIns() + "）");
    }
    return out;
  }

  private static final Pattern LINE = Pattern.compile("[\\n;；]+");

  /** Lines {@code 姓名 票数} (or {@code 姓名=票数}); a name twice is refused. */
  static Map<String, Long> parseWriteIns(String text, int valid) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    int line = 0;
    for (String raw : LINE.split(text.strip())) {
      line++;
      String l = raw.strip();
      if (l.isEmpty()) {
        continue;
      }
      String[] parts = l.split("[\\s=：:，,]+");
      if (parts.length != 2
          || !parts[1].chars().allMatch(Character::isDigit)
          || parts[1].length() > 7) {
        throw new InvalidInputException("writeIns", "另选他人第" + line + "行应为“姓名 票数”，实为“" + l + "”");
      }
      long v = Long.parseLong(parts[1]);
      if (v > valid) {
        throw new InvalidInputException(
            "writeIns", "另选他人" + parts[0] + "得" + v + "票，超过有效票数" + valid);
      }
      if (out.put(parts[0], v) != null) {
        throw new InvalidInputException("writeIns", "另选他人" + parts[0] + "重复填写");
      }
    }
    return out;
  }

  /** The confirmed sheets of a vote added up. */
  record Sum(long valid, long invalid, long[] yes, long[] no, Map<String, Long> writeIns) {}

  static Sum sum(
      int candidates,
      List<PollingRepository.Station> stations,
      Map<Long, List<PollingRepository.SheetEntry>> sheets) {
    long valid = 0;
    long invalid = 0;
    long[] yes = new long[candidates];
    long[] no = new long[candidates];
    Map<String, Long> w = new LinkedHashMap<>();
    for (PollingRepository.Station s : stations) {
      PollingRepository.SheetEntry e = sheets.get(s.id()).get(0);
      valid += e.valid();
      invalid += e.invalid();
      String[] c = e.counts().split(";");
      for (int i = 0; i < candidates; i++) {
        String[] yn = c[i].split("/");
        yes[i] += Long.parseLong(yn[0]);
        no[i] += Long.parseLong(yn[1]);
      }
      if (!e.writeIns().isEmpty()) {
        for (String p : e.writeIns().split(";")) {
          String[] kv = p.split("=");
          w.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
        }
      }
    }
    return new Sum(valid, invalid, yes, no, w);
  }
}
