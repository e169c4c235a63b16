package xuanju.server.results;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import xuanju.cli.round.BallotCsv;
import xuanju.cli.round.Json;
import xuanju.cli.round.RoundFile;
import xuanju.cli.round.RoundReport;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.BallotCount;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.profile.Profile;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.server.election.Election;
import xuanju.server.voting.BallotCodec;
import xuanju.server.voting.VotingModel.OutcomeDto;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.StepDto;
import xuanju.server.voting.VotingModel.StoredDecision;

/**
 * One decided round as files the command line reproduces (轮次归档文件): the round file {@code
 * round-N.json} in the format of {@code docs/formats/tally.md}, its ballots {@code
 * round-N-ballots.csv} in the CLI's ballot CSV format, and the CLI's own decision {@code
 * round-N.tally.json}; {@link #check} compares that decision with the one stored on election day.
 *
 * <p>Ballot order: the CSV rows are sorted canonically (by the ballot's CSV line), not kept in
 * stack order. A stack is read in the order the papers come out of the box, which for a small or
 * mobile box can follow the order of casting, and casting follows check-in, whose names and times
 * are in the audit log of the same archive. The count does not depend on the order.
 */
final class RoundArchive {
  private RoundArchive() {}

  /** The files of one round and the CLI's decision. */
  record Files(
      String roundPath,
      byte[] roundJson,
      String ballotsPath,
      byte[] ballotsCsv,
      String tallyPath,
      byte[] tallyJson,
      int ballots,
      boolean counts,
      RoundReport.Report report) {}

  private static final TypeReference<Map<String, CandidateCount>> COUNTS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Long>> WRITE_INS = new TypeReference<>() {};

  /**
   * Builds the files of a decided round.
   *
   * @param readings the final readings of the settled stacks (any order)
   * @param aggregates the tally sheets of boxes counted in aggregate
   */
  static Files build(
      Election e,
      Profile profile,
      Round r,
      StoredDecision sd,
      List<Reading> readings,
      List<ResultsRepository.Aggregate> aggregates) {
    String base = "rounds/round-" + r.number();
    List<Candidate> cands =
        r.candidates().stream().map(c -> Candidate.of(c.id(), c.name())).toList();
    List<Ballot> ballots = new ArrayList<>(readings.stream().map(BallotCodec::ballot).toList());
    ballots.sort(Comparator.comparing(RoundArchive::line));
    CompactBallots.Builder builder = CompactBallots.builder(cands.size());
    ballots.forEach(builder::add);
    CompactBallots compact = builder.build();
    Electorate el = electorate(profile, r, sd);
    Meeting meeting = r.stage() == 2 ? Meeting.PLENUM : Meeting.ELECTORAL;
    Map<String, String> overrides = new TreeMap<>(e.overrides());
    String reason = overrides.isEmpty() ? null : e.overrideReason();
    String comment =
        e.title()
            + " "
            + r.labelZh()
            + "，选举编码 "
            + r.code()
            + (sd.consent() == null
                ? ""
                : "。本轮另经半数以上选举人同意减少名额（同意"
                    + sd.consent().agreed()
                    + "人/选举人"
                    + sd.consent().electors()
                    + "人："
                    + sd.consent().recordZh()
                    + "），命令行不执行这一步");
    String csvName = "round-" + r.number() + "-ballots.csv";
    RoundFile file =
        new RoundFile(
            RoundFile.FORMAT_VERSION,
            comment,
            e.profileId(),
            overrides,
            reason,
            meeting,
            r.kind(),
            r.furtherRound(),
            r.seats(),
            cands,
            el,
            List.of(),
            compact,
            csvName,
            new TreeMap<>(),
            null);
    boolean useCounts = !aggregates.isEmpty();
    if (useCounts) {
      // a box counted from a tally sheet has no ballots: the round file gives the sums instead
      RoundSpec spec = file.spec();
      BallotCount c = compact.count(RoundEngine.ballotRules(spec));
      long valid = c.valid();
      long invalid = c.invalid();
      long[] yes = c.yes();
      long[] no = c.no();
      long[] abstain = c.abstain();
      Map<String, Long> writeIns = new LinkedHashMap<>(c.writeIns());
      for (ResultsRepository.Aggregate a : aggregates) {
        valid += a.valid();
        invalid += a.invalid();
        Map<String, CandidateCount> m = Json.mapper().readValue(a.countsJson(), COUNTS);
        for (int i = 0; i < cands.size(); i++) {
          CandidateCount cc = m.get(cands.get(i).id());
          if (cc != null) {
            yes[i] += cc.yes();
            no[i] += cc.no();
            abstain[i] += cc.abstain();
          }
        }
        Json.mapper()
            .readValue(a.writeInsJson(), WRITE_INS)
            .forEach((k, v) -> writeIns.merge(k, v, Long::sum));
      }
      Map<String, CandidateCount> counts = new LinkedHashMap<>();
      for (int i = 0; i < cands.size(); i++) {
        counts.put(cands.get(i).id(), new CandidateCount(yes[i], no[i], abstain[i]));
      }
      file =
          new RoundFile(
              RoundFile.FORMAT_VERSION,
              comment + "。部分票箱按计票汇总表计票，本文件给出全部票箱的合计数；逐张录入的选票另见 " + csvName + "（仅供核对）",
              e.profileId(),
              overrides,
              reason,
              meeting,
              r.kind(),
              r.furtherRound(),
              r.seats(),
              cands,
              el,
              List.of(),
              null,
              null,
              new TreeMap<>(),
              new RoundFile.Counts(valid, invalid, counts, writeIns));
    }
    RoundReport.Report report = RoundReport.of(file);
    String roundJson = Json.pretty(file.toJson());
    String tally = Json.pretty(RoundReport.json(report));
    return new Files(
        base + ".json",
        roundJson.getBytes(StandardCharsets.UTF_8),
        "rounds/" + csvName,
        BallotCsv.write(ballots).getBytes(StandardCharsets.UTF_8),
        base + ".tally.json",
        tally.getBytes(StandardCharsets.UTF_8),
        ballots.size(),
        useCounts,
        report);
  }

  /** The ballot's line in the CSV (its canonical sort key). */
  static String line(Ballot b) {
    String csv = BallotCsv.write(List.of(b));
    return csv.substring(BallotCsv.HEADER.length() + 1);
  }

  /** The round's head and ballot counts as stored with its decision. */
  static Electorate electorate(Profile p, Round r, StoredDecision sd) {
    return switch (p.regime()) {
      case PARTY_GRASSROOTS, PARTY_LOCAL ->
          Electorate.party(r.expected(), r.present(), sd.issued(), sd.returned());
      case PEOPLES_CONGRESS_INDIRECT ->
          Electorate.indirect(r.expected(), r.present(), sd.issued(), sd.returned());
      default -> Electorate.direct(r.expected(), sd.issued(), sd.returned());
    };
  }

  /** An outcome as (type, ids), for comparing a stored decision with a recomputed one. */
  record OutcomeKey(String type, List<String> ids) {}

  static List<OutcomeKey> keys(List<SeatOutcome> outcomes) {
    List<OutcomeKey> out = new ArrayList<>();
    for (SeatOutcome o : outcomes) {
      List<String> ids = List.of();
      if (o instanceof SeatOutcome.Elected x) {
        ids = x.candidateIds();
      } else if (o instanceof SeatOutcome.TieRevoteNeeded x) {
        ids = x.tiedIds();
      } else if (o instanceof SeatOutcome.FurtherRoundNeeded x) {
        ids = x.candidateIds();
      }
      out.add(new OutcomeKey(o.getClass().getSimpleName(), List.copyOf(ids)));
    }
    return out;
  }

  static List<OutcomeKey> storedKeys(StoredDecision sd) {
    return sd.outcomes().stream().map(o -> new OutcomeKey(o.type(), List.copyOf(o.ids()))).toList();
  }

  /** The elected ids of a stored decision, in order. */
  static List<String> electedIds(List<OutcomeKey> keys) {
    return keys.stream()
        .filter(k -> k.type().equals("Elected"))
        .flatMap(k -> k.ids().stream())
        .toList();
  }

  /**
   * Compares the CLI's decision with the stored one: the same outcomes (type and ids) and the same
   * trail codes. A round whose seats were reduced with consent (减少名额, not a command-line step) is
   * compared up to that step: the same elected ids and the CLI's trail a prefix of the stored one.
   *
   * @return a Chinese description of the first difference, or empty when they agree
   */
  static String check(RoundReport.Report report, StoredDecision sd) {
    List<String> cliCodes = report.decision().codes();
    List<String> storedCodes = sd.trail().stream().map(StepDto::code).toList();
    List<OutcomeKey> cli = keys(report.decision().outcome().outcomes());
    List<OutcomeKey> stored = storedKeys(sd);
    if (sd.consent() != null) {
      if (!electedIds(cli).equals(electedIds(stored))) {
        return "当选人不同：命令行 " + electedIds(cli) + "，存储 " + electedIds(stored);
      }
      if (storedCodes.size() < cliCodes.size()
          || !storedCodes.subList(0, cliCodes.size()).equals(cliCodes)) {
        return "判定依据不同：命令行 " + cliCodes + "，存储 " + storedCodes;
      }
      return "";
    }
    if (!cli.equals(stored)) {
      return "结果不同：命令行 " + cli + "，存储 " + stored;
    }
    if (!cliCodes.equals(storedCodes)) {
      return "判定依据不同：命令行 " + cliCodes + "，存储 " + storedCodes;
    }
    return "";
  }

  /** The stored outcomes' Chinese texts. */
  static String textZh(StoredDecision sd) {
    return String.join("；", sd.outcomes().stream().map(OutcomeDto::textZh).toList());
  }
}
