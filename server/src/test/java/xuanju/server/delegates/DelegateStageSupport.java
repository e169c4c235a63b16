package xuanju.server.delegates;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stages' fixture: a delegates' election of 16 seats with two units of 17 (34 recommended
 * names: 12 局级, 6 处级, 16 基层一线), and the steps of seed 003 in order, dated March 2026 (2 March is a
 * Monday).
 */
abstract class DelegateStageSupport extends DelegateSupport {
  @Autowired StageService stages;
  @Autowired VettingService vetting;

  static final String MINUTES = "区委常委会会议纪要〔2026〕5号";

  /** A row of the pool as the tests pick people. */
  record Row(long id, String name, String category, String gender, String ethnicity) {}

  long electionWithPool() {
    long e = election();
    allocate(e);
    for (String u : List.of("区委教育工委", "区委卫生工委")) {
      long unit = unit(e, u);
      as(() -> delegates.submitText(e, unit, goodList(), version(unit)));
    }
    return e;
  }

  List<Row> pool(long e) {
    return jdbc.query(
        "SELECT r.id, r.name, r.category, r.gender, r.ethnicity FROM delegate_recommendee r"
            + " JOIN delegate_unit u ON u.id = r.unit_id WHERE u.election_id = ? ORDER BY r.id",
        (rs, i) ->
            new Row(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        e);
  }

  List<Long> ids(long e, Predicate<Row> p) {
    return pool(e).stream().filter(p).map(Row::id).toList();
  }

  static boolean grassroots(Row r) {
    return r.category().equals("GRASSROOTS");
  }

  /** Women 局级 and the 蒙古族 处级: with the 16 基层一线 a list of 21 that meets every quota. */
  static boolean wantedCadre(Row r) {
    return (r.category().equals("BUREAU") && r.gender().equals("FEMALE"))
        || r.ethnicity().equals("蒙古族");
  }

  /** The 24 考察对象: the 16 基层一线, the 6 wanted cadres and each unit's 王建国 (局级). */
  List<Long> subjectIds(long e) {
    return ids(e, r -> grassroots(r) || wantedCadre(r) || r.name().equals("王建国"));
  }

  long firstId(long e, String name) {
    return pool(e).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().id();
  }

  void decideSubjects(long e) {
    as(
        () ->
            stages.decideList(
                e,
                DelegateStage.SUBJECTS,
                "STANDING_COMMITTEE",
                LocalDate.of(2026, 2, 27),
                MINUTES,
                subjectIds(e)));
  }

  /** 考察预告 and the vetting in the units, 2–6 March 2026 (five working days). */
  void vettingNotice(long e) {
    as(
        () ->
            vetting.recordPublicity(
                e,
                StagePublicity.Kind.VETTING,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 6),
                "考察对象所在单位",
                "关于对出席市第十二次党代会代表候选人初步人选考察对象进行考察的预告"));
  }

  void opinions(long e) {
    for (StageMember m : as(() -> stages.page(e, null)).subjects().activeMembers()) {
      as(() -> vetting.recordOpinion(e, m.recommendeeId(), true, "同意推荐"));
      as(() -> vetting.recordOpinion(e, m.recommendeeId(), false, "未发现违纪违法问题"));
    }
  }

  void step(long e, StageStep s, LocalDate on) {
    as(() -> stages.recordStep(e, s, s.body().name(), on, "文件" + s.name()));
  }

  /** The 21 初步人选: the 16 基层一线, the four women 局级 and the first unit's 蒙古族 处级. */
  List<Long> preliminaryIds(long e) {
    long mongol = firstId(e, "周强");
    return ids(
        e,
        r -> grassroots(r) || (wantedCadre(r) && !r.ethnicity().equals("蒙古族")) || r.id() == mongol);
  }

  void decidePreliminary(long e) {
    as(
        () ->
            stages.decideList(
                e,
                DelegateStage.PRELIMINARY,
                "STANDING_COMMITTEE",
                LocalDate.of(2026, 3, 12),
                MINUTES,
                preliminaryIds(e)));
  }

  /** Up to the 初步人选 published (16–20 March 2026), ready for the 预备人选. */
  long upToPreliminaryPublicity() {
    long e = electionWithPool();
    decideSubjects(e);
    vettingNotice(e);
    opinions(e);
    step(e, StageStep.DISCIPLINE_CONSULTED, LocalDate.of(2026, 3, 9));
    decidePreliminary(e);
    step(e, StageStep.UPPER_CONSENT, LocalDate.of(2026, 3, 13));
    as(
        () ->
            vetting.recordPublicity(
                e,
                StagePublicity.Kind.PRELIMINARY,
                LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 3, 16),
                LocalDate.of(2026, 3, 20),
                "全区范围，XX报、XX政务网",
                "出席市第十二次党代会代表候选人初步人选公示通告"));
    return e;
  }

  int members(long e, DelegateStage s) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM delegate_stage_member WHERE election_id = ? AND stage = ?"
            + " AND withdrawn_on IS NULL",
        Integer.class,
        e,
        s.name());
  }

  int steps(long e) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM delegate_stage_step WHERE election_id = ?", Integer.class, e);
  }
}
