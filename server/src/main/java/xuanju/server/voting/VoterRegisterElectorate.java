package xuanju.server.voting;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import xuanju.server.card.VoterKeys;
import xuanju.server.election.Election;
import xuanju.server.election.kind.Electorate;
import xuanju.server.proxy.ProxyService;
import xuanju.server.voting.VotingModel.Voter;

/**
 * Registered voters by district (选区选民): the voters listed (在册) on the election's voter register
 * (选民登记), keyed {@code v<registration id>} ({@link VoterKeys}), with the full ID number for the
 * check-in search (the screens show it masked). A voter who gave a valid proxy (委托投票) is expected
 * like any other and counts as present when the holder checks in ({@link #proxiesHeldBy}).
 */
@Component
class VoterRegisterElectorate implements ElectorateProvider {
  private final JdbcTemplate jdbc;
  private final ProxyService proxies;

  VoterRegisterElectorate(JdbcTemplate jdbc, ProxyService proxies) {
    this.jdbc = jdbc;
    this.proxies = proxies;
  }

  @Override
  public Electorate electorate() {
    return Electorate.REGISTERED_VOTERS_BY_DISTRICT;
  }

  @Override
  public List<Voter> eligibleVoters(Election e) {
    return jdbc.query(
        "SELECT r.id, p.name, p.resident_id FROM voter_registration r"
            + " JOIN person p ON p.id = r.person_id JOIN district d ON d.id = r.district_id"
            + " WHERE r.election_id = ? AND r.status = 'LISTED' ORDER BY d.number, r.voter_no",
        (rs, i) -> new Voter(VoterKeys.key(rs.getLong(1)), null, rs.getString(2), rs.getString(3)),
        e.id());
  }

  @Override
  public long expected(Election e) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM voter_registration WHERE election_id = ? AND status = 'LISTED'",
            Long.class,
            e.id());
    return n == null ? 0 : n;
  }

  @Override
  public String expectedZh(Election e) {
    long listed = expected(e);
    if (listed == 0) {
      return "选民名单上尚无在册选民，无法确定应参加投票的选民人数";
    }
    Long proxied =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM voter_proxy WHERE election_id = ? AND status = 'VALID'",
            Long.class,
            e.id());
    return "选民名单在册选民"
        + listed
        + "人"
        + (proxied == null || proxied == 0 ? "" : "（其中委托他人代为投票" + proxied + "人，受托人签到时一并计入）");
  }

  @Override
  public List<Voter> proxiesHeldBy(Election e, String holderKey) {
    var id = VoterKeys.registrationId(holderKey);
    if (id.isEmpty()) {
      return List.of();
    }
    return proxies.votesHeldBy(id.getAsLong()).entrySet().stream()
        .map(
            (Map.Entry<Long, String> x) ->
                new Voter(VoterKeys.key(x.getKey()), null, x.getValue(), ""))
        .toList();
  }
}
