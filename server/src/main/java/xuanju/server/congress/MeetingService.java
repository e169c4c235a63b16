package xuanju.server.congress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.nomination.CongressNominations;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.audit.AuditLog;

/**
 * Meetings of the candidates with the voters of a district (代表候选人与选民见面), 选举法第三十四条: recorded with
 * day, place, candidates and attendance; refused on or after election day, when introductions must
 * stop (core {@link CongressNominations#checkMeeting}).
 */
@Service
public class MeetingService {
  private final DeputyNominationService nominations;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  MeetingService(
      DeputyNominationService nominations, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.nominations = nominations;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** A recorded meeting. */
  public record Meeting(
      long id,
      LocalDate heldOn,
      String place,
      String candidates,
      Integer attendance,
      String note) {}

  @Transactional(readOnly = true)
  public List<Meeting> meetings(long districtId) {
    return jdbc.query(
        "SELECT id, held_on, place, candidates, attendance, note FROM deputy_meeting"
            + " WHERE district_id = ? ORDER BY held_on, id",
        (rs, i) ->
            new Meeting(
                rs.getLong(1),
                rs.getObject(2, LocalDate.class),
                rs.getString(3),
                rs.getString(4),
                (Integer) rs.getObject(5, Integer.class),
                rs.getString(6)),
        districtId);
  }

  /** Records a meeting (MANAGE). */
  @Transactional
  public long record(
      long electionId,
      long districtId,
      LocalDate heldOn,
      String place,
      String candidates,
      Integer attendance,
      String note) {
    nominations.requireManage(electionId);
    DeputyNominationService.Page p = nominations.page(electionId, districtId);
    if (heldOn == null) {
      throw new InvalidInputException("heldOn", "见面日期：不能为空");
    }
    Findings f = CongressNominations.checkMeeting(heldOn, p.election().electionDay());
    if (!f.ok()) {
      throw new InvalidInputException("heldOn", f.errors().get(0).messageZh());
    }
    if (heldOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("heldOn", "见面日期 " + heldOn + " 不能晚于今天（见面后登记）");
    }
    String where = place == null ? "" : place.strip();
    String who = candidates == null ? "" : candidates.strip();
    if (where.isEmpty()) {
      throw new InvalidInputException("place", "见面地点：不能为空");
    }
    if (who.isEmpty()) {
      throw new InvalidInputException("candidates", "参加见面的代表候选人：不能为空");
    }
    if (attendance != null && attendance < 0) {
      throw new InvalidInputException("attendance", "到会选民人数不能为负数");
    }
    String user = AccessService.currentUser();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO deputy_meeting (election_id, district_id, held_on, place,"
                      + " candidates, attendance, note, recorded_by, recorded_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setLong(2, p.district().id());
          ps.setDate(3, Date.valueOf(heldOn));
          ps.setString(4, where);
          ps.setString(5, who);
          ps.setObject(6, attendance, java.sql.Types.INTEGER);
          ps.setString(7, note == null ? "" : note.strip());
          ps.setString(8, user);
          ps.setTimestamp(9, Timestamp.from(clock.instant()));
          return ps;
        },
        key);
    audit.append(
        user,
        "DEPUTY_MEETING_RECORDED",
        "district:" + p.district().id(),
        p.district().name()
            + "代表候选人与选民见面："
            + heldOn
            + "，"
            + where
            + "，"
            + who
            + (attendance == null ? "" : "，到会选民" + attendance + "人"));
    return key.getKey().longValue();
  }
}
