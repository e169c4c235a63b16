package xuanju.server.person;

/**
 * The add/edit form of a legal-status record (选民资格相关情况表单), all text, bound by Spring MVC. Which
 * fields apply depends on the kind (see {@link LegalStatusRecord}).
 */
public class LegalStatusForm {
  private String kind = "";
  private String basis = "";
  private String authority = "";
  private String reason = "";
  private String evidence = "";
  private String firstDay = "";
  private String lastDay = "";
  private boolean intermittent;
  private String confirmedOn = "";
  private String decisionRef = "";

  public static LegalStatusForm of(LegalStatusRecord r) {
    LegalStatusForm f = new LegalStatusForm();
    f.kind = r.kind().name();
    f.basis = r.basis();
    f.authority = r.authority();
    f.reason = r.reason();
    f.evidence = r.evidence() == null ? "" : r.evidence().name();
    f.firstDay = r.firstDay() == null ? "" : r.firstDay().toString();
    f.lastDay = r.lastDay() == null ? "" : r.lastDay().toString();
    f.intermittent = r.intermittent();
    f.confirmedOn = r.confirmedOn() == null ? "" : r.confirmedOn().toString();
    f.decisionRef = r.decisionRef();
    return f;
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = s(kind);
  }

  public String getBasis() {
    return basis;
  }

  public void setBasis(String basis) {
    this.basis = s(basis);
  }

  public String getAuthority() {
    return authority;
  }

  public void setAuthority(String authority) {
    this.authority = s(authority);
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = s(reason);
  }

  public String getEvidence() {
    return evidence;
  }

  public void setEvidence(String evidence) {
    this.evidence = s(evidence);
  }

  public String getFirstDay() {
    return firstDay;
  }

  public void setFirstDay(String firstDay) {
    this.firstDay = s(firstDay);
  }

  public String getLastDay() {
    return lastDay;
  }

  public void setLastDay(String lastDay) {
    this.lastDay = s(lastDay);
  }

  public boolean isIntermittent() {
    return intermittent;
  }

  public void setIntermittent(boolean intermittent) {
    this.intermittent = intermittent;
  }

  public String getConfirmedOn() {
    return confirmedOn;
  }

  public void setConfirmedOn(String confirmedOn) {
    this.confirmedOn = s(confirmedOn);
  }

  public String getDecisionRef() {
    return decisionRef;
  }

  public void setDecisionRef(String decisionRef) {
    this.decisionRef = s(decisionRef);
  }
}
