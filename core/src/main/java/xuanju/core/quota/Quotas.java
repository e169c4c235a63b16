package xuanju.core.quota;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * Composition quota checks (班子/代表结构检查): counts a candidate or elected list against requirements and
 * says what is missing, e.g. {@code 女性至少7名，现有5名，还差2名}.
 *
 * <p>All comparisons are in integers. A share is compared by cross-multiplication ({@code count*2 >
 * total*1} for "more than 50%"); the needed count is then {@code floor(total·p/q) + 1} for "more
 * than", {@code ceil(total·p/q)} for "at least", {@code floor(total·p/q)} for "at most" and {@code
 * ceil(total·p/q) − 1} for "fewer than". "Missing" assumes the list keeps its size (people are
 * replaced, not added).
 */
public final class Quotas {
  private Quotas() {}

  /**
   * Checks the people against the requirements.
   *
   * @param referenceDate the date ages are computed on (normally election day); required when a
   *     requirement is an age band
   * @throws InvalidInputException for duplicate person ids, a birth date after the reference date,
   *     or an age requirement without a reference date
   */
  public static QuotaCheck check(
      List<QuotaRequirement> requirements, List<Person> people, LocalDate referenceDate) {
    boolean needsDate = requirements.stream().anyMatch(r -> r.attribute().kind().age());
    if (needsDate && referenceDate == null) {
      throw new InvalidInputException("referenceDate", "有年龄结构要求时必须给出计算年龄的参照日期（一般为选举日）");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      if (!ids.add(p.id())) {
        throw new InvalidInputException("people[" + i + "].id", "人员编号重复：" + p.id());
      }
      if (referenceDate != null && p.birthDate() != null && p.birthDate().isAfter(referenceDate)) {
        throw new InvalidInputException(
            "people[" + i + "].birthDate", "出生日期 " + p.birthDate() + " 晚于参照日期 " + referenceDate);
      }
    }
    Set<String> reqIds = new HashSet<>();
    for (int i = 0; i < requirements.size(); i++) {
      if (!reqIds.add(requirements.get(i).id())) {
        throw new InvalidInputException(
            "requirements[" + i + "].id", "结构要求编号重复：" + requirements.get(i).id());
      }
    }

    long total = people.size();
    List<QuotaResult> results = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int r = 0; r < requirements.size(); r++) {
      QuotaRequirement req = requirements.get(r);
      long count = 0;
      List<String> unknown = new ArrayList<>();
      List<String> unknownFields = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        Optional<Boolean> t = req.attribute().test(people.get(i), referenceDate);
        if (t.isEmpty()) {
          unknown.add(people.get(i).id());
          unknownFields.add("people[" + i + "]." + req.attribute().fieldName());
        } else if (t.get()) {
          count++;
        }
      }
      QuotaResult result = evaluate(req, count, total, unknown);
      results.add(result);
      if (!result.met()) {
        findings.add(finding(req, r, result));
      }
      if (!unknown.isEmpty()) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("requirement", req.id());
        facts.put("unknown", unknown.size());
        facts.put("people", String.join(",", unknown));
        findings.add(
            new Finding(
                QuotaRule.DATA_MISSING,
                unknownFields,
                facts,
                req.requirementZh()
                    + "：有"
                    + unknown.size()
                    + "人缺少"
                    + fieldZh(req.attribute())
                    + "（"
                    + String.join("、", unknown)
                    + "），未计入"));
      }
    }
    return new QuotaCheck(referenceDate, total, results, Findings.of(findings));
  }

  private static QuotaResult evaluate(
      QuotaRequirement req, long count, long total, List<String> unknown) {
    Comparison cmp = req.comparison();
    Map<String, Long> inputs = new LinkedHashMap<>();
    inputs.put("count", count);
    inputs.put("total", total);
    boolean met;
    long bound;
    String test;
    if (req.count() != null) {
      long n = req.count();
      inputs.put("required", n);
      met = cmp.test(count, n);
      bound = req.bound(total);
      test = "count " + cmp.symbol() + " " + n;
    } else {
      Share s = req.share();
      inputs.put("numerator", s.numerator());
      inputs.put("denominator", s.denominator());
      long left = Math.multiplyExact(count, s.denominator());
      long right = Math.multiplyExact(total, s.numerator());
      met = cmp.test(left, right);
      bound = req.bound(total);
      test = "count*" + s.denominator() + " " + cmp.symbol() + " total*" + s.numerator();
    }
    long missing = cmp.minimum() ? Math.max(0, bound - count) : 0;
    long excess = cmp.minimum() ? 0 : Math.max(0, count - bound);
    inputs.put("bound", bound);
    String explanation = explanationZh(req, count, total, bound, met, missing, excess);
    Step step = new Step(req.rule(), inputs, test, met, explanation);
    return new QuotaResult(req, count, total, bound, met, missing, excess, unknown, step);
  }

  private static String explanationZh(
      QuotaRequirement req,
      long count,
      long total,
      long bound,
      boolean met,
      long missing,
      long excess) {
    StringBuilder sb = new StringBuilder(req.requirementZh());
    if (req.share() != null) {
      sb.append("（共").append(total).append("名，");
      sb.append(req.comparison().minimum() ? "至少需" : "至多可有").append(bound).append("名）");
    }
    sb.append("，现有").append(count).append("名");
    if (met) {
      sb.append("，符合要求");
    } else if (missing > 0) {
      sb.append("，还差").append(missing).append("名");
    } else if (excess > 0) {
      sb.append("，超出").append(excess).append("名");
    } else {
      sb.append("，名单人数不足，无法满足");
    }
    return sb.toString();
  }

  private static Finding finding(QuotaRequirement req, int index, QuotaResult res) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("requirement", req.id());
    facts.put("count", res.count());
    facts.put("total", res.total());
    facts.put("bound", res.bound());
    facts.put("missing", res.missing());
    facts.put("excess", res.excess());
    facts.put("citation", req.citation().display());
    facts.put("source", req.citation().sourceId());
    return new Finding(
        req.rule(), List.of("requirements[" + index + "]"), facts, res.step().explanationZh());
  }

  private static String fieldZh(Attribute a) {
    return switch (a.fieldName()) {
      case "gender" -> "性别";
      case "ethnicity" -> "民族";
      case "partyMember" -> "政治面貌";
      case "birthDate" -> "出生日期";
      default -> a.fieldName();
    };
  }
}
