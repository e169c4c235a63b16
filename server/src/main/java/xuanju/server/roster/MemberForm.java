package xuanju.server.roster;

import xuanju.core.roster.MemberInput;

/** The add/edit form of a member (党员信息表单), all text, bound by Spring MVC. */
public class MemberForm {
  private String name = "";
  private String gender = "";
  private String ethnicity = "汉族";
  private String birthDate = "";
  private String residentId = "";
  private String education = "";
  private String joinDate = "";
  private String membership = "正式党员";
  private String status = "正常";
  private String phone = "";
  private int version;

  static MemberForm of(MemberRecord r) {
    MemberInput in = r.member().toInput();
    MemberForm f = new MemberForm();
    f.name = in.name();
    f.gender = in.gender();
    f.ethnicity = in.ethnicity();
    f.birthDate = in.birthDate();
    f.residentId = in.residentId();
    f.education = in.education();
    f.joinDate = in.joinDate();
    f.membership = in.membership();
    f.status = in.status();
    f.phone = in.phone();
    f.version = r.version();
    return f;
  }

  MemberInput toInput() {
    return new MemberInput(
        name,
        gender,
        ethnicity,
        birthDate,
        residentId,
        education,
        joinDate,
        membership,
        status,
        phone);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGender() {
    return gender;
  }

  public void setGender(String gender) {
    this.gender = gender;
  }

  public String getEthnicity() {
    return ethnicity;
  }

  public void setEthnicity(String ethnicity) {
    this.ethnicity = ethnicity;
  }

  public String getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(String birthDate) {
    this.birthDate = birthDate;
  }

  public String getResidentId() {
    return residentId;
  }

  public void setResidentId(String residentId) {
    this.residentId = residentId;
  }

  public String getEducation() {
    return education;
  }

  public void setEducation(String education) {
    this.education = education;
  }

  public String getJoinDate() {
    return joinDate;
  }

  public void setJoinDate(String joinDate) {
    this.joinDate = joinDate;
  }

  public String getMembership() {
    return membership;
  }

  public void setMembership(String membership) {
    this.membership = membership;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
