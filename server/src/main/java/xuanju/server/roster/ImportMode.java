package xuanju.server.roster;

/** What an import does with members already on this organisation's roster (导入方式). */
public enum ImportMode {
  /** 已在本组织名册中的党员报错（默认）：the file may only add new members. */
  REJECT_EXISTING("只新增：已在本组织名册中的党员报错"),
  /** 按文件更新已有党员：members found by resident ID are overwritten with the file's values. */
  UPDATE_EXISTING("新增并更新：已在本组织名册中的党员按文件内容更新");

  private final String labelZh;

  ImportMode(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
