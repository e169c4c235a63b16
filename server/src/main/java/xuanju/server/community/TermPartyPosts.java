package xuanju.server.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import xuanju.core.community.PartyPost;

/**
 * The party committee's division of posts (社区党组织委员会分工) as recorded on the community's 换届, seen from
 * the residents' committee election of the same term: by resident ID number, the post each member
 * holds. Used by the supervision committee's chair rule (纪检委员 as chair) so the officer need not
 * type the party posts again once the term records them.
 */
@Component
class TermPartyPosts {
  private final JdbcTemplate jdbc;

  TermPartyPosts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The term the residents' committee election belongs to, if any. */
  Optional<Long> termOfResidentsElection(long electionId) {
    return jdbc
        .queryForList(
            "SELECT id FROM community_term WHERE residents_election_id = ?", Long.class, electionId)
        .stream()
        .findFirst();
  }

  /** Resident ID number → party post, from the term's recorded 分工; empty without a term or 分工. */
  Map<String, PartyPost> byResidentId(long residentsElectionId) {
    Map<String, PartyPost> out = new LinkedHashMap<>();
    Optional<Long> term = termOfResidentsElection(residentsElectionId);
    if (term.isEmpty()) {
      return out;
    }
    Map<Long, PartyPost> byMember = new LinkedHashMap<>();
    jdbc.query(
        "SELECT member_key, post FROM community_term_party_post WHERE term_id = ?",
        rs -> {
          String key = rs.getString(1);
          if (key.startsWith("m")) {
            byMember.put(Long.valueOf(key.substring(1)), PartyPost.valueOf(rs.getString(2)));
          }
        },
        term.get());
    if (byMember.isEmpty()) {
      return out;
    }
    List<Object> ids = new ArrayList<>(byMember.keySet());
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
    jdbc.query(
        "SELECT id, resident_id FROM party_member WHERE id IN (" + in + ")",
        rs -> {
          String rid = rs.getString(2);
          if (rid != null) {
            out.put(rid.toUpperCase(java.util.Locale.ROOT), byMember.get(rs.getLong(1)));
          }
        },
        ids.toArray());
    return out;
  }
}
