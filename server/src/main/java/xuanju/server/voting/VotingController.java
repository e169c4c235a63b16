package xuanju.server.voting;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.tally.CandidateCount;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.Stack;
import xuanju.server.voting.VotingModel.Voter;
import xuanju.server.voting.VotingModel.WriteInInput;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/** Election-day pages (选举大会页面). Errors are shown in Chinese with the rule code. */
@Controller
@RequestMapping("/elections/{id}/voting")
class VotingController {
  private final CheckInService checkIn;
  private final VotingContext ctx;
  private final DecisionService decisions;
  private final StageProgress progress;
  private final RoundService roundService;
  private final SecondStageService secondStage;
  private final BallotBoxService stations;
  private final EntryService entries;
  private final ElectionService elections;

  VotingController(
      CheckInService checkIn,
      VotingContext ctx,
      DecisionService decisions,
      StageProgress progress,
      RoundService roundService,
      SecondStageService secondStage,
      BallotBoxService stations,
      EntryService entries,
      ElectionService elections) {
    this.checkIn = checkIn;
    this.ctx = ctx;
    this.decisions = decisions;
    this.progress = progress;
    this.roundService = roundService;
    this.secondStage = secondStage;
    this.stations = stations;
    this.entries = entries;
    this.elections = elections;
  }

  /** Runs an action and redirects; a refused action becomes a Chinese error on the next page. */
  private String act(RedirectAttributes ra, String target, String okZh, Runnable action) {
    return PageActions.orFlash(ra, target, "notice", okZh, action);
  }

  private static String base(long id) {
    return "/elections/" + id + "/voting";
  }

  /**
   * Every value of a repeated form field as sent, one entry per field. (Spring's conversion of a
   * single value to a list would split it at commas, which a name may contain.)
   */
  static List<String> values(HttpServletRequest request, String field) {
    String[] v = request.getParameterValues(field);
    return v == null ? List.of() : List.of(v);
  }

  private static <T> T orNull(Supplier<T> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @GetMapping
  String index(@PathVariable long id, Model model) {
    Election e = elections.get(id);
    model.addAttribute("election", e);
    model.addAttribute("stations", stations.stations(id));
    List<Round> rounds = roundService.rounds(id);
    model.addAttribute("rounds", rounds);
    model.addAttribute("quorum1", orNull(() -> checkIn.quorum(id, 1)));
    model.addAttribute("begun1", progress.begun(id, 1));
    model.addAttribute("daysEarly", roundService.daysBeforeElectionDay(e));
    model.addAttribute("stage2", progress.secondStageOpened(id));
    model.addAttribute("begun2", progress.begun(id, 2));
    model.addAttribute(
        "quorum2", progress.secondStageOpened(id) ? orNull(() -> checkIn.quorum(id, 2)) : null);
    model.addAttribute("summaries", progress.summaries(id));
    model.addAttribute("committee", progress.committeeByKey(id));
    // the first-round candidate form chooses among the voters by record
    model.addAttribute("voters", rounds.isEmpty() ? checkIn.voters(id, 1) : List.of());
    model.addAttribute("portfolios", secondStage.portfolios(id));
    model.addAttribute("ready", progress.readyForResults(id));
    model.addAttribute("canManage", ctx.can(e, Permission.MANAGE));
    return "voting/index";
  }

  @PostMapping("/stations")
  String addStation(
      @PathVariable long id,
      @RequestParam @FreeText(label = "投票站名称", max = 100) String name,
      RedirectAttributes ra) {
    return act(ra, base(id), "已设立投票站", () -> stations.addStation(id, name));
  }

  @PostMapping("/boxes")
  String addBox(
      @PathVariable long id,
      @RequestParam long stationId,
      @RequestParam @FreeText(label = "票箱名称", max = 100) String name,
      @RequestParam(defaultValue = "false") boolean mobile,
      HttpServletRequest request,
      RedirectAttributes ra) {
    // one field per person: a name is never split (巴特尔·额尔敦, 阿拉坦 其其格); each is checked as
    // free text by BallotBoxService.staffNames
    List<String> people = values(request, "staff");
    return act(ra, base(id), "已设立票箱", () -> stations.addBox(id, stationId, name, mobile, people));
  }

  @PostMapping("/boxes/{box}/seal")
  String seal(
      @PathVariable long id,
      @PathVariable long box,
      @RequestParam @FreeText(label = "封条编号", max = 60) String sealNumber,
      @RequestParam int version,
      RedirectAttributes ra) {
    return act(ra, base(id), "已封箱", () -> stations.sealBox(id, box, sealNumber, version));
  }

  @PostMapping("/boxes/{box}/open")
  String open(
      @PathVariable long id,
      @PathVariable long box,
      @RequestParam int version,
      RedirectAttributes ra) {
    return act(ra, base(id), "已开箱", () -> stations.openBox(id, box, version));
  }

  /**
   * Opens the first round with the formal candidates chosen by record: {@code keys} are ticked
   * voters ({@code m12}); {@code names} holds, one per line, candidates who are not on the roster.
   * A line naming someone on the roster is refused (tick them instead), so a name is never split or
   * matched by text.
   */
  @PostMapping("/candidates")
  String candidates(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "不在名册中的候选人", max = 3000, multiline = true)
          String names,
      HttpServletRequest request,
      RedirectAttributes ra) {
    List<String> keys = values(request, "keys");
    return act(
        ra,
        base(id),
        "已生成第一轮选票",
        () ->
            roundService.openFirstRound(
                elections.get(id).id(), firstRoundCandidates(id, keys, names)));
  }

  private List<CandidateRef> firstRoundCandidates(long id, List<String> keys, String names) {
    Map<String, Voter> byKey = new LinkedHashMap<>();
    Map<String, Voter> byName = new HashMap<>();
    for (Voter v : checkIn.voters(id, 1)) {
      byKey.put(v.key(), v);
      byName.put(v.name(), v);
    }
    List<CandidateRef> refs = new ArrayList<>();
    for (String k : keys) {
      Voter v = byKey.get(k.strip());
      if (v == null) {
        throw new InvalidInputException("keys", "有选举权的党员中没有这条记录：" + k);
      }
      refs.add(new CandidateRef(v.key(), v.name(), v.memberId()));
    }
    int i = 0;
    for (String line : names.split("\\R")) {
      String n = line.strip();
      i++;
      if (n.isEmpty()) {
        continue;
      }
      if (byName.containsKey(n)) {
        throw new InvalidInputException("names", "第" + i + "行「" + n + "」是名册中的党员，请在名单中勾选，不要手工填写");
      }
      refs.add(new CandidateRef("c" + i, n, null));
    }
    return refs;
  }

  @PostMapping("/candidates/nomination")
  String candidatesFromNomination(@PathVariable long id, RedirectAttributes ra) {
    return act(ra, base(id), "已按正式候选人生成第一轮选票", () -> roundService.openFirstRoundFromNomination(id));
  }

  @PostMapping("/begin")
  String begin(
      @PathVariable long id,
      @RequestParam int stage,
      @RequestParam int version,
      @RequestParam(required = false) @FreeText(label = "提前投票的原因", max = 500, multiline = true)
          String earlyReason,
      RedirectAttributes ra) {
    return act(
        ra, base(id), "已宣布开始投票", () -> roundService.beginVoting(id, stage, version, earlyReason));
  }

  /** Changes the approved election day (变更选举日) with the reason, before the voting begins. */
  @PostMapping("/election-day")
  String changeElectionDay(
      @PathVariable long id,
      @RequestParam int version,
      @RequestParam(required = false) LocalDate electionDay,
      @RequestParam(required = false) @FreeText(label = "变更原因", max = 500) String reason,
      RedirectAttributes ra) {
    return act(
        ra,
        base(id),
        "已变更选举日",
        () -> elections.changeElectionDay(id, version, electionDay, reason));
  }

  @PostMapping("/second-stage")
  String secondStage(@PathVariable long id, HttpServletRequest request, RedirectAttributes ra) {
    // the candidates are ticked committee members (keys such as m12), never split text
    List<String> secretary = values(request, "secretary");
    List<String> deputy = values(request, "deputy");
    return act(
        ra, base(id), "已召开委员会第一次全体会议", () -> secondStage.openSecondStage(id, secretary, deputy));
  }

  @PostMapping("/portfolios")
  String portfolio(
      @PathVariable long id,
      @RequestParam(required = false) @FreeText(label = "委员", max = 100) String member,
      @RequestParam(required = false) @FreeText(label = "委员姓名", max = 100) String name,
      @RequestParam @FreeText(label = "分工", max = 100) String portfolio,
      RedirectAttributes ra) {
    // member: the committee member's key; name: the whole name (older clients), never split
    String who = member != null ? member : name;
    return act(ra, base(id), "已记录委员分工", () -> secondStage.recordPortfolio(id, who, portfolio));
  }

  // --- check-in
  // ------------------------------------------------------------------------------------

  @GetMapping("/checkin")
  String checkin(@PathVariable long id, @RequestParam(defaultValue = "1") int stage, Model model) {
    model.addAttribute("election", elections.get(id));
    model.addAttribute("stage", stage);
    panel(id, stage, "", model);
    return "voting/checkin";
  }

  private void panel(long id, int stage, String q, Model model) {
    model.addAttribute("electionId", id);
    model.addAttribute("stage", stage);
    model.addAttribute("q", q);
    model.addAttribute("hits", checkIn.search(id, stage, q));
    model.addAttribute("quorum", orNull(() -> checkIn.quorum(id, stage)));
    model.addAttribute("absent", checkIn.absentees(id, stage));
  }

  @GetMapping("/checkin/sheet.pdf")
  ResponseEntity<byte[]> sheet(@PathVariable long id, @RequestParam(defaultValue = "1") int stage) {
    var content = checkIn.sheet(id, stage);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(content.title() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(xuanju.server.documents.PdfDocument.render(content).pdf());
  }

  @GetMapping("/checkin/search")
  String search(
      @PathVariable long id,
      @RequestParam(defaultValue = "1") int stage,
      @RequestParam(defaultValue = "") String q,
      Model model) {
    panel(id, stage, q, model);
    return "voting/checkin :: panel";
  }

  @PostMapping("/checkin")
  String doCheckin(
      @PathVariable long id,
      @RequestParam(defaultValue = "1") int stage,
      @RequestParam @FreeText(label = "选举人", max = 80) String key,
      @RequestParam(defaultValue = "") @FreeText(label = "查找内容", max = 100) String q,
      @RequestParam(defaultValue = "false") boolean undo,
      Model model) {
    try {
      String name = checkIn.nameOf(id, stage, key);
      if (undo) {
        checkIn.undoCheckIn(id, stage, key);
        model.addAttribute("undone", name);
      } else {
        checkIn.checkIn(id, stage, key);
        model.addAttribute("lastKey", key);
        model.addAttribute("lastName", name);
      }
    } catch (InvalidInputException | IllegalStateException e) {
      model.addAttribute("error", PageActions.message(e));
    }
    panel(id, stage, q, model);
    return "voting/checkin :: panel";
  }

  // --- rounds
  // --------------------------------------------------------------------------------------

  private String roundUrl(long id, int r) {
    return base(id) + "/rounds/" + r;
  }

  @GetMapping("/rounds/{r}")
  String round(@PathVariable long id, @PathVariable int r, Model model) {
    Election e = elections.get(id);
    Round round = roundService.round(id, r);
    model.addAttribute("election", e);
    model.addAttribute("round", round);
    model.addAttribute(
        "boxes", stations.stations(id).stream().flatMap(s -> s.boxes().stream()).toList());
    var counts = roundService.boxCounts(id, r);
    model.addAttribute("counts", counts);
    Map<Long, VotingModel.BoxCount> byBox = new HashMap<>();
    counts.forEach(c -> byBox.put(c.boxId(), c));
    model.addAttribute("countByBox", byBox);
    model.addAttribute("stacks", roundService.stacks(id, r));
    model.addAttribute("decision", progress.decisionOf(round).orElse(null));
    model.addAttribute("live", orNull(() -> roundService.liveTally(id, r)));
    List<Round> children =
        roundService.rounds(id).stream()
            .filter(x -> Long.valueOf(round.id()).equals(x.parentRoundId()))
            .toList();
    model.addAttribute("children", children);
    model.addAttribute(
        "handled",
        children.stream().map(Round::parentOutcome).collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("begun", progress.begun(id, round.stage()));
    model.addAttribute("canManage", ctx.can(e, Permission.MANAGE));
    model.addAttribute("me", xuanju.server.access.AccessService.currentUser());
    return "voting/round";
  }

  @GetMapping("/rounds/{r}/ballot.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable int r) {
    byte[] pdf = roundService.ballotPdf(id, r);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("第" + r + "轮选票.pdf", java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(pdf);
  }

  @PostMapping("/rounds/{r}/counts")
  String counts(
      @PathVariable long id,
      @PathVariable int r,
      @RequestParam long boxId,
      @RequestParam int issued,
      @RequestParam int returned,
      @RequestParam(defaultValue = "0") int spoiled,
      RedirectAttributes ra) {
    return act(
        ra,
        roundUrl(id, r),
        "已登记选票数",
        () -> roundService.recordBoxCount(id, r, boxId, issued, returned, spoiled));
  }

  @PostMapping("/rounds/{r}/aggregate")
  String aggregate(
      @PathVariable long id,
      @PathVariable int r,
      @RequestParam long boxId,
      @RequestParam long valid,
      @RequestParam long invalid,
      @RequestParam Map<String, String> params,
      RedirectAttributes ra) {
    String[] done = {null};
    String view =
        act(
            ra,
            roundUrl(id, r),
            null,
            () -> {
              // permission before reading the round: without COUNT the answer is 403 (h13)
              ctx.election(id, xuanju.server.access.Permission.COUNT);
              Round round = roundService.round(id, r);
              Map<String, CandidateCount> counts = new java.util.LinkedHashMap<>();
              for (CandidateRef c : round.candidates()) {
                counts.put(
                    c.id(),
                    new CandidateCount(
                        num(params, "yes_" + c.id()),
                        num(params, "no_" + c.id()),
                        num(params, "abstain_" + c.id())));
              }
              done[0] = entries.aggregate(id, r, boxId, valid, invalid, counts, Map.of());
            });
    if (done[0] != null) {
      ra.addFlashAttribute("notice", done[0]);
    }
    return view;
  }

  private static long num(Map<String, String> p, String k) {
    String v = p.getOrDefault(k, "0").strip();
    try {
      return v.isEmpty() ? 0 : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(k, "应为整数：" + v);
    }
  }

  @GetMapping("/rounds/{r}/entry")
  String entry(
      @PathVariable long id,
      @PathVariable int r,
      @RequestParam(required = false) Long box,
      @RequestParam(defaultValue = "1") String stack,
      @RequestParam(defaultValue = "A") String side,
      Model model) {
    Election e = elections.get(id);
    Round round = roundService.round(id, r);
    long boxId = box != null ? box : stations.stations(id).get(0).boxes().get(0).id();
    String s = side.equalsIgnoreCase("B") ? "B" : "A";
    var en = entries.entry(id, r, boxId, stack, s);
    model.addAttribute("election", e);
    model.addAttribute("round", round);
    model.addAttribute("boxId", boxId);
    model.addAttribute("stack", stack);
    model.addAttribute("side", s);
    model.addAttribute("entry", en.orElse(null));
    model.addAttribute("next", en.map(x -> x.ballots() + 1).orElse(1));
    // the page says at once why this person may not enter this side (no form that fails later)
    model.addAttribute(
        "refusal",
        ctx.can(e, Permission.COUNT)
            ? entries.entryRefusal(id, r, boxId, stack, s).orElse(null)
            : "您没有录入选票的权限");
    return "voting/entry";
  }

  @PostMapping("/rounds/{r}/stacks/{s}/finish")
  String finish(
      @PathVariable long id,
      @PathVariable int r,
      @PathVariable long s,
      @RequestParam @FreeText(label = "录入遍次", max = 10) String side,
      RedirectAttributes ra) {
    return act(ra, roundUrl(id, r), "录入" + side + "已结束", () -> entries.finishEntry(id, r, s, side));
  }

  @PostMapping("/rounds/{r}/stacks/{s}/release")
  String release(
      @PathVariable long id,
      @PathVariable int r,
      @PathVariable long s,
      @RequestParam @FreeText(label = "录入遍次", max = 10) String side,
      @RequestParam(defaultValue = "") @FreeText(label = "释放原因", max = 500) String reason,
      RedirectAttributes ra) {
    return act(
        ra,
        roundUrl(id, r),
        "录入" + side + "已释放，可由另一名计票人接手",
        () -> entries.releaseEntry(id, r, s, side, reason));
  }

  @GetMapping("/rounds/{r}/stacks/{s}")
  String stack(@PathVariable long id, @PathVariable int r, @PathVariable long s, Model model) {
    Election e = elections.get(id);
    Round round = roundService.round(id, r);
    Stack st = entries.stackOf(id, r, s);
    model.addAttribute("election", e);
    model.addAttribute("round", round);
    model.addAttribute("stack", st);
    model.addAttribute("differences", entries.differences(id, r, s));
    boolean scrutinise = ctx.can(e, Permission.SCRUTINISE);
    boolean entrant = entries.isEntrant(st);
    model.addAttribute("canScrutinise", scrutinise);
    model.addAttribute("entrant", entrant);
    model.addAttribute("canJudge", scrutinise && !entrant);
    return "voting/stack";
  }

  @PostMapping("/rounds/{r}/stacks/{s}/rulings")
  String ruling(
      @PathVariable long id,
      @PathVariable int r,
      @PathVariable long s,
      @RequestParam int position,
      @RequestParam(defaultValue = "false") boolean absent,
      @RequestParam(defaultValue = "") @FreeText(label = "选票符号", max = 200) String marks,
      @RequestParam(defaultValue = "false") boolean identifying,
      @RequestParam(defaultValue = "") @FreeText(label = "认定理由", max = 1000, multiline = true)
          String reason,
      HttpServletRequest request,
      RedirectAttributes ra) {
    // one field per written-in person: the name as written, never split
    List<WriteInInput> ws = new ArrayList<>();
    for (String w : values(request, "writeIn")) {
      if (!w.isBlank()) {
        ws.add(new WriteInInput(w.strip(), "Y"));
      }
    }
    return act(
        ra,
        roundUrl(id, r) + "/stacks/" + s,
        "已认定第" + position + "张",
        () -> entries.rule(id, r, s, position, absent, marks, ws, identifying, reason));
  }

  @PostMapping("/rounds/{r}/stacks/{s}/settle")
  String settle(
      @PathVariable long id,
      @PathVariable int r,
      @PathVariable long s,
      @RequestParam int version,
      RedirectAttributes ra) {
    return act(ra, roundUrl(id, r), "这叠选票已核对认定完毕", () -> entries.settle(id, r, s, version));
  }

  @PostMapping("/rounds/{r}/decide")
  String decide(
      @PathVariable long id,
      @PathVariable int r,
      @RequestParam int version,
      RedirectAttributes ra) {
    return act(ra, roundUrl(id, r), "已判定本轮结果", () -> decisions.decide(id, r, version));
  }

  @PostMapping("/rounds/{r}/next")
  String next(
      @PathVariable long id,
      @PathVariable int r,
      @RequestParam int outcome,
      RedirectAttributes ra) {
    Round[] created = new Round[1];
    String target =
        act(
            ra,
            roundUrl(id, r),
            "已建立下一轮投票",
            () -> created[0] = decisions.openNextRound(id, r, outcome));
    return created[0] == null ? target : "redirect:" + roundUrl(id, created[0].number());
  }

  @PostMapping("/rounds/{r}/reduce")
  String reduce(
      @PathVariable long id,
      @PathVariable int r,
      @RequestParam long agreed,
      @RequestParam long electors,
      @RequestParam(defaultValue = "") @FreeText(label = "同意减少名额的记录", max = 500) String record,
      RedirectAttributes ra) {
    return act(
        ra, roundUrl(id, r), "已减少名额", () -> decisions.reduceSeats(id, r, agreed, electors, record));
  }

  @GetMapping("/rounds/{r}/live")
  String live(@PathVariable long id, @PathVariable int r, Model model) {
    model.addAttribute("election", elections.get(id));
    livePanel(id, r, model);
    return "voting/live";
  }

  @GetMapping("/rounds/{r}/live/panel")
  String livePanel(@PathVariable long id, @PathVariable int r, Model model) {
    Round round = roundService.round(id, r);
    model.addAttribute("electionId", id);
    model.addAttribute("round", round);
    model.addAttribute("live", roundService.liveTally(id, r));
    model.addAttribute("counts", roundService.boxCounts(id, r));
    model.addAttribute("decision", progress.decisionOf(round).orElse(null));
    model.addAttribute("stacks", roundService.stacks(id, r));
    return "voting/live :: panel";
  }
}
