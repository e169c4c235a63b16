package xuanju.server.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ElectorateMode;
import xuanju.core.outcome.RoundKind;
import xuanju.server.community.CommunityVote.Box;
import xuanju.server.community.CommunityVote.BoxCount;
import xuanju.server.community.CommunityVote.PostRound;
import xuanju.server.community.CommunityVote.PostSheet;

/** The tables of a residents' committee election day (V37): votes, posts, boxes, tally sheets. */
@Repository
class CommunityVotingRepository {
  private final JdbcTemplate jdbc;

  CommunityVotingRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The election's votes in order, each with its posts. */
  List<CommunityVote> votes(long electionId) {
    List<CommunityVote> out = new ArrayList<>();
    jdbc.query(
        "SELECT id, number, mode, base, base_note, status, version FROM community_vote"
            + " WHERE election_id = ? ORDER BY number",
        rs -> {
          long id = rs.getLong(1);
          out.add(
              new CommunityVote(
                  id,
                  electionId,
                  rs.getInt(2),
                  ElectorateMode.valueOf(rs.getString(3)),
                  rs.getLong(4),
                  rs.getString(5),
                  "DECIDED".equals(rs.getString(6)),
                  rs.getInt(7),
                  List.of()));
        },
        electionId);
    List<CommunityVote> full = new ArrayList<>();
    for (CommunityVote v : out) {
      full.add(
          new CommunityVote(
              v.id(),
              v.electionId(),
              v.number(),
              v.mode(),
              v.base(),
              v.baseNoteZh(),
              v.decided(),
              v.version(),
              rounds(v.id())));
    }
    return full;
  }

  Optional<CommunityVote> vote(long electionId, long voteId) {
    return votes(electionId).stream().filter(v -> v.id() == voteId).findFirst();
  }

  private List<PostRound> rounds(long voteId) {
    List<PostRound> out =
        new ArrayList<>(
            jdbc.query(
                "SELECT id, post, kind, further_round, seats, candidates, outcome, elected, trail,"
                    + " final_result FROM community_post_round WHERE vote_id = ?",
                (rs, i) ->
                    new PostRound(
                        rs.getLong(1),
                        voteId,
                        CommitteePost.valueOf(rs.getString(2)),
                        RoundKind.valueOf(rs.getString(3)),
                        rs.getInt(4),
                        rs.getInt(5),
                        split(rs.getString(6), ","),
                        rs.getString(7),
                        split(rs.getString(8), ","),
                        rs.getString(9),
                        rs.getBoolean(10)),
                voteId));
    out.sort(java.util.Comparator.comparing(PostRound::post));
    return out;
  }

  private static List<String> split(String s, String sep) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(sep));
  }

  long openVote(
      long electionId,
      int number,
      ElectorateMode mode,
      long base,
      String note,
      String user,
      Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "INSERT INTO community_vote (election_id, number, mode, base, base_note, status,"
                      + " opened_by, opened_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setInt(2, number);
          ps.setString(3, mode.name());
          ps.setLong(4, base);
          ps.setString(5, note);
          ps.setString(6, user);
          ps.setTimestamp(7, Timestamp.from(now));
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  void addRound(
      long voteId,
      CommitteePost post,
      RoundKind kind,
      int further,
      int seats,
      List<String> candidates) {
    jdbc.update(
        "INSERT INTO community_post_round (vote_id, post, kind, further_round, seats, candidates)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        voteId,
        post.name(),
        kind.name(),
        further,
        seats,
        String.join(",", candidates));
  }

  /** Locks the vote's row for the rest of the transaction; whether it is still open. */
  boolean lockOpen(long voteId) {
    List<String> s =
        jdbc.queryForList(
            "SELECT status FROM community_vote WHERE id = ? FOR UPDATE", String.class, voteId);
    return !s.isEmpty() && "OPEN".equals(s.get(0));
  }

  void decideRound(long roundId, String outcome, List<String> elected, String trail, boolean last) {
    jdbc.update(
        "UPDATE community_post_round SET outcome = ?, elected = ?, trail = ?, final_result = ?"
            + " WHERE id = ?",
        outcome,
        String.join(",", elected),
        trail,
        last,
        roundId);
  }

  boolean closeVote(long voteId, int version, String user, Instant now) {
    return jdbc.update(
            "UPDATE community_vote SET status = 'DECIDED', decided_by = ?, decided_at = ?,"
                + " version = version + 1 WHERE id = ? AND version = ? AND status = 'OPEN'",
            user,
            Timestamp.from(now),
            voteId,
            version)
        == 1;
  }

  /** The boxes of the election: its polling stations, fixed stations first. */
  List<Box> boxes(long electionId) {
    return jdbc.query(
        "SELECT s.id, s.name, s.mobile FROM polling_station s JOIN district d ON d.id ="
            + " s.district_id WHERE d.election_id = ? ORDER BY s.mobile, s.id",
        (rs, i) -> new Box(rs.getLong(1), rs.getString(2), rs.getBoolean(3)),
        electionId);
  }

  Map<Long, BoxCount> boxCounts(long voteId) {
    Map<Long, BoxCount> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT station_id, issued, returned, explanation FROM community_box_count WHERE vote_id"
            + " = ?",
        rs -> {
          out.put(
              rs.getLong(1),
              new BoxCount(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4)));
        },
        voteId);
    return out;
  }

  void saveBoxCount(long voteId, BoxCount b, String user, Instant now) {
    jdbc.update(
        "DELETE FROM community_box_count WHERE vote_id = ? AND station_id = ?",
        voteId,
        b.stationId());
    jdbc.update(
        "INSERT INTO community_box_count (vote_id, station_id, issued, returned, explanation,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        voteId,
        b.stationId(),
        b.issued(),
        b.returned(),
        b.explanation(),
        user,
        Timestamp.from(now));
  }

  /**
   * The confirmed sheets of a vote (both entries agree): station → post → sheet. Only these count
   * for the decision and the results.
   */
  Map<Long, Map<CommitteePost, PostSheet>> sheets(long voteId) {
    Map<Long, Map<CommitteePost, PostSheet>> out = new LinkedHashMap<>();
    entries(voteId)
        .forEach(
            (station, posts) ->
                posts.forEach(
                    (post, list) -> {
                      if (confirmed(list)) {
                        out.computeIfAbsent(
                                station, k -> new java.util.EnumMap<>(CommitteePost.class))
                            .put(post, list.get(0));
                      }
                    }));
    return out;
  }

  /** Whether a sheet's entries are two and agree. */
  static boolean confirmed(List<PostSheet> entries) {
    return entries != null && entries.size() == 2 && entries.get(0).sameAs(entries.get(1));
  }

  /** Every entry of a vote's sheets: station → post → entries in entry order. */
  Map<Long, Map<CommitteePost, List<PostSheet>>> entries(long voteId) {
    Map<Long, Map<CommitteePost, List<PostSheet>>> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT station_id, post, clerk, valid, invalid, counts, write_ins, entry_no FROM"
            + " community_post_sheet WHERE vote_id = ? ORDER BY station_id, post, entry_no",
        rs -> {
          Map<String, Long> w = new LinkedHashMap<>();
          for (String x : split(rs.getString(7), ";")) {
            int eq = x.lastIndexOf('=');
            w.put(x.substring(0, eq), Long.valueOf(x.substring(eq + 1)));
          }
          PostSheet s =
              new PostSheet(
                  rs.getLong(1),
                  CommitteePost.valueOf(rs.getString(2)),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  split(rs.getString(6), ",").stream().map(Long::valueOf).toList(),
                  w,
                  rs.getInt(8));
          out.computeIfAbsent(s.stationId(), k -> new java.util.EnumMap<>(CommitteePost.class))
              .computeIfAbsent(s.post(), k -> new ArrayList<>())
              .add(s);
        },
        voteId);
    return out;
  }

  void saveSheet(long voteId, PostSheet s) {
    jdbc.update(
        "DELETE FROM community_post_sheet WHERE vote_id = ? AND station_id = ? AND post = ?"
            + " AND entry_no = ?",
        voteId,
        s.stationId(),
        s.post().name(),
        s.entryNo());
    List<String> w = new ArrayList<>();
    s.writeIns().forEach((k, v) -> w.add(k + "=" + v));
    jdbc.update(
        "INSERT INTO community_post_sheet (vote_id, station_id, post, entry_no, clerk, valid,"
            + " invalid, counts, write_ins) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        voteId,
        s.stationId(),
        s.post().name(),
        s.entryNo(),
        s.clerk(),
        s.valid(),
        s.invalid(),
        String.join(",", s.counts().stream().map(String::valueOf).toList()),
        String.join(";", w));
  }

  /** Write-in members identified: the name on the ballot → the person (V50). */
  Map<String, Long> electedPersons(long electionId) {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT elected_name, person_id FROM community_elected_person WHERE election_id = ?",
        rs -> {
          out.put(rs.getString(1), rs.getLong(2));
        },
        electionId);
    return out;
  }

  void identifyElected(long electionId, String name, long personId, String user, Instant at) {
    jdbc.update(
        "INSERT INTO community_elected_person (election_id, elected_name, person_id, recorded_by,"
            + " recorded_at) VALUES (?, ?, ?, ?, ?)",
        electionId,
        name,
        personId,
        user,
        Timestamp.from(at));
  }
}
