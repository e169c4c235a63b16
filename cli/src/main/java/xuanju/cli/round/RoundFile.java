package xuanju.cli.round;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.Mark;
import xuanju.core.ballot.WriteIn;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundKind;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.profile.AppliedOverride;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.profile.Regime;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.rule.Decision;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;

/**
 * One voting round as a file (一轮投票文件): the round's conditions (profile, overrides, seats,
 * candidates, head and ballot counts) and its ballots — individual ({@code ballots} inline or a CSV
 * {@code ballotsFile}, with scrutineers' {@code rulings}) or a tally sheet's {@code counts}. The
 * format is documented in {@code docs/formats/tally.md}; {@link #read(Path)} parses it strictly and
 * {@link #toJson()} writes it back.
 *
 * @param formatVersion always {@value #FORMAT_VERSION}
 * @param comment free text, not interpreted (may be null)
 * @param profileId rule profile id, e.g. {@code PARTY_GRASSROOTS}
 * @param overrides local-plan overrides, parameter key → value, in file order
 * @param overrideReason why (required when overrides are given)
 * @param meeting which meeting votes
 * @param roundKind first vote, further round (另行选举) or tie re-vote (再次投票)
 * @param furtherRound which 另行选举 (1 for the first); 0 for a first vote
 * @param seats 应选人数
 * @param candidates the printed candidates, in ballot order
 * @param electorate head and ballot counts (fields the profile does not use are 0)
 * @param ineligibleWriteIns write-in names found not eligible
 * @param ballots individual ballots (null when the round is given as counts)
 * @param ballotsFile the CSV file the ballots came from, relative to the round file (null when
 *     inline or counts)
 * @param rulings scrutineers' rulings: ballot index → ballot as ruled (疑问票认定), ascending
 * @param counts the tally sheet (null when the round is given as ballots)
 */
public record RoundFile(
    int formatVersion,
    String comment,
    String profileId,
    Map<String, String> overrides,
    String overrideReason,
    Meeting meeting,
    RoundKind roundKind,
    int furtherRound,
    int seats,
    List<Candidate> candidates,
    Electorate electorate,
    List<String> ineligibleWriteIns,
    CompactBallots ballots,
    String ballotsFile,
    SortedMap<Integer, Ballot> rulings,
    Counts counts) {

  /** The only format version. */
  public static final int FORMAT_VERSION = 1;

  public RoundFile {
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    candidates = List.copyOf(candidates);
    ineligibleWriteIns = List.copyOf(ineligibleWriteIns);
    rulings = Collections.unmodifiableSortedMap(new TreeMap<>(rulings));
    Objects.requireNonNull(meeting, "meeting");
    Objects.requireNonNull(roundKind, "roundKind");
    Objects.requireNonNull(electorate, "electorate");
  }

  /**
   * A tally sheet (计票汇总).
   *
   * @param valid 有效票
   * @param invalid 无效票
   * @param candidates 赞成/不赞成/弃权 per printed candidate id, in ballot order
   * @param writeIns 赞成 per write-in name, in file order
   */
  public record Counts(
      long valid,
      long invalid,
      Map<String, CandidateCount> candidates,
      Map<String, Long> writeIns) {
    public Counts {
      candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
      writeIns = Collections.unmodifiableMap(new LinkedHashMap<>(writeIns));
    }
  }

  private static final Set<String> ROOT =
      Set.of(
          "formatVersion",
          "comment",
          "profile",
          "overrides",
          "overrideReason",
          "meeting",
          "roundKind",
          "furtherRound",
          "seats",
          "candidates",
          "electorate",
          "ineligibleWriteIns",
          "ballots",
          "ballotsFile",
          "rulings",
          "counts");
  private static final Set<String> CANDIDATE = Set.of("id", "name", "eligible");
  private static final Set<String> ELECTORATE =
      Set.of(
          "expected", "present", "registered", "totalDeputies", "ballotsIssued", "ballotsReturned");
  private static final Set<String> BALLOT = Set.of("marks", "writeIns", "identifyingMarks");
  private static final Set<String> WRITE_IN = Set.of("name", "mark");
  private static final Set<String> COUNTS = Set.of("valid", "invalid", "candidates", "writeIns");
  private static final Set<String> COUNT = Set.of("yes", "no", "abstain");

  // ------------------------------------------------------------------------------------ reading

  /**
   * Reads a round file; a {@code ballotsFile} is resolved against the file's folder.
   *
   * @throws InvalidInputException naming the field on any bad input (the file name for a missing
   *     file or malformed JSON)
   */
  public static RoundFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("FILE", "文件不存在：" + file);
    } catch (IOException e) {
      throw new InvalidInputException("FILE", "无法读取文件 " + file + "（" + e.getMessage() + "）");
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(Json.parse(text, file.getFileName().toString()), dir);
  }

  /**
   * Parses a round from its JSON tree.
   *
   * @param baseDir the folder a {@code ballotsFile} is relative to (may be null when there is none)
   */
  public static RoundFile parse(JsonNode root, Path baseDir) {
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("(根)", "应为 JSON 对象");
    }
    Json.checkFields(root, ROOT, "");
    if (!Json.present(root, "formatVersion")) {
      throw new InvalidInputException("formatVersion", "缺少字段（当前格式版本为 " + FORMAT_VERSION + "）");
    }
    int version = Json.integer(root.get("formatVersion"), "formatVersion");
    if (version != FORMAT_VERSION) {
      throw new InvalidInputException(
          "formatVersion", "不支持的格式版本 " + version + "（当前为 " + FORMAT_VERSION + "）");
    }
    String comment = Json.optionalString(root, "comment", "");

    // profile and overrides
    String profileId = Json.optionalString(root, "profile", "");
    if (profileId == null || profileId.isBlank()) {
      throw new InvalidInputException(
          "profile", "缺少字段（规则配置，如 PARTY_GRASSROOTS），可用：" + profileIds());
    }
    String pid = profileId.strip().toUpperCase(Locale.ROOT);
    Profile base =
        Profiles.find(pid)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "profile", "未知的规则配置 \"" + profileId + "\"，可用：" + profileIds()));
    Map<String, String> overrides = new LinkedHashMap<>();
    JsonNode ov = root.get("overrides");
    if (ov != null && !ov.isNull()) {
      if (!ov.isObject()) {
        throw new InvalidInputException("overrides", "应为对象（参数名 → 值）");
      }
      for (String k : ov.propertyNames()) {
        JsonNode v = ov.get(k);
        if (!(v.isString() || v.isNumber() || v.isBoolean())) {
          throw new InvalidInputException("overrides." + k, "应为字符串、数字或 true/false");
        }
        overrides.put(k, v.asString());
      }
    }
    String reason = Json.optionalString(root, "overrideReason", "");
    if (!overrides.isEmpty() && (reason == null || reason.isBlank())) {
      throw new InvalidInputException("overrideReason", "给出 overrides 时须说明理由（本地方案条款）");
    }
    // checks names and values now, so the error names the override
    base.withOverrides(overrides, reason);

    Meeting meeting = enumValue(Meeting.class, Json.optionalString(root, "meeting", ""), "meeting");
    if (meeting == null) {
      meeting = Meeting.ELECTORAL;
    }
    if (meeting == Meeting.PLENUM && !base.regime().isParty()) {
      throw new InvalidInputException("meeting", "只有党组织的规则配置有委员会全体会议（PLENUM）");
    }
    String kindText = Json.optionalString(root, "roundKind", "");
    if (kindText != null && kindText.strip().equalsIgnoreCase("FURTHER_ROUND")) {
      kindText = "FURTHER";
    }
    RoundKind kind = enumValue(RoundKind.class, kindText, "roundKind");
    if (kind == null) {
      kind = RoundKind.FIRST;
    }
    int further;
    if (Json.present(root, "furtherRound")) {
      further = Json.integer(root.get("furtherRound"), "furtherRound");
    } else {
      further = kind == RoundKind.FURTHER ? 1 : 0;
    }
    if (kind == RoundKind.FIRST && further != 0) {
      throw new InvalidInputException("furtherRound", "第一次投票（FIRST）的 furtherRound 应为 0");
    }
    if (kind == RoundKind.FURTHER && further < 1) {
      throw new InvalidInputException("furtherRound", "另行选举（FURTHER）的 furtherRound 应至少为 1");
    }
    if (further < 0) {
      throw new InvalidInputException("furtherRound", "不能为负数");
    }

    if (!Json.present(root, "seats")) {
      throw new InvalidInputException("seats", "缺少字段（应选人数）");
    }
    int seats = Json.integer(root.get("seats"), "seats");
    if (seats < 1) {
      throw new InvalidInputException("seats", "应选人数须至少为1，实际为 " + seats);
    }

    List<Candidate> candidates = candidates(root.get("candidates"));
    if (kind == RoundKind.TIE_REVOTE && candidates.size() <= seats) {
      throw new InvalidInputException("candidates", "再次投票的候选人数须多于名额");
    }
    Electorate electorate = electorate(root.get("electorate"), base.regime(), meeting);
    List<String> ineligible = stringList(root.get("ineligibleWriteIns"), "ineligibleWriteIns");

    // ballots or counts
    boolean hasBallots = Json.present(root, "ballots");
    boolean hasFile = Json.present(root, "ballotsFile");
    boolean hasCounts = Json.present(root, "counts");
    if (hasBallots && hasFile) {
      throw new InvalidInputException("ballotsFile", "不能同时给出 ballots 与 ballotsFile");
    }
    if ((hasBallots || hasFile) && hasCounts) {
      throw new InvalidInputException(
          "counts", "不能同时给出 " + (hasBallots ? "ballots" : "ballotsFile") + " 与 counts，请只保留一种");
    }
    if (!hasBallots && !hasFile && !hasCounts) {
      throw new InvalidInputException("ballots", "缺少选票：请给出 ballots、ballotsFile 或 counts 之一");
    }
    CompactBallots box = null;
    String file = null;
    Counts counts = null;
    if (hasBallots) {
      box = inlineBallots(root.get("ballots"), candidates.size());
    } else if (hasFile) {
      file = Json.string(root.get("ballotsFile"), "ballotsFile");
      box = csv(file, baseDir, candidates.size());
    } else {
      counts = counts(root.get("counts"), candidates);
      if (kind == RoundKind.TIE_REVOTE && !counts.writeIns().isEmpty()) {
        throw new InvalidInputException("counts.writeIns", "再次投票只在票数相等的候选人中进行，不能另选他人");
      }
    }
    SortedMap<Integer, Ballot> rulings = new TreeMap<>();
    if (Json.present(root, "rulings")) {
      if (box == null) {
        throw new InvalidInputException(
            "rulings", "监票人认定只适用于逐张选票（ballots 或 ballotsFile），不适用于 counts");
      }
      rulings = rulings(root.get("rulings"), candidates.size(), box.size());
    }
    return new RoundFile(
        version,
        comment,
        base.id(),
        overrides,
        reason,
        meeting,
        kind,
        further,
        seats,
        candidates,
        electorate,
        ineligible,
        box,
        file,
        rulings,
        counts);
  }

  private static String profileIds() {
    return Profiles.all().stream().map(Profile::id).collect(Collectors.joining("、"));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder sb = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        sb.append(sb.length() == 0 ? "" : "、").append(c.name());
      }
      throw new InvalidInputException(field, "无法识别的值 \"" + text + "\"，可用：" + sb);
    }
  }

  private static List<Candidate> candidates(JsonNode n) {
    if (n == null || n.isNull()) {
      throw new InvalidInputException("candidates", "缺少字段（选票上的候选人名单）");
    }
    if (!n.isArray()) {
      throw new InvalidInputException("candidates", "应为数组");
    }
    if (n.isEmpty()) {
      throw new InvalidInputException("candidates", "候选人名单为空");
    }
    List<Candidate> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < n.size(); i++) {
      String path = "candidates[" + i + "]";
      JsonNode c = n.get(i);
      if (!c.isObject()) {
        throw new InvalidInputException(path, "应为对象 {\"id\": …, \"name\": …}");
      }
      Json.checkFields(c, CANDIDATE, path + ".");
      JsonNode idNode = c.get("id");
      if (idNode == null || idNode.isNull()) {
        throw new InvalidInputException(path + ".id", "缺少字段");
      }
      String id = idNode.isNumber() ? idNode.asString() : Json.string(idNode, path + ".id");
      if (id.isBlank()) {
        throw new InvalidInputException(path + ".id", "不能为空");
      }
      if (!ids.add(id)) {
        throw new InvalidInputException(path + ".id", "候选人编号重复：\"" + id + "\"");
      }
      String name = Json.optionalString(c, "name", path + ".");
      boolean eligible = true;
      if (Json.present(c, "eligible")) {
        if (!c.get("eligible").isBoolean()) {
          throw new InvalidInputException(path + ".eligible", "应为 true 或 false");
        }
        eligible = c.get("eligible").booleanValue();
      }
      out.add(new Candidate(id, name, eligible));
    }
    return out;
  }

  /** The electorate fields a regime needs, with their Chinese names. */
  static Map<String, String> requiredElectorate(Regime r, Meeting meeting) {
    Map<String, String> m = new LinkedHashMap<>();
    if (r.isParty()) {
      m.put("expected", meeting == Meeting.PLENUM ? "应到会委员人数" : "应到会人数");
      m.put("present", meeting == Meeting.PLENUM ? "实到会委员人数" : "实到会有选举权人数");
    } else if (r == Regime.PEOPLES_CONGRESS_INDIRECT) {
      m.put("totalDeputies", "全体代表人数");
      m.put("present", "出席代表人数");
    } else {
      m.put("registered", "登记选民数");
    }
    m.put("ballotsIssued", "发出选票数");
    m.put("ballotsReturned", "收回选票数");
    return m;
  }

  private static Electorate electorate(JsonNode n, Regime regime, Meeting meeting) {
    if (n == null || n.isNull()) {
      throw new InvalidInputException(
          "electorate",
          "缺少字段（须给出 " + String.join("、", requiredElectorate(regime, meeting).keySet()) + "）");
    }
    if (!n.isObject()) {
      throw new InvalidInputException("electorate", "应为对象");
    }
    Json.checkFields(n, ELECTORATE, "electorate.");
    for (Map.Entry<String, String> e : requiredElectorate(regime, meeting).entrySet()) {
      if (!Json.present(n, e.getKey())) {
        throw new InvalidInputException(
            "electorate." + e.getKey(), "缺少字段（" + e.getValue() + "，" + regimeZh(regime) + "须给出）");
      }
    }
    long[] v = new long[6];
    String[] names = {
      "expected", "present", "registered", "totalDeputies", "ballotsIssued", "ballotsReturned"
    };
    for (int i = 0; i < names.length; i++) {
      v[i] = Json.present(n, names[i]) ? Json.count(n.get(names[i]), "electorate." + names[i]) : 0;
    }
    return new Electorate(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  private static String regimeZh(Regime r) {
    return switch (r) {
      case PARTY_GRASSROOTS -> "党的基层组织选举";
      case PARTY_LOCAL -> "党的地方组织选举";
      case PEOPLES_CONGRESS_DIRECT -> "人大代表直接选举";
      case PEOPLES_CONGRESS_INDIRECT -> "人大代表间接选举";
      case VILLAGE_COMMITTEE -> "村民委员会选举";
      case RESIDENTS_COMMITTEE -> "居民委员会选举";
    };
  }

  private static List<String> stringList(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new InvalidInputException(field, "应为字符串数组");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n.size(); i++) {
      String s = Json.string(n.get(i), field + "[" + i + "]").strip();
      if (s.isEmpty()) {
        throw new InvalidInputException(field + "[" + i + "]", "不能为空");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private static CompactBallots inlineBallots(JsonNode n, int candidates) {
    if (!n.isArray()) {
      throw new InvalidInputException("ballots", "应为数组（每张选票为符号串或对象）");
    }
    CompactBallots.Builder b = CompactBallots.builder(candidates);
    for (int i = 0; i < n.size(); i++) {
      b.add(ballot(n.get(i), candidates, "ballots[" + i + "]"));
    }
    return b.build();
  }

  /** One ballot from JSON: a marks string or {marks, writeIns, identifyingMarks}. */
  private static Ballot ballot(JsonNode n, int candidates, String path) {
    if (n.isString()) {
      return new Ballot(
          BallotCsv.marks(n.stringValue(), candidates, path + ".marks", ""), List.of(), false);
    }
    if (!n.isObject()) {
      throw new InvalidInputException(
          path, "应为符号串（如 \"YYN-A\"）或对象 {\"marks\": …, \"writeIns\": […]}");
    }
    Json.checkFields(n, BALLOT, path + ".");
    if (!Json.present(n, "marks")) {
      throw new InvalidInputException(path + ".marks", "缺少字段");
    }
    String marks = Json.string(n.get("marks"), path + ".marks");
    List<Mark> list = BallotCsv.marks(marks, candidates, path + ".marks", "");
    List<WriteIn> writeIns = new ArrayList<>();
    JsonNode w = n.get("writeIns");
    if (w != null && !w.isNull()) {
      if (!w.isArray()) {
        throw new InvalidInputException(path + ".writeIns", "应为数组");
      }
      for (int j = 0; j < w.size(); j++) {
        String wp = path + ".writeIns[" + j + "]";
        JsonNode e = w.get(j);
        if (!e.isObject()) {
          throw new InvalidInputException(wp, "应为对象 {\"name\": …, \"mark\": \"Y\"}");
        }
        Json.checkFields(e, WRITE_IN, wp + ".");
        String name = Json.optionalString(e, "name", wp + ".");
        if (name == null || name.isBlank()) {
          throw new InvalidInputException(wp + ".name", "缺少另选他人的姓名");
        }
        String mark = Json.optionalString(e, "mark", wp + ".");
        writeIns.add(
            new WriteIn(
                name, BallotCsv.writeInMark(mark == null ? "" : mark.strip(), wp + ".mark", "")));
      }
    }
    boolean identifying = false;
    if (Json.present(n, "identifyingMarks")) {
      if (!n.get("identifyingMarks").isBoolean()) {
        throw new InvalidInputException(path + ".identifyingMarks", "应为 true 或 false");
      }
      identifying = n.get("identifyingMarks").booleanValue();
    }
    return new Ballot(list, writeIns, identifying);
  }

  private static CompactBallots csv(String file, Path baseDir, int candidates) {
    if (file.isBlank()) {
      throw new InvalidInputException("ballotsFile", "不能为空");
    }
    Path p = baseDir == null ? Path.of(file) : baseDir.resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new InvalidInputException("ballotsFile", "选票文件不存在：" + file + "（相对于本文件所在目录）");
    }
    try {
      return BallotCsv.read(p, candidates, p.getFileName().toString());
    } catch (IOException e) {
      throw new InvalidInputException(
          "ballotsFile", "无法读取选票文件 " + file + "（" + e.getMessage() + "）");
    } catch (UncheckedIOException e) {
      throw new InvalidInputException(
          "ballotsFile", "无法读取选票文件 " + file + "（" + e.getCause().getMessage() + "）");
    }
  }

  private static SortedMap<Integer, Ballot> rulings(JsonNode n, int candidates, int size) {
    if (!n.isObject()) {
      throw new InvalidInputException("rulings", "应为对象（选票序号 → 认定后的选票）");
    }
    SortedMap<Integer, Ballot> out = new TreeMap<>();
    for (String k : n.propertyNames()) {
      String path = "rulings." + k;
      int idx;
      try {
        idx = Integer.parseInt(k.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(path, "选票序号应为从0开始的整数");
      }
      if (idx < 0 || idx >= size) {
        throw new InvalidInputException(path, "没有序号为 " + idx + " 的选票（共" + size + "张，序号从0开始）");
      }
      if (out.put(idx, ballot(n.get(k), candidates, path)) != null) {
        throw new InvalidInputException(path, "同一张选票认定了两次");
      }
    }
    return out;
  }

  private static Counts counts(JsonNode n, List<Candidate> candidates) {
    if (!n.isObject()) {
      throw new InvalidInputException("counts", "应为对象 {valid, invalid, candidates, writeIns}");
    }
    Json.checkFields(n, COUNTS, "counts.");
    long valid = Json.count(n.get("valid"), "counts.valid");
    long invalid = Json.present(n, "invalid") ? Json.count(n.get("invalid"), "counts.invalid") : 0;
    JsonNode cs = n.get("candidates");
    if (cs == null || cs.isNull()) {
      throw new InvalidInputException("counts.candidates", "缺少字段（每名候选人的赞成、不赞成、弃权票数）");
    }
    if (!cs.isObject()) {
      throw new InvalidInputException("counts.candidates", "应为对象（候选人编号 → {yes, no, abstain}）");
    }
    Set<String> known = new HashSet<>();
    candidates.forEach(c -> known.add(c.id()));
    for (String id : cs.propertyNames()) {
      if (!known.contains(id)) {
        throw new InvalidInputException(
            "counts.candidates." + id,
            "未知的候选人 \""
                + id
                + "\"，名单中有："
                + candidates.stream().map(Candidate::id).collect(Collectors.joining("、")));
      }
    }
    Map<String, CandidateCount> m = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      String path = "counts.candidates." + c.id();
      JsonNode e = cs.get(c.id());
      if (e == null || e.isNull()) {
        throw new InvalidInputException(path, "缺少候选人" + c.name() + "的得票数");
      }
      if (!e.isObject()) {
        throw new InvalidInputException(path, "应为对象 {yes, no, abstain}");
      }
      Json.checkFields(e, COUNT, path + ".");
      long yes = Json.count(e.get("yes"), path + ".yes");
      long no = Json.present(e, "no") ? Json.count(e.get("no"), path + ".no") : 0;
      long abstain =
          Json.present(e, "abstain") ? Json.count(e.get("abstain"), path + ".abstain") : 0;
      if (yes + no + abstain != valid) {
        throw new InvalidInputException(
            path,
            "候选人"
                + c.name()
                + "的赞成"
                + yes
                + "、不赞成"
                + no
                + "、弃权"
                + abstain
                + "之和"
                + (yes + no + abstain)
                + "不等于有效票数"
                + valid
                + "（TALLY.SUM.CANDIDATE）");
      }
      m.put(c.id(), new CandidateCount(yes, no, abstain));
    }
    Map<String, Long> writeIns = new LinkedHashMap<>();
    JsonNode w = n.get("writeIns");
    if (w != null && !w.isNull()) {
      if (!w.isObject()) {
        throw new InvalidInputException("counts.writeIns", "应为对象（姓名 → 赞成票数）");
      }
      for (String name : w.propertyNames()) {
        String path = "counts.writeIns." + name;
        if (name.isBlank()) {
          throw new InvalidInputException(path, "另选他人的姓名不能为空");
        }
        if (known.contains(name)) {
          throw new InvalidInputException(path, "\"" + name + "\" 是选票上的候选人编号，不能作为另选他人");
        }
        long yes = Json.count(w.get(name), path);
        if (yes > valid) {
          throw new InvalidInputException(
              path, "另选他人" + name + "的得票数" + yes + "多于有效票数" + valid + "（TALLY.WRITE_IN.LE_VALID）");
        }
        writeIns.put(name, yes);
      }
    }
    return new Counts(valid, invalid, m, writeIns);
  }

  // ------------------------------------------------------------------------------------ engine

  /** The effective profile (overrides applied). */
  public Profile profile() {
    return Profiles.byId(profileId).withOverrides(overrides, overrideReason);
  }

  /** The round's spec for the engine. */
  public RoundSpec spec() {
    return new RoundSpec(
        profile(),
        meeting,
        seats,
        candidates,
        electorate,
        roundKind,
        furtherRound,
        new LinkedHashSet<>(ineligibleWriteIns));
  }

  /** The ballots with the rulings applied (null for counts). */
  public CompactBallots ruledBallots() {
    if (ballots == null) {
      return null;
    }
    CompactBallots b = ballots;
    for (Map.Entry<Integer, Ballot> r : rulings.entrySet()) {
      b = b.withRuling(r.getKey(), r.getValue());
    }
    return b;
  }

  /** The tally: of the ruled ballots, or of the counts. */
  public Tally tally(RoundSpec spec) {
    if (counts != null) {
      return Tally.ofCounts(
          candidates, counts.valid(), counts.invalid(), counts.candidates(), counts.writeIns());
    }
    return Tally.of(candidates, ruledBallots(), RoundEngine.ballotRules(spec));
  }

  /** Decides the round. */
  public Decision<RoundResult> decide() {
    RoundSpec spec = spec();
    return RoundEngine.decide(spec, tally(spec));
  }

  // ------------------------------------------------------------------------------------ writing

  /** This round as JSON in the file format (ballots inline unless a {@code ballotsFile} is set). */
  public ObjectNode toJson() {
    ObjectNode root = header(spec(), profileId, overrides, overrideReason, comment);
    if (ballotsFile != null) {
      root.put("ballotsFile", ballotsFile);
    } else if (ballots != null) {
      ArrayNode arr = root.putArray("ballots");
      for (int i = 0; i < ballots.size(); i++) {
        arr.add(ballotJson(ballots.get(i)));
      }
    }
    if (!rulings.isEmpty()) {
      ObjectNode r = root.putObject("rulings");
      rulings.forEach((k, v) -> r.set(Integer.toString(k), ballotJson(v)));
    }
    if (counts != null) {
      ObjectNode c = root.putObject("counts");
      c.put("valid", counts.valid());
      c.put("invalid", counts.invalid());
      ObjectNode cs = c.putObject("candidates");
      counts
          .candidates()
          .forEach(
              (id, cc) -> {
                ObjectNode o = cs.putObject(id);
                o.put("yes", cc.yes());
                o.put("no", cc.no());
                o.put("abstain", cc.abstain());
              });
      ObjectNode w = c.putObject("writeIns");
      counts.writeIns().forEach(w::put);
    }
    return root;
  }

  private static tools.jackson.databind.JsonNode ballotJson(Ballot b) {
    if (b.writeIns().isEmpty() && !b.identifyingMarks()) {
      return Json.textNode(b.markString());
    }
    ObjectNode o = Json.object();
    o.put("marks", b.markString());
    if (!b.writeIns().isEmpty()) {
      ArrayNode w = o.putArray("writeIns");
      for (WriteIn wi : b.writeIns()) {
        ObjectNode e = w.addObject();
        e.put("name", wi.name());
        e.put("mark", String.valueOf(wi.mark().toChar()));
      }
    }
    if (b.identifyingMarks()) {
      o.put("identifyingMarks", true);
    }
    return o;
  }

  /**
   * The next round as a file fragment without ballots (下一轮投票文件): the same profile and overrides,
   * the next spec's kind, seats, candidates and ineligible write-ins, and the previous electorate
   * (to be updated with the new round's ballot counts). Add {@code ballots}, {@code ballotsFile} or
   * {@code counts} and tally it.
   */
  public ObjectNode nextRoundJson(RoundSpec next) {
    String what =
        switch (next.kind()) {
          case TIE_REVOTE -> "再次投票：仅就票数相等的候选人投票，以得票多的当选";
          case FURTHER -> "另行选举（第" + next.furtherRound() + "次）";
          case FIRST -> "重新投票（上一轮选举无效）";
        };
    return header(
        next,
        profileId,
        overrides,
        overrideReason,
        what + "。请按本轮实际情况修改 electorate，并加上 ballots、ballotsFile 或 counts 之一");
  }

  private static ObjectNode header(
      RoundSpec spec,
      String profileId,
      Map<String, String> overrides,
      String reason,
      String comment) {
    ObjectNode root = Json.object();
    root.put("formatVersion", FORMAT_VERSION);
    if (comment != null) {
      root.put("comment", comment);
    }
    root.put("profile", profileId);
    if (!overrides.isEmpty()) {
      ObjectNode o = root.putObject("overrides");
      overrides.forEach(o::put);
      root.put("overrideReason", reason);
    }
    root.put("meeting", spec.meeting().name());
    root.put("roundKind", spec.kind().name());
    root.put("furtherRound", spec.furtherRound());
    root.put("seats", spec.seats());
    ArrayNode cs = root.putArray("candidates");
    for (Candidate c : spec.candidates()) {
      ObjectNode o = cs.addObject();
      o.put("id", c.id());
      o.put("name", c.name());
      if (!c.eligible()) {
        o.put("eligible", false);
      }
    }
    Electorate e = spec.electorate();
    Map<String, String> required = requiredElectorate(spec.profile().regime(), spec.meeting());
    ObjectNode el = root.putObject("electorate");
    long[] v = {
      e.expected(),
      e.present(),
      e.registered(),
      e.totalDeputies(),
      e.ballotsIssued(),
      e.ballotsReturned()
    };
    String[] names = {
      "expected", "present", "registered", "totalDeputies", "ballotsIssued", "ballotsReturned"
    };
    for (int i = 0; i < names.length; i++) {
      if (required.containsKey(names[i]) || v[i] != 0) {
        el.put(names[i], v[i]);
      }
    }
    if (!spec.ineligibleWriteIns().isEmpty()) {
      ArrayNode a = root.putArray("ineligibleWriteIns");
      spec.ineligibleWriteIns().stream().sorted().forEach(a::add);
    }
    return root;
  }

  /** The applied overrides of the effective profile (for reports). */
  public List<AppliedOverride> appliedOverrides() {
    return profile().overrides();
  }
}
