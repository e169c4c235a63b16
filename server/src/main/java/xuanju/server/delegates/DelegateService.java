package xuanju.server.delegates;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.names.NameOrder;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.Gender;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaCheck;
import xuanju.core.quota.QuotaResult;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Quotas;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The recommendation stage (推荐提名) of an election of delegates to a higher party congress (seed
 * 003): the seat allocation, the candidates nominated from above, the recommendation units and
 * their lists, participation, and the pool's composition against core's {@code
 * PARTY_CONGRESS_DELEGATES} quota set. Reading needs VIEW, every change MANAGE on the election's
 * organisation; an election of another kind gets a 409. A refused change says which unit, which
 * field and which rule, and changes nothing; every change is audited in the same transaction.
 */
@Service
public class DelegateService {
  /** Lists of people are shown in 姓氏笔画 order. */
  static final Comparator<String> STROKES = NameOrder.surnameStrokes();

  private final DelegateRepository repo;
  private final StageRepository stages;
  private final ElectionService elections;
  private final AuditLog audit;
  private final Clock clock;

  DelegateService(
      DelegateRepository repo,
      StageRepository stages,
      ElectionService elections,
      AuditLog audit,
      Clock clock) {
    this.repo = repo;
    this.stages = stages;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** A unit with its current list (in 姓氏笔画 order) and what its state says. */
  public record UnitRow(
      RecommendationUnit unit, List<Recommendee> people, Map<DelegateCategory, Integer> counts) {
    public int count(DelegateCategory c) {
      return counts.getOrDefault(c, 0);
    }

    public long count(String tag) {
      return people.stream().filter(p -> p.quotaTags().contains(tag)).count();
    }

    public long women() {
      return people.stream().filter(p -> p.gender() == Gender.FEMALE).count();
    }

    public long minorities() {
      return people.stream().filter(p -> !p.ethnicity().equals(Person.HAN)).count();
    }

    public long agedAtMost(int years, LocalDate on) {
      return people.stream().filter(p -> p.ageOn(on) <= years).count();
    }

    public int votes() {
      return people.stream().mapToInt(Recommendee::supportVotes).sum();
    }
  }

  /** One quota of the pool: the pool's count, and for a minimum whether the pool can supply it. */
  public record PoolLine(String requirementZh, long count, long bound, boolean cap, boolean met) {
    /** What the page says about it. */
    public String statusZh() {
      if (cap) {
        return "上限要求，在提出候选人名单时核对";
      }
      return met ? "推荐人选中可以满足" : "推荐人选中还差" + (bound - count) + "名";
    }
  }

  /** The page's data. {@code allocation} is null until recorded. */
  public record Page(
      Election election,
      Allocation allocation,
      List<UpperNominee> upperNominees,
      List<UnitRow> units,
      List<PoolLine> pool,
      int poolSize) {
    public int marginPercent() {
      return allocation == null ? DelegateRule.DEFAULT_MARGIN_PERCENT : allocation.marginPercent();
    }

    public long submittedUnits() {
      return units.stream().filter(u -> u.unit().submitted()).count();
    }

    /** The units whose participation is recorded but below 100 %. */
    public List<String> partialParticipation() {
      return units.stream()
          .filter(u -> u.unit().participationRecorded() && !u.unit().fullParticipation())
          .map(u -> u.unit().name())
          .toList();
    }

    public String marginRuleZh() {
      return DelegateRule.RECOMMENDATION_MARGIN.citation().display();
    }

    public String participationRuleZh() {
      return DelegateRule.PARTICIPATION_ALL.messageZh()
          + "（"
          + DelegateRule.PARTICIPATION_ALL.citation().display()
          + "）";
    }
  }

  @Transactional(readOnly = true)
  public Page page(long electionId) {
    Election e = election(electionId, Permission.VIEW);
    Allocation a = repo.allocation(electionId).orElse(null);
    List<UnitRow> rows = rows(electionId);
    List<Person> persons = new ArrayList<>();
    int n = 0;
    for (UnitRow r : rows) {
      for (Recommendee p : r.people()) {
        persons.add(p.person("r" + (++n)));
      }
    }
    QuotaCheck check =
        Quotas.check(QuotaSets.PARTY_CONGRESS_DELEGATES.requirements(), persons, e.electionDay());
    List<PoolLine> pool = new ArrayList<>();
    for (QuotaResult q : check.results()) {
      Comparison c = q.requirement().comparison();
      boolean cap = c == Comparison.AT_MOST || c == Comparison.LESS_THAN;
      pool.add(new PoolLine(q.requirement().requirementZh(), q.count(), q.bound(), cap, q.met()));
    }
    List<UpperNominee> upper = new ArrayList<>(repo.upperNominees(electionId));
    upper.sort(Comparator.comparing(UpperNominee::name, STROKES));
    return new Page(e, a, List.copyOf(upper), rows, pool, persons.size());
  }

  private List<UnitRow> rows(long electionId) {
    Map<Long, List<Recommendee>> lists = repo.lists(electionId);
    List<UnitRow> rows = new ArrayList<>();
    for (RecommendationUnit u : repo.units(electionId)) {
      List<Recommendee> people = new ArrayList<>(lists.getOrDefault(u.id(), List.of()));
      people.sort(Comparator.comparing(Recommendee::name, STROKES));
      Map<DelegateCategory, Integer> counts = new EnumMap<>(DelegateCategory.class);
      people.forEach(p -> counts.merge(p.category(), 1, Integer::sum));
      rows.add(new UnitRow(u, List.copyOf(people), counts));
    }
    return rows;
  }

  /** One unit's row (VIEW). */
  @Transactional(readOnly = true)
  public UnitRow unit(long electionId, long unitId) {
    election(electionId, Permission.VIEW);
    unitOf(electionId, unitId);
    return rows(electionId).stream().filter(r -> r.unit().id() == unitId).findFirst().orElseThrow();
  }

  /**
   * Records (or corrects) the seat allocation (MANAGE): e.g. 16 of the 760 delegates of 《XX市第十二次
   * 党代会》, by the document that allocated them, and the units' margin in percent (default 50).
   */
  @Transactional
  public void saveAllocation(
      long electionId,
      String congressName,
      Integer congressTotal,
      Integer seats,
      String document,
      Integer marginPercent,
      int expectedVersion) {
    Election e = election(electionId, Permission.MANAGE);
    String name = text(congressName, "congressName", "上级党代会名称", 200);
    String doc = text(document, "document", "分配名额的文件", 300);
    if (congressTotal == null || congressTotal < 1 || congressTotal > 100_000) {
      throw new InvalidInputException("congressTotal", "上级党代会代表总名额：应为正整数");
    }
    if (seats == null || seats < 1 || seats > congressTotal) {
      throw new InvalidInputException(
          "seats", "分配本单位的代表名额：应为1至" + congressTotal + "之间的整数（不能多于代表总名额）");
    }
    if (seats != e.seats()) {
      throw new InvalidInputException(
          "seats", "分配本单位的代表名额（" + seats + "名）与本选举的应选代表人数（" + e.seats() + "名）不一致，请核对");
    }
    int margin = marginPercent == null ? DelegateRule.DEFAULT_MARGIN_PERCENT : marginPercent;
    if (margin < 0 || margin > 200) {
      throw new InvalidInputException("marginPercent", "推荐差额比例：应为0至200之间的整数（百分比）");
    }
    Allocation a = new Allocation(name, congressTotal, seats, doc, margin, expectedVersion);
    String actor = AccessService.currentUser();
    if (!repo.saveAllocation(electionId, a, expectedVersion, actor, clock.instant())) {
      throw new IllegalStateException("代表名额分配已被他人修改，请刷新页面后重试");
    }
    audit.append(
        actor,
        "DELEGATE_ALLOCATION_SAVED",
        "election:" + electionId,
        "登记代表名额分配："
            + name
            + "代表"
            + congressTotal
            + "名，分配本单位"
            + seats
            + "名（不含上级党委提名），依据《"
            + doc
            + "》；推荐单位差额比例不少于"
            + margin
            + "%");
  }

  /** Records a candidate nominated from above (MANAGE). */
  @Transactional
  public void addUpperNominee(
      long electionId,
      String name,
      String gender,
      LocalDate birthDate,
      String ethnicity,
      String occupation,
      String document) {
    election(electionId, Permission.MANAGE);
    String n = text(name, "name", "姓名", 50);
    Gender g =
        Gender.parse(gender).orElseThrow(() -> new InvalidInputException("gender", "性别：应为“男”或“女”"));
    LocalDate today = LocalDate.now(clock);
    if (birthDate == null || birthDate.isAfter(today.minusYears(18))) {
      throw new InvalidInputException("birthDate", "出生日期：不能为空，且应年满18周岁");
    }
    String eth = text(ethnicity, "ethnicity", "民族", 20);
    String occ = text(occupation, "occupation", "工作单位及职务", 200);
    String doc = text(document, "document", "提名文件", 300);
    String actor = AccessService.currentUser();
    repo.insertUpperNominee(electionId, n, g, birthDate, eth, occ, doc, actor, clock.instant());
    audit.append(
        actor,
        "DELEGATE_UPPER_NOMINEE_ADDED",
        "election:" + electionId,
        "登记上级党委提名的代表候选人：" + n + "（" + occ + "），依据《" + doc + "》");
  }

  /**
   * Records a recommendation unit (MANAGE): its notional quota, the list size (at least quota × (1
   * + margin), {@link DelegateRule#RECOMMENDATION_MARGIN}) and the split adding up to it ({@link
   * DelegateRule#SPLIT}). Needs the allocation first (its margin).
   *
   * @return the unit's id
   */
  @Transactional
  public long addUnit(
      long electionId,
      String name,
      Integer quota,
      Integer listSize,
      Integer bureau,
      Integer division,
      Integer grassroots) {
    election(electionId, Permission.MANAGE);
    Allocation a =
        repo.allocation(electionId)
            .orElseThrow(() -> new IllegalStateException("请先登记代表名额分配（含推荐差额比例），再登记推荐单位"));
    String n = text(name, "name", "推荐单位名称", 100);
    if (repo.unitNameTaken(electionId, n)) {
      throw new InvalidInputException("name", "推荐单位「" + n + "」已经登记");
    }
    if (quota == null || quota < 1 || quota > 999) {
      throw new InvalidInputException("quota", "推荐单位「" + n + "」的推荐名额：应为1至999之间的整数");
    }
    int required = a.requiredListSize(quota);
    if (listSize == null || listSize < required || listSize > 9_999) {
      throw new InvalidInputException(
          "listSize",
          DelegateRule.RECOMMENDATION_MARGIN.refuse(
              "推荐单位「"
                  + n
                  + "」的应报人选数"
                  + (listSize == null ? "未填写" : "为" + listSize + "名")
                  + "，按推荐名额"
                  + quota
                  + "名、差额不少于"
                  + a.marginPercent()
                  + "%计算，应不少于"
                  + required
                  + "名"));
    }
    int b = nonNegative(bureau, "bureau", n, "局级领导干部人数");
    int d = nonNegative(division, "division", n, "处级领导干部人数");
    int g = nonNegative(grassroots, "grassroots", n, "基层一线人数");
    if (b + d + g != listSize) {
      throw new InvalidInputException(
          "grassroots",
          DelegateRule.SPLIT.refuse(
              "推荐单位「"
                  + n
                  + "」的人选结构：局级"
                  + b
                  + "名、处级"
                  + d
                  + "名、基层一线"
                  + g
                  + "名，合计"
                  + (b + d + g)
                  + "名，与应报人选数"
                  + listSize
                  + "名不一致"));
    }
    String actor = AccessService.currentUser();
    long id = repo.insertUnit(electionId, n, quota, listSize, b, d, g, actor, clock.instant());
    audit.append(
        actor,
        "DELEGATE_UNIT_CREATED",
        "election:" + electionId,
        "登记推荐单位「"
            + n
            + "」：推荐名额"
            + quota
            + "名，应报人选"
            + listSize
            + "名（局级领导干部"
            + b
            + "名、处级领导干部"
            + d
            + "名、基层一线"
            + g
            + "名）");
    return id;
  }

  /**
   * A unit submits its list (MANAGE), typed or pasted: one person a line, the columns of {@link
   * RecommendeeRows#HEADER}. The whole list replaces the unit's earlier one, or nothing changes.
   */
  @Transactional
  public void submitText(long electionId, long unitId, String text, int expectedVersion) {
    election(electionId, Permission.MANAGE);
    RecommendationUnit u = unitOf(electionId, unitId);
    List<RecommendeeRows.Line> lines = RecommendeeRows.lines(text);
    submitLines(electionId, u, lines, expectedVersion, "填报");
  }

  /**
   * A unit's list from an .xlsx (MANAGE): the first sheet, a header row with 姓名 … 推荐票数 (a title
   * above it is allowed), then one person a row. A bad row refuses the whole file.
   */
  @Transactional
  public void importXlsx(long electionId, long unitId, InputStream in, int expectedVersion) {
    election(electionId, Permission.MANAGE);
    RecommendationUnit u = unitOf(electionId, unitId);
    List<RecommendeeRows.Line> lines;
    try {
      lines = RecommendeeXlsx.read(in);
    } catch (InvalidInputException ex) {
      throw new InvalidInputException(
          ex.field(), "推荐单位「" + u.name() + "」的推荐人选名单文件未导入：" + ex.getMessage());
    }
    submitLines(electionId, u, lines, expectedVersion, "由Excel文件导入");
  }

  private void submitLines(
      long electionId,
      RecommendationUnit u,
      List<RecommendeeRows.Line> lines,
      int expectedVersion,
      String how) {
    RecommendeeRows.Result r = RecommendeeRows.read(lines, LocalDate.now(clock));
    if (!r.ok()) {
      throw new InvalidInputException(
          "list",
          "推荐单位「"
              + u.name()
              + "」的推荐人选名单有误，未保存任何人选："
              + String.join("；", r.problems())
              + (r.problems().size() >= RecommendeeRows.MAX_PROBLEMS ? "……" : ""));
    }
    submit(electionId, u, r.people(), expectedVersion, how);
  }

  /** Checks and stores a unit's whole list (the service's own entry for typed values). */
  @Transactional
  public void submit(long electionId, long unitId, List<Recommendee> people, int expectedVersion) {
    election(electionId, Permission.MANAGE);
    submit(electionId, unitOf(electionId, unitId), people, expectedVersion, "填报");
  }

  private void submit(
      long electionId,
      RecommendationUnit u,
      List<Recommendee> people,
      int expectedVersion,
      String how) {
    String who = "推荐单位「" + u.name() + "」";
    if (stages.anyStep(electionId)) {
      throw new IllegalStateException(StageRule.ORDER.refuse(who + "的推荐人选名单不能再修改：考察对象等后续环节已经开始"));
    }
    if (people.size() != u.listSize()) {
      throw new InvalidInputException(
          "list",
          DelegateRule.LIST_SIZE.refuse(
              who
                  + "的推荐人选数为"
                  + people.size()
                  + "名，应为"
                  + u.listSize()
                  + "名（推荐名额"
                  + u.quota()
                  + "名）"));
    }
    for (int i = 0; i < people.size(); i++) {
      Recommendee p = people.get(i);
      if (p.cadreInGrassroots()) {
        throw new InvalidInputException(
            "list[" + i + "].tags",
            DelegateRule.CADRE_NOT_GRASSROOTS.refuse(
                who
                    + "第"
                    + (i + 1)
                    + "名人选"
                    + p.name()
                    + "的人选类别为"
                    + p.category().labelZh()
                    + "，身份标签却有“"
                    + p.tagsZh()
                    + "”"));
      }
    }
    Map<DelegateCategory, Integer> counts = new EnumMap<>(DelegateCategory.class);
    people.forEach(p -> counts.merge(p.category(), 1, Integer::sum));
    List<String> wrong = new ArrayList<>();
    for (DelegateCategory c : DelegateCategory.values()) {
      int have = counts.getOrDefault(c, 0);
      if (have != u.required(c)) {
        wrong.add(c.labelZh() + have + "名，应为" + u.required(c) + "名");
      }
    }
    if (!wrong.isEmpty()) {
      throw new InvalidInputException(
          "list.category",
          DelegateRule.SPLIT.refuse(who + "的人选类别（人选结构）不符：" + String.join("，", wrong)));
    }
    Set<String> seen = new HashSet<>();
    for (Recommendee p : people) {
      if (!seen.add(p.name() + "|" + p.birthDate())) {
        throw new InvalidInputException(
            "list.name", who + "的名单中" + p.name() + "（" + p.birthDate() + "出生）重复出现");
      }
    }
    String actor = AccessService.currentUser();
    if (!repo.replaceList(u.id(), expectedVersion, people, actor, clock.instant())) {
      throw new IllegalStateException(who + "的名单已被他人修改，请刷新页面后重试");
    }
    audit.append(
        actor,
        "DELEGATE_LIST_SUBMITTED",
        "election:" + electionId,
        who
            + "报送推荐人选名单（"
            + how
            + "）："
            + people.size()
            + "名，"
            + DelegateCategory.BUREAU.labelZh()
            + counts.getOrDefault(DelegateCategory.BUREAU, 0)
            + "名、"
            + DelegateCategory.DIVISION.labelZh()
            + counts.getOrDefault(DelegateCategory.DIVISION, 0)
            + "名、"
            + DelegateCategory.GRASSROOTS.labelZh()
            + counts.getOrDefault(DelegateCategory.GRASSROOTS, 0)
            + "名"
            + (u.submitted() ? "，替换此前报送的名单" : ""));
  }

  /**
   * Records a unit's participation (MANAGE): organisations and members, in total and taking part.
   */
  @Transactional
  public void recordParticipation(
      long electionId,
      long unitId,
      Integer organisationsTotal,
      Integer organisationsJoined,
      Integer membersTotal,
      Integer membersJoined,
      int expectedVersion) {
    election(electionId, Permission.MANAGE);
    RecommendationUnit u = unitOf(electionId, unitId);
    String who = "推荐单位「" + u.name() + "」";
    int ot = nonNegative(organisationsTotal, "organisationsTotal", u.name(), "基层党组织数");
    int oj = nonNegative(organisationsJoined, "organisationsJoined", u.name(), "参加推荐的基层党组织数");
    int mt = nonNegative(membersTotal, "membersTotal", u.name(), "党员数");
    int mj = nonNegative(membersJoined, "membersJoined", u.name(), "参加推荐的党员数");
    if (oj > ot) {
      throw new InvalidInputException(
          "organisationsJoined", who + "的参加推荐的基层党组织数（" + oj + "）不能多于基层党组织数（" + ot + "）");
    }
    if (mj > mt) {
      throw new InvalidInputException(
          "membersJoined", who + "的参加推荐的党员数（" + mj + "）不能多于党员数（" + mt + "）");
    }
    if (!repo.recordParticipation(u.id(), expectedVersion, ot, oj, mt, mj)) {
      throw new IllegalStateException(who + "的情况已被他人修改，请刷新页面后重试");
    }
    audit.append(
        AccessService.currentUser(),
        "DELEGATE_PARTICIPATION_RECORDED",
        "election:" + electionId,
        who + "推荐提名参与情况：基层党组织" + oj + "/" + ot + "个，党员" + mj + "/" + mt + "名");
  }

  /** 推荐人选名册 (.xlsx, VIEW). */
  @Transactional(readOnly = true)
  public Download roster(long electionId) {
    Page p = page(electionId);
    return new Download(
        DelegateDocuments.roster(p).toBytes(), DelegateDocuments.title(p, "推荐人选名册") + ".xlsx");
  }

  /** 推荐人选登记表 (.xlsx, VIEW). */
  @Transactional(readOnly = true)
  public Download recommendedRegistration(long electionId) {
    Page p = page(electionId);
    return new Download(
        RegistrationDocuments.recommended(p).toBytes(),
        DelegateDocuments.title(p, "推荐人选登记表") + ".xlsx");
  }

  /** 推荐提名工作统计表 (.xlsx, VIEW). */
  @Transactional(readOnly = true)
  public Download statistics(long electionId) {
    Page p = page(electionId);
    return new Download(DelegateDocuments.statistics(p).toBytes(), "推荐提名工作统计表.xlsx");
  }

  /** The .xlsx template of a unit's list (VIEW). */
  @Transactional(readOnly = true)
  public Download template(long electionId) {
    election(electionId, Permission.VIEW);
    return new Download(RecommendeeXlsx.template().toBytes(), "推荐人选名单模板.xlsx");
  }

  /** A document to download: its bytes and file name. */
  public record Download(byte[] bytes, String fileName) {}

  // ---------------------------------------------------------------- helpers

  /** The election after the access check; 409 for an election of another kind. */
  private Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!e.pages().delegates()) {
      throw new IllegalStateException("本选举（" + e.kind().labelZh() + "）没有出席上级党代会代表的名额分配和推荐提名环节");
    }
    return e;
  }

  private RecommendationUnit unitOf(long electionId, long unitId) {
    return repo.unit(electionId, unitId)
        .orElseThrow(() -> new InvalidInputException("unitId", "本选举没有该推荐单位"));
  }

  private static String text(String value, String field, String label, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new InvalidInputException(field, label + "：不能为空");
    }
    if (v.length() > max) {
      throw new InvalidInputException(field, label + "：不能超过" + max + "个字");
    }
    return v;
  }

  private static int nonNegative(Integer v, String field, String unit, String label) {
    if (v == null || v < 0 || v > 1_000_000) {
      throw new InvalidInputException(field, "推荐单位「" + unit + "」的" + label + "：应为不小于0的整数");
    }
    return v;
  }
}
