package xuanju.server.election.kind;

/** A body that approves, decides or receives a filing (审批、决定或备案机关). */
public enum ApprovalBody {
  /** 上级党组织. */
  UPPER_PARTY_ORGANISATION("上级党组织"),
  /** 选举委员会 (居民选举委员会、村民选举委员会、乡镇选举委员会). */
  ELECTION_COMMITTEE("选举委员会"),
  /** 县人大常委会. */
  COUNTY_PEOPLES_CONGRESS_STANDING_COMMITTEE("县人大常委会"),
  /** 镇人大主席团. */
  TOWN_PEOPLES_CONGRESS_PRESIDIUM("镇人大主席团"),
  /** 街道党工委. */
  SUBDISTRICT_PARTY_WORKING_COMMITTEE("街道党工委"),
  /** 乡镇党委. */
  TOWN_PARTY_COMMITTEE("乡镇党委"),
  /** 民政部门. */
  CIVIL_AFFAIRS("民政部门"),
  /** 选举单位的党委（如区委、区委常委会、区委全会）. */
  ELECTING_UNIT_PARTY_COMMITTEE("选举单位党委"),
  /** 上级党委（召开党代会的党委，如市委）. */
  HIGHER_PARTY_COMMITTEE("上级党委"),
  /** 上级党委组织部（如市委组织部）. */
  HIGHER_ORGANISATION_DEPARTMENT("上级党委组织部");

  private final String labelZh;

  ApprovalBody(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
