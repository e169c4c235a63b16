package xuanju.server.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read access to the election-day tables the archive needs (ballot readings, rulings, tally sheets,
 * audit events) and the stored archive (归档数据), plain JDBC. The ballot readings are read without any
 * position: the caller only ever sees them as a multiset.
 */
@Repository
class ResultsRepository {
  private final JdbcTemplate jdbc;

  ResultsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A tally sheet (计票汇总表) of one box. */
  record Aggregate(long valid, long invalid, String countsJson, String writeInsJson) {}

  List<Aggregate> aggregates(long roundId) {
    return jdbc.query(
        "SELECT valid, invalid, counts_json, write_ins_json FROM aggregate_count WHERE round_id = ?"
            + " ORDER BY box_id",
        (rs, i) -> new Aggregate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
        roundId);
  }

  /** When the members' meeting and the committee plenum began voting (null if not). */
  record Dates(Instant firstBegunAt, Instant secondBegunAt) {}

  Dates dates(long electionId) {
    return jdbc
        .query(
            "SELECT first_begun_at, second_begun_at FROM voting_state WHERE election_id = ?",
            (rs, i) -> new Dates(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))),
            electionId)
        .stream()
        .findFirst()
        .orElse(new Dates(null, null));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** One audit event of the election (审计事件). */
  record AuditRow(
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String summary,
      String prevHash,
      String hash) {}

  List<AuditRow> auditEvents(long electionId) {
    return jdbc.query(
        "SELECT seq, occurred_at, actor, action, subject, summary, prev_hash, hash FROM audit_event"
            + " WHERE subject = ? ORDER BY seq",
        (rs, i) ->
            new AuditRow(
                rs.getLong(1),
                instant(rs.getTimestamp(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7).trim(),
                rs.getString(8).trim()),
        "election:" + electionId);
  }

  /** The stored archive (归档文件). */
  record StoredArchive(
      byte[] zip, String sha256, int fileCount, String manifestJson, String by, Instant at) {}

  Optional<StoredArchive> archive(long electionId) {
    return jdbc
        .query(
            "SELECT archive, sha256, file_count, manifest_json, archived_by, archived_at"
                + " FROM results_archive WHERE election_id = ?",
            (rs, i) ->
                new StoredArchive(
                    rs.getBytes(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    instant(rs.getTimestamp(6))),
            electionId)
        .stream()
        .findFirst();
  }

  /** Metadata only (no bytes), for the page. */
  Optional<StoredArchive> archiveInfo(long electionId) {
    return jdbc
        .query(
            "SELECT sha256, file_count, archived_by, archived_at FROM results_archive"
                + " WHERE election_id = ?",
            (rs, i) ->
                new StoredArchive(
                    null,
                    rs.getString(1),
                    rs.getInt(2),
                    null,
                    rs.getString(3),
                    instant(rs.getTimestamp(4))),
            electionId)
        .stream()
        .findFirst();
  }

  void insertArchive(long electionId, StoredArchive a) {
    jdbc.update(
        "INSERT INTO results_archive (election_id, archive, sha256, file_count, manifest_json,"
            + " archived_by, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        electionId,
        a.zip(),
        a.sha256(),
        a.fileCount(),
        a.manifestJson(),
        a.by(),
        Timestamp.from(a.at()));
  }
}
