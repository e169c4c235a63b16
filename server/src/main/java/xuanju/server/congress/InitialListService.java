package xuanju.server.congress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.ScheduleRule;
import xuanju.server.access.AccessService;
import xuanju.server.audit.AuditLog;

/**
 * The posting of a contest's initial candidate list (公布初步代表候选人名单及基本情况, 选举法第三十二条: 选举日的十五日以前): the
 * day it was posted and how many it named, so the district's checklist can show whether the
 * statutory day was kept. Recording it again corrects the day; both are audited. A posting after
 * the statutory day is recorded as it happened and shown late.
 */
@Service
public class InitialListService {
  private final DeputyNominationService nominations;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  InitialListService(
      DeputyNominationService nominations, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.nominations = nominations;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** A recorded posting. */
  public record Posting(LocalDate publishedOn, int candidates) {}

  @Transactional(readOnly = true)
  public Optional<Posting> posting(long homeDistrictId, ContestLevel level) {
    return jdbc
        .query(
            "SELECT published_on, candidates FROM deputy_initial_list WHERE district_id = ? AND level = ?",
            (rs, i) -> new Posting(rs.getObject(1, LocalDate.class), rs.getInt(2)),
            homeDistrictId,
            level.name())
        .stream()
        .findFirst();
  }

  /**
   * Records the posting (MANAGE).
   *
   * @return a warning when the day is after the statutory one, else empty
   */
  @Transactional
  public Optional<String> record(
      long electionId, long districtId, ContestLevel level, LocalDate publishedOn) {
    nominations.requireManage(electionId);
    DeputyNominationService.CandidateList l =
        nominations.initialList(electionId, districtId, level);
    if (l.candidates().isEmpty()) {
      throw new IllegalStateException(l.area().titleZh() + "尚无接受推荐的被推荐人，初步代表候选人名单为空，不能登记公布");
    }
    LocalDate today = LocalDate.now(clock);
    if (publishedOn == null || publishedOn.isAfter(today)) {
      throw new InvalidInputException("publishedOn", "公布日期：不能为空，也不能晚于今天（请在张榜公布后登记）");
    }
    LocalDate day = l.election().electionDay();
    if (!publishedOn.isBefore(day)) {
      throw new InvalidInputException("publishedOn", "公布日期：应在选举日（" + day + "）以前");
    }
    long home = l.area().homeDistrictId();
    Optional<Posting> old = posting(home, level);
    jdbc.update(
        "DELETE FROM deputy_initial_list WHERE district_id = ? AND level = ?", home, level.name());
    jdbc.update(
        "INSERT INTO deputy_initial_list (district_id, level, election_id, published_on, candidates,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        home,
        level.name(),
        electionId,
        Date.valueOf(publishedOn),
        l.candidates().size(),
        AccessService.currentUser(),
        Timestamp.from(clock.instant()));
    audit.append(
        AccessService.currentUser(),
        "DEPUTY_INITIAL_LIST_POSTED",
        "district:" + home,
        l.area().titleZh()
            + "初步代表候选人名单（"
            + l.candidates().size()
            + "名）于"
            + publishedOn
            + "公布"
            + old.map(o -> "（更正，原登记" + o.publishedOn() + "）").orElse(""));
    LocalDate due = day.minusDays(15);
    if (publishedOn.isAfter(due)) {
      return Optional.of(
          "公布日期"
              + publishedOn
              + "晚于法定期限"
              + due
              + "："
              + ScheduleRule.NPC_CANDIDATE_LIST_D15.messageZh()
              + "（"
              + ScheduleRule.NPC_CANDIDATE_LIST_D15.citation().display()
              + "）");
    }
    return Optional.empty();
  }
}
