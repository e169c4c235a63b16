package xuanju.server.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.server.voting.VotingModel.Reading;

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

  /**
   * The readings that count for one round (as {@code StackCheck.finalReadings} of the voting
   * package): for each settled stack and position, the scrutineer's ruling if any (an {@code
   * absent} ruling drops the position), else entry A's reading, else entry B's.
   */
  List<Reading> finalReadings(long roundId) {
    List<Long> stacks =
        jdbc.queryForList(
            "SELECT id FROM ballot_stack WHERE round_id = ? AND status = 'SETTLED' ORDER BY id",
            Long.class,
            roundId);
    List<Reading> out = new ArrayList<>();
    for (long stack : stacks) {
      List<Reading> a = readings(stack, "A");
      List<Reading> b = readings(stack, "B");
      Map<Integer, Ruling> rulings = new HashMap<>();
      jdbc.query(
          "SELECT position, absent, marks, write_ins, identifying FROM ballot_ruling WHERE stack_id = ?",
          rs -> {
            rulings.put(
                rs.getInt(1),
                new Ruling(
                    rs.getBoolean(2),
                    new Reading(rs.getString(3), rs.getString(4), rs.getBoolean(5))));
          },
          stack);
      int n = Math.max(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        Ruling r = rulings.get(i + 1);
        if (r != null) {
          if (!r.absent()) {
            out.add(r.reading());
          }
        } else {
          out.add(i < a.size() ? a.get(i) : b.get(i));
        }
      }
    }
    return out;
  }

  private record Ruling(boolean absent, Reading reading) {}

  private List<Reading> readings(long stackId, String side) {
    return jdbc.query(
        "SELECT r.marks, r.write_ins, r.identifying FROM ballot_record r"
            + " JOIN ballot_entry e ON e.id = r.entry_id WHERE e.stack_id = ? AND e.side = ?"
            + " ORDER BY r.position",
        (rs, i) -> new Reading(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
        stackId,
        side);
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
