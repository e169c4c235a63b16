package xuanju.server.community;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CarryDown;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectionMethods;
import xuanju.core.community.ElectorateMode;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;

/**
 * The 选举办法 of a residents' committee election: the committee drafts it by choosing the settings
 * (how the committee is elected, the proxy cap, write-ins, carry-down), the 居民代表会议 adopts it (two
 * thirds present, more than half of them in favour) and it is posted (张榜公布). Once adopted the
 * settings are fixed. The document is core's template filled with the settings.
 */
@Service
public class ElectionMethodService {
  private final CommunityContext ctx;
  private final JdbcTemplate jdbc;

  ElectionMethodService(CommunityContext ctx, JdbcTemplate jdbc) {
    this.ctx = ctx;
    this.jdbc = jdbc;
  }

  /** The stored state: settings, adoption and posting. */
  public record Record(
      ElectorateMode mode,
      int proxyCap,
      boolean writeIns,
      Boolean carryDown,
      LocalDate adoptedOn,
      Integer members,
      Integer attended,
      Integer votesFor,
      LocalDate postedOn,
      int version) {
    public boolean adopted() {
      return adoptedOn != null;
    }

    /** e.g. {@code 2026-11-20 居民代表会议通过（组成人员30人，到会25人，赞成22票）}. */
    public String adoptionZh() {
      return adoptedOn == null
          ? "尚未通过"
          : adoptedOn + " 居民代表会议通过（组成人员" + members + "人，到会" + attended + "人，赞成" + votesFor + "票）";
    }
  }

  /** The page's view: the record (a default draft when none is saved) and the drafted document. */
  public record View(
      Election election, Record record, boolean saved, ElectionMethods.Method method) {}

  /** The default draft: all voters, three proxies, write-ins, the provincial carry-down. */
  static final Record DEFAULT =
      new Record(
          ElectorateMode.ALL_VOTERS,
          ElectionMethods.DEFAULT_PROXY_CAP,
          true,
          null,
          null,
          null,
          null,
          null,
          null,
          0);

  @Transactional(readOnly = true)
  public View view(long electionId) {
    Election e = ctx.election(electionId, Permission.VIEW);
    Optional<Record> r = find(electionId);
    Record rec = r.orElse(DEFAULT);
    return new View(e, rec, r.isPresent(), ElectionMethods.draft(settings(e, rec)));
  }

  /** The electorate mode the election follows: the adopted method's, else none yet. */
  @Transactional(readOnly = true)
  public Optional<ElectorateMode> adoptedMode(long electionId) {
    return find(electionId).filter(Record::adopted).map(Record::mode);
  }

  /** The adopted method's settings (election day follows them), else none yet. */
  Optional<ElectionMethods.Settings> adoptedSettings(Election e) {
    return find(e.id()).filter(Record::adopted).map(r -> settings(e, r));
  }

  static ElectionMethods.Settings settings(Election e, Record r) {
    CarryDown carry =
        r.carryDown() == null
            ? CarryDown.NEI_MONGOL
            : CarryDown.byPlan(r.carryDown(), e.organisationName() + "居民委员会选举办法");
    return new ElectionMethods.Settings(
        e.organisationName(),
        r.mode(),
        CommunityContext.seats(e),
        r.proxyCap(),
        r.writeIns(),
        carry);
  }

  /** Saves the draft's settings (MANAGE); refused once adopted. */
  @Transactional
  public void draft(
      long electionId, String mode, Integer proxyCap, boolean writeIns, String carryDown) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    Optional<Record> old = lock(electionId);
    if (old.isPresent() && old.get().adopted()) {
      throw new IllegalStateException(
          "选举办法已于"
              + old.get().adoptedOn()
              + "由居民代表会议通过，不能修改。"
              + refuse(CommunityRule.METHOD_ADOPTED));
    }
    ElectorateMode m;
    try {
      m = ElectorateMode.valueOf(mode == null ? "" : mode.strip());
    } catch (IllegalArgumentException ex) {
      throw new InvalidInputException(
          "mode", "选举方式：请从列表中选择。" + refuse(CommunityRule.ELECTORATE_MODE));
    }
    if (proxyCap == null) {
      throw new InvalidInputException("proxyCap", "每一选民接受委托的人数：请填写1至3");
    }
    Boolean carry =
        switch (carryDown == null ? "" : carryDown.strip()) {
          case "YES" -> true;
          case "NO" -> false;
          default -> null;
        };
    Record r = new Record(m, proxyCap, writeIns, carry, null, null, null, null, null, 0);
    settings(e, r); // core checks the cap and the seats
    String user = AccessService.currentUser();
    Timestamp now = Timestamp.from(ctx.clock.instant());
    if (old.isEmpty()) {
      jdbc.update(
          "INSERT INTO community_election_method (election_id, mode, proxy_cap, allow_write_ins,"
              + " carry_down, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          electionId,
          m.name(),
          proxyCap,
          writeIns,
          carry,
          user,
          now);
    } else {
      jdbc.update(
          "UPDATE community_election_method SET mode = ?, proxy_cap = ?, allow_write_ins = ?, carry_down = ?,"
              + " recorded_by = ?, recorded_at = ?, version = version + 1 WHERE election_id = ?",
          m.name(),
          proxyCap,
          writeIns,
          carry,
          user,
          now,
          electionId);
    }
    ctx.audit(
        "ELECTION_METHOD_DRAFTED",
        e,
        "选举办法草案："
            + m.labelZh()
            + "，每一选民接受委托不超过"
            + proxyCap
            + "人，"
            + (writeIns ? "可以另选他人" : "不设另选他人")
            + "，"
            + (carry == null ? "落选票数按自治区规定处理" : carry ? "落选票数顺延计入" : "分职位计票"));
  }

  /**
   * Records the 居民代表会议's adoption (MANAGE): refused, with the numbers, when fewer than two thirds
   * were present or not more than half of them voted for it; nothing is stored then.
   */
  @Transactional
  public void adopt(
      long electionId, LocalDate on, Integer members, Integer attended, Integer votesFor) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    Record r =
        lock(electionId)
            .orElseThrow(() -> new IllegalStateException("请先保存选举办法草案（选举方式等），再登记居民代表会议的表决"));
    if (r.adopted()) {
      throw new IllegalStateException(
          "选举办法已于" + r.adoptedOn() + "通过。" + refuse(CommunityRule.METHOD_ADOPTED));
    }
    if (on == null || on.isAfter(ctx.today())) {
      throw new InvalidInputException("adoptedOn", "会议日期：不能为空，也不能晚于今天");
    }
    if (!on.isBefore(e.electionDay())) {
      throw new InvalidInputException("adoptedOn", "会议日期：应在选举日（" + e.electionDay() + "）以前");
    }
    if (members == null || attended == null || votesFor == null) {
      throw new InvalidInputException("members", "请填写居民代表会议的组成人员、到会人数和赞成票数");
    }
    Findings f = ElectionMethods.adoption(members, attended, votesFor);
    if (!f.ok()) {
      var x = f.errors().get(0);
      throw new InvalidInputException(
          x.fields().isEmpty() ? "members" : x.fields().get(0),
          x.messageZh() + "。" + refuse(CommunityRule.METHOD_QUORUM));
    }
    jdbc.update(
        "UPDATE community_election_method SET adopted_on = ?, members = ?, attended = ?, votes_for = ?,"
            + " version = version + 1 WHERE election_id = ?",
        Date.valueOf(on),
        members,
        attended,
        votesFor,
        electionId);
    ctx.audit(
        "ELECTION_METHOD_ADOPTED",
        e,
        "居民代表会议于"
            + on
            + "通过选举办法（组成人员"
            + members
            + "人，到会"
            + attended
            + "人，赞成"
            + votesFor
            + "票）："
            + r.mode().labelZh());
  }

  /** Records that the adopted method was posted (张榜公布, MANAGE). */
  @Transactional
  public void post(long electionId, LocalDate on) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    Record r =
        lock(electionId)
            .filter(Record::adopted)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "选举办法须经居民代表会议通过后张榜公布。" + refuse(CommunityRule.METHOD_ADOPTED)));
    if (on == null || on.isAfter(ctx.today()) || on.isBefore(r.adoptedOn())) {
      throw new InvalidInputException("postedOn", "公布日期：应在通过之日（" + r.adoptedOn() + "）至今天之间");
    }
    jdbc.update(
        "UPDATE community_election_method SET posted_on = ?, version = version + 1 WHERE election_id = ?",
        Date.valueOf(on),
        electionId);
    ctx.audit("ELECTION_METHOD_POSTED", e, "选举办法于" + on + "张榜公布");
  }

  /** The document as printed (PDF or Word). */
  @Transactional(readOnly = true)
  public DocumentContent document(long electionId) {
    View v = view(electionId);
    var b = DocumentContent.builder(v.method().titleZh());
    b.subtitle(
        v.record().adopted()
            ? "（" + DocumentContent.chineseDate(v.record().adoptedOn()) + "居民代表会议通过）"
            : "（草案）");
    for (ElectionMethods.Section s : v.method().sections()) {
      b.heading(s.titleZh());
      s.paragraphs().forEach(b::paragraph);
    }
    if (v.record().postedOn() != null) {
      b.signature(v.election().organisationName() + "居民选举委员会", v.record().postedOn());
    }
    return b.build();
  }

  private Optional<Record> find(long electionId) {
    return jdbc
        .query(
            "SELECT mode, proxy_cap, allow_write_ins, carry_down, adopted_on, members, attended, votes_for,"
                + " posted_on, version FROM community_election_method WHERE election_id = ?",
            (rs, i) ->
                new Record(
                    ElectorateMode.valueOf(rs.getString(1)),
                    rs.getInt(2),
                    rs.getBoolean(3),
                    (Boolean) rs.getObject(4, Boolean.class),
                    rs.getObject(5, LocalDate.class),
                    (Integer) rs.getObject(6, Integer.class),
                    (Integer) rs.getObject(7, Integer.class),
                    (Integer) rs.getObject(8, Integer.class),
                    rs.getObject(9, LocalDate.class),
                    rs.getInt(10)),
            electionId)
        .stream()
        .findFirst();
  }

  private Optional<Record> lock(long electionId) {
    jdbc.queryForList(
        "SELECT election_id FROM community_election_method WHERE election_id = ? FOR UPDATE",
        Long.class,
        electionId);
    return find(electionId);
  }

  private static String refuse(CommunityRule r) {
    return r.messageZh() + "（" + r.citation().display() + "）";
  }
}
