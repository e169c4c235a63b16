package xuanju.cli.round;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import xuanju.core.outcome.RankedCandidate;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.profile.AppliedOverride;
import xuanju.core.profile.Profile;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Step;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.Tally;

/**
 * The decision of one round as JSON or as a Chinese summary (计票结果报告). The JSON is deterministic:
 * the same round file gives the same bytes (see {@link Json#pretty}).
 */
public final class RoundReport {
  private RoundReport() {}

  /** Everything a report needs: the round, its spec, the decision and the next round if any. */
  public record Report(
      RoundFile file, RoundSpec spec, Decision<RoundResult> decision, Optional<RoundSpec> next) {}

  /** Decides the round in the file and builds the report. */
  public static Report of(RoundFile file) {
    RoundSpec spec = file.spec();
    Decision<RoundResult> d = RoundEngine.decide(spec, file.tally(spec));
    return new Report(file, spec, d, RoundEngine.nextRound(spec, d));
  }

  // ------------------------------------------------------------------------------------ JSON

  /** The decision as JSON (format in {@code docs/formats/tally.md}). */
  public static ObjectNode json(Report r) {
    RoundFile f = r.file();
    RoundResult res = r.decision().outcome();
    Profile p = r.spec().profile();
    Map<String, String> names = names(r);
    ObjectNode root = Json.object();
    root.put("formatVersion", RoundFile.FORMAT_VERSION);
    ObjectNode prof = root.putObject("profile");
    prof.put("id", p.id());
    prof.put("titleZh", p.titleZh());
    prof.put("lawVersion", p.lawVersion());
    ArrayNode ovs = root.putArray("overrides");
    for (AppliedOverride o : p.overrides()) {
      ObjectNode n = ovs.addObject();
      n.put("param", o.param().key());
      n.put("from", o.from());
      n.put("to", o.to());
      n.put("reason", o.reason());
    }
    root.put("meeting", r.spec().meeting().name());
    root.put("kind", res.kind().name());
    root.put("furtherRound", r.spec().furtherRound());
    root.put("seats", res.seats());
    root.put("final", res.isFinal());
    ArrayNode outs = root.putArray("outcomes");
    for (SeatOutcome o : res.outcomes()) {
      outs.add(outcomeJson(o, names));
    }
    ArrayNode elected = root.putArray("elected");
    res.electedIds().forEach(elected::add);
    ArrayNode ranking = root.putArray("ranking");
    for (RankedCandidate c : res.ranking()) {
      ObjectNode n = ranking.addObject();
      n.put("rank", c.rank());
      n.put("id", c.id());
      n.put("name", c.name());
      n.put("writeIn", c.writeIn());
      n.put("eligible", c.eligible());
      n.put("yes", c.yes());
      n.put("no", c.no());
      n.put("abstain", c.abstain());
      n.put("passed", c.passed());
      n.put("status", c.status().name());
    }
    Tally t = res.tally();
    ObjectNode b = root.putObject("ballots");
    b.put(
        "source",
        f.counts() != null ? "counts" : f.ballotsFile() != null ? "ballotsFile" : "ballots");
    b.put("returned", r.spec().electorate().ballotsReturned());
    b.put("issued", r.spec().electorate().ballotsIssued());
    b.put("counted", t.ballots());
    b.put("valid", t.validBallots());
    b.put("invalid", t.invalidBallots());
    b.put("needsReview", t.reviewBallots().size());
    ArrayNode idx = b.putArray("reviewIndexes");
    t.reviewBallots().forEach(idx::add);
    b.put("rulingsApplied", f.rulings().size());
    ArrayNode trail = root.putArray("trail");
    for (Step s : r.decision().trail()) {
      ObjectNode n = trail.addObject();
      n.put("code", s.code());
      n.put("severity", s.rule().severity().name());
      ObjectNode in = n.putObject("inputs");
      s.inputs().forEach(in::put);
      n.put("test", s.test());
      n.put("passed", s.passed());
      n.put("explanationZh", s.explanationZh());
      n.put("citation", citation(s));
    }
    if (r.next().isPresent()) {
      root.set("nextRound", f.nextRoundJson(r.next().get()));
    } else {
      root.putNull("nextRound");
    }
    return root;
  }

  private static String citation(Step s) {
    var c = s.rule().citation();
    return c.display() + (c.sourceId().isEmpty() ? "" : "（" + c.sourceId() + "）");
  }

  private static ObjectNode outcomeJson(SeatOutcome o, Map<String, String> names) {
    ObjectNode n = Json.object();
    n.put("type", type(o));
    n.put("seats", o.seats());
    if (o instanceof SeatOutcome.Elected e) {
      ids(n.putArray("candidateIds"), e.candidateIds());
    } else if (o instanceof SeatOutcome.TieRevoteNeeded t) {
      ids(n.putArray("tiedIds"), t.tiedIds());
      n.put("votes", t.votes());
    } else if (o instanceof SeatOutcome.FurtherRoundNeeded f) {
      ids(n.putArray("candidateIds"), f.candidateIds());
      n.put("reduceSeatsAllowed", f.reduceSeatsAllowed());
      n.put("thresholdZh", f.thresholdZh());
    } else if (o instanceof SeatOutcome.RoundVoid v) {
      n.put("ruleCode", v.ruleCode());
    } else if (o instanceof SeatOutcome.QuorumNotMet q) {
      n.put("ruleCode", q.ruleCode());
      n.put("actual", q.actual());
      n.put("minimum", q.minimum());
    } else if (o instanceof SeatOutcome.ReviewNeeded rv) {
      ArrayNode a = n.putArray("ballotIndexes");
      rv.ballotIndexes().forEach(a::add);
    }
    n.put("summaryZh", summaryZh(o, names));
    return n;
  }

  private static void ids(ArrayNode a, List<String> ids) {
    ids.forEach(a::add);
  }

  /** The outcome type as written in the JSON, e.g. {@code TIE_REVOTE_NEEDED}. */
  public static String type(SeatOutcome o) {
    if (o instanceof SeatOutcome.Elected) {
      return "ELECTED";
    } else if (o instanceof SeatOutcome.TieRevoteNeeded) {
      return "TIE_REVOTE_NEEDED";
    } else if (o instanceof SeatOutcome.FurtherRoundNeeded) {
      return "FURTHER_ROUND_NEEDED";
    } else if (o instanceof SeatOutcome.Vacancy) {
      return "VACANCY";
    } else if (o instanceof SeatOutcome.SeatsReduced) {
      return "SEATS_REDUCED";
    } else if (o instanceof SeatOutcome.RoundVoid) {
      return "ROUND_VOID";
    } else if (o instanceof SeatOutcome.QuorumNotMet) {
      return "QUORUM_NOT_MET";
    }
    return "REVIEW_NEEDED";
  }

  /** One Chinese sentence per outcome. */
  static String summaryZh(SeatOutcome o, Map<String, String> names) {
    if (o instanceof SeatOutcome.Elected e) {
      return "当选" + e.seats() + "名（按得票多少为序）：" + list(e.candidateIds(), names);
    }
    if (o instanceof SeatOutcome.TieRevoteNeeded t) {
      return list(t.tiedIds(), names)
          + "均得"
          + t.votes()
          + "票，票数相等，不能确定当选人；应就此"
          + t.tiedIds().size()
          + "人再次投票，选出"
          + t.seats()
          + "名";
    }
    if (o instanceof SeatOutcome.FurtherRoundNeeded f) {
      return "当选人数不足，"
          + f.seats()
          + "个名额应另行选举"
          + (f.candidateIds().isEmpty()
              ? "（无剩余候选人，须重新提名）"
              : "，候选人：" + list(f.candidateIds(), names))
          + "；当选条件："
          + f.thresholdZh()
          + (f.reduceSeatsAllowed() ? "；也可经半数以上选举人同意减少名额，不再另行选举" : "");
    }
    if (o instanceof SeatOutcome.Vacancy v) {
      return v.seats() + "个名额暂作缺额";
    }
    if (o instanceof SeatOutcome.SeatsReduced s) {
      return "经同意减少" + s.seats() + "个名额";
    }
    if (o instanceof SeatOutcome.RoundVoid v) {
      return "本轮选举无效（" + v.ruleCode() + "），应重新投票";
    }
    if (o instanceof SeatOutcome.QuorumNotMet q) {
      return "到会（投票）人数"
          + q.actual()
          + "人，不足"
          + q.minimum()
          + "人，会议（选举）无效（"
          + q.ruleCode()
          + "），不能产生当选人";
    }
    SeatOutcome.ReviewNeeded rv = (SeatOutcome.ReviewNeeded) o;
    return "有"
        + rv.ballotIndexes().size()
        + "张疑问票（序号 "
        + rv.ballotIndexes()
        + "）须由监票人认定后再计票；在 rulings 中填写认定结果后重新计票";
  }

  private static String list(List<String> ids, Map<String, String> names) {
    StringBuilder sb = new StringBuilder();
    for (String id : ids) {
      if (sb.length() > 0) {
        sb.append("、");
      }
      String name = names.getOrDefault(id, id);
      sb.append(name.equals(id) ? id : name + "（" + id + "）");
    }
    return sb.toString();
  }

  private static Map<String, String> names(Report r) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Candidate c : r.spec().candidates()) {
      m.put(c.id(), c.name());
    }
    for (RankedCandidate c : r.decision().outcome().ranking()) {
      m.putIfAbsent(c.id(), c.name());
    }
    return m;
  }

  // ------------------------------------------------------------------------------------ text

  /** A Chinese summary: who is elected, why, with the rule codes. Lines end with {@code \n}. */
  public static String text(Report r) {
    RoundResult res = r.decision().outcome();
    Profile p = r.spec().profile();
    Map<String, String> names = names(r);
    StringBuilder sb = new StringBuilder();
    sb.append("计票结果：")
        .append(p.titleZh())
        .append("（")
        .append(p.id())
        .append("），")
        .append(kindZh(r.spec()))
        .append("，应选")
        .append(res.seats())
        .append("名\n");
    for (AppliedOverride o : p.overrides()) {
      sb.append("本地方案调整：")
          .append(o.param().key())
          .append(" ")
          .append(o.from())
          .append(" → ")
          .append(o.to())
          .append("（理由：")
          .append(o.reason())
          .append("）\n");
    }
    sb.append("\n结果：\n");
    for (SeatOutcome o : res.outcomes()) {
      sb.append("  ").append(summaryZh(o, names)).append("\n");
    }
    if (res.electedIds().isEmpty()) {
      sb.append("  本轮无人当选\n");
    }
    Tally t = res.tally();
    sb.append("\n选票：发出")
        .append(r.spec().electorate().ballotsIssued())
        .append("张，收回")
        .append(r.spec().electorate().ballotsReturned())
        .append("张；有效")
        .append(t.validBallots())
        .append("张，无效")
        .append(t.invalidBallots())
        .append("张");
    if (!t.reviewBallots().isEmpty()) {
      sb.append("，待认定").append(t.reviewBallots().size()).append("张");
    }
    if (!r.file().rulings().isEmpty()) {
      sb.append("（已认定疑问票").append(r.file().rulings().size()).append("张）");
    }
    sb.append("\n");
    if (!res.ranking().isEmpty()) {
      sb.append("\n得票（按赞成票排序）：\n");
      for (RankedCandidate c : res.ranking()) {
        sb.append("  ")
            .append(c.rank())
            .append(". ")
            .append(c.name())
            .append(c.name().equals(c.id()) ? "" : "（" + c.id() + "）")
            .append(c.writeIn() ? "［另选他人］" : "")
            .append("  赞成")
            .append(c.yes());
        if (!c.writeIn()) {
          sb.append(" 不赞成").append(c.no()).append(" 弃权").append(c.abstain());
        }
        sb.append("  ").append(statusZh(c.status())).append("\n");
      }
    }
    sb.append("\n判定依据：\n");
    for (Step s : r.decision().trail()) {
      sb.append("  [")
          .append(s.passed() ? "通过" : "未通过")
          .append("] ")
          .append(s.code())
          .append("  ")
          .append(s.explanationZh())
          .append("  ——")
          .append(citation(s))
          .append("\n");
    }
    if (r.next().isPresent()) {
      RoundSpec n = r.next().get();
      sb.append("\n下一轮：")
          .append(kindZh(n))
          .append("，应选")
          .append(n.seats())
          .append("名，候选人：")
          .append(list(n.candidates().stream().map(Candidate::id).toList(), names))
          .append("（JSON 输出的 nextRound 可直接补上选票后再次计票）\n");
    }
    return sb.toString();
  }

  private static String kindZh(RoundSpec s) {
    return switch (s.kind()) {
      case FIRST -> "第一次投票";
      case FURTHER -> "另行选举（第" + s.furtherRound() + "次）";
      case TIE_REVOTE -> "再次投票（票数相等者）";
    };
  }

  private static String statusZh(RankedCandidate.Status s) {
    return switch (s) {
      case ELECTED -> "当选";
      case TIED -> "票数相等，须再次投票";
      case NOT_ELECTED -> "未当选";
      case INELIGIBLE -> "不具备被选举资格";
      case UNDECIDED -> "未产生结果";
    };
  }
}
