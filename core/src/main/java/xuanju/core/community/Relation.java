package xuanju.core.community;

/**
 * A close relation (近亲属关系), as seed 002 lists them for the avoidance rules: 配偶、父母、子女、兄弟姐妹、
 * 祖父母、外祖父母、孙子女、外孙子女 — the same list as 民法典 第一千零四十五条. A relation is read "B is A's …"; {@link
 * #inverse()} gives "A is B's …".
 */
public enum Relation {
  SPOUSE("配偶"),
  PARENT("父母"),
  CHILD("子女"),
  SIBLING("兄弟姐妹"),
  GRANDPARENT("祖父母"),
  MATERNAL_GRANDPARENT("外祖父母"),
  GRANDCHILD("孙子女"),
  MATERNAL_GRANDCHILD("外孙子女");

  private final String labelZh;

  Relation(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /**
   * The relation seen from the other side: parent ↔ child, 祖父母 ↔ 孙子女, 外祖父母 ↔ 外孙子女; spouse and
   * sibling are their own inverse.
   */
  public Relation inverse() {
    return switch (this) {
      case SPOUSE, SIBLING -> this;
      case PARENT -> CHILD;
      case CHILD -> PARENT;
      case GRANDPARENT -> GRANDCHILD;
      case GRANDCHILD -> GRANDPARENT;
      case MATERNAL_GRANDPARENT -> MATERNAL_GRANDCHILD;
      case MATERNAL_GRANDCHILD -> MATERNAL_GRANDPARENT;
    };
  }

  /**
   * One recorded relation: {@code relative} is {@code personId}'s {@code relation}.
   *
   * @param personId the person
   * @param relativeId the relative
   * @param relation what the relative is to the person
   */
  public record Kinship(String personId, String relativeId, Relation relation) {
    public Kinship {
      java.util.Objects.requireNonNull(personId, "personId");
      java.util.Objects.requireNonNull(relativeId, "relativeId");
      java.util.Objects.requireNonNull(relation, "relation");
      if (personId.equals(relativeId)) {
        throw new xuanju.core.rule.InvalidInputException("relativeId", "近亲属关系不能是本人：" + personId);
      }
    }
  }
}
