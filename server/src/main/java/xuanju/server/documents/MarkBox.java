package xuanju.server.documents;

/**
 * One printed mark box (表决框) of a ballot, in millimetres from the top-left corner of its page (the
 * orientation of a scanned image), so an OMR reader can find it after locating the four corner
 * marks.
 *
 * @param page 1-based page number
 * @param kind a candidate row or a write-in row
 * @param index the candidate's index in {@link BallotLayout#candidates()}, or the write-in row's
 *     index (0-based)
 * @param choice the column: 赞成, 不赞成 or 弃权
 * @param gridRow the row slot on the page's grid (0 = first slot under the table header)
 * @param xMm left edge of the box
 * @param yMm top edge of the box
 * @param sizeMm side of the square box
 */
public record MarkBox(
    int page,
    Kind kind,
    int index,
    Choice choice,
    int gridRow,
    float xMm,
    float yMm,
    float sizeMm) {

  /** 候选人 row or 另选他人 row. */
  public enum Kind {
    CANDIDATE,
    WRITE_IN
  }

  /** The three columns of the ballot table. */
  public enum Choice {
    APPROVE("赞成"),
    OPPOSE("不赞成"),
    ABSTAIN("弃权");

    private final String labelZh;

    Choice(String labelZh) {
      this.labelZh = labelZh;
    }

    /** The column header as printed. */
    public String labelZh() {
      return labelZh;
    }
  }

  /** Centre of the box, x in mm from the left edge. */
  public float centerXMm() {
    return xMm + sizeMm / 2;
  }

  /** Centre of the box, y in mm from the top edge. */
  public float centerYMm() {
    return yMm + sizeMm / 2;
  }
}
