package xuanju.server.person;

import java.util.EnumMap;
import java.util.Map;
import xuanju.core.register.ResidentField;
import xuanju.core.register.ResidentInput;

/** The add/edit form of a person (居民信息表单), all text, bound by Spring MVC. */
public class PersonForm {
  private String unit = "";
  private String group = "";
  private String household = "";
  private String name = "";
  private String residentId = "";
  private String ethnicity = "";
  private String address = "";
  private String hukouPlace = "";
  private String residencePlace = "";
  private String workplace = "";
  private String politicalStatus = "";
  private String occupation = "";
  private String tags = "";
  private int version;

  /** The form filled from a stored person. */
  public static PersonForm of(Person p) {
    PersonForm f = new PersonForm();
    f.unit = p.unit();
    f.group = p.group();
    f.household = p.household();
    f.name = p.name();
    f.residentId = p.residentId();
    f.ethnicity = p.ethnicity() == null ? "" : p.ethnicity();
    f.address = p.address();
    f.hukouPlace = p.hukouPlace();
    f.residencePlace = p.residencePlace();
    f.workplace = p.workplace();
    f.politicalStatus = p.politicalStatus() == null ? "" : p.politicalStatus().labelZh();
    f.occupation = p.occupation() == null ? "" : p.occupation().labelZh();
    f.tags = p.tagsText();
    f.version = p.version();
    return f;
  }

  /** The core input of the fields other than the unit. */
  public ResidentInput toInput() {
    Map<ResidentField, String> v = new EnumMap<>(ResidentField.class);
    v.put(ResidentField.NAME, name);
    v.put(ResidentField.RESIDENT_ID, residentId);
    v.put(ResidentField.ETHNICITY, ethnicity);
    v.put(ResidentField.ADDRESS, address);
    v.put(ResidentField.HUKOU_PLACE, hukouPlace);
    v.put(ResidentField.RESIDENCE_PLACE, residencePlace);
    v.put(ResidentField.GROUP, group);
    v.put(ResidentField.HOUSEHOLD, household);
    v.put(ResidentField.WORKPLACE, workplace);
    v.put(ResidentField.POLITICAL_STATUS, politicalStatus);
    v.put(ResidentField.OCCUPATION, occupation);
    v.put(ResidentField.TAGS, tags);
    return new ResidentInput(v);
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = s(unit);
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = s(group);
  }

  /** 户号. */
  public String getHousehold() {
    return household;
  }

  public void setHousehold(String household) {
    this.household = s(household);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = s(name);
  }

  public String getResidentId() {
    return residentId;
  }

  public void setResidentId(String residentId) {
    this.residentId = s(residentId);
  }

  public String getEthnicity() {
    return ethnicity;
  }

  public void setEthnicity(String ethnicity) {
    this.ethnicity = s(ethnicity);
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = s(address);
  }

  public String getHukouPlace() {
    return hukouPlace;
  }

  public void setHukouPlace(String hukouPlace) {
    this.hukouPlace = s(hukouPlace);
  }

  public String getResidencePlace() {
    return residencePlace;
  }

  public void setResidencePlace(String residencePlace) {
    this.residencePlace = s(residencePlace);
  }

  public String getWorkplace() {
    return workplace;
  }

  public void setWorkplace(String workplace) {
    this.workplace = s(workplace);
  }

  public String getPoliticalStatus() {
    return politicalStatus;
  }

  public void setPoliticalStatus(String politicalStatus) {
    this.politicalStatus = s(politicalStatus);
  }

  public String getOccupation() {
    return occupation;
  }

  public void setOccupation(String occupation) {
    this.occupation = s(occupation);
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = s(tags);
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
