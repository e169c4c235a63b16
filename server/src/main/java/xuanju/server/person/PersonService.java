package xuanju.server.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.register.Resident;
import xuanju.core.register.ResidentCheck;
import xuanju.core.register.ResidentField;
import xuanju.core.register.Residents;
import xuanju.core.rule.Finding;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.Organisation;
import xuanju.server.organisation.OrganisationService;

/**
 * The person register of the organisations (居民名册): search, detail, hand edits, death and the
 * legal-status records. Every method checks access first ({@link AccessService#require}: VIEW to
 * read, MANAGE to change, on the organisation that keeps the person) and audits every change in the
 * same transaction; audit texts carry names and masked ID numbers only.
 */
@Service
public class PersonService {
  private final PersonRepository people;
  private final OrganisationService organisations;
  private final AccessService access;
  private final AuditLog audit;
  private final Clock clock;

  public PersonService(
      PersonRepository people,
      OrganisationService organisations,
      AccessService access,
      AuditLog audit,
      Clock clock) {
    this.people = people;
    this.organisations = organisations;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- reading

  /** The organisations the signed-in user may see, in id order. */
  @Transactional(readOnly = true)
  public List<Organisation> visibleOrganisations() {
    Set<Long> visible =
        access.visibleOrganisations(
            AccessService.currentUser(), AccessService.currentIsAdmin(), Permission.VIEW);
    return organisations.all().stream().filter(o -> visible.contains(o.id())).toList();
  }

  /** The organisation, after checking the user may VIEW it. */
  @Transactional(readOnly = true)
  public Organisation organisation(long organisationId) {
    access.require(organisationId, Permission.VIEW);
    return organisationOf(organisationId);
  }

  /** Whether the signed-in user may change the organisation's register (shows or hides buttons). */
  public boolean canManage(long organisationId) {
    return access.allowed(
        AccessService.currentUser(),
        AccessService.currentIsAdmin(),
        organisationId,
        Permission.MANAGE);
  }

  /** A page of people (VIEW on every organisation of the query; null = those visible). */
  @Transactional(readOnly = true)
  public List<Person> page(PersonQuery q, int page, int size) {
    PersonQuery checked = checked(q);
    int s = Math.max(1, Math.min(500, size));
    return people.page(checked, (long) Math.max(0, page) * s, s);
  }

  /** How many people match (VIEW). */
  @Transactional(readOnly = true)
  public long count(PersonQuery q) {
    return people.count(checked(q));
  }

  /** The units and groups of an organisation with their counts (VIEW), in list order. */
  @Transactional(readOnly = true)
  public List<PersonRepository.GroupCount> groups(long organisationId) {
    access.require(organisationId, Permission.VIEW);
    return people.groups(PersonQuery.of(organisationId));
  }

  /** One person (VIEW on the organisation that keeps them). */
  @Transactional(readOnly = true)
  public Person person(long personId) {
    Person p = people.find(personId).orElseThrow(() -> new NoSuchElementException("居民名册中没有此人"));
    access.require(p.organisationId(), Permission.VIEW);
    return p;
  }

  /** The legal-status records of a person (VIEW). */
  @Transactional(readOnly = true)
  public List<LegalStatusRecord> legalStatusRecords(long personId) {
    person(personId);
    return people.legalStatusRecords(personId);
  }

  /** One legal-status record of a person (VIEW). */
  @Transactional(readOnly = true)
  public LegalStatusRecord legalStatusRecord(long personId, long statusId) {
    person(personId);
    return people
        .findStatus(statusId)
        .filter(r -> r.personId() == personId)
        .orElseThrow(() -> new NoSuchElementException("没有这条记录"));
  }

  private PersonQuery checked(PersonQuery q) {
    if (q.organisations() == null) {
      Set<Long> visible =
          access.visibleOrganisations(
              AccessService.currentUser(), AccessService.currentIsAdmin(), Permission.VIEW);
      return new PersonQuery(visible, q.text(), q.unit(), q.group());
    }
    for (long o : q.organisations()) {
      access.require(o, Permission.VIEW);
    }
    return q;
  }

  // ---------------------------------------------------------------- hand edits

  /** Adds a person by hand (新增居民) to the organisation's register (MANAGE). */
  @Transactional
  public PersonSaveResult create(long organisationId, PersonForm form) {
    access.require(organisationId, Permission.MANAGE);
    Organisation org = organisationOf(organisationId);
    Checked c = check(form, null);
    if (c.result != null) {
      return c.result;
    }
    Resident r = c.resident;
    long id;
    try {
      id = people.insert(organisationId, form.getUnit().strip(), r, partyLink(r), clock.instant());
    } catch (DuplicateKeyException e) {
      return PersonSaveResult.invalid(Map.of(ResidentField.RESIDENT_ID.key(), "该公民身份号码已被他人同时录入"));
    }
    audit.append(
        AccessService.currentUser(),
        "PERSON_CREATED",
        "person:" + id,
        "新增居民「"
            + r.name()
            + "」（"
            + r.id().masked()
            + "），组织「"
            + org.name()
            + "」"
            + place(form.getUnit().strip(), r.group()));
    return PersonSaveResult.ok(id, c.warnings);
  }

  /** Edits a person (修改居民信息) if unchanged since {@code version} was read (MANAGE). */
  @Transactional
  public PersonSaveResult update(long personId, int version, PersonForm form) {
    Person before = manage(personId);
    Checked c = check(form, personId);
    if (c.result != null) {
      return c.result;
    }
    Resident r = c.resident;
    boolean done;
    try {
      done =
          people.update(
              personId, version, form.getUnit().strip(), r, partyLink(r), clock.instant());
    } catch (DuplicateKeyException e) {
      return PersonSaveResult.invalid(Map.of(ResidentField.RESIDENT_ID.key(), "该公民身份号码已被他人同时录入"));
    }
    if (!done) {
      return PersonSaveResult.refused("该居民信息已被他人修改，请刷新后重试");
    }
    Person after = people.find(personId).orElseThrow();
    String diff = diff(before, after);
    audit.append(
        AccessService.currentUser(),
        "PERSON_UPDATED",
        "person:" + personId,
        "修改居民「"
            + before.name()
            + "」（"
            + before.maskedResidentId()
            + "）："
            + (diff.isEmpty() ? "无变化" : diff));
    return PersonSaveResult.ok(personId, c.warnings);
  }

  /**
   * Records the day of death (登记死亡), or clears it with null (撤销死亡登记), if the person is unchanged
   * since {@code version} (MANAGE). The day may not be in the future or before birth.
   */
  @Transactional
  public PersonSaveResult markDeath(long personId, int version, LocalDate diedOn) {
    Person p = manage(personId);
    LocalDate today = LocalDate.now(clock);
    if (diedOn != null && diedOn.isAfter(today)) {
      return PersonSaveResult.invalid(Map.of("diedOn", "死亡日期 " + diedOn + " 晚于今天，不能登记"));
    }
    if (diedOn != null && diedOn.isBefore(p.birthDate())) {
      return PersonSaveResult.invalid(
          Map.of("diedOn", "死亡日期 " + diedOn + " 早于出生日期 " + p.birthDate()));
    }
    if (!people.markDeath(personId, version, diedOn, clock.instant())) {
      return PersonSaveResult.refused("该居民信息已被他人修改，请刷新后重试");
    }
    audit.append(
        AccessService.currentUser(),
        diedOn == null ? "PERSON_DEATH_CLEARED" : "PERSON_DIED",
        "person:" + personId,
        diedOn == null
            ? "撤销居民「" + p.name() + "」（" + p.maskedResidentId() + "）的死亡登记（原为" + p.diedOn() + "）"
            : "登记居民「" + p.name() + "」（" + p.maskedResidentId() + "）死亡，死亡日期 " + diedOn);
    return PersonSaveResult.ok(personId, List.of());
  }

  // ---------------------------------------------------------------- legal status

  /** Records a legal-status record for a person (MANAGE). */
  @Transactional
  public PersonSaveResult addLegalStatus(long personId, LegalStatusForm form) {
    Person p = manage(personId);
    LegalStatusForms.Parsed parsed = LegalStatusForms.parse(form, personId, 0);
    if (!parsed.errors().isEmpty()) {
      return PersonSaveResult.invalid(parsed.errors());
    }
    LegalStatusRecord r = parsed.record(AccessService.currentUser(), clock.instant());
    long id = people.insertStatus(r);
    audit.append(
        AccessService.currentUser(),
        "PERSON_LEGAL_STATUS_ADDED",
        "person:" + personId,
        "记录居民「" + p.name() + "」（" + p.maskedResidentId() + "）：" + r.describeZh());
    return PersonSaveResult.ok(id, List.of());
  }

  /** Changes a legal-status record (MANAGE). */
  @Transactional
  public PersonSaveResult updateLegalStatus(long personId, long statusId, LegalStatusForm form) {
    Person p = manage(personId);
    LegalStatusRecord before = legalStatusRecord(personId, statusId);
    LegalStatusForms.Parsed parsed = LegalStatusForms.parse(form, personId, statusId);
    if (!parsed.errors().isEmpty()) {
      return PersonSaveResult.invalid(parsed.errors());
    }
    LegalStatusRecord r = parsed.record(AccessService.currentUser(), clock.instant());
    people.updateStatus(r);
    audit.append(
        AccessService.currentUser(),
        "PERSON_LEGAL_STATUS_UPDATED",
        "person:" + personId,
        "修改居民「"
            + p.name()
            + "」（"
            + p.maskedResidentId()
            + "）的记录：原为“"
            + before.describeZh()
            + "”，改为“"
            + r.describeZh()
            + "”");
    return PersonSaveResult.ok(statusId, List.of());
  }

  /** Removes a legal-status record recorded in error (MANAGE). */
  @Transactional
  public PersonSaveResult deleteLegalStatus(long personId, long statusId) {
    Person p = manage(personId);
    LegalStatusRecord before = legalStatusRecord(personId, statusId);
    people.deleteStatus(statusId);
    audit.append(
        AccessService.currentUser(),
        "PERSON_LEGAL_STATUS_DELETED",
        "person:" + personId,
        "删除居民「" + p.name() + "」（" + p.maskedResidentId() + "）的记录：" + before.describeZh());
    return PersonSaveResult.ok(statusId, List.of());
  }

  // ---------------------------------------------------------------- helpers

  /** The organisation, without an access check. */
  Organisation organisationOf(long organisationId) {
    return organisations.all().stream()
        .filter(o -> o.id() == organisationId)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("组织不存在：" + organisationId));
  }

  private Person manage(long personId) {
    Person p = people.find(personId).orElseThrow(() -> new NoSuchElementException("居民名册中没有此人"));
    access.require(p.organisationId(), Permission.MANAGE);
    return p;
  }

  private record Checked(Resident resident, List<String> warnings, PersonSaveResult result) {}

  /** The core check of the form, the lengths of this server's columns, and the ID's holder. */
  private Checked check(PersonForm form, Long self) {
    ResidentCheck check = Residents.validate(form.toInput(), LocalDate.now(clock));
    Map<String, String> errors = new LinkedHashMap<>();
    for (Finding f : check.findings().errors()) {
      errors.merge(f.fields().get(0), f.messageZh(), (a, b) -> a + "；" + b);
    }
    String unit = form.getUnit().strip();
    if (unit.codePointCount(0, unit.length()) > PersonColumns.UNIT_MAX) {
      errors.put("unit", PersonColumns.UNIT_HEADER + "不能超过" + PersonColumns.UNIT_MAX + "个字");
    }
    Resident r = check.resident().orElse(null);
    if (r != null && r.group().codePointCount(0, r.group().length()) > PersonColumns.GROUP_MAX) {
      errors.put(ResidentField.GROUP.key(), "居民小组不能超过" + PersonColumns.GROUP_MAX + "个字");
    }
    if (r != null && PersonRepository.tagsText(r).length() > PersonColumns.TAGS_MAX) {
      errors.put(ResidentField.TAGS.key(), "标签合计不能超过" + PersonColumns.TAGS_MAX + "个字");
    }
    if (errors.isEmpty() && r != null) {
      PersonRepository.Holder h = people.holders(List.of(r.idNumber())).get(r.idNumber());
      if (h != null && (self == null || h.personId() != self)) {
        errors.put(
            ResidentField.RESIDENT_ID.key(),
            "该公民身份号码已在" + h.whereZh() + "的居民名册中（" + h.name() + "），一人只能登记一次");
      }
    }
    List<String> warnings = check.findings().warnings().stream().map(Finding::messageZh).toList();
    if (!errors.isEmpty()) {
      return new Checked(
          null, warnings, new PersonSaveResult(false, 0, errors, "请改正标出的项目后再保存", warnings));
    }
    return new Checked(r, warnings, null);
  }

  /** The party-roster entry of the person's ID number when the political status allows it. */
  private Long partyLink(Resident r) {
    if (r.politicalStatus() != null && !r.politicalStatus().cpc()) {
      return null;
    }
    return people.partyMemberOf(r.idNumber()).orElse(null);
  }

  private static String place(String unit, String group) {
    return unit.isEmpty() && group.isEmpty() ? "" : "，" + unit + group;
  }

  /** {@code 住址 甲→乙；居民小组 一组→二组} (ID masked). */
  static String diff(Person a, Person b) {
    List<String> parts = new ArrayList<>();
    diff(parts, "村/社区/单位", a.unit(), b.unit());
    diff(parts, "居民小组", a.group(), b.group());
    diff(parts, "户号", a.household(), b.household());
    diff(parts, "姓名", a.name(), b.name());
    diff(parts, "公民身份号码", a.maskedResidentId(), b.maskedResidentId());
    if (!a.residentId().equals(b.residentId())
        && a.maskedResidentId().equals(b.maskedResidentId())) {
      parts.add("公民身份号码 已修改");
    }
    diff(parts, "民族", String.valueOf(a.ethnicity()), String.valueOf(b.ethnicity()));
    diff(parts, "住址", a.address(), b.address());
    diff(parts, "户籍地", a.hukouPlace(), b.hukouPlace());
    diff(parts, "现居住地", a.residencePlace(), b.residencePlace());
    diff(parts, "工作单位", a.workplace(), b.workplace());
    diff(
        parts,
        "政治面貌",
        a.politicalStatus() == null ? "未填" : a.politicalStatus().labelZh(),
        b.politicalStatus() == null ? "未填" : b.politicalStatus().labelZh());
    diff(
        parts,
        "身份类别",
        a.occupation() == null ? "未填" : a.occupation().labelZh(),
        b.occupation() == null ? "未填" : b.occupation().labelZh());
    diff(parts, "标签", a.tagsText(), b.tagsText());
    return String.join("；", parts);
  }

  private static void diff(List<String> parts, String label, String a, String b) {
    if (!a.equals(b)) {
      parts.add(label + " " + (a.isEmpty() ? "（空）" : a) + "→" + (b.isEmpty() ? "（空）" : b));
    }
  }
}
