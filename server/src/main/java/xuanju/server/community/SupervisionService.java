package xuanju.server.community;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.ChosenBy;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionMethods;
import xuanju.core.community.PartyPost;
import xuanju.core.community.Relation;
import xuanju.core.community.Relatives;
import xuanju.core.community.Role;
import xuanju.core.community.SupervisionCommittee;
import xuanju.core.community.SupervisionCommittees;
import xuanju.core.names.NameOrder;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * The residents' supervision committee (居务监督委员会, seed 002 四（二）3（1）): the meeting that chooses it
 * (居民代表会议 with two thirds of its members present, or 居民会议 with over half), the nominees with the
 * votes in favour, the three elected (over half of those present, most votes first) and the chair
 * (主任). A member of the residents' committee (the elected of election day) or a close relative of
 * one is refused as a nominee, nothing stored. The chair rule (纪委书记/纪检委员, a warning) reads the
 * members' party posts from the 换届's recorded 分工 ({@link TermPartyPosts}); a post typed on the
 * nominee is used where there is no term or it has no 分工.
 */
@Service
public class SupervisionService {
  private final CommunityContext ctx;
  private final CommunityResultsService results;
  private final JdbcTemplate jdbc;
  private final TermPartyPosts termPosts;

  SupervisionService(
      CommunityContext ctx,
      CommunityResultsService results,
      JdbcTemplate jdbc,
      TermPartyPosts termPosts) {
    this.ctx = ctx;
    this.results = results;
    this.jdbc = jdbc;
    this.termPosts = termPosts;
  }

  /** The meeting (推选会议). */
  public record Meeting(ChosenBy body, LocalDate heldOn, int required, int present) {
    public String summaryZh() {
      return heldOn
          + " "
          + (body == ChosenBy.RESIDENTS_MEETING ? "居民会议" : "居民代表会议")
          + "（应到"
          + required
          + "人，到会"
          + present
          + "人）";
    }
  }

  /** A nominee with the votes in favour; elected and chair as decided. */
  public record Nominee(
      long id,
      long personId,
      String name,
      int votes,
      PartyPost partyPost,
      boolean chair,
      boolean elected) {
    public String partyPostZh() {
      return partyPost == null ? "" : partyPost.labelZh();
    }
  }

  /**
   * A finding shown on the page: the Chinese words, the rule's source, the code for the tooltip.
   */
  public record Line(String messageZh, String sourceZh, String code, boolean error) {}

  public record View(
      Election election,
      Optional<Meeting> meeting,
      List<Nominee> nominees,
      List<Nominee> elected,
      List<Line> findings,
      Map<Long, String> residentsCommittee,
      boolean resultsComplete) {}

  @Transactional(readOnly = true)
  public View view(long electionId) {
    Election e = ctx.election(electionId, Permission.VIEW);
    var r = results.results(e);
    Optional<Meeting> m = meeting(electionId);
    List<Nominee> all = nominees(electionId, m.orElse(null));
    List<Nominee> elected = all.stream().filter(Nominee::elected).toList();
    List<Line> lines = new ArrayList<>();
    if (m.isPresent() && !all.isEmpty() && elected.size() < SupervisionCommittees.SIZE) {
      CommunityRule rule = CommunityRule.SUPERVISION_MAJORITY;
      lines.add(
          new Line(
              "获得到会人员（"
                  + m.get().present()
                  + "人）过半数同意的被推选人"
                  + elected.size()
                  + "名，少于应选的"
                  + SupervisionCommittees.SIZE
                  + "名，不足的名额须另行推选",
              rule.citation().display(),
              rule.code(),
              true));
    }
    if (m.isPresent() && !elected.isEmpty()) {
      Findings f = check(electionId, m.get(), elected, r.byPerson());
      for (Finding x : f.all()) {
        lines.add(
            new Line(
                x.messageZh(),
                x.rule().citation().display(),
                x.rule().code(),
                x.rule().severity() == xuanju.core.rule.Severity.ERROR));
      }
    }
    return new View(e, m, all, elected, lines, r.byPerson(), r.complete());
  }

  private Findings check(long electionId, Meeting m, List<Nominee> elected, Map<Long, String> rc) {
    Nominee chair = elected.stream().filter(Nominee::chair).findFirst().orElse(null);
    SupervisionCommittee sc =
        new SupervisionCommittee(
            elected.stream()
                .map(
                    n ->
                        new SupervisionCommittee.Member(
                            String.valueOf(n.personId()), n.name(), m.body()))
                .toList(),
            chair == null ? null : String.valueOf(chair.personId()));
    Map<String, String> rcs = new LinkedHashMap<>();
    rc.forEach((k, v) -> rcs.put(String.valueOf(k), v));
    Map<String, PartyPost> posts = new LinkedHashMap<>();
    Map<String, PartyPost> fromTerm = termPosts.byResidentId(electionId);
    for (Nominee n : elected) {
      PartyPost p = n.partyPost();
      if (p == null && !fromTerm.isEmpty()) {
        p = fromTerm.get(residentId(n.personId()));
      }
      if (p != null) {
        posts.put(String.valueOf(n.personId()), p);
      }
    }
    return SupervisionCommittees.check(sc, rcs, posts, kinships(electionId));
  }

  private String residentId(long personId) {
    return jdbc.queryForObject(
            "SELECT resident_id FROM person WHERE id = ?", String.class, personId)
        .toUpperCase(java.util.Locale.ROOT);
  }

  private List<Relation.Kinship> kinships(long electionId) {
    return ctx.committee.kinships(electionId).stream()
        .map(CommitteeRepository.Kinship::core)
        .toList();
  }

  /**
   * Records the meeting (MANAGE): a 居民代表会议 with fewer than two thirds present, or a 居民会议 without
   * over half, is refused with the numbers; nothing is stored then.
   */
  @Transactional
  public void recordMeeting(
      long electionId, String body, LocalDate heldOn, Integer required, Integer present) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    ChosenBy by = body(body);
    if (heldOn == null || heldOn.isAfter(ctx.today())) {
      throw new InvalidInputException("heldOn", "会议日期：不能为空，也不能晚于今天");
    }
    if (required == null || present == null || required < 1 || present < 0) {
      throw new InvalidInputException("required", "请填写应到人数（至少1人）和到会人数");
    }
    if (present > required) {
      throw new InvalidInputException("present", "到会人数" + present + "多于应到人数" + required + "人");
    }
    quorum(by, required, present);
    jdbc.update("DELETE FROM community_supervision_meeting WHERE election_id = ?", electionId);
    jdbc.update(
        "INSERT INTO community_supervision_meeting (election_id, body, held_on, required, present,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        electionId,
        by.name(),
        Date.valueOf(heldOn),
        required,
        present,
        AccessService.currentUser(),
        Timestamp.from(ctx.clock.instant()));
    ctx.audit(
        "COMMUNITY_SUPERVISION_MEETING",
        e,
        "居务监督委员会推选会议：" + new Meeting(by, heldOn, required, present).summaryZh());
  }

  private static ChosenBy body(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.equals(ChosenBy.RESIDENTS_MEETING.name())) {
      return ChosenBy.RESIDENTS_MEETING;
    }
    if (s.equals(ChosenBy.REPRESENTATIVES_MEETING.name())) {
      return ChosenBy.REPRESENTATIVES_MEETING;
    }
    throw new InvalidInputException(
        "body",
        "推选会议：只能是居民代表会议或居民会议。" + CommunityContext.basis(CommunityRule.SUPERVISION_CHOSEN_BY));
  }

  /** The quorum of the meeting: 居民代表会议 as for the 选举办法's adoption, 居民会议 over half. */
  static void quorum(ChosenBy by, int required, int present) {
    if (by == ChosenBy.REPRESENTATIVES_MEETING) {
      Findings f = ElectionMethods.adoption(required, present, present);
      if (!f.ok()) {
        throw new InvalidInputException(
            "present",
            f.errors().get(0).messageZh()
                + "。"
                + CommunityContext.basis(CommunityRule.METHOD_QUORUM));
      }
    } else if ((long) present * 2 <= required) {
      throw new InvalidInputException(
          "present",
          "居民会议应到"
              + required
              + "人，到会"
              + present
              + "人，未过半数。"
              + CommunityContext.basis(CommunityRule.RESIDENTS_MEETING_QUORUM));
    }
  }

  /**
   * Records a nominee with the votes in favour (MANAGE). Refused, nothing stored: no meeting yet; a
   * person not on the register; a member of the residents' committee; a close relative of one; more
   * votes than present.
   */
  @Transactional
  public void addNominee(long electionId, String residentId, Integer votes, String partyPost) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    Meeting m =
        meeting(electionId)
            .orElseThrow(() -> new IllegalStateException("请先登记推选居务监督委员会的会议（日期、应到和到会人数）"));
    CommitteeRepository.PersonRef p = ctx.registerPerson(e, residentId, "residentId", "被推选人");
    if (votes == null || votes < 0 || votes > m.present()) {
      throw new InvalidInputException("votes", "赞成票：应在0至到会人数" + m.present() + "之间");
    }
    PartyPost post = partyPost(partyPost);
    CommunityResultsService.Results elected = results.results(e);
    Map<Long, String> rc = elected.byPerson();
    if (rc.containsKey(p.id())) {
      throw new InvalidInputException(
          "residentId",
          p.name() + "是本届居民委员会成员，" + CommunityContext.basis(CommunityRule.SUPERVISION_RC_MEMBER));
    }
    if (elected.members().stream()
        .anyMatch(x -> x.personId() == null && x.name().equals(p.name()))) {
      throw new InvalidInputException(
          "residentId",
          p.name()
              + "与以另选他人方式当选的居民委员会成员同名，请先在“选举结果与归档”页登记该成员的身份，再推选"
              + CommunityContext.basis(CommunityRule.SUPERVISION_RC_MEMBER));
    }
    List<Relatives.Holder> holders = new ArrayList<>();
    holders.add(
        new Relatives.Holder(
            String.valueOf(p.id()), p.name(), java.util.Set.of(Role.SUPERVISION_COMMITTEE)));
    rc.forEach(
        (id, n) ->
            holders.add(
                new Relatives.Holder(
                    String.valueOf(id), n, java.util.Set.of(Role.RESIDENTS_COMMITTEE))));
    for (Relatives.Conflict c : Relatives.conflicts(holders, kinships(electionId))) {
      String me = String.valueOf(p.id());
      boolean mine = me.equals(c.personId()) || me.equals(c.relativeId());
      if (c.rule() == CommunityRule.SUPERVISION_RC_RELATIVE && mine) {
        throw new InvalidInputException(
            "residentId",
            c.messageZh() + "。" + CommunityContext.basis(CommunityRule.SUPERVISION_RC_RELATIVE));
      }
    }
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_supervision_nominee WHERE election_id = ? AND person_id = ?",
            Integer.class,
            electionId,
            p.id());
    if (n != null && n > 0) {
      throw new InvalidInputException("residentId", p.name() + "已登记为被推选人");
    }
    jdbc.update(
        "INSERT INTO community_supervision_nominee (election_id, person_id, votes_for, party_post)"
            + " VALUES (?, ?, ?, ?)",
        electionId,
        p.id(),
        votes,
        post == null ? null : post.name());
    ctx.audit(
        "COMMUNITY_SUPERVISION_NOMINEE",
        e,
        "居务监督委员会被推选人" + p.name() + "：赞成" + votes + "票（到会" + m.present() + "人）");
  }

  private static PartyPost partyPost(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return PartyPost.valueOf(raw.strip());
    } catch (IllegalArgumentException ex) {
      throw new InvalidInputException("partyPost", "党组织职务：请从列表中选择");
    }
  }

  /** Removes a nominee entered by mistake (MANAGE). */
  @Transactional
  public void removeNominee(long electionId, long nomineeId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    Nominee n =
        nominees(electionId, meeting(electionId).orElse(null)).stream()
            .filter(x -> x.id() == nomineeId)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("nomineeId", "本选举没有这名被推选人"));
    jdbc.update("DELETE FROM community_supervision_nominee WHERE id = ?", nomineeId);
    ctx.audit("COMMUNITY_SUPERVISION_REMOVED", e, "删除居务监督委员会被推选人" + n.name());
  }

  /** Makes an elected member the chair (主任, MANAGE); the chair rule is a warning on the page. */
  @Transactional
  public void chair(long electionId, long nomineeId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    Nominee n =
        nominees(electionId, meeting(electionId).orElse(null)).stream()
            .filter(x -> x.id() == nomineeId && x.elected())
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("nomineeId", "居务监督委员会主任须是当选的成员"));
    jdbc.update(
        "UPDATE community_supervision_nominee SET chair = FALSE WHERE election_id = ?", electionId);
    jdbc.update("UPDATE community_supervision_nominee SET chair = TRUE WHERE id = ?", nomineeId);
    ctx.audit(
        "COMMUNITY_SUPERVISION_CHAIR",
        e,
        "居务监督委员会主任：" + n.name() + (n.partyPost() == null ? "" : "（社区党组织" + n.partyPostZh() + "）"));
  }

  Optional<Meeting> meeting(long electionId) {
    return jdbc
        .query(
            "SELECT body, held_on, required, present FROM community_supervision_meeting WHERE election_id = ?",
            (rs, i) ->
                new Meeting(
                    ChosenBy.valueOf(rs.getString(1)),
                    rs.getObject(2, LocalDate.class),
                    rs.getInt(3),
                    rs.getInt(4)),
            electionId)
        .stream()
        .findFirst();
  }

  /**
   * The nominees, most votes first (then 姓氏笔画); elected: over half of those present, the first
   * {@link SupervisionCommittees#SIZE} (a tie at the last place elects nobody for it).
   */
  List<Nominee> nominees(long electionId, Meeting m) {
    NameOrder strokes = NameOrder.surnameStrokes();
    List<Nominee> raw =
        new ArrayList<>(
            jdbc.query(
                "SELECT n.id, n.person_id, p.name, n.votes_for, n.party_post, n.chair FROM"
                    + " community_supervision_nominee n JOIN person p ON p.id = n.person_id"
                    + " WHERE n.election_id = ?",
                (rs, i) ->
                    new Nominee(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5) == null ? null : PartyPost.valueOf(rs.getString(5)),
                        rs.getBoolean(6),
                        false),
                electionId));
    raw.sort(
        Comparator.comparingInt(Nominee::votes)
            .reversed()
            .thenComparing(n -> strokes.sortKey(n.name())));
    List<Nominee> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Nominee n = raw.get(i);
      boolean majority = m != null && (long) n.votes() * 2 > m.present();
      boolean inSeats = i < SupervisionCommittees.SIZE;
      boolean tieAtEdge =
          inSeats
              && raw.size() > SupervisionCommittees.SIZE
              && raw.get(SupervisionCommittees.SIZE).votes() == n.votes();
      boolean elected = majority && inSeats && !tieAtEdge;
      out.add(
          new Nominee(
              n.id(),
              n.personId(),
              n.name(),
              n.votes(),
              n.partyPost(),
              n.chair() && elected,
              elected));
    }
    return out;
  }
}
