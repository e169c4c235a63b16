package xuanju.server.delegates;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.outcome.Consent;
import xuanju.core.outcome.RoundKind;
import xuanju.core.tally.CandidateCount;

/** Persistence of the election at the 党代表会议 (tables of V40). */
@Repository
class ConferenceRepository {
  private final JdbcTemplate jdbc;

  ConferenceRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Conference> conference(long electionId) {
    return jdbc
        .query(
            "SELECT name, held_on, expected, present, seats FROM delegate_conference"
                + " WHERE election_id = ?",
            (rs, i) ->
                new Conference(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5)),
            electionId)
        .stream()
        .findFirst();
  }

  void insertConference(long electionId, Conference c, String actor, Instant at) {
    jdbc.update(
        "INSERT INTO delegate_conference (election_id, name, held_on, expected, present, seats,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        c.name(),
        Date.valueOf(c.heldOn()),
        c.expected(),
        c.present(),
        c.seats(),
        actor,
        Timestamp.from(at));
  }

  void insertCandidates(long electionId, List<String> keys) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      rows.add(new Object[] {electionId, keys.get(i), i + 1});
    }
    jdbc.batchUpdate(
        "INSERT INTO delegate_conference_candidate (election_id, candidate_key, ballot_order)"
            + " VALUES (?, ?, ?)",
        rows);
  }

  /** The candidates' keys in ballot order. */
  List<String> candidateKeys(long electionId) {
    return jdbc.queryForList(
        "SELECT candidate_key FROM delegate_conference_candidate WHERE election_id = ?"
            + " ORDER BY ballot_order",
        String.class,
        electionId);
  }

  List<ConferenceRound> rounds(long electionId) {
    Map<Integer, Map<String, CandidateCount>> votes = new HashMap<>();
    jdbc.query(
        "SELECT round_no, candidate_key, yes_votes, no_votes, abstain_votes"
            + " FROM delegate_conference_vote WHERE election_id = ?",
        rs -> {
          votes
              .computeIfAbsent(rs.getInt(1), k -> new HashMap<>())
              .put(
                  rs.getString(2), new CandidateCount(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        },
        electionId);
    return jdbc.query(
        "SELECT round_no, kind, seats, further_round, candidate_keys, ballots_issued,"
            + " ballots_returned, valid_ballots, invalid_ballots FROM delegate_conference_round"
            + " WHERE election_id = ? ORDER BY round_no",
        (rs, i) -> {
          int no = rs.getInt(1);
          Integer issued = (Integer) rs.getObject(6, Integer.class);
          ConferenceRound.Counts c =
              issued == null
                  ? null
                  : new ConferenceRound.Counts(
                      issued,
                      rs.getInt(7),
                      rs.getInt(8),
                      rs.getInt(9),
                      votes.getOrDefault(no, Map.of()));
          return new ConferenceRound(
              no,
              RoundKind.valueOf(rs.getString(2)),
              rs.getInt(3),
              rs.getInt(4),
              Arrays.asList(rs.getString(5).split(",")),
              c);
        },
        electionId);
  }

  void insertRound(
      long electionId, int number, RoundKind kind, int seats, int furtherRound, List<String> keys) {
    jdbc.update(
        "INSERT INTO delegate_conference_round (election_id, round_no, kind, seats, further_round,"
            + " candidate_keys) VALUES (?, ?, ?, ?, ?, ?)",
        electionId,
        number,
        kind.name(),
        seats,
        furtherRound,
        String.join(",", keys));
  }

  /** The recorded seat reductions by round number (减少名额). */
  Map<Integer, Consent> reductions(long electionId) {
    Map<Integer, Consent> out = new HashMap<>();
    jdbc.query(
        "SELECT round_no, agreed, electors, record FROM delegate_conference_reduction"
            + " WHERE election_id = ?",
        rs -> {
          out.put(rs.getInt(1), new Consent(rs.getLong(2), rs.getLong(3), false, rs.getString(4)));
        },
        electionId);
    return out;
  }

  /**
   * Records a seat reduction after vote {@code roundNo} and removes the 另行选举 it had opened (vote
   * {@code roundNo + 1}, not yet counted); false when that vote is counted or absent.
   */
  boolean reduce(long electionId, int roundNo, Consent c) {
    int n =
        jdbc.update(
            "DELETE FROM delegate_conference_round WHERE election_id = ? AND round_no = ?"
                + " AND ballots_issued IS NULL",
            electionId,
            roundNo + 1);
    if (n != 1) {
      return false;
    }
    jdbc.update(
        "INSERT INTO delegate_conference_reduction (election_id, round_no, agreed, electors,"
            + " record) VALUES (?, ?, ?, ?, ?)",
        electionId,
        roundNo,
        c.agreed(),
        c.electors(),
        c.recordZh());
    return true;
  }

  /** Stores a round's count; false when it was already counted. */
  boolean setCounts(long electionId, int number, ConferenceRound.Counts c) {
    int n =
        jdbc.update(
            "UPDATE delegate_conference_round SET ballots_issued = ?, ballots_returned = ?,"
                + " valid_ballots = ?, invalid_ballots = ? WHERE election_id = ? AND round_no = ?"
                + " AND ballots_issued IS NULL",
            c.issued(),
            c.returned(),
            c.valid(),
            c.invalid(),
            electionId,
            number);
    if (n != 1) {
      return false;
    }
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, CandidateCount> v : c.votes().entrySet()) {
      rows.add(
          new Object[] {
            electionId,
            number,
            v.getKey(),
            v.getValue().yes(),
            v.getValue().no(),
            v.getValue().abstain()
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO delegate_conference_vote (election_id, round_no, candidate_key, yes_votes,"
            + " no_votes, abstain_votes) VALUES (?, ?, ?, ?, ?, ?)",
        rows);
    return true;
  }
}
