package xuanju.server.community;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.community.CommunityTerms;
import xuanju.core.community.PartyPost;
import xuanju.core.community.TermPart;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.Downloads;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * The pages of a community's 换届: the list with the form to start one ({@code /community-terms}) and
 * the term page ({@code /community-terms/{id}}: timeline, linked elections, the party committee's
 * 分工, the 两委 summary, printed as PDF or Word). A refused change shows the page again with the
 * Chinese message, nothing changed.
 */
@Controller
class TermController {
  private static final String BASE = "/community-terms";

  private final TermService terms;
  private final TermPageService pages;
  private final OrganisationService organisations;
  private final AccessService access;

  TermController(
      TermService terms,
      TermPageService pages,
      OrganisationService organisations,
      AccessService access) {
    this.terms = terms;
    this.pages = pages;
    this.organisations = organisations;
    this.access = access;
  }

  @GetMapping(BASE)
  String list(Model model) {
    model.addAttribute("terms", terms.visible());
    model.addAttribute(
        "organisations",
        organisations.all().stream()
            .filter(
                o ->
                    access.allowed(
                        AccessService.currentUser(),
                        AccessService.currentIsAdmin(),
                        o.id(),
                        Permission.MANAGE))
            .toList());
    int year = terms.today().getYear() + (terms.today().getMonthValue() >= 7 ? 1 : 0);
    model.addAttribute("defaultYear", year);
    model.addAttribute("defaults", CommunityTerms.defaultDeadlines(year));
    model.addAttribute("parts", TermPart.values());
    return "community/terms";
  }

  @PostMapping(BASE)
  String create(
      @RequestParam(required = false) Long organisationId,
      @RequestParam(defaultValue = "") @FreeText(label = "换届名称", max = 200) String name,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) LocalDate partyDeadline,
      @RequestParam(required = false) LocalDate residentsDeadline,
      @RequestParam(required = false) LocalDate representativesDeadline,
      @RequestParam(required = false) LocalDate supervisionDeadline,
      @RequestParam(defaultValue = "") @FreeText(label = "时限依据", max = 500) String deadlineNote,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    long[] id = new long[1];
    String done =
        PageActions.orPageThenRedirect(
            model,
            response,
            flash,
            () -> list(model),
            BASE,
            "已新建社区换届",
            () -> {
              if (organisationId == null) {
                throw new InvalidInputException("organisationId", "请选择社区");
              }
              id[0] =
                  terms.create(
                      organisationId,
                      name,
                      year,
                      dates(
                          partyDeadline,
                          residentsDeadline,
                          representativesDeadline,
                          supervisionDeadline),
                      deadlineNote);
            });
    return id[0] == 0 ? done : "redirect:" + BASE + "/" + id[0];
  }

  private static Map<TermPart, LocalDate> dates(
      LocalDate party, LocalDate residents, LocalDate representatives, LocalDate supervision) {
    Map<TermPart, LocalDate> d = new EnumMap<>(TermPart.class);
    d.put(TermPart.PARTY, party);
    d.put(TermPart.RESIDENTS, residents);
    d.put(TermPart.REPRESENTATIVES, representatives);
    d.put(TermPart.SUPERVISION, supervision);
    return d;
  }

  @GetMapping(BASE + "/{id}")
  String page(@PathVariable long id, Model model) {
    model.addAttribute("v", pages.view(id));
    model.addAttribute("posts", PartyPost.values());
    return "community/term";
  }

  @GetMapping(BASE + "/{id}/summary.{format}")
  ResponseEntity<byte[]> summary(@PathVariable long id, @PathVariable String format) {
    if (!format.equals("pdf") && !format.equals("docx")) {
      throw new InvalidInputException("format", "文件格式只能是PDF或Word");
    }
    var t = terms.term(id, Permission.VIEW);
    var s =
        pages
            .summary(id)
            .orElseThrow(() -> new IllegalStateException("社区党组织分工和居民委员会选举结果均未产生，暂无汇总表"));
    return Downloads.of(TermDocuments.summary(t, s), TermDocuments.title(t), format);
  }

  @PostMapping(BASE + "/{id}/deadlines")
  String deadlines(
      @PathVariable long id,
      @RequestParam(required = false) LocalDate partyDeadline,
      @RequestParam(required = false) LocalDate residentsDeadline,
      @RequestParam(required = false) LocalDate representativesDeadline,
      @RequestParam(required = false) LocalDate supervisionDeadline,
      @RequestParam(defaultValue = "") @FreeText(label = "时限依据", max = 500) String deadlineNote,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已保存完成时限",
        () ->
            terms.saveDeadlines(
                id,
                dates(
                    partyDeadline, residentsDeadline, representativesDeadline, supervisionDeadline),
                deadlineNote));
  }

  @PostMapping(BASE + "/{id}/link")
  String link(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "换届部分", max = 20) String part,
      @RequestParam(required = false) Long electionId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已关联选举", () -> terms.link(id, part, electionId));
  }

  @PostMapping(BASE + "/{id}/elections")
  String createElection(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "换届部分", max = 20) String part,
      @RequestParam(required = false) Long organisationId,
      @RequestParam(defaultValue = "") @FreeText(label = "选举名称", max = 200) String title,
      @RequestParam(required = false) LocalDate electionDay,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已新建并关联选举",
        () -> terms.createElection(id, part, organisationId, title, electionDay));
  }

  @PostMapping(BASE + "/{id}/party-posts")
  String partyPosts(
      @PathVariable long id,
      @RequestParam(required = false) List<String> memberKey,
      @RequestParam(required = false) List<String> post,
      @RequestParam(required = false) List<String> deputyDirector,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已保存社区党组织委员会分工",
        () -> {
          List<String> keys = memberKey == null ? List.of() : memberKey;
          List<String> posts = post == null ? List.of() : post;
          if (keys.size() != posts.size()) {
            throw new InvalidInputException("post", "请为每一名委员选择职务");
          }
          List<String> dd = deputyDirector == null ? List.of() : deputyDirector;
          List<TermService.PostChoice> c = new ArrayList<>();
          for (int i = 0; i < keys.size(); i++) {
            c.add(new TermService.PostChoice(keys.get(i), posts.get(i), dd.contains(keys.get(i))));
          }
          terms.recordPosts(id, c);
        });
  }

  @PostMapping(BASE + "/{id}/summary")
  String recordSummary(
      @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已登记“两委”班子汇总", () -> pages.recordSummary(id));
  }

  @PostMapping(BASE + "/{id}/previous")
  String previous(
      @PathVariable long id,
      @RequestParam(required = false) Integer previousTeamSize,
      @RequestParam(required = false) Integer previousTeamCollege,
      @RequestParam(required = false) Integer previousResidentsSize,
      @RequestParam(required = false) Integer previousResidentsParty,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        model,
        response,
        flash,
        "已登记上届班子情况",
        () ->
            terms.recordPrevious(
                id,
                previousTeamSize,
                previousTeamCollege,
                previousResidentsSize,
                previousResidentsParty));
  }

  @PostMapping(BASE + "/{id}/unlink")
  String unlink(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "换届部分", max = 20) String part,
      @RequestParam(defaultValue = "") @FreeText(label = "取消关联的理由", max = 500) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(id, model, response, flash, "已取消关联选举", () -> terms.unlink(id, part, reason));
  }

  @PostMapping(BASE + "/{id}/delete")
  String delete(
      @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes flash) {
    return PageActions.orPageThenRedirect(
        model, response, flash, () -> page(id, model), BASE, "已删除社区换届", () -> terms.delete(id));
  }

  private String attempt(
      long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    return PageActions.orPageThenRedirect(
        model, response, flash, () -> page(id, model), BASE + "/" + id, ok, action);
  }
}
