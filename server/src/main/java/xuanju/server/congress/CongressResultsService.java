package xuanju.server.congress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.outcome.RoundKind;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;

/**
 * The results of a deputies' election (选举结果), per level (镇人大代表, 县(旗)人大代表): per contest the numbers
 * published by law (登记选民, 参加投票, 有效票, 无效票, every candidate's votes, 选举法第四十六条 and L6 第四十二条), the
 * elected, the vacancies and the votes found invalid for too low a turnout; and the steps that
 * follow, in this order: the election committee confirms the election valid and announces it once
 * every contest of the level has its final result, the 代表资格审查委员会 reviews, the 镇人大主席团 (town) or the
 * 县人大常委会 (county) confirms. A refused step names the rule and changes nothing; every step is
 * audited.
 */
@Service
public class CongressResultsService {
  private final PollingRepository repo;
  private final PollingService polling;
  private final CountyDistrictService contests;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  CongressResultsService(
      PollingRepository repo,
      PollingService polling,
      CountyDistrictService contests,
      JdbcTemplate jdbc,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.polling = polling;
    this.contests = contests;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The steps after the votes, in their lawful order. */
  public enum Step {
    /** 选举委员会确认选举有效并宣布. */
    CONFIRMED,
    /** 代表资格审查委员会审查. */
    REVIEWED,
    /** 镇人大主席团或县人大常委会确认. */
    ACCEPTED;

    public String labelZh(ContestLevel level) {
      return switch (this) {
        case CONFIRMED -> "选举委员会确认选举有效并宣布";
        case REVIEWED -> "代表资格审查委员会审查";
        case ACCEPTED -> level == ContestLevel.TOWN ? "镇人大主席团确认" : "县（旗）人大常委会确认";
      };
    }

    /** The body that takes the step when none is typed in. */
    public String defaultBody(ContestLevel level, String town) {
      return switch (this) {
        case CONFIRMED -> town + "选举委员会";
        case REVIEWED ->
            level == ContestLevel.TOWN ? town + "人民代表大会代表资格审查委员会" : "县（旗）人民代表大会常务委员会代表资格审查委员会";
        case ACCEPTED -> level == ContestLevel.TOWN ? town + "人民代表大会主席团" : "县（旗）人民代表大会常务委员会";
      };
    }

    public static Step of(String name) {
      for (Step s : values()) {
        if (name != null && s.name().equalsIgnoreCase(name.strip())) {
          return s;
        }
      }
      throw new InvalidInputException("step", "步骤只能是确认选举有效、资格审查或确认代表资格");
    }
  }

  /** A candidate's votes in one vote; a write-in is marked. */
  public record CandidateVotes(String name, long votes, boolean elected, boolean writeIn) {}

  /** One decided vote of a contest with its published numbers. */
  public record Vote(
      CongressRound round,
      long registered,
      long issued,
      long voted,
      long valid,
      long invalid,
      List<CandidateVotes> candidates) {
    public String turnoutZh() {
      return registered == 0
          ? ""
          : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * voted / registered);
    }
  }

  /**
   * A contest's result.
   *
   * @param votes every decided vote, a vote invalid for low turnout included
   * @param elected who was elected, by name, in the order of the votes
   * @param electedKeys the same as stored: nomination ids, or a write-in's name prefixed {@code
   *     另选:}
   */
  public record ContestResult(
      ContestArea area,
      List<Vote> votes,
      List<String> elected,
      List<String> electedKeys,
      boolean finalResult,
      int candidates,
      int women,
      int nonCpc) {
    /** The vote whose numbers stand for the contest: the valid first vote (or its re-run). */
    public Optional<Vote> main() {
      Optional<Vote> first =
          votes.stream()
              .filter(v -> v.round().kind() == RoundKind.FIRST && !v.round().turnoutFailed())
              .reduce((a, b) -> b);
      return first.isPresent()
          ? first
          : votes.stream().filter(v -> !v.round().turnoutFailed()).findFirst();
    }

    public int seats() {
      return area.seats() == null ? 0 : area.seats();
    }

    public int vacancies() {
      return Math.max(0, seats() - elected.size());
    }

    /** The votes found invalid because too few voters voted (in words). */
    public List<String> failures() {
      return votes.stream()
          .filter(v -> v.round().turnoutFailed())
          .map(v -> v.round().kindZh() + "：" + v.round().outcome())
          .toList();
    }
  }

  /** A step as recorded. */
  public record StepRecord(
      ContestLevel level,
      Step step,
      String body,
      String document,
      LocalDate onDate,
      String note,
      String recordedBy,
      Instant recordedAt) {
    public String labelZh() {
      return step.labelZh(level);
    }

    public String onDateZh() {
      return DocumentContent.chineseDate(onDate);
    }
  }

  /** The results and steps of one level. */
  public record LevelResults(
      ContestLevel level, List<ContestResult> contests, List<StepRecord> steps) {
    public boolean allFinal() {
      return !contests.isEmpty() && contests.stream().allMatch(ContestResult::finalResult);
    }

    public List<String> pending() {
      return contests.stream().filter(c -> !c.finalResult()).map(c -> c.area().name()).toList();
    }

    public Optional<StepRecord> step(Step s) {
      return steps.stream().filter(x -> x.step() == s).findFirst();
    }

    /** The next step to record; empty when all are recorded. */
    public Optional<Step> next() {
      for (Step s : Step.values()) {
        if (step(s).isEmpty()) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    public boolean accepted() {
      return step(Step.ACCEPTED).isPresent();
    }

    public int seats() {
      return contests.stream().mapToInt(ContestResult::seats).sum();
    }

    public int electedCount() {
      return contests.stream().mapToInt(c -> c.elected().size()).sum();
    }
  }

  /** The results of the election, the levels that have contests. */
  public record Results(Election election, List<LevelResults> levels) {
    public Optional<LevelResults> level(ContestLevel l) {
      return levels.stream().filter(x -> x.level() == l).findFirst();
    }

    /** Whether the last step of every level is recorded (the archive may be made). */
    public boolean accepted() {
      return !levels.isEmpty() && levels.stream().allMatch(LevelResults::accepted);
    }
  }

  @Transactional(readOnly = true)
  public Results results(long electionId) {
    return results(polling.election(electionId, Permission.VIEW));
  }

  Results results(Election e) {
    Map<String, List<CongressRound>> rounds = new HashMap<>();
    for (CongressRound r : repo.allRounds(e.id())) {
      rounds.computeIfAbsent(r.homeDistrictId() + ":" + r.level(), k -> new ArrayList<>()).add(r);
    }
    Map<Long, String> names = repo.allNomineeNames(e.id());
    Map<Long, String[]> people = people(e.id());
    List<StepRecord> steps = steps(e.id());
    List<LevelResults> out = new ArrayList<>();
    for (ContestLevel level : ContestLevel.values()) {
      List<ContestResult> list = new ArrayList<>();
      for (ContestArea a : contests.areas(e.id())) {
        if (a.level() == level && a.seats() != null) {
          List<CongressRound> rs = rounds.getOrDefault(a.homeDistrictId() + ":" + level, List.of());
          list.add(contest(a, rs, names, people));
        }
      }
      if (!list.isEmpty()) {
        out.add(
            new LevelResults(level, list, steps.stream().filter(s -> s.level() == level).toList()));
      }
    }
    return new Results(e, out);
  }

  private ContestResult contest(
      ContestArea a, List<CongressRound> rs, Map<Long, String> names, Map<Long, String[]> people) {
    List<PollingRepository.Station> stations = repo.stations(a.districtIds());
    List<Vote> votes = new ArrayList<>();
    List<String> elected = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    int women = 0;
    int nonCpc = 0;
    for (CongressRound r : rs) {
      if (!r.decided()) {
        continue;
      }
      votes.add(vote(r, stations, names));
      for (String x : r.elected()) {
        keys.add(x);
        elected.add(ContestVoteService.nameOf(x, names));
        String[] p = x.startsWith(ContestVoteService.WRITE_IN) ? null : people.get(Long.valueOf(x));
        if (p != null && "FEMALE".equals(p[0])) {
          women++;
        }
        if (p != null
            && p[1] != null
            && !p[1].equals("CPC_MEMBER")
            && !p[1].equals("CPC_PROBATIONARY")) {
          nonCpc++;
        }
      }
    }
    CongressRound last = rs.isEmpty() ? null : rs.get(rs.size() - 1);
    boolean fin = last != null && last.decided() && last.finalResult();
    int candidates = rs.isEmpty() ? 0 : rs.get(0).candidateIds().size();
    return new ContestResult(a, votes, elected, keys, fin, candidates, women, nonCpc);
  }

  /** A decided vote's numbers from its box counts and confirmed tally sheets. */
  Vote vote(CongressRound r, List<PollingRepository.Station> stations, Map<Long, String> names) {
    Map<Long, PollingRepository.BoxCount> boxes = repo.boxCounts(r.id());
    Map<Long, List<PollingRepository.SheetEntry>> sheets = repo.sheetEntries(r.id());
    long issued = 0;
    long returned = 0;
    for (PollingRepository.BoxCount b : boxes.values()) {
      issued += b.issued();
      returned += b.returned();
    }
    List<PollingRepository.Station> counted =
        stations.stream().filter(s -> TallySheets.confirmed(sheets.get(s.id()))).toList();
    TallySheets.Sum sum = TallySheets.sum(r.candidateIds().size(), counted, sheets);
    List<CandidateVotes> cv = new ArrayList<>();
    for (int i = 0; i < r.candidateIds().size(); i++) {
      long id = r.candidateIds().get(i);
      cv.add(
          new CandidateVotes(
              names.get(id), sum.yes()[i], r.elected().contains(String.valueOf(id)), false));
    }
    sum.writeIns()
        .forEach(
            (n, v) ->
                cv.add(
                    new CandidateVotes(
                        n, v, r.elected().contains(ContestVoteService.WRITE_IN + n), true)));
    return new Vote(r, r.registered(), issued, returned, sum.valid(), sum.invalid(), cv);
  }

  /** Per nomination id: the nominee's gender and political status in the person register. */
  private Map<Long, String[]> people(long electionId) {
    Map<Long, String[]> out = new HashMap<>();
    jdbc.query(
        "SELECT n.id, p.gender, p.political_status FROM deputy_nomination n"
            + " LEFT JOIN person p ON p.resident_id = n.nominee_id WHERE n.election_id = ?",
        rs -> {
          out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
        },
        electionId);
    return out;
  }

  private List<StepRecord> steps(long electionId) {
    return jdbc
        .query(
            "SELECT level, step, body, document, on_date, note, recorded_by, recorded_at"
                + " FROM congress_result_step WHERE election_id = ?",
            (rs, i) ->
                new StepRecord(
                    ContestLevel.valueOf(rs.getString(1)),
                    Step.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getDate(5).toLocalDate(),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()),
            electionId)
        .stream()
        .sorted(java.util.Comparator.comparing(StepRecord::step))
        .toList();
  }

  /**
   * Records a step of a level's results (MANAGE), refused when the level has no contest, the step
   * is out of order or already recorded, a contest of the level has no final result yet, or the day
   * is before election day or the previous step.
   *
   * @param body the body that took the step; its usual name when blank
   * @param document the document (决定、报告) and its number, may be blank
   */
  @Transactional
  public void record(
      long electionId,
      ContestLevel level,
      Step step,
      String body,
      String document,
      LocalDate onDate,
      String note) {
    Election e = polling.election(electionId, Permission.MANAGE);
    LevelResults lr =
        results(e)
            .level(level)
            .orElseThrow(
                () ->
                    new InvalidInputException("level", "本选举没有" + level.labelZh() + "的选区，无须确认选举结果"));
    String what = level.labelZh() + "选举结果的“" + step.labelZh(level) + "”";
    Optional<StepRecord> done = lr.step(step);
    if (done.isPresent()) {
      throw new IllegalStateException(
          PollingRule.RESULTS_ORDER.refuse(what + "已于" + done.get().onDateZh() + "记录，不能重复记录"));
    }
    StepRecord previous = null;
    for (Step s : Step.values()) {
      if (s == step) {
        break;
      }
      previous = lr.step(s).orElse(null);
      if (previous == null) {
        throw new IllegalStateException(
            PollingRule.RESULTS_ORDER.refuse(what + "须在“" + s.labelZh(level) + "”之后记录"));
      }
    }
    if (!lr.allFinal()) {
      throw new IllegalStateException(
          PollingRule.RESULTS_NOT_FINAL.refuse(
              level.labelZh() + "以下选区的选举结果尚未确定：" + String.join("、", lr.pending())));
    }
    if (onDate == null) {
      throw new InvalidInputException("onDate", "日期：不能为空");
    }
    if (onDate.isBefore(e.electionDay())) {
      throw new InvalidInputException(
          "onDate",
          PollingRule.RESULTS_ORDER.refuse(
              what + "的日期" + DocumentContent.chineseDate(onDate) + "早于选举日"));
    }
    if (previous != null && onDate.isBefore(previous.onDate())) {
      throw new InvalidInputException(
          "onDate",
          PollingRule.RESULTS_ORDER.refuse(
              what
                  + "的日期"
                  + DocumentContent.chineseDate(onDate)
                  + "早于上一步骤的日期"
                  + previous.onDateZh()));
    }
    String b =
        body == null || body.isBlank() ? step.defaultBody(level, e.organisationName()) : body;
    String d = document == null ? "" : document.strip();
    String n = note == null ? "" : note.strip();
    check("body", "机关名称", b.strip(), 200);
    check("document", "文件名称和文号", d, 200);
    check("note", "备注", n, 2000);
    String user = AccessService.currentUser();
    try {
      jdbc.update(
          "INSERT INTO congress_result_step (election_id, level, step, body, document, on_date,"
              + " note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          e.id(),
          level.name(),
          step.name(),
          b.strip(),
          d,
          Date.valueOf(onDate),
          n,
          user,
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException ex) {
      throw new IllegalStateException(what + "已由他人记录，请刷新页面");
    }
    audit.append(
        user,
        "CONGRESS_RESULTS_STEP",
        "election:" + e.id(),
        level.labelZh()
            + "选举结果："
            + b.strip()
            + "于"
            + DocumentContent.chineseDate(onDate)
            + step.labelZh(level)
            + (d.isEmpty() ? "" : "（" + d + "）")
            + "；应选"
            + lr.seats()
            + "名，当选"
            + lr.electedCount()
            + "名"
            + (n.isEmpty() ? "" : "；备注：" + n));
  }

  private static void check(String field, String label, String value, int max) {
    if (value.length() > max) {
      throw new InvalidInputException(field, label + "：不能超过" + max + "个字");
    }
  }
}
