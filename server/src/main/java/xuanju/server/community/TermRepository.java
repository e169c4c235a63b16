package xuanju.server.community;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.community.PartyPost;
import xuanju.core.community.PreviousTerms;
import xuanju.core.community.TermPart;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Education;

/** The tables of a community's 换届 (V41): the term, its linked elections and the party posts. */
@Repository
public class TermRepository {
  private final JdbcTemplate jdbc;

  TermRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A community's 换届 as stored. */
  public record Term(
      long id,
      long organisationId,
      String organisationName,
      String name,
      int year,
      Map<TermPart, LocalDate> deadlines,
      String deadlineNote,
      Long partyElectionId,
      Long residentsElectionId,
      String postsRecordedBy,
      Instant postsRecordedAt,
      Boolean oneShoulder,
      Integer crossPosted,
      String summaryText,
      Instant summaryRecordedAt,
      PreviousTerms.Figures previous,
      Instant previousRecordedAt,
      int version) {
    public Term {
      deadlines = Map.copyOf(deadlines);
    }

    /** Whether any election is linked. */
    boolean anyLinked() {
      return partyElectionId != null || residentsElectionId != null;
    }

    Optional<Long> election(TermPart p) {
      return Optional.ofNullable(
          p == TermPart.PARTY
              ? partyElectionId
              : p == TermPart.RESIDENTS ? residentsElectionId : null);
    }
  }

  /** One recorded party post (分工). */
  public record Post(String memberKey, String name, PartyPost post, boolean deputyDirector) {}

  private static final String COLS =
      "t.id, t.organisation_id, o.name AS org_name, t.name, t.term_year, t.party_deadline,"
          + " t.residents_deadline, t.representatives_deadline, t.supervision_deadline,"
          + " t.deadline_note, t.party_election_id, t.residents_election_id, t.posts_recorded_by,"
          + " t.posts_recorded_at, t.one_shoulder, t.cross_posted, t.summary_text,"
          + " t.summary_recorded_at, t.previous_team_size, t.previous_team_college,"
          + " t.previous_residents_size, t.previous_residents_party, t.previous_recorded_at,"
          + " t.version FROM community_term t JOIN organisation o ON o.id ="
          + " t.organisation_id";

  private static Term term(ResultSet rs, int i) throws SQLException {
    Map<TermPart, LocalDate> d = new EnumMap<>(TermPart.class);
    d.put(TermPart.PARTY, rs.getDate("party_deadline").toLocalDate());
    d.put(TermPart.RESIDENTS, rs.getDate("residents_deadline").toLocalDate());
    d.put(TermPart.REPRESENTATIVES, rs.getDate("representatives_deadline").toLocalDate());
    d.put(TermPart.SUPERVISION, rs.getDate("supervision_deadline").toLocalDate());
    Timestamp at = rs.getTimestamp("posts_recorded_at");
    Timestamp sat = rs.getTimestamp("summary_recorded_at");
    Timestamp pat = rs.getTimestamp("previous_recorded_at");
    return new Term(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("org_name"),
        rs.getString("name"),
        rs.getInt("term_year"),
        d,
        rs.getString("deadline_note"),
        rs.getObject("party_election_id", Long.class),
        rs.getObject("residents_election_id", Long.class),
        rs.getString("posts_recorded_by"),
        at == null ? null : at.toInstant(),
        rs.getObject("one_shoulder", Boolean.class),
        rs.getObject("cross_posted", Integer.class),
        rs.getString("summary_text"),
        sat == null ? null : sat.toInstant(),
        new PreviousTerms.Figures(
            count(rs, "previous_team_college", "previous_team_size"),
            count(rs, "previous_residents_party", "previous_residents_size")),
        pat == null ? null : pat.toInstant(),
        rs.getInt("version"));
  }

  private static Optional<PreviousTerms.Count> count(ResultSet rs, String part, String whole)
      throws SQLException {
    Integer p = rs.getObject(part, Integer.class);
    Integer w = rs.getObject(whole, Integer.class);
    return p == null || w == null ? Optional.empty() : Optional.of(new PreviousTerms.Count(p, w));
  }

  long insert(
      long organisationId,
      String name,
      int year,
      Map<TermPart, LocalDate> deadlines,
      String note,
      String user,
      Instant now) {
    jdbc.update(
        "INSERT INTO community_term (organisation_id, name, term_year, party_deadline,"
            + " residents_deadline, representatives_deadline, supervision_deadline, deadline_note,"
            + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        organisationId,
        name,
        year,
        Date.valueOf(deadlines.get(TermPart.PARTY)),
        Date.valueOf(deadlines.get(TermPart.RESIDENTS)),
        Date.valueOf(deadlines.get(TermPart.REPRESENTATIVES)),
        Date.valueOf(deadlines.get(TermPart.SUPERVISION)),
        note,
        user,
        Timestamp.from(now));
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM community_term WHERE organisation_id = ? AND name = ?",
        Long.class,
        organisationId,
        name);
  }

  Optional<Term> find(long id) {
    return jdbc.query("SELECT " + COLS + " WHERE t.id = ?", TermRepository::term, id).stream()
        .findFirst();
  }

  List<Term> byOrganisations(Collection<Long> orgs) {
    if (orgs.isEmpty()) {
      return List.of();
    }
    String in = orgs.stream().map(x -> "?").collect(Collectors.joining(","));
    return jdbc.query(
        "SELECT "
            + COLS
            + " WHERE t.organisation_id IN ("
            + in
            + ") ORDER BY t.term_year DESC, t.id",
        TermRepository::term,
        orgs.toArray());
  }

  /** The term an election is linked to, in either part. */
  Optional<Term> ofElection(long electionId) {
    return jdbc
        .query(
            "SELECT " + COLS + " WHERE t.party_election_id = ? OR t.residents_election_id = ?",
            TermRepository::term,
            electionId,
            electionId)
        .stream()
        .findFirst();
  }

  boolean link(long termId, int version, TermPart part, long electionId) {
    String col = part == TermPart.PARTY ? "party_election_id" : "residents_election_id";
    return jdbc.update(
            "UPDATE community_term SET "
                + col
                + " = ?, version = version + 1 WHERE id = ? AND version = ? AND "
                + col
                + " IS NULL",
            electionId,
            termId,
            version)
        == 1;
  }

  boolean saveDeadlines(long termId, int version, Map<TermPart, LocalDate> d, String note) {
    return jdbc.update(
            "UPDATE community_term SET party_deadline = ?, residents_deadline = ?,"
                + " representatives_deadline = ?, supervision_deadline = ?, deadline_note = ?,"
                + " version = version + 1 WHERE id = ? AND version = ?",
            Date.valueOf(d.get(TermPart.PARTY)),
            Date.valueOf(d.get(TermPart.RESIDENTS)),
            Date.valueOf(d.get(TermPart.REPRESENTATIVES)),
            Date.valueOf(d.get(TermPart.SUPERVISION)),
            note,
            termId,
            version)
        == 1;
  }

  List<Post> posts(long termId) {
    return jdbc.query(
        "SELECT member_key, name, post, deputy_director FROM community_term_party_post WHERE"
            + " term_id = ? ORDER BY member_key",
        (rs, i) ->
            new Post(
                rs.getString(1),
                rs.getString(2),
                PartyPost.valueOf(rs.getString(3)),
                rs.getBoolean(4)),
        termId);
  }

  boolean replacePosts(long termId, int version, List<Post> posts, String user, Instant now) {
    if (jdbc.update(
            "UPDATE community_term SET posts_recorded_by = ?, posts_recorded_at = ?, version ="
                + " version + 1 WHERE id = ? AND version = ?",
            user,
            Timestamp.from(now),
            termId,
            version)
        != 1) {
      return false;
    }
    jdbc.update("DELETE FROM community_term_party_post WHERE term_id = ?", termId);
    for (Post p : posts) {
      jdbc.update(
          "INSERT INTO community_term_party_post (term_id, member_key, name, post,"
              + " deputy_director) VALUES (?, ?, ?, ?, ?)",
          termId,
          p.memberKey(),
          p.name(),
          p.post().name(),
          p.deputyDirector());
    }
    return true;
  }

  boolean recordSummary(
      long termId,
      int version,
      boolean oneShoulder,
      int cross,
      String text,
      String user,
      Instant now) {
    return jdbc.update(
            "UPDATE community_term SET one_shoulder = ?, cross_posted = ?, summary_text = ?,"
                + " summary_recorded_by = ?, summary_recorded_at = ?, version = version + 1 WHERE"
                + " id = ? AND version = ?",
            oneShoulder,
            cross,
            text,
            user,
            Timestamp.from(now),
            termId,
            version)
        == 1;
  }

  /**
   * Records the previous term's figures (both pairs replaced; an absent pair is stored as NULL).
   */
  boolean recordPrevious(
      long termId, int version, PreviousTerms.Figures f, String user, Instant now) {
    return jdbc.update(
            "UPDATE community_term SET previous_team_size = ?, previous_team_college = ?,"
                + " previous_residents_size = ?, previous_residents_party = ?,"
                + " previous_recorded_by = ?, previous_recorded_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ?",
            f.team().map(PreviousTerms.Count::whole).orElse(null),
            f.team().map(PreviousTerms.Count::part).orElse(null),
            f.residents().map(PreviousTerms.Count::whole).orElse(null),
            f.residents().map(PreviousTerms.Count::part).orElse(null),
            user,
            Timestamp.from(now),
            termId,
            version)
        == 1;
  }

  /** Removes the part's election from the term (the election itself is kept). */
  boolean unlink(long termId, int version, TermPart part, long electionId) {
    String col = part == TermPart.PARTY ? "party_election_id" : "residents_election_id";
    return jdbc.update(
            "UPDATE community_term SET "
                + col
                + " = NULL, version = version + 1 WHERE id = ? AND version = ? AND "
                + col
                + " = ?",
            termId,
            version,
            electionId)
        == 1;
  }

  /** Deletes a term with no linked election (its 分工 rows first, if any). */
  boolean delete(long termId, int version) {
    jdbc.update("DELETE FROM community_term_party_post WHERE term_id = ?", termId);
    return jdbc.update(
            "DELETE FROM community_term WHERE id = ? AND version = ? AND party_election_id IS NULL"
                + " AND residents_election_id IS NULL",
            termId,
            version)
        == 1;
  }

  /** Whether {@code org} is {@code ancestor} or below it. */
  boolean within(long org, long ancestor) {
    Integer n =
        jdbc.queryForObject(
            "WITH RECURSIVE chain (id, parent_id) AS (SELECT id, parent_id FROM organisation WHERE"
                + " id = ? UNION SELECT o.id, o.parent_id FROM organisation o JOIN chain c ON o.id ="
                + " c.parent_id) SELECT COUNT(*) FROM chain WHERE id = ?",
            Integer.class,
            org,
            ancestor);
    return n != null && n > 0;
  }

  /** The facts the 两委 summary counts (结构): from the party roster or the person register. */
  public record Facts(
      String residentId,
      String name,
      Gender gender,
      LocalDate birthDate,
      Boolean partyMember,
      boolean college) {}

  /** Party members by id (党员名册). */
  Map<Long, Facts> members(Set<Long> ids) {
    Map<Long, Facts> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
    jdbc.query(
        "SELECT id, resident_id, name, gender, birth_date, education FROM party_member WHERE id IN ("
            + in
            + ")",
        rs -> {
          Education ed = education(rs.getString(6));
          out.put(
              rs.getLong(1),
              new Facts(
                  rs.getString(2),
                  rs.getString(3),
                  gender(rs.getString(4)),
                  rs.getDate(5).toLocalDate(),
                  true,
                  xuanju.core.community.EducationTags.collegeOrAbove(ed)));
        },
        ids.toArray());
    return out;
  }

  /** Persons of the register by id (居民名册): party members by link or political status. */
  Map<Long, Facts> persons(Set<Long> ids) {
    Map<Long, Facts> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
    jdbc.query(
        "SELECT p.id, p.resident_id, p.name, p.gender, p.birth_date, p.party_member_id,"
            + " p.political_status, p.tags, m.education FROM person p LEFT JOIN party_member m ON"
            + " m.id = p.party_member_id WHERE p.id IN ("
            + in
            + ")",
        rs -> {
          String status = rs.getString(7);
          boolean party =
              rs.getObject(6) != null
                  || "CPC_MEMBER".equals(status)
                  || "CPC_PROBATIONARY".equals(status);
          String tags = rs.getString(8) == null ? "" : rs.getString(8);
          boolean college =
              List.of(tags.split("、")).contains(xuanju.core.quota.QuotaSets.COLLEGE_TAG)
                  || xuanju.core.community.EducationTags.collegeOrAbove(education(rs.getString(9)));
          out.put(
              rs.getLong(1),
              new Facts(
                  rs.getString(2),
                  rs.getString(3),
                  gender(rs.getString(4)),
                  rs.getDate(5).toLocalDate(),
                  party,
                  college));
        },
        ids.toArray());
    return out;
  }

  /** Application id → person id of a residents' committee election. */
  Map<String, Long> applicants(long electionId) {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT id, person_id FROM community_application WHERE election_id = ?",
        rs -> {
          out.put(String.valueOf(rs.getLong(1)), rs.getLong(2));
        },
        electionId);
    return out;
  }

  private static Gender gender(String s) {
    try {
      return s == null ? null : Gender.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Education education(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Education.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static List<Post> copy(List<Post> p) {
    return new ArrayList<>(p);
  }
}
