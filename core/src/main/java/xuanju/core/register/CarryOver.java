package xuanju.core.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * Carries the register over to a new cycle (选民登记结转), 选举法 第二十七条: "经登记确认的选民资格长期有效。每次选举前对上次选民登记以后
 * 新满十八周岁的、被剥夺政治权利期满后恢复政治权利的选民，予以登记。对选民经登记后迁出原选区的，列入新迁入的选区的选民名单；对死亡的和依照法律被剥夺政治权利的人， 从选民名单上除名。"
 *
 * <p>For each voter of the previous register, in this order: a recorded death → 死亡; deprived on the
 * new election day → 被剥夺政治权利; confirmed incapacity → 不能行使选举权利; under 18 (a wrong previous entry) →
 * 其他减少; no district now → 迁出; another district of the unit → 迁出 there and 迁入 here; otherwise kept.
 * A voter missing from the population data is kept (the status is long-term valid) with a warning.
 *
 * <p>For each person of the population not in the previous register, alive, with a district and a
 * voter on the new election day: 18th birthday after the previous election day → 新满十八周岁; deprived
 * at the previous election day or since → 恢复政治权利; {@code movedInFrom} given → 迁入; else 其他增加.
 *
 * <p>Each district's summary counts its previous and new registers independently of the changes, so
 * previous + 增 − 减 = new is a real check ({@link RegisterRule#BALANCE}).
 */
public final class CarryOver {
  private CarryOver() {}

  /** Computes with the default leap-day rule. */
  public static CarryOverResult compute(
      List<Registration> previous,
      LocalDate previousElectionDay,
      List<PopulationRecord> population,
      LocalDate electionDay,
      LocalDate registeredOn) {
    return compute(
        previous,
        previousElectionDay,
        population,
        electionDay,
        registeredOn,
        LeapDayBirthday.FEB_28);
  }

  /**
   * Computes the new register, its changes and the 增减 summary.
   *
   * @param previous the previous cycle's register
   * @param previousElectionDay the previous cycle's election day
   * @param population what is known of the people now
   * @param electionDay the new election day (eligibility is decided for it)
   * @param registeredOn the registration day recorded for additions
   * @throws InvalidInputException for a missing argument, a resident ID twice in either list, or a
   *     previous election day not before the new one
   */
  public static CarryOverResult compute(
      List<Registration> previous,
      LocalDate previousElectionDay,
      List<PopulationRecord> population,
      LocalDate electionDay,
      LocalDate registeredOn,
      LeapDayBirthday leapDay) {
    require(previous, "previous", "缺少上届选民名单");
    require(population, "population", "缺少本届人口信息");
    require(previousElectionDay, "previousElectionDay", "缺少上届选举日");
    require(electionDay, "electionDay", "缺少本届选举日");
    require(registeredOn, "registeredOn", "缺少登记日期");
    Objects.requireNonNull(leapDay, "leapDay");
    if (!previousElectionDay.isBefore(electionDay)) {
      throw new InvalidInputException(
          "previousElectionDay", "上届选举日 " + previousElectionDay + " 应早于本届选举日 " + electionDay);
    }
    Map<String, Integer> prevIndex = new HashMap<>();
    for (int i = 0; i < previous.size(); i++) {
      Integer first = prevIndex.putIfAbsent(previous.get(i).residentId(), i);
      if (first != null) {
        throw new InvalidInputException(
            "previous[" + i + "].residentId",
            previous.get(i).labelZh() + "在上届选民名单中出现两次（第" + (first + 1) + "条和第" + (i + 1) + "条）");
      }
    }
    Map<String, PopulationRecord> pop = new HashMap<>();
    for (int i = 0; i < population.size(); i++) {
      PopulationRecord r = population.get(i);
      if (pop.putIfAbsent(r.idNumber(), r) != null) {
        throw new InvalidInputException(
            "population[" + i + "].residentId", r.resident().labelZh() + "在本届人口信息中出现两次");
      }
    }

    List<Registration> register = new ArrayList<>();
    List<RegisterChange> changes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    int kept = 0;
    int moved = 0;

    for (int i = 0; i < previous.size(); i++) {
      Registration p = previous.get(i);
      PopulationRecord rec = pop.get(p.residentId());
      if (rec == null) {
        register.add(p);
        kept++;
        findings.add(
            new Finding(
                RegisterRule.UNACCOUNTED,
                List.of("previous[" + i + "]"),
                Map.of("district", p.place().labelZh()),
                p.labelZh() + "在上届" + p.place().labelZh() + "选民名单中，但本次人口信息中没有记录；暂予保留，请核实是否迁出或死亡"));
        continue;
      }
      String who = rec.resident().labelZh();
      if (rec.deathDate() != null) {
        changes.add(
            change(
                p,
                p.place(),
                ChangeReason.DEATH,
                who + "已于" + rec.deathDate() + "死亡，从" + p.place().labelZh() + "选民名单上除名",
                Map.of("deathDate", rec.deathDate().toString())));
        continue;
      }
      EligibilityResult e = Eligibility.decide(rec.resident(), rec.status(), electionDay, leapDay);
      switch (e.status()) {
        case DEPRIVED -> {
          changes.add(
              change(
                  p,
                  p.place(),
                  ChangeReason.DEPRIVED,
                  e.messageZh() + "；从" + p.place().labelZh() + "选民名单上除名",
                  e.reason().facts()));
          continue;
        }
        case INCAPACITY -> {
          changes.add(
              change(p, p.place(), ChangeReason.INCAPACITY, e.messageZh(), e.reason().facts()));
          continue;
        }
        case UNDER_18 -> {
          RegisterChange c =
              change(
                  p,
                  p.place(),
                  ChangeReason.OTHER_REMOVED,
                  e.messageZh() + "；上届登记有误，从" + p.place().labelZh() + "选民名单上除名",
                  e.reason().facts());
          changes.add(c);
          findings.add(c.finding());
          continue;
        }
        case ELIGIBLE -> {
          // handled below
        }
      }
      if (rec.place() == null) {
        changes.add(
            change(
                p,
                p.place(),
                ChangeReason.MOVED_OUT,
                who + "已迁出" + p.place().unitName() + "，从" + p.place().labelZh() + "选民名单中移出",
                Map.of()));
      } else if (!rec.place().sameDistrict(p.place())) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("from", p.place().labelZh());
        f.put("to", rec.place().labelZh());
        changes.add(
            change(
                p,
                p.place(),
                ChangeReason.MOVED_OUT,
                who + "由" + p.place().labelZh() + "迁至" + rec.place().labelZh() + "，从原选区选民名单中移出",
                f));
        changes.add(
            change(
                p,
                rec.place(),
                ChangeReason.MOVED_IN,
                who + "由" + p.place().labelZh() + "迁入" + rec.place().labelZh() + "，列入新迁入选区的选民名单",
                f));
        register.add(p.movedTo(rec.place()));
        moved++;
      } else {
        register.add(p);
        kept++;
      }
    }

    for (PopulationRecord rec : population) {
      if (prevIndex.containsKey(rec.idNumber()) || rec.deathDate() != null || rec.place() == null) {
        continue;
      }
      EligibilityResult e = Eligibility.decide(rec.resident(), rec.status(), electionDay, leapDay);
      if (!e.eligible()) {
        continue;
      }
      Resident r = rec.resident();
      String who = r.labelZh();
      String where = rec.place().labelZh();
      Registration reg =
          new Registration(
              r.idNumber(),
              r.name(),
              rec.place(),
              rec.basis(),
              rec.certificate(),
              rec.basis() == RegistrationBasis.WORKPLACE ? r.workplace() : "",
              "",
              registeredOn);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("birthDate", r.birthDate().toString());
      f.put("eighteenthBirthday", e.eighteenthBirthday().toString());
      f.put("previousElectionDay", previousElectionDay.toString());
      f.put("electionDay", electionDay.toString());
      ChangeReason reason;
      String text;
      LocalDate restoredFrom = restoredSince(rec.status(), previousElectionDay, electionDay);
      if (e.eighteenthBirthday().isAfter(previousElectionDay)) {
        reason = ChangeReason.NEW_ADULT;
        text =
            who
                + "于"
                + e.eighteenthBirthday()
                + "年满十八周岁（上次选举日"
                + previousElectionDay
                + "后），列入"
                + where
                + "选民名单";
      } else if (restoredFrom != null) {
        reason = ChangeReason.RESTORED;
        f.put("restoredOn", restoredFrom.toString());
        text = who + "被剥夺政治权利期满，自" + restoredFrom + "起恢复政治权利，列入" + where + "选民名单";
      } else if (!rec.movedInFrom().isEmpty()) {
        reason = ChangeReason.MOVED_IN;
        f.put("from", rec.movedInFrom());
        text = who + "由" + rec.movedInFrom() + "迁入" + where + "，列入选民名单";
      } else {
        reason = ChangeReason.OTHER_ADDED;
        Incapacity inc = rec.status().incapacity();
        boolean lifted = inc != null && inc.endedBy(electionDay);
        text =
            who
                + (lifted ? "不能行使选举权利的情形已于" + inc.endedOn() + "消除" : "上届未登记（如漏登）")
                + "，列入"
                + where
                + "选民名单";
      }
      changes.add(change(reg, rec.place(), reason, text, f));
      register.add(reg);
    }

    Map<String, Object> keptFacts = new LinkedHashMap<>();
    keptFacts.put("carriedOver", kept);
    keptFacts.put("movedBetweenDistricts", moved);
    findings.add(
        new Finding(
            RegisterRule.CARRIED_OVER,
            List.of("register"),
            keptFacts,
            "上届登记的" + kept + "名选民在原选区继续列入本届选民名单，" + moved + "名选民转入本届其他选区（经登记确认的选民资格长期有效）"));
    List<DistrictSummary> districts = summarise(previous, register, changes);
    DistrictSummary total = totalOf(previous.size(), register.size(), changes);
    for (DistrictSummary d : districts) {
      checkBalance(d, findings);
    }
    checkBalance(total, findings);
    return new CarryOverResult(
        register, changes, districts, total, kept, moved, Findings.of(findings));
  }

  /**
   * The day rights were restored, if a deprivation in force at or after the previous election ended
   * before the new one.
   */
  private static LocalDate restoredSince(LegalStatus s, LocalDate previousDay, LocalDate newDay) {
    LocalDate out = null;
    for (Deprivation d : s.deprivations()) {
      if (d.until() != null && !d.until().isBefore(previousDay) && d.until().isBefore(newDay)) {
        LocalDate restored = d.until().plusDays(1);
        if (out == null || restored.isAfter(out)) {
          out = restored;
        }
      }
    }
    return out;
  }

  private static RegisterChange change(
      Registration r,
      RegistrationPlace place,
      ChangeReason reason,
      String text,
      Map<String, Object> facts) {
    Map<String, Object> f = new LinkedHashMap<>(facts);
    f.put("district", place.labelZh());
    f.put("reason", reason.labelZh());
    return new RegisterChange(
        r.residentId(),
        r.name(),
        place,
        reason,
        new Finding(reason.rule(), List.of("register." + r.residentId()), f, text));
  }

  private static String key(RegistrationPlace p) {
    return p.unitId() + "\u0000" + p.districtId();
  }

  private static List<DistrictSummary> summarise(
      List<Registration> previous, List<Registration> register, List<RegisterChange> changes) {
    Map<String, RegistrationPlace> places = new HashMap<>();
    Map<String, int[]> prevCount = new HashMap<>();
    Map<String, int[]> newCount = new HashMap<>();
    Map<String, Map<ChangeReason, Integer>> counts = new HashMap<>();
    for (Registration r : previous) {
      places.putIfAbsent(key(r.place()), r.place());
      prevCount.computeIfAbsent(key(r.place()), k -> new int[1])[0]++;
    }
    for (Registration r : register) {
      places.putIfAbsent(key(r.place()), r.place());
      newCount.computeIfAbsent(key(r.place()), k -> new int[1])[0]++;
    }
    for (RegisterChange c : changes) {
      places.putIfAbsent(key(c.place()), c.place());
      counts
          .computeIfAbsent(key(c.place()), k -> new EnumMap<>(ChangeReason.class))
          .merge(c.reason(), 1, Integer::sum);
    }
    List<DistrictSummary> out = new ArrayList<>();
    Map<String, RegistrationPlace> sorted = new TreeMap<>(places);
    for (Map.Entry<String, RegistrationPlace> e : sorted.entrySet()) {
      Map<ChangeReason, Integer> c = counts.getOrDefault(e.getKey(), Map.of());
      out.add(
          new DistrictSummary(
              e.getValue(),
              prevCount.getOrDefault(e.getKey(), new int[1])[0],
              only(c, true),
              only(c, false),
              newCount.getOrDefault(e.getKey(), new int[1])[0]));
    }
    out.sort(
        Comparator.comparing((DistrictSummary d) -> d.place().unitId())
            .thenComparing(d -> d.place().districtId()));
    return out;
  }

  private static DistrictSummary totalOf(int previous, int now, List<RegisterChange> changes) {
    Map<ChangeReason, Integer> c = new EnumMap<>(ChangeReason.class);
    for (RegisterChange ch : changes) {
      c.merge(ch.reason(), 1, Integer::sum);
    }
    return new DistrictSummary(null, previous, only(c, true), only(c, false), now);
  }

  private static Map<ChangeReason, Integer> only(Map<ChangeReason, Integer> c, boolean add) {
    Map<ChangeReason, Integer> m = new EnumMap<>(ChangeReason.class);
    c.forEach(
        (k, v) -> {
          if (k.addition() == add) {
            m.put(k, v);
          }
        });
    return m;
  }

  private static void checkBalance(DistrictSummary d, List<Finding> findings) {
    if (!d.balanced()) {
      Step s = d.balance();
      findings.add(
          new Finding(
              RegisterRule.BALANCE,
              List.of("districts." + d.labelZh()),
              new LinkedHashMap<>(s.inputs()),
              s.explanationZh()));
    }
  }

  private static void require(Object o, String field, String message) {
    if (o == null) {
      throw new InvalidInputException(field, message);
    }
  }
}
