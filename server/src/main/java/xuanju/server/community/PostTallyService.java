package xuanju.server.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionMethods;
import xuanju.core.outcome.RoundKind;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The aggregate tally sheet of one box for one post (分职位计票单), entered by two clerks ({@code
 * RESIDENTS.COUNT.DOUBLE_ENTRY}): the valid and invalid ballots for that post (together the box's
 * returned ballots), the votes of each printed candidate (at most the valid ballots) and the
 * write-ins by name; all the marks at most the valid ballots times the seats. The first clerk's is
 * entry 1, another clerk's entry 2; it counts once both agree, and until then either clerk corrects
 * their own. It holds only the box's totals.
 */
@Service
public class PostTallyService {
  private static final Pattern WRITE_IN = Pattern.compile("^(\\S+?)\\s*[=＝:：\\s]\\s*(\\d{1,7})$");

  private final CommunityContext ctx;
  private final CommunityVotingRepository repo;
  private final ElectionMethodService methods;

  PostTallyService(
      CommunityContext ctx, CommunityVotingRepository repo, ElectionMethodService methods) {
    this.ctx = ctx;
    this.repo = repo;
    this.methods = methods;
  }

  /** What an entry showed against the other clerk's: confirmed, or the fields that differ. */
  public record EntryResult(int entryNo, boolean confirmed, List<String> differences) {
    public String messageZh(String box, String post) {
      String sheet = box + post + "计票单";
      if (confirmed) {
        return sheet + "第" + entryNo + "次录入与另一次一致，已确认";
      }
      return differences.isEmpty()
          ? "已保存" + sheet + "第" + entryNo + "次录入，待另一名计票人录入核对"
          : sheet + "两次录入不一致：" + String.join("；", differences) + "。请核对原始计票单后由录错的计票人更正";
    }
  }

  @Transactional
  public EntryResult record(
      long electionId,
      long voteId,
      long stationId,
      String post,
      Integer valid,
      Integer invalid,
      List<Integer> counts,
      String writeIns) {
    Election e = ctx.election(electionId, Permission.COUNT);
    CommunityVote v = BoxCountService.openVote(repo, electionId, voteId);
    CommunityVote.Box box = BoxCountService.box(repo, electionId, stationId);
    CommunityVote.PostRound r =
        v.rounds().stream()
            .filter(x -> x.post().name().equals(post))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("post", "职位：这次投票的选票上没有这个职位"));
    String label = box.name() + r.post().labelZh() + "计票单：";
    if (!repo.lockOpen(voteId)) {
      throw new IllegalStateException("这次投票的结果已经确定，不能再修改");
    }
    CommunityVote.BoxCount b = repo.boxCounts(voteId).get(stationId);
    if (b == null) {
      throw new IllegalStateException(label + "请先登记本票箱发出和收回的选票数");
    }
    if (valid == null || invalid == null || valid < 0 || invalid < 0) {
      throw new InvalidInputException("valid", label + "有效票和无效票应为不小于0的整数");
    }
    if (valid + invalid != b.returned()) {
      throw new InvalidInputException(
          "valid",
          label + "有效票" + valid + "张、无效票" + invalid + "张，合计应等于本票箱收回的选票" + b.returned() + "张");
    }
    List<Integer> c = counts == null ? List.of() : counts;
    if (c.size() != r.candidates().size() || c.stream().anyMatch(x -> x == null || x < 0)) {
      throw new InvalidInputException("counts", label + "请为每一名候选人填写得票数（不小于0的整数）");
    }
    Map<String, String> names = CommunityBallotService.names(ctx, electionId);
    long marks = 0;
    for (int i = 0; i < c.size(); i++) {
      if (c.get(i) > valid) {
        throw new InvalidInputException(
            "counts",
            label
                + CommunityBallotService.nameOf(r.candidates().get(i), names)
                + "得票"
                + c.get(i)
                + "张，多于有效票"
                + valid
                + "张");
      }
      marks += c.get(i);
    }
    Map<String, Long> w = writeIns(label, writeIns);
    if (!w.isEmpty()) {
      boolean allowed =
          methods.adoptedSettings(e).map(ElectionMethods.Settings::writeIns).orElse(true);
      if (!allowed || r.kind() == RoundKind.TIE_REVOTE) {
        throw new InvalidInputException(
            "writeIns", label + (allowed ? "再次投票只在票数相等的候选人中进行，不能另选他人" : "本次选举办法规定不设另选他人栏"));
      }
    }
    for (Map.Entry<String, Long> x : w.entrySet()) {
      if (x.getValue() > valid) {
        throw new InvalidInputException(
            "writeIns",
            label + "另选他人" + x.getKey() + "得票" + x.getValue() + "张，多于有效票" + valid + "张");
      }
      marks += x.getValue();
    }
    if (marks > (long) valid * r.seats()) {
      throw new InvalidInputException(
          "counts", label + "所有人得票合计" + marks + "票，多于有效票" + valid + "张乘以应选名额" + r.seats() + "名");
    }
    String clerk = AccessService.currentUser();
    List<CommunityVote.PostSheet> entries =
        repo.entries(voteId).getOrDefault(stationId, Map.of()).getOrDefault(r.post(), List.of());
    if (CommunityVotingRepository.confirmed(entries)) {
      throw new IllegalStateException(label + "已经两次录入一致并确认，不能再修改");
    }
    CommunityVote.PostSheet first =
        entries.stream().filter(x -> x.entryNo() == 1).findFirst().orElse(null);
    CommunityVote.PostSheet second =
        entries.stream().filter(x -> x.entryNo() == 2).findFirst().orElse(null);
    int entryNo;
    if (first == null || first.clerk().equals(clerk)) {
      entryNo = 1;
    } else if (second == null || second.clerk().equals(clerk)) {
      entryNo = 2;
    } else {
      throw new IllegalStateException(
          label
              + "已由两名计票人录入，请由其中一人更正自己的录入"
              + CommunityContext.basis(CommunityRule.COUNT_DOUBLE_ENTRY));
    }
    CommunityVote.PostSheet mine =
        new CommunityVote.PostSheet(
            stationId,
            r.post(),
            clerk,
            valid,
            invalid,
            c.stream().map(Integer::longValue).toList(),
            w,
            entryNo);
    repo.saveSheet(voteId, mine);
    CommunityVote.PostSheet other = entryNo == 1 ? second : first;
    List<String> diff = other == null ? List.of() : differences(mine, other, r, names);
    boolean ok = other != null && diff.isEmpty();
    ctx.audit(
        "COMMUNITY_SHEET_ENTERED",
        e,
        box.name()
            + v.titleZh()
            + r.post().labelZh()
            + "计票单第"
            + entryNo
            + "次录入：有效票"
            + valid
            + "张，无效票"
            + invalid
            + "张"
            + (other == null ? "" : ok ? "，与另一次录入一致，已确认" : "，与另一次录入不一致：" + String.join("；", diff)));
    return new EntryResult(entryNo, ok, diff);
  }

  private static List<String> differences(
      CommunityVote.PostSheet a,
      CommunityVote.PostSheet b,
      CommunityVote.PostRound r,
      Map<String, String> names) {
    List<String> out = new ArrayList<>();
    if (a.valid() != b.valid()) {
      out.add("有效票（" + a.valid() + " / " + b.valid() + "）");
    }
    if (a.invalid() != b.invalid()) {
      out.add("无效票（" + a.invalid() + " / " + b.invalid() + "）");
    }
    for (int i = 0; i < a.counts().size() && i < b.counts().size(); i++) {
      if (!a.counts().get(i).equals(b.counts().get(i))) {
        out.add(
            CommunityBallotService.nameOf(r.candidates().get(i), names)
                + "（"
                + a.counts().get(i)
                + " / "
                + b.counts().get(i)
                + "）");
      }
    }
    if (!a.writeIns().equals(b.writeIns())) {
      out.add("另选他人（" + text(a.writeIns()) + " / " + text(b.writeIns()) + "）");
    }
    return out;
  }

  private static String text(Map<String, Long> w) {
    return w.isEmpty()
        ? "无"
        : String.join("、", w.entrySet().stream().map(x -> x.getKey() + x.getValue()).toList());
  }

  /** {@code 张三 5} or {@code 张三=5}, one per line (or separated by ；/;). */
  static Map<String, Long> writeIns(String label, String text) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    List<String> bad = new ArrayList<>();
    for (String line : text.split("[\\n;；]")) {
      String s = line.strip();
      if (s.isEmpty()) {
        continue;
      }
      Matcher m = WRITE_IN.matcher(s);
      if (!m.matches() || m.group(1).contains(",") || m.group(1).contains("=")) {
        bad.add(s);
        continue;
      }
      out.merge(m.group(1), Long.valueOf(m.group(2)), Long::sum);
    }
    if (!bad.isEmpty()) {
      throw new InvalidInputException(
          "writeIns", label + "另选他人应写成“姓名 票数”，每行一人，无法识别：" + String.join("、", bad));
    }
    return out;
  }
}
