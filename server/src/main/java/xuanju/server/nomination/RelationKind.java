package xuanju.server.nomination;

/** A close relation between two people (近亲属关系), for the avoidance check. */
public enum RelationKind {
  /** 夫妻 */
  SPOUSE("配偶"),
  /** 父母子女 */
  PARENT_CHILD("父母子女"),
  /** 兄弟姐妹 */
  SIBLING("兄弟姐妹"),
  /** 祖父母、外祖父母与孙子女、外孙子女 */
  GRANDPARENT("祖孙"),
  /** 姻亲（公婆、岳父母与儿媳、女婿，配偶的兄弟姐妹等） */
  IN_LAW("姻亲");

  private final String labelZh;

  RelationKind(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
