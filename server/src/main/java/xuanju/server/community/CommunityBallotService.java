package xuanju.server.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionMethods;
import xuanju.core.outcome.RoundKind;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;

/**
 * Opens the first vote of a residents' committee election (one ballot with the posts 主任, 副主任, 委员
 * from the published formal list, in 姓氏笔画 order) with its turnout base fixed under the adopted
 * 选举办法's electorate ({@link ElectorService#opening}), shows the election day, and prints the
 * ballot.
 */
@Service
public class CommunityBallotService {
  static final String WRITE_IN = "另选:";

  private final CommunityContext ctx;
  private final CommunityVotingRepository repo;
  private final ElectionMethodService methods;
  private final FormalCandidatesService formal;
  private final ElectorService electors;

  CommunityBallotService(
      CommunityContext ctx,
      CommunityVotingRepository repo,
      ElectionMethodService methods,
      FormalCandidatesService formal,
      ElectorService electors) {
    this.ctx = ctx;
    this.repo = repo;
    this.methods = methods;
    this.formal = formal;
    this.electors = electors;
  }

  /** The election day: votes so far, the boxes, and the current vote's counts and sheets. */
  public record Day(
      Election election,
      Optional<ElectionMethods.Settings> method,
      boolean listPublished,
      List<CommunityVote> votes,
      List<CommunityVote.Box> boxes,
      Map<Long, CommunityVote.BoxCount> boxCounts,
      Map<Long, Map<CommitteePost, CommunityVote.PostSheet>> sheets,
      Map<Long, Map<CommitteePost, List<CommunityVote.PostSheet>>> entries,
      Map<String, String> names) {
    public Optional<CommunityVote> current() {
      return votes.isEmpty() ? Optional.empty() : Optional.of(votes.get(votes.size() - 1));
    }

    public String name(String key) {
      return nameOf(key, names);
    }

    /** The printed names of a post on the current ballot. */
    public List<String> ballotNames(CommunityVote.PostRound r) {
      return r.candidates().stream().map(this::name).toList();
    }

    /** Everyone elected so far, per post, by name. */
    public Map<CommitteePost, List<String>> elected() {
      Map<CommitteePost, List<String>> out = new java.util.EnumMap<>(CommitteePost.class);
      for (CommunityVote v : votes) {
        for (CommunityVote.PostRound r : v.rounds()) {
          r.elected()
              .forEach(x -> out.computeIfAbsent(r.post(), k -> new ArrayList<>()).add(name(x)));
        }
      }
      return out;
    }

    /** The confirmed sheet (both entries agree), or null. */
    public CommunityVote.PostSheet sheet(long stationId, CommitteePost p) {
      return sheets.getOrDefault(stationId, Map.of()).get(p);
    }

    /** The entries so far of a box's sheet for a post. */
    public List<CommunityVote.PostSheet> entries(long stationId, CommitteePost p) {
      return entries.getOrDefault(stationId, Map.of()).getOrDefault(p, List.of());
    }

    /** Whether any sheet of the box has been entered (its ballot counts are then fixed). */
    public boolean anyEntry(long stationId) {
      return entries.containsKey(stationId);
    }

    /** The state of a box's sheet for a post in words. */
    public String sheetStateZh(long stationId, CommitteePost p) {
      CommunityVote.PostSheet s = sheet(stationId, p);
      if (s != null) {
        return "已确认（有效票" + s.valid() + "张，无效票" + s.invalid() + "张）";
      }
      List<CommunityVote.PostSheet> e = entries(stationId, p);
      return switch (e.size()) {
        case 0 -> "未录入";
        case 1 -> "已录入第" + e.get(0).entryNo() + "次，待另一名计票人录入核对";
        default -> "两次录入不一致，请核对原始计票单后更正";
      };
    }
  }

  static String nameOf(String key, Map<String, String> names) {
    return key.startsWith(WRITE_IN)
        ? key.substring(WRITE_IN.length())
        : names.getOrDefault(key, key);
  }

  @Transactional(readOnly = true)
  public Day day(long electionId) {
    Election e = ctx.election(electionId, Permission.VIEW);
    List<CommunityVote> votes = repo.votes(electionId);
    CommunityVote cur = votes.isEmpty() ? null : votes.get(votes.size() - 1);
    return new Day(
        e,
        methods.adoptedSettings(e),
        ctx.applications.published(electionId).isPresent(),
        votes,
        repo.boxes(electionId),
        cur == null ? Map.of() : repo.boxCounts(cur.id()),
        cur == null ? Map.of() : repo.sheets(cur.id()),
        cur == null ? Map.of() : repo.entries(cur.id()),
        names(electionId));
  }

  /** Application id → name, for every applicant of the election. */
  Map<String, String> names(long electionId) {
    return names(ctx, electionId);
  }

  static Map<String, String> names(CommunityContext ctx, long electionId) {
    Map<String, String> out = new LinkedHashMap<>();
    ctx.applications
        .applications(electionId)
        .forEach(a -> out.put(String.valueOf(a.id()), a.name()));
    return out;
  }

  /**
   * Opens the first vote (MANAGE): one round per post with the published formal candidates in 姓氏笔画
   * order; the turnout base is fixed now under the adopted 选举办法's electorate.
   */
  @Transactional
  public long openFirst(long electionId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    ElectionMethods.Settings m =
        methods
            .adoptedSettings(e)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "选举办法尚未经居民代表会议通过，不能开始投票："
                            + CommunityRule.METHOD_ADOPTED.messageZh()
                            + "（"
                            + CommunityRule.METHOD_ADOPTED.citation().display()
                            + "）"));
    if (ctx.applications.published(electionId).isEmpty()) {
      throw new IllegalStateException("居民委员会成员正式候选人名单尚未公布，不能开始投票");
    }
    if (!repo.votes(electionId).isEmpty()) {
      throw new IllegalStateException("本次选举的投票已经开始");
    }
    ElectorService.Base base = electors.opening(e, m.mode());
    String user = AccessService.currentUser();
    long id =
        repo.openVote(
            electionId, 1, m.mode(), base.count(), base.noteZh(), user, ctx.clock.instant());
    StringBuilder posts = new StringBuilder();
    for (FormalCandidatesService.PostList p : formal.formalList(electionId).posts()) {
      List<String> ids =
          p.candidates().stream().map(c -> String.valueOf(c.applicationId())).toList();
      repo.addRound(id, p.post(), RoundKind.FIRST, 0, p.seats(), ids);
      posts
          .append(p.post().labelZh())
          .append("应选")
          .append(p.seats())
          .append("名、候选人")
          .append(ids.size())
          .append("名；");
    }
    ctx.audit(
        "COMMUNITY_VOTE_OPENED",
        e,
        "开始第一次投票（"
            + m.mode().labelZh()
            + "）："
            + posts
            + "参加投票人数的计算基数"
            + base.count()
            + (base.noteZh().isEmpty() ? "" : "（" + base.noteZh() + "）"));
    return id;
  }

  /** The ballot of the current vote (PDF): the posts in order, names in 姓氏笔画, write-in lines. */
  @Transactional(readOnly = true)
  public DocumentContent ballot(long electionId) {
    Day d = day(electionId);
    CommunityVote v = d.current().orElseThrow(() -> new IllegalStateException("本次选举尚未开始投票"));
    boolean writeIns = d.method().map(ElectionMethods.Settings::writeIns).orElse(true);
    var b = DocumentContent.builder(d.election().organisationName() + "居民委员会成员选举选票");
    b.subtitle(v.titleZh());
    b.paragraph(
        "写票说明：同意的候选人在其姓名右侧的方格内画○，不同意的不画任何符号"
            + (writeIns ? "；另选他人的，在该职位的另选他人栏内写上其姓名并在右侧画○" : "")
            + "。每一职位所选人数等于或者少于应选名额的，该职位有效；多于应选名额的，该职位作废。");
    for (CommunityVote.PostRound r : v.rounds()) {
      b.heading(r.labelZh());
      List<List<String>> rows = new ArrayList<>();
      for (String n : d.ballotNames(r)) {
        rows.add(List.of(n, ""));
      }
      if (writeIns && r.kind() != RoundKind.TIE_REVOTE) {
        for (int i = 0; i < r.seats(); i++) {
          rows.add(List.of("另选他人：＿＿＿＿＿＿", ""));
        }
      }
      b.table(List.of("姓名（按姓氏笔画为序）", "画○"), rows);
    }
    b.signature(d.election().organisationName() + "居民选举委员会（盖章）", "");
    return b.build();
  }
}
