package xuanju.core.community;

/**
 * A body taking part in the joint qualification review of candidates (资格联审部门). Seed 002 sends the
 * list to the 旗委组织部 and 旗民政局, who collect the opinions; the others are the bodies that hold the
 * records the barring cases ({@link BarringCase}) are read from.
 */
public enum ReviewBody {
  ORGANISATION("组织部门"),
  CIVIL_AFFAIRS("民政部门"),
  PUBLIC_SECURITY("公安机关"),
  DISCIPLINE("纪检监察机关"),
  COURT("人民法院"),
  PROCURATORATE("人民检察院"),
  PETITIONS("信访部门"),
  AUDIT("审计部门"),
  CREDIT("社会信用主管部门"),
  ETHNIC_RELIGIOUS("民族宗教事务部门");

  private final String labelZh;

  ReviewBody(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
