package xuanju.server.nomination;

/** A close relation between two members (近亲属关系), stored with {@code memberA < memberB}. */
public record Relation(
    long id,
    long memberA,
    String nameA,
    long memberB,
    String nameB,
    RelationKind kind,
    String note) {
  /** Whether the relation joins these two people. */
  public boolean joins(long x, long y) {
    return (memberA == x && memberB == y) || (memberA == y && memberB == x);
  }

  /** The other person of the pair, or -1 if {@code x} is not in it. */
  public long other(long x) {
    return memberA == x ? memberB : memberB == x ? memberA : -1;
  }
}
