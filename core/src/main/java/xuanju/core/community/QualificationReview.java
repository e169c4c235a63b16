package xuanju.core.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * The joint qualification review of one candidate (资格联审): the opinions the review bodies gave.
 *
 * @param candidateId the person reviewed
 * @param candidateName the name shown
 * @param opinions one per body that answered
 */
public record QualificationReview(
    String candidateId, String candidateName, List<Opinion> opinions) {
  public QualificationReview {
    if (candidateId == null || candidateId.isBlank()) {
      throw new InvalidInputException("candidateId", "资格联审缺少人员编号");
    }
    candidateName = candidateName == null || candidateName.isBlank() ? candidateId : candidateName;
    opinions = List.copyOf(opinions);
    java.util.Set<ReviewBody> seen = java.util.EnumSet.noneOf(ReviewBody.class);
    for (int i = 0; i < opinions.size(); i++) {
      if (!seen.add(opinions.get(i).body())) {
        throw new InvalidInputException(
            "opinions[" + i + "].body", "同一部门的联审意见重复：" + opinions.get(i).body().labelZh());
      }
    }
  }

  /**
   * One body's opinion (联审意见).
   *
   * @param body the body
   * @param written whether it was given in writing (书面反馈)
   * @param given the day it was given, or null
   * @param reports the barring cases the body names (empty: 无异议)
   */
  public record Opinion(ReviewBody body, boolean written, LocalDate given, List<Report> reports) {
    public Opinion {
      Objects.requireNonNull(body, "body");
      reports = List.copyOf(reports);
    }

    /** A written opinion without objection (无异议). */
    public static Opinion clear(ReviewBody body, LocalDate given) {
      return new Opinion(body, true, given, List.of());
    }
  }

  /**
   * A barring case a body names (认定的负面清单情形).
   *
   * @param barringCase the case
   * @param evidenceZh the facts relied on, e.g. {@code 2019年3月旗人民法院（2019）内0525刑初12号判决}; blank when
   *     none was given
   * @param decided the day of the decision the case rests on, for the cases with a period; or null
   */
  public record Report(BarringCase barringCase, String evidenceZh, LocalDate decided) {
    public Report {
      Objects.requireNonNull(barringCase, "barringCase");
      evidenceZh = evidenceZh == null ? "" : evidenceZh.strip();
    }

    public boolean hasEvidence() {
      return !evidenceZh.isEmpty();
    }
  }
}
