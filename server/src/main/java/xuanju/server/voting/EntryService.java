package xuanju.server.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.BallotRule;
import xuanju.core.ballot.BallotRules;
import xuanju.core.ballot.BallotVerdict;
import xuanju.core.ballot.Ballots;
import xuanju.core.ballot.Mark;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.tally.Candidate;
import xuanju.core.tally.CandidateCount;
import xuanju.core.tally.Tally;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditKeys;
import xuanju.server.election.Election;
import xuanju.server.voting.VotingModel.Ack;
import xuanju.server.voting.VotingModel.BallotInput;
import xuanju.server.voting.VotingModel.Box;
import xuanju.server.voting.VotingModel.Difference;
import xuanju.server.voting.VotingModel.Entry;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.Round;
import xuanju.server.voting.VotingModel.Ruling;
import xuanju.server.voting.VotingModel.Stack;
import xuanju.server.voting.VotingModel.WriteInInput;

/**
 * Ballot entry (唱票录入、计票、监票): each paper ballot is one anonymous record in a stack, entered twice by
 * two different clerks (entry A and entry B); the two are paired by position and compared; the
 * scrutineer rules on every difference and every questionable ballot and settles the stack. The
 * aggregate tally sheet per box is the documented fallback.
 *
 * <p>Secrecy: a ballot row holds only its entry, its position in the stack as entered, the client's
 * random id and the reading — no voter, no time. Single ballot saves are not audited one by one
 * (that would put a time on each ballot); the audit log records the start and the end of each entry
 * with the number of ballots and the SHA-256 digest of all its readings, and each save moves the
 * entry's running HMAC under the audit key on ({@link BallotCoverage}); the settle event carries
 * the stack's digest.
 *
 * <p>Each ballot is saved in its own transaction and acknowledged only after the commit; a retry
 * with the same client id returns the first answer (idempotent). Once an entry exists (every ballot
 * but its first), the checks and the save run in that one transaction.
 *
 * <p>Client ids (选票提交编号): the client's id is never stored as sent; the repository keeps its keyed
 * hash ({@link BallotClientKeys}), only while the entry is open, and finds a resend through it;
 * {@link #finishEntry} (录入完毕) sets the hashes to NULL. A resend after that is answered 409 {@code
 * ENTRY.FINISHED} and adds nothing. Neither the audit log, the application log nor an error message
 * repeats a client id.
 */
@Service
public class EntryService {
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  private final VotingContext ctx;

  private final RoundService roundService;

  private final BallotBoxService stations;
  private final VotingRepository repo;
  private final BallotCoverage coverage;
  private final TransactionTemplate tx;

  /**
   * Ballot rules per round (they depend only on the round's definition, its head count and the
   * election's profile, all part of the key, so a changed round or profile is a new key). Only the
   * rules used to judge a ballot are cached; whether the round is open is read in every
   * transaction.
   */
  private final Map<RulesKey, BallotRules> rulesCache = new ConcurrentHashMap<>();

  private record RulesKey(
      long roundId,
      int roundVersion,
      String definitionHash,
      int expected,
      int present,
      String profileId,
      Map<String, String> overrides,
      String overrideReason) {}

  public EntryService(
      VotingContext ctx,
      RoundService roundService,
      BallotBoxService stations,
      VotingRepository repo,
      BallotCoverage coverage,
      PlatformTransactionManager tm) {
    this.ctx = ctx;
    this.roundService = roundService;
    this.stations = stations;
    this.repo = repo;
    this.coverage = coverage;
    this.tx = new TransactionTemplate(tm);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  private static String me() {
    return AccessService.currentUser();
  }

  private void log(Election e, String action, String summary) {
    ctx.audit().append(me(), action, "election:" + e.id(), summary);
  }

  private record Ctx(
      Election election,
      Round round,
      Box box,
      String label,
      String side,
      Ballot ballot,
      Reading reading,
      BallotRules rules) {}

  /**
   * Saves one ballot of a stack (录入一张选票). Needs COUNT. Bad input (unknown candidate, wrong number
   * of marks, unknown key) is refused and changes nothing; a ballot the rules make invalid (e.g.
   * more 赞成 than seats) is saved and reported as invalid.
   */
  public Ack submit(long electionId, int roundNo, BallotInput in) {
    // Common case (the entry already exists): permission, stage, clerk and save in ONE transaction.
    Target[] target = new Target[1];
    Ctx[] prepared = new Ctx[1];
    try {
      Ack ack =
          tx.execute(
              s -> {
                Ctx c = prepare(electionId, roundNo, in);
                prepared[0] = c;
                // Both entries of the stack in one query (none if the stack or this side is new).
                List<Entry> both = repo.stackEntries(c.round().id(), c.box().id(), c.label());
                Optional<Entry> en =
                    both.stream().filter(x -> x.side().equals(c.side())).findFirst();
                if (en.isEmpty() || en.get().clerk().isEmpty()) {
                  // first ballot of this entry, or a released entry: created or taken below
                  return null;
                }
                long st = en.get().stackId();
                checkClerk(
                    c, en.get(), both.stream().filter(x -> !x.side().equals(c.side())).findFirst());
                target[0] = new Target(c, st, en.get().id());
                return save(target[0], in);
              });
      if (ack != null) {
        return ack;
      }
    } catch (DuplicateKeyException ex) {
      return duplicate(target[0], in);
    }
    Target t = ensureEntry(prepared[0]);
    try {
      return tx.execute(s -> save(t, in));
    } catch (DuplicateKeyException ex) {
      return duplicate(t, in);
    }
  }

  /** The stack and entry a ballot goes to (their ids never change once created). */
  private record Target(Ctx ctx, long stackId, long entryId) {}

  /** A concurrent retry with the same client id committed first: answer as that one did. */
  private Ack duplicate(Target t, BallotInput in) {
    return tx.execute(
        s ->
            repo.recordByClient(t.entryId(), in.clientId().strip())
                .map(r -> ack(t, r.position(), in.clientId().strip(), true))
                .orElseThrow(() -> VotingRule.ENTRY_POSITION_CONFLICT.conflict("")));
  }

  private Ctx prepare(long electionId, int roundNo, BallotInput in) {
    Election e = ctx.election(electionId, Permission.COUNT);
    Round r = roundService.openRound(electionId, roundNo);
    String cid = in.clientId() == null ? "" : in.clientId().strip();
    if (!CLIENT_ID.matcher(cid).matches()) {
      throw VotingRule.ENTRY_CLIENT_ID.invalid("clientId", "编号须为8至64位字母、数字或连字符");
    }
    if (cid.length() == 36) {
      try {
        int v = UUID.fromString(cid).version();
        if (v == 1 || v == 2 || v == 6 || v == 7) {
          throw VotingRule.ENTRY_CLIENT_ID.invalid("clientId", "第" + v + "版UUID含有时间，请用随机UUID（第4版）");
        }
      } catch (IllegalArgumentException notUuid) {
        // any other random id is fine
      }
    }
    String side =
        in.entry() == null || in.entry().isBlank() ? "A" : in.entry().strip().toUpperCase();
    if (!side.equals("A") && !side.equals("B")) {
      throw new InvalidInputException("entry", "录入遍次只能是 A 或 B");
    }
    String label = in.stack() == null || in.stack().isBlank() ? "1" : in.stack().strip();
    if (label.length() > 40) {
      throw new InvalidInputException("stack", "选票叠的名称最多40个字符");
    }
    Box box =
        in.boxId() == null
            ? stations.defaultBox(electionId)
            : stations
                .findBox(electionId, in.boxId())
                .orElseThrow(() -> new InvalidInputException("boxId", "票箱不存在：" + in.boxId()));
    List<Mark> marks =
        in.marks() != null
            ? BallotCodec.marks(in.marks(), r.candidates().size())
            : in.marksById() != null
                ? BallotCodec.marksById(in.marksById(), r.candidates())
                : BallotCodec.marks(null, r.candidates().size());
    Ballot b =
        new Ballot(
            marks, BallotCodec.writeIns(in.writeIns()), Boolean.TRUE.equals(in.identifyingMarks()));
    BallotRules rules =
        rulesCache.computeIfAbsent(
            new RulesKey(
                r.id(),
                r.version(),
                r.definitionHash(),
                r.expected(),
                r.present(),
                e.profileId(),
                e.overrides(),
                e.overrideReason()),
            k -> roundService.rules(e, r));
    if (rulesCache.size() > 1000) {
      rulesCache.clear(); // bounded: rounds are few, stale versions just fall out
    }
    return new Ctx(e, r, box, label, side, b, BallotCodec.reading(b), rules);
  }

  private Target ensureEntry(Ctx c) {
    synchronized (LOCKS[(int) (c.round().id() % LOCKS.length)]) {
      return tx.execute(
          s -> {
            if (repo.aggregateEntries(c.round().id()).stream()
                .anyMatch(a -> a.sheet().boxId() == c.box().id())) {
              throw VotingRule.COUNT_MIXED_BOX.conflict("票箱「" + c.box().name() + "」已按汇总表录入");
            }
            long stackId =
                repo.stackId(c.round().id(), c.box().id(), c.label())
                    .orElseGet(
                        () ->
                            repo.insertStack(
                                c.round().id(), c.box().id(), c.label(), ctx.clock().instant()));
            Optional<Entry> en = repo.entry(stackId, c.side());
            if (en.isPresent() && en.get().clerk().isEmpty() && !en.get().finished()) {
              return take(c, stackId, en.get());
            }
            if (en.isPresent()) {
              checkClerk(c, en.get(), repo.entry(stackId, c.side().equals("A") ? "B" : "A"));
              return new Target(c, stackId, en.get().id());
            }
            String other = c.side().equals("A") ? "B" : "A";
            Optional<Entry> o = repo.entry(stackId, other);
            if (o.isPresent() && o.get().clerk().equals(me())) {
              throw VotingRule.ENTRY_SECOND_SAME_USER.conflict(
                  "录入" + other + "由您进行，录入" + c.side() + "须由另一名计票人独立完成");
            }
            long id = repo.insertEntry(stackId, c.side(), me(), ctx.clock().instant());
            coverage.started(ctx.audit().chainKey(), id);
            log(
                c.election(),
                "BALLOT_ENTRY_STARTED",
                c.round().labelZh()
                    + " 票箱「"
                    + c.box().name()
                    + "」第"
                    + c.label()
                    + "叠："
                    + me()
                    + " 开始录入"
                    + c.side());
            return new Target(c, stackId, id);
          });
    }
  }

  /** Takes a released entry (接手录入): not the other side's clerk; audited. */
  private Target take(Ctx c, long stackId, Entry en) {
    String other = c.side().equals("A") ? "B" : "A";
    Optional<Entry> o = repo.entry(stackId, other);
    if (o.isPresent() && o.get().clerk().equals(me())) {
      throw VotingRule.ENTRY_SECOND_SAME_USER.conflict(
          "录入" + other + "由您进行，录入" + c.side() + "须由另一名计票人接手");
    }
    if (!repo.takeEntry(en.id(), me())) {
      throw VotingRule.ENTRY_SIDE_TAKEN.conflict("录入" + c.side() + "刚由另一名计票人接手，请刷新页面");
    }
    log(
        c.election(),
        "BALLOT_ENTRY_TAKEN",
        c.round().labelZh()
            + " 票箱「"
            + c.box().name()
            + "」第"
            + c.label()
            + "叠：录入"
            + c.side()
            + "由"
            + me()
            + "接手，从第"
            + (en.ballots() + 1)
            + "张继续录入（此前已确认的"
            + en.ballots()
            + "张保留）");
    return new Target(c, stackId, en.id());
  }

  /**
   * Releases one unfinished side of a stack (释放录入) so that another clerk can take it: by the clerk
   * who holds it (COUNT) or by an election administrator (MANAGE), with a reason, audited. The
   * ballots already acknowledged stay where they are; whoever takes the side goes on from the next
   * position.
   */
  public Entry releaseEntry(
      long electionId, int roundNo, long stackId, String side, String reason) {
    return tx.execute(
        s -> {
          Election e = ctx.election(electionId, Permission.COUNT);
          Round r = roundService.openRound(electionId, roundNo);
          Stack st = stack(r, stackId);
          Entry en = "B".equals(side) ? st.b() : "A".equals(side) ? st.a() : null;
          if (en == null) {
            throw new InvalidInputException("side", "录入" + side + "尚未开始，无需释放");
          }
          if (en.finished()) {
            throw VotingRule.ENTRY_FINISHED.conflict("录入" + side + "已完毕，不能释放");
          }
          if (en.clerk().isEmpty()) {
            throw VotingRule.ENTRY_RELEASE.conflict("录入" + side + "已经释放，等待其他计票人接手");
          }
          if (!en.clerk().equals(me()) && !ctx.can(e, Permission.MANAGE)) {
            throw VotingRule.ENTRY_RELEASE.conflict("只有正在录入的计票人本人或选举工作管理员可以释放录入" + side);
          }
          String why = reason == null ? "" : reason.strip();
          if (why.isEmpty()) {
            throw VotingRule.ENTRY_RELEASE.invalid("reason", "请写明释放录入" + side + "的原因");
          }
          if (!repo.releaseEntry(en.id(), en.version())) {
            throw new IllegalStateException("录入" + side + "已被修改，请刷新页面后重试");
          }
          log(
              e,
              "BALLOT_ENTRY_RELEASED",
              r.labelZh()
                  + " 票箱「"
                  + st.boxName()
                  + "」第"
                  + st.label()
                  + "叠：录入"
                  + side
                  + "（"
                  + en.clerk()
                  + "已录入"
                  + en.ballots()
                  + "张）由"
                  + me()
                  + "释放；原因："
                  + why);
          return repo.entry(stackId, side).orElseThrow();
        });
  }

  /**
   * Why the signed-in person may not enter this side of this stack now, or empty if they may (the
   * entry page shows the reason instead of a form that would fail at the first save).
   */
  public Optional<String> entryRefusal(
      long electionId, int roundNo, long boxId, String label, String side) {
    return tx.execute(
        s -> {
          ctx.election(electionId, Permission.COUNT);
          Round r = roundService.roundOf(electionId, roundNo);
          Optional<Long> st = repo.stackId(r.id(), boxId, label);
          if (st.isEmpty()) {
            return Optional.<String>empty();
          }
          String other = side.equals("A") ? "B" : "A";
          Optional<Entry> mine = repo.entry(st.get(), side);
          Optional<Entry> theirs = repo.entry(st.get(), other);
          if (theirs.isPresent() && theirs.get().clerk().equals(me())) {
            return Optional.of(
                "您已进行了这叠选票的录入" + other + "，录入" + side + "须由另一名计票人独立完成（两遍录入不能由同一人进行）");
          }
          if (mine.isPresent() && mine.get().finished()) {
            return Optional.of("录入" + side + "已完毕，共" + mine.get().ballots() + "张");
          }
          if (mine.isPresent()
              && !mine.get().clerk().isEmpty()
              && !mine.get().clerk().equals(me())) {
            return Optional.of("录入" + side + "正由另一名计票人进行；如需换人，请由其本人或选举工作管理员在本轮页面释放后再接手");
          }
          return Optional.<String>empty();
        });
  }

  /** Neither entrant of a stack may rule on it or settle it (两遍录入人不能认定本叠). */
  private static void requireNotEntrant(Stack st) {
    for (Entry en : java.util.Arrays.asList(st.a(), st.b())) {
      if (en != null && en.clerk().equals(me())) {
        throw VotingRule.ENTRY_JUDGE_OWN_STACK.conflict(
            "您进行了这叠选票的录入" + en.side() + "，不能认定或核对本叠，请由未参与录入的监票人进行");
      }
    }
  }

  /** Whether the signed-in person entered a side of this stack (and so may not judge it). */
  public boolean isEntrant(Stack st) {
    return (st.a() != null && st.a().clerk().equals(me()))
        || (st.b() != null && st.b().clerk().equals(me()));
  }

  private void checkClerk(Ctx c, Entry e, Optional<Entry> otherEntry) {
    if (!e.clerk().equals(me())) {
      throw VotingRule.ENTRY_SIDE_TAKEN.conflict("录入" + e.side() + "正由另一名计票人进行");
    }
    String other = c.side().equals("A") ? "B" : "A";
    otherEntry
        .filter(o -> o.clerk().equals(me()))
        .ifPresent(
            o -> {
              throw VotingRule.ENTRY_SECOND_SAME_USER.conflict("录入" + other + "也由您进行");
            });
    if (e.finished()) {
      // also the answer to a resend after 录入完毕: the client ids are gone, nothing is added
      throw VotingRule.ENTRY_FINISHED.conflict(
          "录入" + e.side() + "已完毕，共" + e.ballots() + "张；此前已确认的选票均已计入，不会重复计入");
    }
  }

  private Ack save(Target t, BallotInput in) {
    Ctx c = t.ctx();
    long entryId = t.entryId();
    String cid = in.clientId().strip();
    Optional<VotingRepository.Record> existing = repo.recordByClient(entryId, cid);
    if (existing.isPresent()) {
      if (!existing.get().reading().canonical().equals(c.reading().canonical())) {
        throw VotingRule.ENTRY_CLIENT_ID.conflict(
            "这个编号已用于第" + existing.get().position() + "张的另一内容");
      }
      return ack(t, existing.get().position(), cid, true);
    }
    int pos = repo.takePosition(entryId);
    if (pos < 0) {
      throw VotingRule.ENTRY_FINISHED.conflict("");
    }
    if (in.position() != null && in.position() != pos) {
      throw VotingRule.ENTRY_POSITION_CONFLICT.conflict(
          "页面上为第" + in.position() + "张，实际应为第" + pos + "张");
    }
    // the key first: introducing it (once, on an upgraded installation) re-keys every entry
    AuditKeys.Key key = ctx.audit().chainKey();
    repo.insertRecord(entryId, pos, cid, c.reading());
    coverage.saved(key, entryId, pos, c.reading());
    return ack(t, pos, cid, false);
  }

  private Ack ack(Target t, int pos, String cid, boolean duplicate) {
    Ctx c = t.ctx();
    BallotVerdict v = Ballots.judge(c.rules(), c.ballot());
    String kind;
    String text;
    if (v instanceof BallotVerdict.Valid) {
      kind = "VALID";
      text = "第" + pos + "张：有效票";
    } else if (v instanceof BallotVerdict.Invalid) {
      kind = "INVALID";
      text = "第" + pos + "张：无效票（" + v.rules().get(0).messageZh() + "）";
    } else {
      kind = "NEEDS_REVIEW";
      text = "第" + pos + "张：疑问票，待监票人认定";
    }
    if (duplicate) {
      text += "（重复提交，未重复计入）";
    }
    return new Ack(t.stackId(), c.side(), pos, cid, duplicate, kind, v.codes(), text);
  }

  /** The entry of one side of a stack, if started. */
  public Optional<Entry> entry(
      long electionId, int roundNo, long boxId, String label, String side) {
    return tx.execute(
        s -> {
          ctx.election(electionId, Permission.VIEW);
          Round r = roundService.roundOf(electionId, roundNo);
          return repo.stackId(r.id(), boxId, label).flatMap(st -> repo.entry(st, side));
        });
  }

  private Stack stack(Round r, long stackId) {
    return repo.stacks(r.id()).stream()
        .filter(s -> s.id() == stackId)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("stack", "没有这叠选票：" + stackId));
  }

  /** Stack of a round, for pages. */
  public Stack stackOf(long electionId, int roundNo, long stackId) {
    return tx.execute(
        s -> {
          ctx.election(electionId, Permission.VIEW);
          return stack(roundService.roundOf(electionId, roundNo), stackId);
        });
  }

  /**
   * Ends one clerk's pass over a stack (录入完毕): records the count and digest in the audit log and
   * forgets the entry's client ids (their hashes), which only served to recognise a resend while
   * ballots could still be added.
   */
  public Entry finishEntry(long electionId, int roundNo, long stackId, String side) {
    return tx.execute(
        s -> {
          Election e = ctx.election(electionId, Permission.COUNT);
          Round r = roundService.openRound(electionId, roundNo);
          Stack st = stack(r, stackId);
          Entry en = side.equals("B") ? st.b() : st.a();
          if (en == null) {
            throw new InvalidInputException("entry", "录入" + side + "尚未开始");
          }
          if (en.clerk().isEmpty()) {
            throw VotingRule.ENTRY_RELEASE.conflict("录入" + side + "已释放，请先在录入页接手后再结束");
          }
          if (!en.clerk().equals(me())) {
            throw VotingRule.ENTRY_SIDE_TAKEN.conflict("录入" + side + "由另一名计票人进行");
          }
          String digest = digest(repo.readings(en.id()));
          if (!repo.finishEntry(en.id(), en.version(), digest, ctx.clock().instant())) {
            throw new IllegalStateException("录入" + side + "已被修改或已经结束，请刷新页面");
          }
          repo.forgetClientIds(en.id());
          log(
              e,
              "BALLOT_ENTRY_FINISHED",
              r.labelZh()
                  + " 票箱「"
                  + st.boxName()
                  + "」第"
                  + st.label()
                  + "叠：录入"
                  + side
                  + "完毕（录入编号 "
                  + en.id()
                  + "），共"
                  + en.ballots()
                  + "张，摘要 SHA-256 "
                  + digest);
          return repo.entry(stackId, side).orElseThrow();
        });
  }

  static String digest(List<Reading> readings) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Reading r : readings) {
        md.update((r.canonical() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** The double-entry comparison of a stack (两遍录入核对). */
  public List<Difference> differences(long electionId, int roundNo, long stackId) {
    return tx.execute(
        s -> {
          Election e = ctx.election(electionId, Permission.VIEW);
          Round r = roundService.roundOf(electionId, roundNo);
          return StackCheck.differences(repo, stack(r, stackId), roundService.rules(e, r));
        });
  }

  /**
   * The scrutineer's ruling on one position (监票人认定): the reading that counts, or that there is no
   * ballot at that position; who and why are recorded. Needs SCRUTINISE.
   */
  public void rule(
      long electionId,
      int roundNo,
      long stackId,
      int position,
      boolean absent,
      String keys,
      List<WriteInInput> writeIns,
      boolean identifying,
      String reason) {
    tx.executeWithoutResult(
        s -> {
          Election e = ctx.election(electionId, Permission.VIEW);
          ctx.requireScrutineer(e);
          Round r = roundService.openRound(electionId, roundNo);
          Stack st = stack(r, stackId);
          if (st.settled()) {
            throw new IllegalStateException("这叠选票已经核对认定完毕");
          }
          requireNotEntrant(st);
          if (st.a() == null || st.b() == null || !st.a().finished() || !st.b().finished()) {
            throw VotingRule.COUNT_UNSETTLED.conflict("两遍录入都结束后方可认定");
          }
          int n = Math.max(st.a().ballots(), st.b().ballots());
          if (position < 1 || position > n) {
            throw new InvalidInputException("position", "位置应在1至" + n + "之间");
          }
          String why = reason == null ? "" : reason.strip();
          if (why.isEmpty()) {
            throw VotingRule.ENTRY_SCRUTINEER_REQUIRED.invalid("reason", "请填写认定理由");
          }
          Reading rd = new Reading("", "", false);
          if (!absent) {
            List<Mark> marks = BallotCodec.marks(keys, r.candidates().size());
            Ballot b = new Ballot(marks, BallotCodec.writeIns(writeIns), identifying);
            if (marks.contains(Mark.UNCLEAR)
                || b.writeIns().stream().anyMatch(w -> w.mark() == Mark.UNCLEAR)) {
              throw VotingRule.ENTRY_RULING_UNCLEAR.invalid("marks", "");
            }
            rd = BallotCodec.reading(b);
          }
          repo.putRuling(
              stackId,
              new Ruling(position, absent, rd.marks(), rd.writeIns(), rd.identifying(), why, me()));
          log(
              e,
              "BALLOT_RULING",
              r.labelZh()
                  + " 第"
                  + st.label()
                  + "叠第"
                  + position
                  + "张，监票人"
                  + me()
                  + "认定："
                  + (absent ? "此位置没有选票" : rd.display())
                  + "；理由："
                  + why);
        });
  }

  /** Settles a stack (核对认定完毕): both entries finished and every difference ruled. */
  public void settle(long electionId, int roundNo, long stackId, int version) {
    tx.executeWithoutResult(
        s -> {
          Election e = ctx.election(electionId, Permission.VIEW);
          ctx.requireScrutineer(e);
          Round r = roundService.openRound(electionId, roundNo);
          Stack st = stack(r, stackId);
          requireNotEntrant(st);
          if (st.a() == null || st.b() == null || !st.a().finished() || !st.b().finished()) {
            throw VotingRule.COUNT_UNSETTLED.conflict("两遍录入都结束后方可核对认定");
          }
          List<Difference> open =
              StackCheck.differences(repo, st, roundService.rules(e, r)).stream()
                  .filter(d -> d.ruling() == null)
                  .toList();
          if (!open.isEmpty()) {
            throw VotingRule.ENTRY_SCRUTINEER_REQUIRED.conflict(
                "尚未认定：第"
                    + open.stream()
                        .map(d -> String.valueOf(d.position()))
                        .collect(Collectors.joining("、"))
                    + "张");
          }
          if (!repo.settleStack(stackId, version, me(), ctx.clock().instant())) {
            throw new IllegalStateException("这叠选票已被他人修改，请刷新页面后重试");
          }
          int rulings = repo.rulings(stackId).size();
          log(
              e,
              "BALLOT_STACK_SETTLED",
              r.labelZh()
                  + " 票箱「"
                  + st.boxName()
                  + "」第"
                  + st.label()
                  + "叠核对认定完毕：录入A "
                  + st.a().ballots()
                  + "张，录入B "
                  + st.b().ballots()
                  + "张，监票人认定"
                  + rulings
                  + "处；"
                  + coverage.settleWords(stackId));
        });
  }

  /**
   * The aggregate tally sheet of one box (计票汇总表, fallback): 有效/无效 and 赞成/不赞成/弃权 per candidate,
   * checked by core (TALLY.SUM.CANDIDATE). Two people, as with the ballots: the first entry waits;
   * it counts once another person (not the one who entered it) enters the same numbers. A second
   * entry that differs is refused and changes nothing (the differences are named); the first person
   * may replace their own entry until it is confirmed. Needs COUNT. Returns what happened, in
   * Chinese.
   */
  public String aggregate(
      long electionId,
      int roundNo,
      long boxId,
      long valid,
      long invalid,
      Map<String, CandidateCount> counts,
      Map<String, Long> writeIns) {
    return tx.execute(
        s -> {
          Election e = ctx.election(electionId, Permission.COUNT);
          Round r = roundService.openRound(electionId, roundNo);
          Box b =
              stations
                  .findBox(electionId, boxId)
                  .orElseThrow(() -> new InvalidInputException("boxId", "票箱不存在：" + boxId));
          if (repo.stacks(r.id()).stream().anyMatch(st -> st.boxId() == boxId)) {
            throw VotingRule.COUNT_MIXED_BOX.conflict("票箱「" + b.name() + "」已逐张录入");
          }
          List<Candidate> cands =
              r.candidates().stream().map(c -> Candidate.of(c.id(), c.name())).toList();
          Tally.ofCounts(cands, valid, invalid, counts, writeIns == null ? Map.of() : writeIns);
          VotingRepository.Aggregate sheet =
              new VotingRepository.Aggregate(
                  boxId,
                  valid,
                  invalid,
                  VotingRepository.JSON.writeValueAsString(counts),
                  VotingRepository.JSON.writeValueAsString(writeIns == null ? Map.of() : writeIns));
          List<String> parts = new ArrayList<>();
          for (var c : r.candidates()) {
            CandidateCount cc = counts.get(c.id());
            parts.add(c.name() + " " + cc.yes() + "/" + cc.no() + "/" + cc.abstain());
          }
          String numbers = "有效" + valid + "，无效" + invalid + "；" + String.join("，", parts);
          Optional<VotingRepository.AggregateEntry> first =
              repo.aggregateEntries(r.id()).stream()
                  .filter(x -> x.sheet().boxId() == boxId)
                  .findFirst();
          if (first.isPresent() && first.get().confirmed()) {
            throw VotingRule.AGGREGATE_SECOND_PERSON.conflict(
                "票箱「" + b.name() + "」的汇总表已经两人录入一致并计入，不能再修改");
          }
          if (first.isPresent() && !first.get().enteredBy().equals(me())) {
            if (!first.get().sheet().sameNumbers(sheet)) {
              throw VotingRule.AGGREGATE_SECOND_PERSON.conflict(
                  "与第一遍录入不一致（"
                      + differences(r, first.get().sheet(), valid, invalid, counts)
                      + "），未计入；请两人共同核对原始计票单，如第一遍有误，由第一遍录入人重新录入");
            }
            repo.confirmAggregate(r.id(), boxId, me());
            log(
                e,
                "VOTING_AGGREGATE_CONFIRMED",
                r.labelZh()
                    + " 票箱「"
                    + b.name()
                    + "」汇总表第二遍录入与第一遍（"
                    + first.get().enteredBy()
                    + "）一致，由"
                    + me()
                    + "核对确认并计入："
                    + numbers);
            return "票箱「" + b.name() + "」的汇总表两遍录入一致，已计入";
          }
          repo.putAggregate(r.id(), sheet, me());
          log(
              e,
              "VOTING_AGGREGATE_COUNT",
              r.labelZh()
                  + " 票箱「"
                  + b.name()
                  + "」按汇总表录入（第一遍"
                  + (first.isPresent() ? "，重新录入" : "")
                  + "）："
                  + numbers);
          return "票箱「" + b.name() + "」的汇总表已录入第一遍，须由另一名计票人再录入一遍，两遍一致方可计入";
        });
  }

  /** The numbers in which a second entry differs from the first, in Chinese. */
  private static String differences(
      Round r,
      VotingRepository.Aggregate first,
      long valid,
      long invalid,
      Map<String, CandidateCount> counts) {
    List<String> out = new ArrayList<>();
    if (first.valid() != valid) {
      out.add("有效票 " + first.valid() + " ≠ " + valid);
    }
    if (first.invalid() != invalid) {
      out.add("无效票 " + first.invalid() + " ≠ " + invalid);
    }
    Map<String, CandidateCount> before =
        VotingRepository.JSON.readValue(
            first.countsJson(),
            new tools.jackson.core.type.TypeReference<Map<String, CandidateCount>>() {});
    for (var c : r.candidates()) {
      CandidateCount x = before.get(c.id());
      CandidateCount y = counts.get(c.id());
      if (x != null && y != null && !x.equals(y)) {
        out.add(
            c.name()
                + " "
                + x.yes()
                + "/"
                + x.no()
                + "/"
                + x.abstain()
                + " ≠ "
                + y.yes()
                + "/"
                + y.no()
                + "/"
                + y.abstain());
      }
    }
    return out.isEmpty() ? "另选他人票数不同" : String.join("；", out);
  }

  /** The rule codes of a verdict for display. */
  static String codes(List<BallotRule> rules) {
    return rules.stream().map(BallotRule::code).collect(Collectors.joining(", "));
  }
}
