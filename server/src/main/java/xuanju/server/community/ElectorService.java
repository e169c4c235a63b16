package xuanju.server.community;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.CommunityRule;
import xuanju.core.community.ElectorateMode;
import xuanju.core.community.Electorates;
import xuanju.core.names.NameOrder;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.card.VoterCardToken;
import xuanju.server.community.ElectorRepository.Listed;
import xuanju.server.election.Election;

/**
 * The electors of a residents' committee election under the adopted 选举办法's way (居组法 第八条, core
 * {@link Electorates}): the named 户代表 or 居民小组代表 (选举人), the turnout base fixed when the vote opens
 * (登记参加选举的居民人数、户数 or 代表人数) and check-in (签到领票) of each vote — one ballot per voter, per household
 * or per group representative, the key held by a unique row so two desks cannot issue twice.
 */
@Service
public class ElectorService {
  private static final Pattern ID = Pattern.compile("[0-9]{17}[0-9Xx]");

  private final CommunityContext ctx;
  private final ElectorRepository repo;
  private final CommunityVotingRepository votes;
  private final ElectionMethodService methods;
  private final VoterCardToken cards;

  ElectorService(
      CommunityContext ctx,
      ElectorRepository repo,
      CommunityVotingRepository votes,
      ElectionMethodService methods,
      VoterCardToken cards) {
    this.ctx = ctx;
    this.repo = repo;
    this.votes = votes;
    this.methods = methods;
    this.cards = cards;
  }

  /** A named representative, for the page. */
  public record Representative(long registrationId, String name, String unit, String basis) {}

  /**
   * The electors as the page shows them.
   *
   * @param mode the adopted way, empty before adoption
   * @param base the turnout base now (fixed once a vote opened)
   * @param baseNoteZh how the base is counted
   * @param units per 居民小组 (group way) or one list (household way): the representatives in 姓氏笔画
   * @param findings core's findings on the representatives (errors block opening the vote)
   * @param locked whether a vote has opened (representatives can no longer change)
   * @param checkIns check-ins of the current vote
   * @param checkInsByBox the current vote's check-ins per box (station id; 0 = box not given)
   */
  public record View(
      Optional<ElectorateMode> mode,
      long base,
      String baseNoteZh,
      Map<String, List<Representative>> units,
      Findings findings,
      boolean locked,
      long checkIns,
      Map<Long, Long> checkInsByBox) {
    /** The check-ins at a box, or null when none was recorded there. */
    public Long checkInsAt(long stationId) {
      return checkInsByBox.get(stationId);
    }

    public boolean representatives() {
      return mode.isPresent() && mode.get() != ElectorateMode.ALL_VOTERS;
    }

    public boolean households() {
      return mode.isPresent() && mode.get() == ElectorateMode.HOUSEHOLD_REPRESENTATIVES;
    }

    /** What one check-in counts: 户 when households vote, else 人. */
    public String checkInUnitZh() {
      return households() ? "户" : "人";
    }

    public int representativeCount() {
      return units.values().stream().mapToInt(List::size).sum();
    }
  }

  /** The turnout base and how it was counted. */
  record Base(long count, String noteZh) {}

  @Transactional(readOnly = true)
  public View view(long electionId) {
    Election e = ctx.election(electionId, Permission.VIEW);
    Optional<ElectorateMode> mode = methods.adoptedMode(electionId);
    CommunityVote cur = current(electionId);
    long checkIns = cur == null ? 0 : repo.checkIns(cur.id());
    Map<Long, Long> byBox = cur == null ? Map.of() : repo.checkInsByStation(cur.id());
    if (mode.isEmpty()) {
      return new View(mode, 0, "", Map.of(), Findings.none(), cur != null, checkIns, byBox);
    }
    List<Listed> roll = repo.roll(e.id());
    Map<Long, String> reps = repo.representatives(e.id());
    Electorates.Input in = input(mode.get(), roll, reps.keySet());
    Base base = cur != null ? new Base(cur.base(), cur.baseNoteZh()) : base(in, reps.size());
    return new View(
        mode,
        base.count(),
        base.noteZh(),
        units(mode.get(), roll, reps),
        Electorates.validate(in),
        cur != null,
        checkIns,
        byBox);
  }

  private static Electorates.Input input(
      ElectorateMode mode, List<Listed> roll, Set<Long> representatives) {
    return new Electorates.Input(
        mode,
        roll.stream().map(Listed::entry).toList(),
        representatives.stream().map(String::valueOf).collect(Collectors.toSet()));
  }

  private static Base base(Electorates.Input in, int named) {
    long voters = in.roll().size();
    long base = Electorates.turnoutBase(in);
    return switch (in.mode()) {
      case ALL_VOTERS -> new Base(base, "登记参加选举的居民" + voters + "人");
      case HOUSEHOLD_REPRESENTATIVES ->
          new Base(
              base,
              "登记参加选举的居民"
                  + voters
                  + "人，共"
                  + base
                  + "户；"
                  + (named == 0
                      ? "未另行确定户代表，每户由到场的一名家庭成员签到领票"
                      : "已确定户代表" + named + "名，其余各户由到场的一名家庭成员签到领票"));
      case GROUP_REPRESENTATIVES ->
          new Base(
              base,
              in.roll().stream().map(x -> x.groupId()).filter(g -> !g.isEmpty()).distinct().count()
                  + "个居民小组选出的代表"
                  + base
                  + "人");
    };
  }

  private static Map<String, List<Representative>> units(
      ElectorateMode mode, List<Listed> roll, Map<Long, String> reps) {
    NameOrder strokes = NameOrder.surnameStrokes();
    Map<String, List<Representative>> out = new TreeMap<>();
    boolean household = mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES;
    if (mode == ElectorateMode.GROUP_REPRESENTATIVES) {
      roll.stream()
          .filter(x -> !x.group().isEmpty())
          .forEach(x -> out.putIfAbsent(x.group(), new ArrayList<>()));
    }
    for (Listed x : roll) {
      String basis = reps.get(x.registrationId());
      if (basis != null) {
        String unit = household ? "户代表" : x.group().isEmpty() ? "（未填居民小组）" : x.group();
        out.computeIfAbsent(unit, k -> new ArrayList<>())
            .add(
                new Representative(
                    x.registrationId(),
                    x.name(),
                    household ? "户号" + (x.household().isEmpty() ? "未填" : x.household()) : x.group(),
                    basis));
      }
    }
    out.values().forEach(l -> l.sort((a, b) -> strokes.compare(a.name(), b.name())));
    return out;
  }

  /**
   * The base for a vote being opened (MANAGE in the caller): refused, nothing opened, while core
   * finds an error (a voter without 户号 or group, a group with other than 2–3 representatives, a
   * household with two).
   */
  Base opening(Election e, ElectorateMode mode) {
    List<Listed> roll = repo.roll(e.id());
    Map<Long, String> reps = repo.representatives(e.id());
    Electorates.Input in = input(mode, roll, reps.keySet());
    Findings f = Electorates.validate(in);
    if (!f.errors().isEmpty()) {
      throw new IllegalStateException(
          "按选举办法规定的选举方式（" + mode.labelZh() + "），尚不能开始投票：" + CommunityContext.errors(f));
    }
    return base(in, reps.size());
  }

  /**
   * Names representatives (MANAGE), one per line by ID number (a name before it is allowed), with
   * how they were chosen; those already named are kept. Refused, nothing stored: under 全体选民, after
   * the vote opened, a line without a valid ID number or of someone not on the voter list, a person
   * twice, a second representative of a household, a fourth of a group, or a representative without
   * 户号 / group.
   *
   * @return how many were added
   */
  @Transactional
  public int addRepresentatives(long electionId, String lines, String basis) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    ElectorateMode mode = changeable(e);
    String how = basis == null ? "" : basis.strip();
    if (how.isEmpty()) {
      throw new InvalidInputException(
          "basis",
          mode == ElectorateMode.GROUP_REPRESENTATIVES
              ? "请写明推选情况，如：第三居民小组会议推选（12月1日）"
              : "请写明确定情况，如：各户书面确定");
    }
    Map<Long, String> reps = repo.representatives(e.id());
    Map<Long, Listed> added = new LinkedHashMap<>();
    String[] rows = lines == null ? new String[0] : lines.split("\\R");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      String label = "第" + (i + 1) + "行";
      Matcher m = ID.matcher(row.replace(" ", ""));
      String raw = m.find() ? m.group() : row;
      String id = ctx.residentId(raw, "representatives", label + "的公民身份号码");
      Listed x =
          repo.listed(e.id(), id)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "representatives",
                          label
                              + "："
                              + "该公民身份号码不是本次选举登记在册的选民"
                              + CommunityContext.basis(CommunityRule.ELECTORATE_NOT_ON_ROLL)));
      if (added.containsKey(x.registrationId())) {
        throw new InvalidInputException("representatives", label + "：" + x.name() + "重复填写");
      }
      String unit = mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES ? x.household() : x.group();
      if (unit.isEmpty()) {
        throw new InvalidInputException(
            "representatives",
            label
                + "："
                + x.name()
                + "没有"
                + (mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES ? "户号" : "居民小组")
                + "，请先在居民信息中补录"
                + CommunityContext.basis(CommunityRule.ELECTORATE_UNIT_KNOWN));
      }
      if (!reps.containsKey(x.registrationId())) {
        added.put(x.registrationId(), x);
      }
    }
    if (added.isEmpty() && reps.isEmpty()) {
      throw new InvalidInputException("representatives", "请填写代表的公民身份号码，每行一人");
    }
    Set<Long> all = new HashSet<>(reps.keySet());
    all.addAll(added.keySet());
    Findings f = Electorates.validate(input(mode, repo.roll(e.id()), all));
    List<Finding> refused =
        f.errors().stream()
            .filter(
                x ->
                    x.rule() == CommunityRule.ELECTORATE_HOUSEHOLD_ONE
                        || (x.rule() == CommunityRule.ELECTORATE_GROUP_2_3
                            && ((Number) x.facts().get("representatives")).intValue() > 3))
            .toList();
    if (!refused.isEmpty()) {
      throw new InvalidInputException(
          "representatives", CommunityContext.errors(Findings.of(refused)));
    }
    String user = AccessService.currentUser();
    for (Listed x : added.values()) {
      repo.addRepresentative(e.id(), x.registrationId(), how, user, ctx.clock.instant());
    }
    if (!added.isEmpty()) {
      ctx.audit(
          "COMMUNITY_ELECTORS_NAMED",
          e,
          "确定"
              + (mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES ? "户代表" : "居民小组代表")
              + added.size()
              + "名（"
              + how
              + "）："
              + added.values().stream()
                  .map(x -> x.name() + "（" + unitZh(mode, x) + "）")
                  .collect(Collectors.joining("、")));
    }
    return added.size();
  }

  private static String unitZh(ElectorateMode mode, Listed x) {
    return mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES ? "户号" + x.household() : x.group();
  }

  /** Removes a named representative (MANAGE) before the vote opens. */
  @Transactional
  public void removeRepresentative(long electionId, long registrationId) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    ElectorateMode mode = changeable(e);
    String name =
        repo.roll(e.id()).stream()
            .filter(x -> x.registrationId() == registrationId)
            .map(x -> x.name() + "（" + unitZh(mode, x) + "）")
            .findFirst()
            .orElse("");
    if (repo.removeRepresentative(e.id(), registrationId) == 0) {
      throw new InvalidInputException("registrationId", "该居民不是本次选举已确定的代表");
    }
    ctx.audit("COMMUNITY_ELECTOR_REMOVED", e, "撤销代表：" + name);
  }

  private ElectorateMode changeable(Election e) {
    ElectorateMode mode =
        methods
            .adoptedMode(e.id())
            .orElseThrow(() -> new IllegalStateException("选举办法尚未经居民代表会议通过，选举方式尚未确定"));
    if (mode == ElectorateMode.ALL_VOTERS) {
      throw new IllegalStateException("本次选举由全体有选举权的居民直接选举，不需确定户代表或居民小组代表");
    }
    if (!votes.votes(e.id()).isEmpty()) {
      throw new IllegalStateException("投票已经开始，户代表和居民小组代表不能再更改");
    }
    return mode;
  }

  /** A check-in admitted. */
  public record Admitted(String name, String unitZh, long checkIns, String countUnitZh) {
    public String messageZh() {
      return "已签到领票："
          + name
          + (unitZh.isEmpty() ? "" : "（" + unitZh + "）")
          + "；本次投票已签到"
          + checkIns
          + countUnitZh;
    }
  }

  /** The listed voter of an ID number or of a scanned voter card's QR text (选民证二维码). */
  private Listed voter(Election e, String typed) {
    String raw = typed == null ? "" : typed.strip();
    if (raw.regionMatches(true, 0, "XJ1-", 0, 4)) {
      VoterCardToken.Card card =
          cards
              .decode(raw)
              .orElseThrow(
                  () ->
                      new InvalidInputException("residentId", "二维码无效：不是本系统签发的选民证，或内容被改动，请核对身份证件"));
      if (card.electionId() != e.id()) {
        throw new InvalidInputException("residentId", "该选民证不是本次选举的选民证");
      }
      return repo.listedByCard(e.id(), card.districtId(), card.voterNo())
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      "residentId",
                      "该选民证（选民证号 "
                          + card.voterNo()
                          + "）对应的选民已不在选民名单中，不能领取选票"
                          + CommunityContext.basis(CommunityRule.ELECTORATE_NOT_ON_ROLL)));
    }
    String id = ctx.residentId(raw, "residentId", "签到人的公民身份号码");
    return repo.listed(e.id(), id)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "residentId",
                    "该公民身份号码不是本次选举登记在册的选民，不能领取选票"
                        + CommunityContext.basis(CommunityRule.ELECTORATE_NOT_ON_ROLL)));
  }

  /** Check-in without saying the box. */
  @Transactional
  public Admitted checkIn(long electionId, String residentId) {
    return checkIn(electionId, residentId, null);
  }

  /**
   * Check-in at a desk (COUNT) for the current vote, by ID number or the voter card's QR text, at a
   * box (the central station or a mobile box; optional): refused with the rule, nothing stored, for
   * someone not on the voter list, not an elector under the way (not the household's named
   * representative; not a group representative), already checked in, or whose household already has
   * — at any box.
   */
  @Transactional
  public Admitted checkIn(long electionId, String residentId, Long stationId) {
    Election e = ctx.election(electionId, Permission.COUNT);
    if (stationId != null) {
      BoxCountService.box(votes, electionId, stationId);
    }
    ElectorateMode mode =
        methods
            .adoptedMode(e.id())
            .orElseThrow(() -> new IllegalStateException("选举办法尚未经居民代表会议通过，不能签到领票"));
    CommunityVote v = current(e.id());
    if (v == null || v.decided()) {
      throw new IllegalStateException(v == null ? "本次选举尚未开始投票，不能签到领票" : "本次投票的结果已经确定，不能再签到领票");
    }
    Listed x = voter(e, residentId);
    List<Listed> roll;
    if (mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES) {
      if (x.household().isEmpty()) {
        throw new InvalidInputException(
            "residentId",
            x.name()
                + "没有户号，无法按户签到领票"
                + CommunityContext.basis(CommunityRule.ELECTORATE_UNIT_KNOWN));
      }
      roll = repo.household(e.id(), x.household());
    } else {
      roll = List.of(x);
    }
    Set<Long> reps = new HashSet<>();
    for (Listed r : roll) {
      if (mode != ElectorateMode.ALL_VOTERS && repo.isRepresentative(e.id(), r.registrationId())) {
        reps.add(r.registrationId());
      }
    }
    Electorates.Input in = input(mode, roll, reps);
    String key = mode.checkInKey(x.entry());
    Set<String> done = repo.checkedIn(v.id(), key) ? Set.of(key) : Set.of();
    Electorates.CheckIn c = Electorates.checkIn(in, done, String.valueOf(x.registrationId()));
    if (!c.admitted()
        || !repo.checkIn(
            v.id(),
            key,
            x.registrationId(),
            stationId,
            AccessService.currentUser(),
            ctx.clock.instant())) {
      Finding why =
          c.admitted()
              ? Finding.of(
                  CommunityRule.ELECTORATE_ALREADY_CHECKED_IN, "residentId", x.name() + "已经签到领票")
              : c.findings().errors().get(0);
      throw new InvalidInputException(
          "residentId", why.messageZh() + CommunityContext.basis(why.rule()));
    }
    String unit =
        mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES ? "户号" + x.household() : x.group();
    ctx.audit(
        "COMMUNITY_CHECK_IN",
        e,
        v.titleZh() + "签到领票：" + x.name() + (unit.isEmpty() ? "" : "（" + unit + "）"));
    return new Admitted(
        x.name(),
        unit,
        repo.checkIns(v.id()),
        mode == ElectorateMode.HOUSEHOLD_REPRESENTATIVES ? "户" : "人");
  }

  /**
   * Undoes a mistaken check-in of the current vote (COUNT), e.g. a wrong ID number typed, so the
   * voter (or the household) can take the ballot: with the reason, audited; refused once the vote
   * is decided or when the voter has not checked in.
   */
  @Transactional
  public String undoCheckIn(long electionId, String residentId, String reason) {
    Election e = ctx.election(electionId, Permission.COUNT);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new InvalidInputException("reason", "请写明撤销签到的原因，如：身份证号输入错误");
    }
    CommunityVote v = current(e.id());
    if (v == null || v.decided()) {
      throw new IllegalStateException(v == null ? "本次选举尚未开始投票" : "本次投票的结果已经确定，不能撤销签到");
    }
    Listed x = voter(e, residentId);
    if (repo.undoCheckIn(v.id(), x.registrationId()) == 0) {
      throw new InvalidInputException("residentId", x.name() + "本次投票没有签到领票");
    }
    ctx.audit("COMMUNITY_CHECK_IN_UNDONE", e, v.titleZh() + "撤销签到：" + x.name() + "（" + why + "）");
    return "已撤销" + x.name() + "的签到";
  }

  /** The election's latest vote, or null before the first opens. */
  private CommunityVote current(long electionId) {
    List<CommunityVote> vs = votes.votes(electionId);
    return vs.isEmpty() ? null : vs.get(vs.size() - 1);
  }
}
