package xuanju.server.proxy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code voter_proxy} table (V16) and the registrations it links. */
@Repository
class ProxyRepository {
  private final JdbcTemplate jdbc;

  ProxyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A listed registration of the election, as the proxy rules need it. */
  record Registered(
      long registrationId,
      String name,
      String residentId,
      long districtId,
      int districtNumber,
      String districtName,
      int voterNo,
      java.time.LocalDate registeredOn) {
    String districtZh() {
      return "第" + districtNumber + "选区（" + districtName + "）";
    }
  }

  private static final String REGISTERED =
      "SELECT r.id, p.name, p.resident_id, d.id, d.number, d.name, r.voter_no, r.registered_on"
          + " FROM voter_registration r JOIN person p ON p.id = r.person_id"
          + " JOIN district d ON d.id = r.district_id";

  private static Registered registered(ResultSet rs, int i) throws SQLException {
    return new Registered(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getInt(5),
        rs.getString(6),
        rs.getInt(7),
        rs.getObject(8, LocalDate.class));
  }

  Optional<Registered> byResidentId(long electionId, String residentId) {
    return jdbc
        .query(
            REGISTERED + " WHERE p.resident_id = ? AND r.election_id = ? AND r.status = 'LISTED'",
            ProxyRepository::registered,
            residentId,
            electionId)
        .stream()
        .findFirst();
  }

  Optional<Registered> byRegistration(long registrationId) {
    return jdbc
        .query(REGISTERED + " WHERE r.id = ?", ProxyRepository::registered, registrationId)
        .stream()
        .findFirst();
  }

  private static final String PROXY =
      "SELECT x.id, x.election_id, x.principal_registration_id, x.holder_registration_id,"
          + " x.authorised_on, x.reason, x.written, x.close_relative, x.relationship,"
          + " x.consent_on, x.consent_by, x.status, x.withdrawn_reason, x.recorded_by, x.version,"
          + " pp.name, pp.resident_id, pr.voter_no, pd.number, pd.name,"
          + " hp.name, hp.resident_id, hr.voter_no, hd.number, hd.name"
          + " FROM voter_proxy x"
          + " JOIN voter_registration pr ON pr.id = x.principal_registration_id"
          + " JOIN person pp ON pp.id = pr.person_id JOIN district pd ON pd.id = pr.district_id"
          + " JOIN voter_registration hr ON hr.id = x.holder_registration_id"
          + " JOIN person hp ON hp.id = hr.person_id JOIN district hd ON hd.id = hr.district_id";

  private static VoterProxy proxy(ResultSet rs, int i) throws SQLException {
    return new VoterProxy(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getObject(5, LocalDate.class),
        rs.getString(6),
        rs.getBoolean(7),
        rs.getBoolean(8),
        rs.getString(9),
        rs.getObject(10, LocalDate.class),
        rs.getString(11),
        VoterProxy.Status.valueOf(rs.getString(12)),
        rs.getString(13),
        rs.getString(14),
        rs.getInt(15),
        new VoterProxy.Party(
            rs.getString(16), rs.getString(17), rs.getInt(18), rs.getInt(19), rs.getString(20)),
        new VoterProxy.Party(
            rs.getString(21), rs.getString(22), rs.getInt(23), rs.getInt(24), rs.getString(25)));
  }

  List<VoterProxy> list(long electionId) {
    return jdbc.query(
        PROXY + " WHERE x.election_id = ? ORDER BY x.id", ProxyRepository::proxy, electionId);
  }

  Optional<VoterProxy> find(long electionId, long proxyId) {
    return jdbc
        .query(
            PROXY + " WHERE x.election_id = ? AND x.id = ?",
            ProxyRepository::proxy,
            electionId,
            proxyId)
        .stream()
        .findFirst();
  }

  /** The live (not withdrawn) proxy of a principal, if any. */
  Optional<VoterProxy> liveOfPrincipal(long electionId, long principalRegistrationId) {
    return jdbc
        .query(
            PROXY
                + " WHERE x.election_id = ? AND x.principal_registration_id = ?"
                + " AND x.status <> 'WITHDRAWN'",
            ProxyRepository::proxy,
            electionId,
            principalRegistrationId)
        .stream()
        .findFirst();
  }

  /** The valid proxies a holder votes for (check-in). */
  List<VoterProxy> validHeldBy(long holderRegistrationId) {
    return jdbc.query(
        PROXY + " WHERE x.holder_registration_id = ? AND x.status = 'VALID' ORDER BY x.id",
        ProxyRepository::proxy,
        holderRegistrationId);
  }

  long insert(
      long electionId,
      long principal,
      long holder,
      LocalDate authorisedOn,
      String reason,
      boolean written,
      boolean closeRelative,
      String relationship,
      LocalDate consentOn,
      String consentBy,
      VoterProxy.Status status,
      String by,
      Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "INSERT INTO voter_proxy (election_id, principal_registration_id,"
                      + " holder_registration_id, active_principal_id, authorised_on, reason,"
                      + " written, close_relative, relationship, consent_on, consent_by, status,"
                      + " recorded_by, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, electionId);
          ps.setLong(2, principal);
          ps.setLong(3, holder);
          ps.setLong(4, principal);
          ps.setDate(5, Date.valueOf(authorisedOn));
          ps.setString(6, reason);
          ps.setBoolean(7, written);
          ps.setBoolean(8, closeRelative);
          ps.setString(9, relationship);
          ps.setDate(10, consentOn == null ? null : Date.valueOf(consentOn));
          ps.setString(11, consentBy);
          ps.setString(12, status.name());
          ps.setString(13, by);
          ps.setTimestamp(14, Timestamp.from(now));
          ps.setTimestamp(15, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  boolean consent(long proxyId, int version, LocalDate consentOn, String consentBy, Instant now) {
    return jdbc.update(
            "UPDATE voter_proxy SET consent_on = ?, consent_by = ?, status = 'VALID',"
                + " updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status = 'PENDING'",
            Date.valueOf(consentOn),
            consentBy,
            Timestamp.from(now),
            proxyId,
            version)
        == 1;
  }

  boolean withdraw(long proxyId, int version, String reason, Instant now) {
    return jdbc.update(
            "UPDATE voter_proxy SET status = 'WITHDRAWN', active_principal_id = NULL,"
                + " withdrawn_reason = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status <> 'WITHDRAWN'",
            reason,
            Timestamp.from(now),
            proxyId,
            version)
        == 1;
  }
}
