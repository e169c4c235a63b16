package xuanju.core.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;

/**
 * One person, one registration (每一选民只能在一个选区进行选民登记), and the lawful grounds of registration.
 *
 * <p>The caller gives the registrations already recorded in the same register (the same kind of
 * election and cycle, across the installation) as a look-up by resident ID number, so that a
 * database can answer it. A person registered elsewhere is refused with the place where they are
 * registered; moving a registration is done by removing it from the old district first (迁出, see
 * {@link CarryOver}).
 */
public final class Registrations {
  private Registrations() {}

  /** Checks one request against the existing registrations held in a map by ID number. */
  public static RegistrationCheck check(Registration request, Map<String, Registration> existing) {
    return check(request, id -> Optional.ofNullable(existing.get(id)));
  }

  /**
   * Checks one request.
   *
   * @param existing the person's current registration in this register, by resident ID number
   */
  public static RegistrationCheck check(
      Registration request, Function<String, Optional<Registration>> existing) {
    return check(request, existing, "registration");
  }

  /**
   * Checks a batch (an import), each request against the existing registrations and against the
   * earlier requests of the batch. Field paths are {@code registrations[i].…}.
   */
  public static List<RegistrationCheck> checkAll(
      List<Registration> batch, Function<String, Optional<Registration>> existing) {
    Map<String, Integer> firstRow = new HashMap<>();
    List<RegistrationCheck> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Registration r = batch.get(i);
      String path = "registrations[" + i + "]";
      RegistrationCheck c = check(r, existing, path);
      Integer first = firstRow.putIfAbsent(r.residentId(), i);
      if (first != null) {
        List<Finding> all = new ArrayList<>(c.findings().all());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("firstRow", first);
        f.put("row", i);
        all.add(
            new Finding(
                RegisterRule.DUPLICATE_IN_BATCH,
                List.of(path + ".residentId"),
                f,
                r.labelZh()
                    + "在本批第"
                    + (first + 1)
                    + "条已出现，第"
                    + (i + 1)
                    + "条重复（每一选民只能在一个选区进行选民登记）"));
        c = new RegistrationCheck(r, c.existing(), Findings.of(all));
      }
      out.add(c);
    }
    return List.copyOf(out);
  }

  /** Checks a batch against existing registrations held in a map by ID number. */
  public static List<RegistrationCheck> checkAll(
      List<Registration> batch, Map<String, Registration> existing) {
    return checkAll(batch, id -> Optional.ofNullable(existing.get(id)));
  }

  private static RegistrationCheck check(
      Registration request, Function<String, Optional<Registration>> lookup, String path) {
    if (request == null) {
      throw new InvalidInputException(path, "缺少选民登记");
    }
    List<Finding> out = new ArrayList<>();
    Optional<Registration> existing = lookup.apply(request.residentId());
    String who = request.labelZh();
    if (existing.isPresent()) {
      Registration e = existing.get();
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("existingUnit", e.place().unitName());
      f.put("existingDistrict", e.place().districtName());
      f.put("existingBasis", e.basis().labelZh());
      f.put("existingRegisteredOn", e.registeredOn().toString());
      f.put("requestedUnit", request.place().unitName());
      f.put("requestedDistrict", request.place().districtName());
      if (e.place().sameDistrict(request.place())) {
        out.add(
            new Finding(
                RegisterRule.REGISTERED_HERE,
                List.of(path + ".residentId"),
                f,
                who + "已于" + e.registeredOn() + "在" + e.place().labelZh() + "登记为选民，不能重复登记"));
      } else {
        out.add(
            new Finding(
                RegisterRule.REGISTERED_ELSEWHERE,
                List.of(path + ".residentId"),
                f,
                who
                    + "已于"
                    + e.registeredOn()
                    + "在"
                    + e.place().labelZh()
                    + "登记为选民（登记依据："
                    + e.basis().labelZh()
                    + "），不能再在"
                    + request.place().labelZh()
                    + "登记；每一选民只能在一个选区进行选民登记，如已迁入，须先由"
                    + e.place().labelZh()
                    + "办理迁出"));
      }
    }
    out.addAll(basisFindings(request, path));
    return new RegistrationCheck(request, existing, Findings.of(out));
  }

  private static List<Finding> basisFindings(Registration r, String path) {
    String who = r.labelZh();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("basis", r.basis().labelZh());
    f.put("district", r.place().labelZh());
    switch (r.basis()) {
      case RESIDENCE_WITH_CERTIFICATE -> {
        VoterCertificate c = r.certificate();
        List<String> missing = new ArrayList<>();
        if (c == null || c.issuer().isEmpty()) {
          missing.add("出具单位");
        }
        if (c == null || c.number().isEmpty()) {
          missing.add("证明编号");
        }
        if (c == null || c.issuedOn() == null) {
          missing.add("出具日期");
        }
        if (!missing.isEmpty()) {
          f.put("missing", String.join("、", missing));
          return List.of(
              new Finding(
                  RegisterRule.CERTIFICATE_MISSING,
                  List.of(path + ".certificate"),
                  f,
                  who
                      + "在现居住地"
                      + r.place().labelZh()
                      + "登记，须凭户籍所在地开具的选民资格证明；"
                      + (c == null ? "未提供证明" : "证明缺少" + String.join("、", missing))));
        }
        f.put("issuer", c.issuer());
        f.put("number", c.number());
        f.put("issuedOn", c.issuedOn().toString());
        if (c.issuedOn().isAfter(r.registeredOn())) {
          f.put("registeredOn", r.registeredOn().toString());
          return List.of(
              new Finding(
                  RegisterRule.CERTIFICATE_DATE,
                  List.of(path + ".certificate.issuedOn"),
                  f,
                  who + "的选民资格证明出具日期" + c.issuedOn() + "晚于登记日期" + r.registeredOn() + "，应先取得证明再登记"));
        }
        return List.of(
            new Finding(
                RegisterRule.BASIS_RESIDENCE_CERTIFICATE,
                List.of(path + ".certificate"),
                f,
                who + "凭" + c.labelZh() + "开具的选民资格证明在现居住地" + r.place().labelZh() + "登记"));
      }
      case WORKPLACE -> {
        if (r.workplace().isEmpty()) {
          return List.of(
              new Finding(
                  RegisterRule.WORKPLACE_MISSING,
                  List.of(path + ".workplace"),
                  f,
                  who + "按工作单位在" + r.place().labelZh() + "登记，但未写明工作单位"));
        }
        f.put("workplace", r.workplace());
        return List.of(
            new Finding(
                RegisterRule.BASIS_WORKPLACE,
                List.of(path + ".workplace"),
                f,
                who + "按工作单位（" + r.workplace() + "）在" + r.place().labelZh() + "登记"));
      }
      case COMMITTEE_DECISION -> {
        if (r.decisionRef().isEmpty()) {
          return List.of(
              new Finding(
                  RegisterRule.DECISION_MISSING,
                  List.of(path + ".decisionRef"),
                  f,
                  who + "按选举委员会决定在" + r.place().labelZh() + "登记，但未记录决定的文号或日期"));
        }
        f.put("decisionRef", r.decisionRef());
        return List.of(
            new Finding(
                RegisterRule.BASIS_COMMITTEE_DECISION,
                List.of(path + ".decisionRef"),
                f,
                who + "经选举委员会决定（" + r.decisionRef() + "）在" + r.place().labelZh() + "登记"));
      }
      default -> {
        return List.of(
            new Finding(
                r.basis().rule(),
                List.of(path + ".basis"),
                f,
                who + "按" + r.basis().labelZh() + "在" + r.place().labelZh() + "登记"));
      }
    }
  }
}
