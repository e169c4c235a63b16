package xuanju.server.voting;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import xuanju.core.outcome.RankedCandidate;
import xuanju.core.outcome.RoundKind;
import xuanju.server.web.FreeText;

/** The values of election day (选举大会的数据). */
public final class VotingModel {
  private VotingModel() {}

  /** The post a round elects (选举职务). */
  public enum Post {
    /** 委员. */
    MEMBERS("委员"),
    /** 书记. */
    SECRETARY("书记"),
    /** 副书记. */
    DEPUTY("副书记");

    private final String labelZh;

    Post(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  /** Round status (轮次状态): open for ballots, or decided. */
  public enum RoundStatus {
    /** 投票、计票中. */
    OPEN,
    /** 已判定. */
    DECIDED
  }

  /**
   * A formal candidate on a ballot (正式候选人).
   *
   * @param id stable id within the election (e.g. {@code m123} for roster member 123)
   * @param name the printed name
   * @param memberId the roster member, when known
   */
  public record CandidateRef(String id, String name, Long memberId) {}

  /** A person who may vote at a meeting (有选举权的到会人员): roster member or new committee member. */
  public record Voter(String key, Long memberId, String name, String residentId) {
    /** The ID number with the middle hidden (for screens). */
    public String maskedId() {
      if (residentId == null || residentId.length() < 8) {
        return residentId == null ? "" : residentId;
      }
      return residentId.substring(0, 4)
          + "**********"
          + residentId.substring(residentId.length() - 4);
    }
  }

  /** A polling station (投票站) with its boxes; the meeting hall is the {@code hall} station. */
  public record Station(long id, String name, boolean hall, List<Box> boxes) {}

  /** A ballot box (票箱), possibly mobile (流动票箱) with its staff and seal. */
  public record Box(
      long id,
      long stationId,
      String name,
      boolean mobile,
      List<String> staff,
      String sealNumber,
      Instant sealedAt,
      Instant openedAt,
      int registeredVoters,
      int version) {}

  /** One vote with its own ballot (投票轮次). */
  public record Round(
      long id,
      long electionId,
      int number,
      int stage,
      Post post,
      RoundKind kind,
      int furtherRound,
      int seats,
      List<CandidateRef> candidates,
      String definitionHash,
      int expected,
      int present,
      RoundStatus status,
      String decisionJson,
      Long parentRoundId,
      Integer parentOutcome,
      int version) {
    /** The election code printed on the ballot: the first 8 hex digits of the definition hash. */
    public String code() {
      return definitionHash.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** e.g. 第1轮 · 委员 · 另行选举. */
    public String labelZh() {
      return "第" + number + "轮 · " + post.labelZh() + " · " + kindZh(kind);
    }
  }

  static String kindZh(RoundKind k) {
    return switch (k) {
      case FIRST -> "正式选举";
      case FURTHER -> "另行选举";
      case TIE_REVOTE -> "再次投票（票数相等）";
    };
  }

  /** Ballots issued, returned and spoiled for one box in one round (发出、收回、作废选票数). */
  public record BoxCount(long boxId, String boxName, int issued, int returned, int spoiled) {}

  /** One clerk's pass over a stack (录入A / 录入B). */
  public record Entry(
      long id,
      long stackId,
      String side,
      String clerk,
      int ballots,
      Instant startedAt,
      Instant finishedAt,
      String digest,
      int version) {
    public boolean finished() {
      return finishedAt != null;
    }
  }

  /** A stack of ballots from one box (一叠选票), entered twice. */
  public record Stack(
      long id,
      long roundId,
      long boxId,
      String boxName,
      String label,
      boolean settled,
      String settledBy,
      int version,
      Entry a,
      Entry b) {}

  /** A write-in as typed: the name and its mark ({@code Y N A ?} or {@code 1 2 0 ?}). */
  public record WriteInInput(
      @FreeText(label = "另选他人的姓名", max = 50) String name,
      @FreeText(label = "另选他人的符号", max = 10) String mark) {}

  /**
   * One paper ballot sent by a clerk (选票录入).
   *
   * @param clientId random id made by the client for idempotent retries (UUID v4 or similar)
   * @param position the position in the stack the client believes it is entering (optional)
   * @param marks one key per printed candidate, in ballot order ({@code 1/○/Y} 赞成, {@code 2/×/N}
   *     不赞成, {@code 0/空格/A} 弃权, {@code ?} 无法辨认); or null when {@code marksById} is given
   * @param marksById the marks by candidate id (alternative to {@code marks}; missing = 弃权)
   * @param writeIns names written in (另选他人) with their marks
   * @param identifyingMarks whether the ballot bears extraneous identifying marks
   * @param boxId the box the stack comes from (default: the hall's box)
   * @param stack the stack label (default {@code 1})
   * @param entry {@code A} or {@code B}
   */
  public record BallotInput(
      @FreeText(label = "选票编号", max = 64) String clientId,
      Integer position,
      @FreeText(label = "选票符号", max = 200) String marks,
      Map<String, String> marksById,
      List<@Valid WriteInInput> writeIns,
      Boolean identifyingMarks,
      Long boxId,
      @FreeText(label = "选票叠", max = 40) String stack,
      @FreeText(label = "录入遍次", max = 10) String entry) {}

  /**
   * The answer to a saved ballot (录入回执), sent only after the commit.
   *
   * @param duplicate true when the client id was already saved (nothing was added)
   * @param verdict VALID / INVALID / NEEDS_REVIEW (core 选票认定)
   */
  public record Ack(
      long stackId,
      String entry,
      int position,
      String clientId,
      boolean duplicate,
      String verdict,
      List<String> codes,
      String messageZh) {}

  /** The scrutineer's reading of one position of a stack (监票人认定). */
  public record Ruling(
      int position,
      boolean absent,
      String marks,
      String writeIns,
      boolean identifying,
      String reason,
      String ruledBy) {
    /** The ruling as the entries are shown (○ × —, write-ins), or 无此选票. */
    public String display() {
      return absent ? "无此选票" : new Reading(marks, writeIns, identifying).display();
    }
  }

  /**
   * One position where the two entries differ or the ballot is questionable (差异/疑问票).
   *
   * @param kind MISMATCH, ONLY_A, ONLY_B or REVIEW
   */
  /**
   * One position of a stack where the two entries differ or agree on a questionable ballot (差异).
   * {@code readingA}/{@code readingB} are null where that entry has no ballot at this position.
   */
  public record Difference(
      int position,
      String kind,
      String a,
      String b,
      Ruling ruling,
      Reading readingA,
      Reading readingB) {
    public Difference(int position, String kind, String a, String b, Ruling ruling) {
      this(position, kind, a, b, ruling, null, null);
    }

    /** The symbol (○ × — ?) of candidate {@code i} in entry A or B, "" if none. */
    public String symbol(String side, int i) {
      Reading r = side.equals("A") ? readingA : readingB;
      if (r == null || i >= r.marks().length()) {
        return "";
      }
      return String.valueOf(Reading.symbol(r.marks().charAt(i)));
    }

    /** Whether the two entries read candidate {@code i} differently (highlighted). */
    public boolean differsAt(int i) {
      return !symbol("A", i).equals(symbol("B", i));
    }

    /** The write-ins and flags of entry A or B as shown after the marks ("" if none). */
    public String rest(String side) {
      Reading r = side.equals("A") ? readingA : readingB;
      if (r == null) {
        return "（无此选票）";
      }
      String d = r.display();
      return d.length() > r.marks().length() ? d.substring(r.marks().length()).strip() : "";
    }

    /**
     * Whether a ruling "as entry A/B read it" (按录入A/B) can be offered: that reading has no
     * unreadable mark and only write-ins marked 赞成 (what the ruling form expresses); a missing
     * ballot is offered as 此位置没有选票.
     */
    public boolean offerable(String side) {
      Reading r = side.equals("A") ? readingA : readingB;
      if (r == null) {
        return true;
      }
      if (r.marks().indexOf('?') >= 0) {
        return false;
      }
      return r.writeIns().isEmpty()
          || java.util.Arrays.stream(r.writeIns().split("\n")).allMatch(l -> l.startsWith("Y:"));
    }

    /** The entry keys (1 赞成, 2 不赞成, 0 弃权) of entry A or B, for the ruling form. */
    public String keys(String side) {
      Reading r = side.equals("A") ? readingA : readingB;
      if (r == null) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      for (char c : r.marks().toCharArray()) {
        sb.append(c == 'Y' ? '1' : c == 'N' ? '2' : c == 'A' ? '0' : '?');
      }
      return sb.toString();
    }

    /** The written-in names of entry A or B (each marked 赞成), for the ruling form. */
    public java.util.List<String> writeInNames(String side) {
      Reading r = side.equals("A") ? readingA : readingB;
      if (r == null || r.writeIns().isEmpty()) {
        return java.util.List.of();
      }
      return java.util.Arrays.stream(r.writeIns().split("\n")).map(l -> l.substring(2)).toList();
    }

    /** Whether entry A or B has no ballot at this position. */
    public boolean missing(String side) {
      return (side.equals("A") ? readingA : readingB) == null;
    }

    /** Whether entry A or B marked the ballot as carrying identifying marks. */
    public boolean identifying(String side) {
      Reading r = side.equals("A") ? readingA : readingB;
      return r != null && r.identifying();
    }
  }

  /** A stored ballot reading: marks string (YNA?), write-ins and the identifying flag. */
  public record Reading(String marks, String writeIns, boolean identifying) {
    String canonical() {
      return marks + "|" + writeIns + "|" + identifying;
    }

    /** The screen symbol of a stored mark: ○ 赞成, × 不赞成, — 弃权, ? 无法辨认. */
    static char symbol(char c) {
      return switch (c) {
        case 'Y' -> '○';
        case 'N' -> '×';
        case 'A' -> '—';
        default -> '?';
      };
    }

    /** For screens: {@code ○×○—?} and write-ins (each name with its symbol). */
    public String display() {
      StringBuilder sb = new StringBuilder();
      for (char c : marks.toCharArray()) {
        sb.append(symbol(c));
      }
      if (!writeIns.isEmpty()) {
        sb.append(" 另选：");
        String[] lines = writeIns.split("\n");
        for (int i = 0; i < lines.length; i++) {
          String l = lines[i];
          if (i > 0) {
            sb.append('、');
          }
          if (l.length() > 2 && l.charAt(1) == ':') {
            sb.append(l.substring(2)).append(symbol(l.charAt(0)));
          } else {
            sb.append(l);
          }
        }
      }
      if (identifying) {
        sb.append(" （有识别标记）");
      }
      return sb.toString();
    }
  }

  /** One step of a stored decision's trail (判定依据). */
  public record StepDto(
      String code, String test, boolean passed, String explanationZh, Map<String, Long> inputs) {}

  /** One seat outcome of a stored decision (名额结果). */
  public record OutcomeDto(
      String type,
      int seats,
      List<String> ids,
      long votes,
      boolean reduceAllowed,
      String thresholdZh,
      String ruleCode,
      long actual,
      long minimum,
      String textZh) {}

  /** The recorded consent to reduce seats (减少名额的同意记录). */
  public record ConsentDto(int outcome, long agreed, long electors, String recordZh) {}

  /**
   * A round's decision as stored (本轮判定).
   *
   * @param consent the consent to reduce seats, if any was recorded
   */
  public record StoredDecision(
      List<OutcomeDto> outcomes,
      List<RankedCandidate> ranking,
      List<StepDto> trail,
      long valid,
      long invalid,
      long issued,
      long returned,
      long expected,
      long present,
      ConsentDto consent) {}

  /** The live quorum verdict (到会人数与法定人数). */
  public record QuorumView(
      int stage,
      long expected,
      long present,
      boolean met,
      long minimum,
      String code,
      String explanationZh,
      String expectedZh) {}

  /** What one stage has produced so far (本阶段结果). */
  public record StageSummary(
      int stage,
      Post post,
      int seats,
      List<String> elected,
      int vacant,
      int reduced,
      boolean complete,
      List<String> pendingZh) {}
}
