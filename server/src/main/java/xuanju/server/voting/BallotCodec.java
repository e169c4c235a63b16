package xuanju.server.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xuanju.core.ballot.Ballot;
import xuanju.core.ballot.Mark;
import xuanju.core.ballot.WriteIn;
import xuanju.server.voting.VotingModel.CandidateRef;
import xuanju.server.voting.VotingModel.Reading;
import xuanju.server.voting.VotingModel.WriteInInput;

/**
 * Keyboard marks and stored ballot readings (选票符号录入与存储): {@code 1/○/Y} 赞成, {@code 2/×/N} 不赞成,
 * {@code 0/空格/-/A} 弃权, {@code ?} 无法辨认. A stored reading keeps the marks as {@code YNA?} and each
 * write-in as a line {@code Y:姓名}.
 */
public final class BallotCodec {
  private BallotCodec() {}

  /** One key, or null when unknown. */
  public static Mark key(char c) {
    return switch (c) {
      case '1', '○', '〇', 'O', 'o', 'Y', 'y', '+' -> Mark.YES;
      case '2', '×', 'X', 'x', 'N', 'n' -> Mark.NO;
      case '0', ' ', '-', '_', '—', 'A', 'a' -> Mark.ABSTAIN;
      case '?', '？' -> Mark.UNCLEAR;
      default -> null;
    };
  }

  /** Reads the marks of a ballot from keys, one per printed candidate. */
  public static List<Mark> marks(String keys, int candidates) {
    if (keys == null) {
      throw VotingRule.ENTRY_MARKS_COUNT.invalid("marks", "缺少选票符号");
    }
    int n = keys.codePointCount(0, keys.length());
    if (n != candidates) {
      throw VotingRule.ENTRY_MARKS_COUNT.invalid(
          "marks", "录入了" + n + "个符号，而选票上有" + candidates + "名候选人");
    }
    List<Mark> out = new ArrayList<>(n);
    for (int i = 0; i < keys.length(); i++) {
      Mark m = key(keys.charAt(i));
      if (m == null) {
        throw VotingRule.ENTRY_MARK_UNKNOWN.invalid(
            "marks[" + i + "]", "第" + (i + 1) + "个符号「" + keys.charAt(i) + "」");
      }
      out.add(m);
    }
    return out;
  }

  /** Marks given by candidate id; a candidate not given abstains. */
  public static List<Mark> marksById(Map<String, String> byId, List<CandidateRef> candidates) {
    for (String id : byId.keySet()) {
      if (candidates.stream().noneMatch(c -> c.id().equals(id))) {
        throw VotingRule.ENTRY_CANDIDATE_UNKNOWN.invalid("marksById." + id, "候选人编号「" + id + "」");
      }
    }
    List<Mark> out = new ArrayList<>();
    for (CandidateRef c : candidates) {
      String k = byId.get(c.id());
      if (k == null || k.isEmpty()) {
        out.add(Mark.ABSTAIN);
        continue;
      }
      Mark m = k.length() == 1 ? key(k.charAt(0)) : null;
      if (m == null) {
        throw VotingRule.ENTRY_MARK_UNKNOWN.invalid("marksById." + c.id(), "「" + k + "」");
      }
      out.add(m);
    }
    return out;
  }

  /** Write-ins as typed; empty names are dropped. */
  public static List<WriteIn> writeIns(List<WriteInInput> in) {
    List<WriteIn> out = new ArrayList<>();
    if (in == null) {
      return out;
    }
    for (int i = 0; i < in.size(); i++) {
      WriteInInput w = in.get(i);
      String name = w.name() == null ? "" : w.name().strip();
      if (name.isEmpty()) {
        continue;
      }
      if (name.length() > 50
          || name.chars().anyMatch(Character::isISOControl)
          || name.contains(":")) {
        throw new xuanju.core.rule.InvalidInputException("writeIns[" + i + "].name", "另选他人的姓名不正确");
      }
      String mk = w.mark() == null || w.mark().isEmpty() ? "Y" : w.mark();
      Mark m = mk.length() == 1 ? key(mk.charAt(0)) : null;
      if (m == null) {
        throw VotingRule.ENTRY_MARK_UNKNOWN.invalid("writeIns[" + i + "].mark", "「" + mk + "」");
      }
      out.add(new WriteIn(name, m));
    }
    return out;
  }

  /** The stored reading of a ballot. */
  public static Reading reading(Ballot b) {
    StringBuilder w = new StringBuilder();
    for (WriteIn x : b.writeIns()) {
      if (w.length() > 0) {
        w.append('\n');
      }
      w.append(x.mark().toChar()).append(':').append(x.name());
    }
    return new Reading(b.markString(), w.toString(), b.identifyingMarks());
  }

  /** The ballot of a stored reading. */
  public static Ballot ballot(Reading r) {
    List<Mark> marks = new ArrayList<>();
    for (char c : r.marks().toCharArray()) {
      marks.add(Mark.ofChar(c));
    }
    List<WriteIn> ws = new ArrayList<>();
    if (!r.writeIns().isEmpty()) {
      for (String line : r.writeIns().split("\n")) {
        ws.add(new WriteIn(line.substring(2), Mark.ofChar(line.charAt(0))));
      }
    }
    return new Ballot(marks, ws, r.identifying());
  }
}
