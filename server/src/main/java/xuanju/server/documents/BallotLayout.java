package xuanju.server.documents;

import java.util.List;
import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * What goes on a printed ballot (选票版式): the title, the number of seats (应选名额), the instructions (填写
 * 说明) from the election profile, the candidates in the order the caller has already fixed (按姓氏笔画),
 * the number of blank write-in rows (另选他人), an optional stage label (第一轮 / 另行选举), a short election
 * code for the footer and the text of the seal placeholder.
 *
 * <p>Nothing here may identify a voter: every printed copy of one layout is identical.
 *
 * @param title e.g. {@code 中共代力吉镇机关支部委员会委员选举选票}
 * @param seats the number to elect (应选人数), at least 1; printed as {@code 应选5名}
 * @param stageLabel {@code 第一轮}, {@code 另行选举} … or {@code null}/blank for none
 * @param instructions the instruction lines, printed in order and numbered 1. 2. 3.
 * @param candidates the candidates' names, in print order (the caller sorts them)
 * @param writeInRows blank rows for write-in candidates (另选他人), 0–50
 * @param electionCode a short code identifying the election and layout (not the voter), printed in
 *     the footer of every page, e.g. the first 8 hex digits of the election hash
 * @param sealLabel the text in the seal box, e.g. {@link #DEFAULT_SEAL_LABEL}
 */
public record BallotLayout(
    String title,
    int seats,
    String stageLabel,
    List<String> instructions,
    List<String> candidates,
    int writeInRows,
    String electionCode,
    String sealLabel) {

  /** The usual instructions of a 差额/等额 ballot with 赞成/不赞成/弃权 and write-ins. */
  public static final List<String> DEFAULT_INSTRUCTIONS =
      List.of(
          "在候选人姓名下方的赞成栏内画○，不赞成的画×，弃权的不画任何符号。",
          "不赞成的可以另选他人，在另选他人栏内写上其姓名并在其下方画○。",
          "所选人数等于或少于应选人数的为有效票，多于应选人数的为无效票。");

  public static final String DEFAULT_SEAL_LABEL = "选举委员会（盖章）";

  /** The most write-in rows a layout may ask for. */
  public static final int MAX_WRITE_IN_ROWS = 50;

  public BallotLayout {
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("title", "选票标题不能为空");
    }
    if (seats < 1) {
      throw new InvalidInputException("seats", "应选人数必须至少为1，实际为" + seats);
    }
    Objects.requireNonNull(instructions, "instructions");
    Objects.requireNonNull(candidates, "candidates");
    for (int i = 0; i < candidates.size(); i++) {
      String c = candidates.get(i);
      if (c == null || c.isBlank()) {
        throw new InvalidInputException("candidates[" + i + "]", "候选人姓名不能为空");
      }
    }
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i) == null) {
        throw new InvalidInputException("instructions[" + i + "]", "说明行不能为null");
      }
    }
    if (candidates.isEmpty() && writeInRows == 0) {
      throw new InvalidInputException("candidates", "选票上既没有候选人也没有另选他人栏");
    }
    if (writeInRows < 0 || writeInRows > MAX_WRITE_IN_ROWS) {
      throw new InvalidInputException(
          "writeInRows", "另选他人栏数必须在0到" + MAX_WRITE_IN_ROWS + "之间，实际为" + writeInRows);
    }
    if (electionCode == null || electionCode.isBlank()) {
      throw new InvalidInputException("electionCode", "选举编码不能为空");
    }
    if (electionCode.length() > 40) {
      throw new InvalidInputException("electionCode", "选举编码过长（最多40个字符）");
    }
    stageLabel = stageLabel == null || stageLabel.isBlank() ? null : stageLabel.strip();
    sealLabel = sealLabel == null || sealLabel.isBlank() ? DEFAULT_SEAL_LABEL : sealLabel.strip();
    instructions = List.copyOf(instructions);
    candidates = List.copyOf(candidates);
  }

  /**
   * A layout with the default instructions and seal text, no stage label, and as many write-in rows
   * as seats.
   */
  public static BallotLayout of(
      String title, int seats, List<String> candidates, String electionCode) {
    return new BallotLayout(
        title, seats, null, DEFAULT_INSTRUCTIONS, candidates, seats, electionCode, null);
  }

  /** The same layout with another stage label ({@code 第一轮}, {@code 另行选举}, or null for none). */
  public BallotLayout withStageLabel(String label) {
    return new BallotLayout(
        title, seats, label, instructions, candidates, writeInRows, electionCode, sealLabel);
  }

  /** The same layout with {@code rows} write-in rows. */
  public BallotLayout withWriteInRows(int rows) {
    return new BallotLayout(
        title, seats, stageLabel, instructions, candidates, rows, electionCode, sealLabel);
  }
}
