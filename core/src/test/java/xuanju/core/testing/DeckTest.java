package xuanju.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.BallotVerdict;
import xuanju.core.ballot.Ballots;
import xuanju.core.ballot.CompactBallots;
import xuanju.core.ballot.Mark;
import xuanju.core.ballot.WriteIn;
import xuanju.core.margin.MarginQuery;
import xuanju.core.margin.MarginRange;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Post;
import xuanju.core.margin.Stage;
import xuanju.core.outcome.Consent;
import xuanju.core.outcome.RoundEngine;
import xuanju.core.outcome.RoundKind;
import xuanju.core.outcome.RoundResult;
import xuanju.core.outcome.RoundSpec;
import xuanju.core.outcome.SeatOutcome;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.proxy.Proxies;
import xuanju.core.proxy.ProxyRequest;
import xuanju.core.proxy.ProxyResult;
import xuanju.core.quorum.Electorate;
import xuanju.core.quorum.Meeting;
import xuanju.core.quorum.Quorum;
import xuanju.core.quorum.QuorumCheck;
import xuanju.core.recall.Recall;
import xuanju.core.recall.RecallInput;
import xuanju.core.recall.RecallResult;
import xuanju.core.rule.Decision;
import xuanju.core.rule.Step;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;

/**
 * Runs every JSON regression deck under {@code src/test/resources/decks/<regime>/<id>.json}; adding
 * a file adds a test. Format: {@code title}, {@code source}, {@code profile}, {@code overrides},
 * {@code overrideReason}, {@code kind} (round, rounds, quorum, ballots, margin, proxy, recall),
 * {@code input}, {@code expect}; see {@code decks/README.md}.
 */
class DeckTest {

  static Stream<Arguments> decks() throws IOException, URISyntaxException {
    Path root = Paths.get(DeckTest.class.getResource("/decks").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .map(f -> Arguments.of(root.relativize(f).toString().replace('\\', '/'), f))
          .toList()
          .stream();
    }
  }

  @Test
  void thereAreDecksForEveryRegime() throws Exception {
    List<String> ids = decks().map(a -> (String) a.get()[0]).toList();
    assertThat(ids).hasSizeGreaterThanOrEqualTo(20);
    for (String regime : List.of("party-grassroots/", "npc-direct/", "npc-indirect/", "village/")) {
      assertThat(ids).anyMatch(id -> id.startsWith(regime));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decks")
  void deck(String id, Path file) throws IOException {
    Map<String, Object> deck = map(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
    assertThat(deck).containsKeys("title", "source", "profile", "kind", "input", "expect");
    Profile profile = Profiles.byId(str(deck.get("profile")));
    Map<String, Object> ov = deck.containsKey("overrides") ? map(deck.get("overrides")) : Map.of();
    Map<String, String> overrides = new LinkedHashMap<>();
    ov.forEach((k, v) -> overrides.put(k, String.valueOf(v)));
    profile =
        profile.withOverrides(overrides, str(deck.getOrDefault("overrideReason", "deck " + id)));
    Map<String, Object> input = map(deck.get("input"));
    Object expect = deck.get("expect");
    switch (str(deck.get("kind"))) {
      case "round" -> runRounds(id, profile, List.of(withExpect(input, expect)));
      case "rounds" ->
          runRounds(id, profile, list(input.get("rounds")).stream().map(DeckTest::map).toList());
      case "quorum" -> quorum(id, profile, input, map(expect));
      case "ballots" -> ballots(id, profile, input);
      case "margin" -> margin(id, profile, input);
      case "proxy" -> proxy(id, profile, input, map(expect));
      case "recall" -> recall(id, profile, input, map(expect));
      default -> throw new IllegalArgumentException("unknown kind in " + id);
    }
  }

  private static Map<String, Object> withExpect(Map<String, Object> input, Object expect) {
    Map<String, Object> m = new LinkedHashMap<>(input);
    m.put("expect", expect);
    return m;
  }

  // ----- rounds ----------------------------------------------------------------------------------

  private static void runRounds(String id, Profile profile, List<Map<String, Object>> rounds) {
    RoundSpec spec = null;
    Decision<RoundResult> last = null;
    for (int r = 0; r < rounds.size(); r++) {
      Map<String, Object> in = rounds.get(r);
      String where = id + " round " + (r + 1);
      Electorate e = electorate(map(in.get("electorate")));
      if (r == 0) {
        List<Candidate> cands = candidates(in);
        Meeting meeting = Meeting.valueOf(str(in.getOrDefault("meeting", "ELECTORAL")));
        RoundKind kind = RoundKind.valueOf(str(in.getOrDefault("roundKind", "FIRST")));
        int further =
            (int) num(in.getOrDefault("furtherRound", kind == RoundKind.FURTHER ? 1L : 0L));
        spec =
            new RoundSpec(
                profile,
                meeting,
                (int) num(in.get("seats")),
                cands,
                e,
                kind,
                further,
                strings(in.getOrDefault("ineligibleWriteIns", List.of())));
      } else {
        spec =
            RoundEngine.nextRound(spec, last)
                .orElseThrow(() -> new AssertionError(where + ": no next round"));
        spec = spec.withElectorate(e);
        if (in.containsKey("ineligibleWriteIns")) {
          spec = spec.withIneligibleWriteIns(strings(in.get("ineligibleWriteIns")));
        }
        Map<String, Object> sx =
            in.containsKey("expectSpec") ? map(in.get("expectSpec")) : Map.of();
        if (sx.containsKey("kind")) {
          assertThat(spec.kind()).as(where + " kind").hasToString(str(sx.get("kind")));
        }
        if (sx.containsKey("seats")) {
          assertThat(spec.seats()).as(where + " seats").isEqualTo(num(sx.get("seats")));
        }
        if (sx.containsKey("candidates")) {
          assertThat(spec.candidates().stream().map(Candidate::id).toList())
              .as(where + " candidates")
              .isEqualTo(strings2(sx.get("candidates")));
        }
      }
      last = decideRound(spec, in);
      if (in.containsKey("reduceSeats")) {
        Map<String, Object> c = map(in.get("reduceSeats"));
        last =
            RoundEngine.reduceSeats(
                spec,
                last,
                new Consent(
                    num(c.get("agreed")),
                    num(c.get("electors")),
                    bool(c.getOrDefault("presidiumDecision", false)),
                    str(c.getOrDefault("record", ""))));
      }
      checkRound(where, last, map(in.get("expect")));
    }
  }

  private static Decision<RoundResult> decideRound(RoundSpec spec, Map<String, Object> in) {
    if (in.containsKey("ballots")) {
      CompactBallots.Builder b = CompactBallots.builder(spec.candidates().size());
      for (Object o : list(in.get("ballots"))) {
        b.add(ballot(o));
      }
      return RoundEngine.decide(spec, b.build());
    }
    Map<String, Object> c = map(in.get("counts"));
    long valid = num(c.get("valid"));
    long invalid = num(c.getOrDefault("invalid", 0L));
    Map<String, Object> yes = map(c.get("yes"));
    Map<String, Object> no = c.containsKey("no") ? map(c.get("no")) : Map.of();
    Map<String, Object> abstain = c.containsKey("abstain") ? map(c.get("abstain")) : Map.of();
    Map<String, CandidateCount> counts = new LinkedHashMap<>();
    for (Candidate cand : spec.candidates()) {
      long y = num(yes.get(cand.id()));
      long a = abstain.containsKey(cand.id()) ? num(abstain.get(cand.id())) : 0;
      long n = no.containsKey(cand.id()) ? num(no.get(cand.id())) : valid - y - a;
      counts.put(cand.id(), new CandidateCount(y, n, a));
    }
    Map<String, Long> writeIns = new LinkedHashMap<>();
    if (c.containsKey("writeIns")) {
      map(c.get("writeIns")).forEach((k, v) -> writeIns.put(k, num(v)));
    }
    return RoundEngine.decide(
        spec, Tally.ofCounts(spec.candidates(), valid, invalid, counts, writeIns));
  }

  private static void checkRound(String where, Decision<RoundResult> d, Map<String, Object> x) {
    RoundResult r = d.outcome();
    String ctx = where + "\n trail: " + trailText(d);
    if (x.containsKey("outcomes")) {
      List<Map<String, Object>> want = list(x.get("outcomes")).stream().map(DeckTest::map).toList();
      assertThat(r.outcomeTypes())
          .as(ctx + "\n outcome types")
          .isEqualTo(want.stream().map(m -> str(m.get("type"))).toList());
      for (int i = 0; i < want.size(); i++) {
        Map<String, Object> w = want.get(i);
        SeatOutcome o = r.outcomes().get(i);
        if (w.containsKey("seats")) {
          assertThat(o.seats()).as(ctx + "\n seats of outcome " + i).isEqualTo(num(w.get("seats")));
        }
        if (w.containsKey("ids")) {
          List<String> ids = List.of();
          if (o instanceof SeatOutcome.Elected e) {
            ids = e.candidateIds();
          } else if (o instanceof SeatOutcome.TieRevoteNeeded t) {
            ids = t.tiedIds();
          } else if (o instanceof SeatOutcome.FurtherRoundNeeded f) {
            ids = f.candidateIds();
          }
          assertThat(ids).as(ctx + "\n ids of outcome " + i).isEqualTo(strings2(w.get("ids")));
        }
        if (w.containsKey("reduceSeatsAllowed")) {
          assertThat(((SeatOutcome.FurtherRoundNeeded) o).reduceSeatsAllowed())
              .as(ctx)
              .isEqualTo(bool(w.get("reduceSeatsAllowed")));
        }
      }
    }
    if (x.containsKey("elected")) {
      assertThat(r.electedIds()).as(ctx + "\n elected").isEqualTo(strings2(x.get("elected")));
    }
    if (x.containsKey("trail")) {
      assertThat(d.codes()).as(ctx + "\n trail codes").isEqualTo(strings2(x.get("trail")));
    }
    if (x.containsKey("trailContains")) {
      assertThat(d.codes())
          .as(ctx + "\n trail codes")
          .containsAll(strings2(x.get("trailContains")));
    }
    if (x.containsKey("explanations")) {
      List<String> texts = d.trail().stream().map(Step::explanationZh).toList();
      for (String want : strings2(x.get("explanations"))) {
        assertThat(texts).as(ctx + "\n explanation").contains(want);
      }
    }
    if (x.containsKey("valid")) {
      assertThat(r.tally().validBallots()).as(ctx + " valid").isEqualTo(num(x.get("valid")));
    }
    if (x.containsKey("invalid")) {
      assertThat(r.tally().invalidBallots()).as(ctx + " invalid").isEqualTo(num(x.get("invalid")));
    }
    if (x.containsKey("final")) {
      assertThat(r.isFinal()).as(ctx + " final").isEqualTo(bool(x.get("final")));
    }
  }

  private static String trailText(Decision<?> d) {
    StringBuilder sb = new StringBuilder();
    for (Step s : d.trail()) {
      sb.append("\n   ")
          .append(s.code())
          .append(s.passed() ? " ✓ " : " ✗ ")
          .append(s.explanationZh());
    }
    return sb.toString();
  }

  private static List<Candidate> candidates(Map<String, Object> in) {
    Set<String> ineligible = strings(in.getOrDefault("ineligible", List.of()));
    List<Candidate> out = new ArrayList<>();
    for (Object o : list(in.get("candidates"))) {
      if (o instanceof String s) {
        out.add(new Candidate(s, s, !ineligible.contains(s)));
      } else {
        Map<String, Object> m = map(o);
        String cid = str(m.get("id"));
        out.add(
            new Candidate(
                cid,
                str(m.getOrDefault("name", cid)),
                bool(m.getOrDefault("eligible", !ineligible.contains(cid)))));
      }
    }
    return out;
  }

  private static Electorate electorate(Map<String, Object> m) {
    return new Electorate(
        num(m.getOrDefault("expected", 0L)),
        num(m.getOrDefault("present", 0L)),
        num(m.getOrDefault("registered", 0L)),
        num(m.getOrDefault("totalDeputies", 0L)),
        num(m.getOrDefault("ballotsIssued", 0L)),
        num(m.getOrDefault("ballotsReturned", 0L)));
  }

  private static Ballot ballot(Object o) {
    if (o instanceof String s) {
      return Ballot.of(s);
    }
    Map<String, Object> m = map(o);
    List<WriteIn> w = new ArrayList<>();
    for (Object wi : list(m.getOrDefault("writeIns", List.of()))) {
      List<Object> pair = list(wi);
      w.add(new WriteIn(str(pair.get(0)), Mark.ofChar(str(pair.get(1)).charAt(0))));
    }
    Ballot b = Ballot.of(str(m.get("marks")), w.toArray(new WriteIn[0]));
    return new Ballot(b.marks(), b.writeIns(), bool(m.getOrDefault("identifyingMarks", false)));
  }

  // ----- other kinds
  // -------------------------------------------------------------------------------

  private static void quorum(String id, Profile p, Map<String, Object> in, Map<String, Object> x) {
    Meeting meeting = Meeting.valueOf(str(in.getOrDefault("meeting", "ELECTORAL")));
    Decision<QuorumCheck> d = Quorum.check(p, meeting, electorate(map(in.get("electorate"))));
    String ctx = id + trailText(d);
    assertThat(d.outcome().met()).as(ctx + " met").isEqualTo(bool(x.get("met")));
    if (x.containsKey("minimum")) {
      assertThat(d.outcome().minimum()).as(ctx + " minimum").isEqualTo(num(x.get("minimum")));
    }
    assertThat(d.codes()).as(ctx + " trail").isEqualTo(strings2(x.get("trail")));
  }

  private static void ballots(String id, Profile p, Map<String, Object> in) {
    int seats = (int) num(in.get("seats"));
    int cands = (int) num(in.get("candidates"));
    BallotRules rules = BallotRules.of(p, seats, cands);
    CompactBallots.Builder box = CompactBallots.builder(cands);
    long wantValid = 0;
    long wantInvalid = 0;
    for (Object o : list(in.get("cases"))) {
      Map<String, Object> c = map(o);
      Ballot b = ballot(c.get("ballot"));
      Map<String, Object> x = map(c.get("expect"));
      BallotVerdict v = Ballots.judge(rules, b);
      String ctx = id + " / " + c.get("name") + " -> " + v;
      assertThat(v.getClass().getSimpleName()).as(ctx).isEqualTo(str(x.get("verdict")));
      assertThat(v.codes()).as(ctx).isEqualTo(strings2(x.get("codes")));
      if (v instanceof BallotVerdict.Valid ok) {
        wantValid++;
        if (x.containsKey("yes")) {
          assertThat(List.of(ok.yes(), ok.no(), ok.abstain()))
              .as(ctx)
              .isEqualTo(List.of(num(x.get("yes")), num(x.get("no")), num(x.get("abstain"))));
        }
        if (x.containsKey("writeIns")) {
          assertThat(ok.writeIns()).as(ctx).isEqualTo(strings2(x.get("writeIns")));
        }
      } else if (v instanceof BallotVerdict.Invalid) {
        wantInvalid++;
      }
      box.add(b);
    }
    var count = box.build().count(rules);
    assertThat(count.valid()).as(id + " box valid").isEqualTo(wantValid);
    assertThat(count.invalid()).as(id + " box invalid").isEqualTo(wantInvalid);
  }

  private static void margin(String id, Profile p, Map<String, Object> in) {
    for (Object o : list(in.get("cases"))) {
      Map<String, Object> c = map(o);
      MarginQuery q =
          new MarginQuery(
              Stage.valueOf(str(c.getOrDefault("stage", "FORMAL"))),
              Post.valueOf(str(c.getOrDefault("post", "MEMBERS"))),
              (int) num(c.get("seats")),
              (int) num(c.getOrDefault("currentCommitteeSize", 0L)));
      Decision<MarginRange> d = Margins.range(p, q);
      String ctx = id + " " + q + trailText(d);
      assertThat(d.outcome().min()).as(ctx + " min").isEqualTo(num(c.get("min")));
      if (c.get("max") == null) {
        assertThat(d.outcome().max()).as(ctx + " max").isEmpty();
      } else {
        assertThat(d.outcome().max()).as(ctx + " max").hasValue(num(c.get("max")));
      }
      assertThat(d.outcome().ruleCode()).as(ctx + " rule").isEqualTo(str(c.get("rule")));
    }
  }

  private static void proxy(String id, Profile p, Map<String, Object> in, Map<String, Object> x) {
    List<ProxyRequest> reqs = new ArrayList<>();
    for (Object o : list(in.get("requests"))) {
      Map<String, Object> m = map(o);
      reqs.add(
          new ProxyRequest(
              str(m.get("principal")),
              str(m.get("holder")),
              bool(m.getOrDefault("written", true)),
              bool(m.getOrDefault("consent", true)),
              bool(m.getOrDefault("closeRelative", true)),
              bool(m.getOrDefault("sameElectorate", true))));
    }
    Decision<ProxyResult> d = Proxies.check(p, reqs);
    String ctx = id + trailText(d);
    assertThat(d.outcome().accepted().stream().map(ProxyRequest::principalId).toList())
        .as(ctx + " accepted")
        .isEqualTo(strings2(x.get("accepted")));
    Map<String, List<String>> rejected = new LinkedHashMap<>();
    d.outcome().rejected().forEach(r -> rejected.put(r.request().principalId(), r.codes()));
    Map<String, List<String>> want = new LinkedHashMap<>();
    map(x.get("rejected")).forEach((k, v) -> want.put(k, strings2(v)));
    assertThat(rejected).as(ctx + " rejected").isEqualTo(want);
  }

  private static void recall(String id, Profile p, Map<String, Object> in, Map<String, Object> x) {
    RecallInput ri =
        new RecallInput(
            RecallInput.Level.valueOf(str(in.getOrDefault("level", "NONE"))),
            num(in.getOrDefault("registered", 0L)),
            num(in.getOrDefault("voted", 0L)),
            num(in.getOrDefault("yes", 0L)),
            num(in.getOrDefault("petitioners", -1L)),
            num(in.getOrDefault("representatives", 0L)),
            num(in.getOrDefault("representativePetitioners", 0L)),
            num(in.getOrDefault("totalDeputies", 0L)));
    Decision<RecallResult> d = Recall.check(p, ri);
    String ctx = id + trailText(d);
    assertThat(d.outcome().passed()).as(ctx + " passed").isEqualTo(bool(x.get("passed")));
    if (x.containsKey("petitionValid")) {
      assertThat(d.outcome().petitionValid())
          .as(ctx + " petition")
          .isEqualTo(bool(x.get("petitionValid")));
    }
    assertThat(d.codes()).as(ctx + " trail").isEqualTo(strings2(x.get("trail")));
  }

  // ----- JSON helpers ----------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  static String str(Object o) {
    return (String) o;
  }

  static long num(Object o) {
    return (Long) o;
  }

  static boolean bool(Object o) {
    return (Boolean) o;
  }

  static List<String> strings2(Object o) {
    return list(o).stream().map(String.class::cast).toList();
  }

  static Set<String> strings(Object o) {
    return Set.copyOf(strings2(o));
  }
}
