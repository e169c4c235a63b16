package xuanju.server.community;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import xuanju.core.community.BarringCase;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.QualificationReview;
import xuanju.core.community.ReviewBody;

/**
 * Storage of the applications (报名), the joint review's opinions (联审意见) and the publication of the
 * formal list ({@code community_application}, {@code community_review_opinion}, {@code
 * community_formal_list}, V34).
 */
@Repository
public class ApplicationRepository {
  private final JdbcTemplate jdbc;

  ApplicationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An application with the applicant's facts. */
  public record Application(
      long id,
      long personId,
      String name,
      String residentId,
      CommitteePost post,
      LocalDate appliedOn,
      boolean partyRecommended,
      boolean formal,
      int version) {
    public String maskedId() {
      return xuanju.core.roster.ResidentIds.mask(residentId);
    }
  }

  List<Application> applications(long electionId) {
    return jdbc.query(
        "SELECT a.id, a.person_id, p.name, p.resident_id, a.post, a.applied_on,"
            + " a.party_recommended, a.formal, a.version FROM community_application a"
            + " JOIN person p ON p.id = a.person_id WHERE a.election_id = ? ORDER BY a.id",
        (rs, i) ->
            new Application(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                CommitteePost.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class),
                rs.getBoolean(7),
                rs.getBoolean(8),
                rs.getInt(9)),
        electionId);
  }

  Optional<Application> application(long electionId, long applicationId) {
    return applications(electionId).stream().filter(a -> a.id() == applicationId).findFirst();
  }

  void insert(
      long electionId,
      long personId,
      CommitteePost post,
      LocalDate appliedOn,
      boolean partyRecommended,
      String user,
      Instant now) {
    jdbc.update(
        "INSERT INTO community_application (election_id, person_id, post, applied_on,"
            + " party_recommended, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        electionId,
        personId,
        post.name(),
        Date.valueOf(appliedOn),
        partyRecommended,
        user,
        Timestamp.from(now));
  }

  boolean recommend(long applicationId, int version) {
    return jdbc.update(
            "UPDATE community_application SET party_recommended = TRUE, version = version + 1"
                + " WHERE id = ? AND version = ? AND party_recommended = FALSE",
            applicationId,
            version)
        == 1;
  }

  /** One opinion as stored. */
  public record Opinion(
      long applicationId,
      ReviewBody body,
      boolean written,
      LocalDate givenOn,
      BarringCase barringCase,
      String evidence,
      LocalDate decidedOn) {
    QualificationReview.Opinion core() {
      return new QualificationReview.Opinion(
          body,
          written,
          givenOn,
          barringCase == null
              ? List.of()
              : List.of(new QualificationReview.Report(barringCase, evidence, decidedOn)));
    }
  }

  /** The opinions of the applications, by application id, in the order recorded. */
  Map<Long, List<Opinion>> opinions(Collection<Long> applicationIds) {
    Map<Long, List<Opinion>> out = new LinkedHashMap<>();
    for (long id : applicationIds) {
      out.put(id, new ArrayList<>());
    }
    if (applicationIds.isEmpty()) {
      return out;
    }
    String in = String.join(",", applicationIds.stream().map(x -> "?").toList());
    jdbc.query(
        "SELECT application_id, body, written, given_on, barring_case, evidence, decided_on"
            + " FROM community_review_opinion WHERE application_id IN ("
            + in
            + ") ORDER BY id",
        rs -> {
          String c = rs.getString(5);
          out.get(rs.getLong(1))
              .add(
                  new Opinion(
                      rs.getLong(1),
                      ReviewBody.valueOf(rs.getString(2)),
                      rs.getBoolean(3),
                      rs.getObject(4, LocalDate.class),
                      c == null ? null : BarringCase.valueOf(c),
                      rs.getString(6),
                      rs.getObject(7, LocalDate.class)));
        },
        applicationIds.toArray());
    return out;
  }

  void insertOpinion(Opinion o, String user, Instant now) {
    jdbc.update(
        "INSERT INTO community_review_opinion (application_id, body, written, given_on,"
            + " barring_case, evidence, decided_on, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        o.applicationId(),
        o.body().name(),
        o.written(),
        Date.valueOf(o.givenOn()),
        o.barringCase() == null ? null : o.barringCase().name(),
        o.evidence(),
        o.decidedOn() == null ? null : Date.valueOf(o.decidedOn()),
        user,
        Timestamp.from(now));
  }

  /** The publication of the formal list. */
  public record Published(LocalDate publishedOn, int candidates) {}

  Optional<Published> published(long electionId) {
    return jdbc
        .query(
            "SELECT published_on, candidates FROM community_formal_list WHERE election_id = ?",
            (rs, i) -> new Published(rs.getObject(1, LocalDate.class), rs.getInt(2)),
            electionId)
        .stream()
        .findFirst();
  }

  /** Publishes: marks the applications formal and records the day; the key refuses a second. */
  void publish(long electionId, List<Long> applicationIds, LocalDate on, String user, Instant now) {
    jdbc.update(
        "INSERT INTO community_formal_list (election_id, published_on, candidates, recorded_by,"
            + " recorded_at) VALUES (?, ?, ?, ?, ?)",
        electionId,
        Date.valueOf(on),
        applicationIds.size(),
        user,
        Timestamp.from(now));
    for (long id : applicationIds) {
      jdbc.update(
          "UPDATE community_application SET formal = TRUE, version = version + 1"
              + " WHERE id = ? AND election_id = ?",
          id,
          electionId);
    }
  }
}
