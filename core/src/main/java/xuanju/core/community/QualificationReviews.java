package xuanju.core.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;

/**
 * Decides the joint qualification review (资格联审): a candidate is cleared (审查合格) only when every
 * required body has given a written opinion and no barring case is confirmed with evidence. A case
 * named without evidence is a warning to verify, not a confirmation; a case whose period has run
 * out on the reference day (normally election day) no longer bars.
 */
public final class QualificationReviews {
  private QualificationReviews() {}

  /** The bodies seed 002 names: 旗委组织部 and 旗民政局. */
  public static final Set<ReviewBody> SEED_002_BODIES =
      Set.copyOf(EnumSet.of(ReviewBody.ORGANISATION, ReviewBody.CIVIL_AFFAIRS));

  /** The usual wider joint review: 组织, 民政, 公安, 纪检监察, 法院, 信访. */
  public static final Set<ReviewBody> DEFAULT_BODIES =
      Set.copyOf(
          EnumSet.of(
              ReviewBody.ORGANISATION,
              ReviewBody.CIVIL_AFFAIRS,
              ReviewBody.PUBLIC_SECURITY,
              ReviewBody.DISCIPLINE,
              ReviewBody.COURT,
              ReviewBody.PETITIONS));

  /**
   * The result (联审结论).
   *
   * @param candidateId the person
   * @param cleared whether the candidate passed (审查合格)
   * @param confirmed the barring cases confirmed, in the seed's order
   * @param findings errors (missing or unwritten opinions, confirmed cases), warnings, notices
   */
  public record Result(
      String candidateId, boolean cleared, List<BarringCase> confirmed, Findings findings) {
    public Result {
      confirmed = List.copyOf(confirmed);
    }
  }

  /**
   * Decides one review.
   *
   * @param required the bodies whose opinion is needed
   * @param referenceDay the day the periods are measured to (normally election day)
   */
  public static Result decide(
      QualificationReview review, Set<ReviewBody> required, LocalDate referenceDay) {
    Objects.requireNonNull(referenceDay, "referenceDay");
    String who = review.candidateName();
    List<Finding> out = new ArrayList<>();
    EnumSet<ReviewBody> answered = EnumSet.noneOf(ReviewBody.class);
    EnumSet<BarringCase> confirmed = EnumSet.noneOf(BarringCase.class);
    for (int i = 0; i < review.opinions().size(); i++) {
      QualificationReview.Opinion o = review.opinions().get(i);
      String path = "opinions[" + i + "]";
      if (!o.written()) {
        out.add(
            Finding.of(
                CommunityRule.REVIEW_NOT_WRITTEN,
                path + ".written",
                who + "：" + o.body().labelZh() + "的联审意见未书面反馈"));
      } else {
        answered.add(o.body());
      }
      for (int j = 0; j < o.reports().size(); j++) {
        QualificationReview.Report r = o.reports().get(j);
        BarringCase c = r.barringCase();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("candidate", review.candidateId());
        facts.put("case", c.number());
        facts.put("body", o.body().labelZh());
        List<String> field = List.of(path + ".reports[" + j + "]");
        if (!r.hasEvidence()) {
          out.add(
              new Finding(
                  CommunityRule.REVIEW_EVIDENCE_MISSING,
                  field,
                  facts,
                  who + "：" + o.body().labelZh() + "提出第" + c.number() + "项情形，未写明事实依据，须核实"));
        } else if (!c.bars(r.decided(), referenceDay)) {
          out.add(
              new Finding(
                  CommunityRule.REVIEW_PERIOD_EXPIRED,
                  field,
                  facts,
                  who
                      + "：第"
                      + c.number()
                      + "项情形（"
                      + r.decided()
                      + "）至"
                      + referenceDay
                      + "已满"
                      + c.periodYears()
                      + "年，不再构成障碍"));
        } else {
          confirmed.add(c);
          facts.put("evidence", r.evidenceZh());
          out.add(
              new Finding(
                  c,
                  field,
                  facts,
                  who
                      + "不能确定为候选人（第"
                      + c.number()
                      + "项："
                      + c.textZh()
                      + "）；"
                      + o.body().labelZh()
                      + "认定，依据："
                      + r.evidenceZh()));
        }
      }
    }
    for (ReviewBody b : EnumSet.copyOf(nonEmpty(required))) {
      if (!answered.contains(b)) {
        out.add(
            Finding.of(
                CommunityRule.REVIEW_OPINION_MISSING,
                "opinions",
                who + "：尚未收到" + b.labelZh() + "的书面联审意见"));
      }
    }
    boolean cleared = out.stream().noneMatch(f -> f.severity() == xuanju.core.rule.Severity.ERROR);
    if (cleared) {
      out.add(
          Finding.of(
              CommunityRule.REVIEW_CLEARED,
              "opinions",
              who + "资格联审合格（" + answered.size() + "个部门书面反馈无异议）"));
    }
    return new Result(review.candidateId(), cleared, List.copyOf(confirmed), Findings.of(out));
  }

  private static Set<ReviewBody> nonEmpty(Set<ReviewBody> s) {
    return s.isEmpty() ? EnumSet.noneOf(ReviewBody.class) : s;
  }
}
