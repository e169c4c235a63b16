package xuanju.core.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * One paper ballot as read by the counters (选票): a mark per printed candidate, in ballot order, any
 * write-ins, and whether it bears marks other than the prescribed ones (numbering, signatures).
 *
 * @param marks one mark per printed candidate
 * @param writeIns names written in (另选他人)
 * @param identifyingMarks whether the ballot carries extraneous identifying marks
 */
public record Ballot(List<Mark> marks, List<WriteIn> writeIns, boolean identifyingMarks) {
  public Ballot {
    marks = List.copyOf(marks);
    writeIns = List.copyOf(writeIns);
  }

  /**
   * A ballot from a mark string, one character per candidate (see {@link Mark#ofChar(char)}), e.g.
   * {@code "YYNA-"}.
   *
   * @throws InvalidInputException (field {@code marks}) on an unknown character
   */
  public static Ballot of(String marks, WriteIn... writeIns) {
    Objects.requireNonNull(marks, "marks");
    List<Mark> list = new ArrayList<>(marks.length());
    for (int i = 0; i < marks.length(); i++) {
      try {
        list.add(Mark.ofChar(marks.charAt(i)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("marks[" + i + "]", "无法识别的选票符号 '" + marks.charAt(i) + "'");
      }
    }
    return new Ballot(list, List.of(writeIns), false);
  }

  /** The marks as a string, e.g. {@code YYNA?}. */
  public String markString() {
    StringBuilder sb = new StringBuilder(marks.size());
    marks.forEach(m -> sb.append(m.toChar()));
    return sb.toString();
  }
}
