package xuanju.server.access;

/** What a role allows on an organisation's subtree (权限). */
public enum Permission {
  /** 查看 */
  VIEW("查看"),
  /** 管理（名册、方案、提名、选举） */
  MANAGE("管理"),
  /** 审批 */
  APPROVE("审批"),
  /** 计票录入 */
  COUNT("计票录入"),
  /** 监票裁定 */
  SCRUTINISE("监票裁定");

  private final String labelZh;

  Permission(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
