package xuanju.server.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.Permission;
import xuanju.server.card.VoterLookupRepository.Found;
import xuanju.server.election.Election;

/**
 * The check-in desks' look-up (签到查询) of registered voters: by name, by resident ID number or by the
 * QR code of the voter card. Each answer is one indexed query ({@link VoterLookupRepository}: the
 * name index, the unique ID number, the unique district and voter number, the name index for a
 * prefix when no name matches exactly) that also reads the check-in state and the proxies; a voter
 * who holds proxies adds one query for their names. The answer shows the ID number masked, the
 * station, whether the voter has checked in and the proxies (委托投票) the voter gives or holds.
 */
@Service
public class VoterLookupService {
  static final int LIMIT = 20;

  private final VoterLookupRepository repo;
  private final CardService cards;
  private final VoterCardToken tokens;

  VoterLookupService(VoterLookupRepository repo, CardService cards, VoterCardToken tokens) {
    this.repo = repo;
    this.cards = cards;
    this.tokens = tokens;
  }

  /**
   * A voter found.
   *
   * @param key the check-in key ({@link VoterKeys})
   * @param maskedId the resident ID number with its middle hidden
   * @param checkedIn whether the voter (or a holder on the voter's behalf) has checked in
   * @param delegatedTo the holder who votes for this voter (委托投票, valid), or null
   * @param holds the voters this voter votes for (valid proxies), by name with voter number
   */
  public record Hit(
      String key,
      long registrationId,
      String name,
      String maskedId,
      String district,
      int voterNo,
      String station,
      boolean checkedIn,
      String delegatedTo,
      List<String> holds) {}

  /** The answer: how the query was read (NAME, NAME_PREFIX, ID, QR) and the voters found. */
  public record Result(String by, List<Hit> voters) {}

  /**
   * Looks up by {@code qr} (the scanned text) when given, else by {@code q} (name or ID number).
   */
  @Transactional(readOnly = true)
  public Result lookup(long electionId, String q, String qr) {
    Election e = cards.election(electionId, Permission.VIEW);
    if (qr != null && !qr.isBlank()) {
      return new Result("QR", hits(List.of(byQr(e, qr))));
    }
    String t = q == null ? "" : q.strip();
    if (t.isEmpty()) {
      throw new InvalidInputException("q", "请输入姓名或公民身份号码，或扫描选民证二维码");
    }
    if (t.length() > 50) {
      throw new InvalidInputException("q", "查询内容过长（最多50个字符）");
    }
    if (t.matches("[0-9]{17}[0-9Xx]")) {
      String id = t.toUpperCase(Locale.ROOT);
      return new Result("ID", hits(repo.byResidentId(electionId, id).stream().toList()));
    }
    if (t.matches("[0-9Xx]+")) {
      throw new InvalidInputException("q", "公民身份号码应为18位（最后一位可为X），请输入完整号码或姓名");
    }
    List<Found> exact = repo.byName(electionId, t, LIMIT);
    if (!exact.isEmpty()) {
      return new Result("NAME", hits(exact));
    }
    return new Result("NAME_PREFIX", hits(repo.byNamePrefix(electionId, t, LIMIT)));
  }

  private Found byQr(Election e, String qr) {
    VoterCardToken.Card c =
        tokens
            .decode(qr)
            .orElseThrow(() -> new InvalidInputException("qr", "二维码无效：不是本系统签发的选民证，或内容被改动，请核对身份证件"));
    if (c.electionId() != e.id()) {
      throw new InvalidInputException("qr", "该选民证不是本次选举（" + e.title() + "）的选民证");
    }
    Optional<Found> v = repo.byVoterNo(e.id(), c.districtId(), c.voterNo());
    return v.orElseThrow(
        () -> new InvalidInputException("qr", "该选民证（选民证号 " + c.voterNo() + "）对应的选民已不在选民名单中"));
  }

  private List<Hit> hits(List<Found> rows) {
    List<Long> holders =
        rows.stream().filter(v -> v.holdCount() > 0).map(Found::registrationId).toList();
    Map<Long, List<String>> holds = repo.holds(holders);
    List<Hit> out = new ArrayList<>(rows.size());
    for (Found v : rows) {
      out.add(
          new Hit(
              VoterKeys.key(v.registrationId()),
              v.registrationId(),
              v.name(),
              ResidentIds.mask(v.residentId()),
              v.districtZh(),
              v.voterNo(),
              v.stationName() == null ? "" : v.stationName(),
              v.checkedIn(),
              v.delegatedTo(),
              holds.getOrDefault(v.registrationId(), List.of())));
    }
    return out;
  }
}
