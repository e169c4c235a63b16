package xuanju.server.community;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.community.BarringCase;
import xuanju.core.community.ChosenBy;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ElectionCommittee;
import xuanju.core.community.Relation;
import xuanju.core.community.ReviewBody;
import xuanju.core.community.Role;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;

/**
 * The page 候选人与资格审查 of a residents' committee election ({@code
 * /elections/{id}/community/candidates}): the residents' election committee, the applications per
 * post, the joint review, close relatives and staff, the formal list and its PDF notice. A refused
 * change shows the page again with the rule's Chinese message (400 bad input, 409 a state that does
 * not allow it), nothing changed.
 */
@Controller
class CommunityController {
  private static final String BASE = "/elections/{id}/community";

  private final ElectionCommitteeService committee;
  private final ApplicationService applications;
  private final QualificationReviewService reviews;
  private final RelativesService relatives;
  private final FormalCandidatesService formal;
  private final CommunityContext ctx;
  private final AccessService access;

  CommunityController(
      ElectionCommitteeService committee,
      ApplicationService applications,
      QualificationReviewService reviews,
      RelativesService relatives,
      FormalCandidatesService formal,
      CommunityContext ctx,
      AccessService access) {
    this.committee = committee;
    this.applications = applications;
    this.reviews = reviews;
    this.relatives = relatives;
    this.formal = formal;
    this.ctx = ctx;
    this.access = access;
  }

  @GetMapping(BASE + "/candidates")
  String page(@PathVariable long id, Model model) {
    var f = formal.formalList(id);
    model.addAttribute("election", f.election());
    model.addAttribute("committee", committee.view(id));
    model.addAttribute("applications", ctx.applications.applications(id));
    model.addAttribute("facts", formal.facts(id));
    model.addAttribute("reviews", reviews.view(id));
    model.addAttribute("relatives", relatives.view(id));
    model.addAttribute("formal", f);
    model.addAttribute("today", ctx.today());
    model.addAttribute("plannedSize", CommunityContext.PLANNED_COMMITTEE_SIZE);
    model.addAttribute("requiredBodies", ReviewBody.values());
    model.addAttribute(
        "requiredNames",
        String.join(
            "、",
            java.util.Arrays.stream(ReviewBody.values())
                .filter(CommunityContext.REQUIRED_BODIES::contains)
                .map(ReviewBody::labelZh)
                .toList()));
    model.addAttribute("chosenBys", ChosenBy.values());
    model.addAttribute("methods", ElectionCommittee.Method.values());
    model.addAttribute("posts", CommunityContext.seats(f.election()).keySet());
    model.addAttribute("cases", BarringCase.values());
    model.addAttribute("relations", Relation.values());
    model.addAttribute("staffRoles", List.of(Role.SCRUTINEER, Role.COUNTER, Role.WRITER));
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            f.election().organisationId(),
            Permission.MANAGE));
    return "community/candidates";
  }

  @GetMapping(BASE + "/candidates/formal-list.pdf")
  ResponseEntity<byte[]> notice(@PathVariable long id) {
    var l = formal.notice(id);
    return Downloads.of(CommunityDocuments.notice(l), CommunityDocuments.title(l), "pdf");
  }

  @PostMapping(BASE + "/committee/members")
  String addMember(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 30) String residentId,
      @RequestParam(defaultValue = "") @FreeText(label = "推选方式", max = 40) String chosenBy,
      @RequestParam(required = false) LocalDate chosenOn,
      @RequestParam(defaultValue = "false") boolean chair,
      @RequestParam(required = false) Long replacesMemberId,
      @RequestParam(defaultValue = "") @FreeText(label = "递补方式", max = 40) String method,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记居民选举委员会成员",
        () ->
            committee.addMember(
                id,
                residentId,
                parse(ChosenBy.class, chosenBy, "chosenBy", "推选方式"),
                chosenOn,
                chair,
                replacesMemberId,
                parse(ElectionCommittee.Method.class, method, "method", "递补方式")));
  }

  @PostMapping(BASE + "/committee/members/{memberId}/leave")
  String leave(
      @PathVariable long id,
      @PathVariable long memberId,
      @RequestParam(defaultValue = "0") int version,
      @RequestParam(required = false) LocalDate leftOn,
      @RequestParam(defaultValue = "") @FreeText(label = "退出原因", max = 200) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已记录成员退出居民选举委员会",
        () -> committee.leave(id, memberId, version, leftOn, reason));
  }

  @PostMapping(BASE + "/applications")
  String apply(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 30) String residentId,
      @RequestParam(defaultValue = "") @FreeText(label = "报名职位", max = 30) String post,
      @RequestParam(required = false) LocalDate appliedOn,
      @RequestParam(defaultValue = "false") boolean partyRecommended,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    model.addAttribute("applyResidentId", residentId);
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记书面报名",
        () ->
            applications.apply(
                id,
                residentId,
                parse(CommitteePost.class, post, "post", "报名职位"),
                appliedOn,
                partyRecommended));
  }

  @PostMapping(BASE + "/applications/{applicationId}/recommend")
  String recommend(
      @PathVariable long id,
      @PathVariable long applicationId,
      @RequestParam(defaultValue = "0") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已标记社区党组织推荐",
        () -> applications.recommend(id, applicationId, version));
  }

  @PostMapping(BASE + "/applications/{applicationId}/opinions")
  String opinion(
      @PathVariable long id,
      @PathVariable long applicationId,
      @RequestParam(defaultValue = "") @FreeText(label = "联审部门", max = 40) String body,
      @RequestParam(defaultValue = "false") boolean written,
      @RequestParam(required = false) LocalDate givenOn,
      @RequestParam(defaultValue = "") @FreeText(label = "负面清单情形", max = 40) String barringCase,
      @RequestParam(defaultValue = "") @FreeText(label = "事实依据", max = 500) String evidence,
      @RequestParam(required = false) LocalDate decidedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记联审意见",
        () ->
            reviews.recordOpinion(
                id,
                applicationId,
                parse(ReviewBody.class, body, "body", "联审部门"),
                written,
                givenOn,
                parse(BarringCase.class, barringCase, "barringCase", "负面清单情形"),
                evidence,
                decidedOn));
  }

  @PostMapping(BASE + "/kinships")
  String kinship(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "本人公民身份号码", max = 30) String personId,
      @RequestParam(defaultValue = "") @FreeText(label = "近亲属公民身份号码", max = 30) String relativeId,
      @RequestParam(defaultValue = "") @FreeText(label = "关系", max = 40) String relation,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记近亲属关系",
        () ->
            relatives.declare(
                id, personId, relativeId, parse(Relation.class, relation, "relation", "关系")));
  }

  @PostMapping(BASE + "/staff")
  String staff(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 30) String residentId,
      @RequestParam(defaultValue = "") @FreeText(label = "岗位", max = 30) String role,
      @RequestParam(defaultValue = "false") boolean vetted,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记选举工作人员",
        () -> relatives.addStaff(id, residentId, parse(Role.class, role, "role", "岗位"), vetted));
  }

  @PostMapping(BASE + "/staff/{staffId}/delete")
  String removeStaff(
      @PathVariable long id,
      @PathVariable long staffId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id, model, response, flash, "已撤换选举工作人员", () -> relatives.removeStaff(id, staffId));
  }

  @PostMapping(BASE + "/formal-list")
  String publish(
      @PathVariable long id,
      @RequestParam(required = false) List<Long> applicationIds,
      @RequestParam(required = false) LocalDate publishedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已公布正式候选人名单",
        () -> formal.publish(id, applicationIds, publishedOn));
  }

  /** An enum from a form value; blank is null (the service names a missing choice). */
  private static <E extends Enum<E>> E parse(Class<E> type, String v, String field, String label) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.strip());
    } catch (IllegalArgumentException ex) {
      throw new InvalidInputException(field, label + "：请从列表中选择");
    }
  }

  /**
   * Runs a change: on success back to the page with {@code ok}; refused, the page again with the
   * Chinese message (400 for bad input, 409 for a state that does not allow it), nothing changed.
   */
  private String attempt(
      long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      model.addAttribute("error", e.getMessage());
      return page(id, model);
    }
    flash.addFlashAttribute("message", ok);
    return "redirect:/elections/" + id + "/community/candidates";
  }
}
