package xuanju.server.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.community.BarringCase;
import xuanju.core.community.QualificationReviews;
import xuanju.core.community.ReviewBody;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;

/**
 * 资格联审: each review body's written opinion of an applicant, with a barring case (负面清单情形) and its
 * evidence when the body names one. The applicant is cleared (审查合格) only as core {@link
 * QualificationReviews#decide} says: a written opinion of every body of {@link
 * CommunityContext#REQUIRED_BODIES} and no case confirmed with evidence, measured to election day.
 */
@Service
public class QualificationReviewService {
  private final CommunityContext ctx;

  QualificationReviewService(CommunityContext ctx) {
    this.ctx = ctx;
  }

  /** The review of every application, by application id, with the opinions recorded. */
  public record View(
      Map<Long, QualificationReviews.Result> results,
      Map<Long, List<ApplicationRepository.Opinion>> opinions) {}

  @Transactional(readOnly = true)
  public View view(long electionId) {
    Election e = ctx.election(electionId, Permission.VIEW);
    var ids = ctx.applications.applications(electionId).stream().map(a -> a.id()).toList();
    return new View(ctx.reviews(e), ctx.applications.opinions(ids));
  }

  /**
   * Records one body's opinion of an applicant (MANAGE): {@code barringCase} null for 无异议, else the
   * case with its evidence and, for the cases with a period, the day of the decision.
   */
  @Transactional
  public void recordOpinion(
      long electionId,
      long applicationId,
      ReviewBody body,
      boolean written,
      LocalDate givenOn,
      BarringCase barringCase,
      String evidence,
      LocalDate decidedOn) {
    Election e = ctx.election(electionId, Permission.MANAGE);
    ctx.applications
        .published(electionId)
        .ifPresent(
            p -> {
              throw new IllegalStateException("正式候选人名单已于" + p.publishedOn() + "公布，不能再登记联审意见");
            });
    ApplicationRepository.Application a =
        ctx.applications
            .application(electionId, applicationId)
            .orElseThrow(() -> new InvalidInputException("applicationId", "本选举没有这项报名"));
    if (body == null) {
      throw new InvalidInputException("body", "联审部门：请选择");
    }
    if (givenOn == null || givenOn.isAfter(ctx.today())) {
      throw new InvalidInputException("givenOn", "反馈日期：请填写，且不能晚于今天");
    }
    String facts = evidence == null ? "" : evidence.strip();
    if (barringCase == null && (!facts.isEmpty() || decidedOn != null)) {
      throw new InvalidInputException("barringCase", "填写了事实依据，请选择认定的负面清单情形");
    }
    if (decidedOn != null && decidedOn.isAfter(ctx.today())) {
      throw new InvalidInputException("decidedOn", "处理决定日期不能晚于今天");
    }
    boolean twice =
        ctx.applications.opinions(List.of(applicationId)).get(applicationId).stream()
            .anyMatch(o -> o.body() == body);
    if (twice) {
      throw new IllegalStateException(a.name() + "的资格联审已有" + body.labelZh() + "的意见，不能重复登记");
    }
    ctx.applications.insertOpinion(
        new ApplicationRepository.Opinion(
            applicationId, body, written, givenOn, barringCase, facts, decidedOn),
        AccessService.currentUser(),
        ctx.clock.instant());
    ctx.audit(
        "COMMUNITY_REVIEW_OPINION_RECORDED",
        e,
        a.name()
            + "的资格联审："
            + body.labelZh()
            + "于"
            + givenOn
            + (written ? "书面反馈" : "反馈（未书面）")
            + (barringCase == null
                ? "无异议"
                : "提出第"
                    + barringCase.number()
                    + "项情形（"
                    + barringCase.textZh()
                    + "）"
                    + (facts.isEmpty() ? "，未写明事实依据" : "，依据：" + facts)));
  }
}
