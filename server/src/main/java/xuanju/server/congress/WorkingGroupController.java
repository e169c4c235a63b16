package xuanju.server.congress;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.district.CommitteeService;
import xuanju.server.election.Election;
import xuanju.server.web.FreeText;
import xuanju.server.web.PageActions;

/**
 * A district's page 选区工作组与工作进度 ({@code /elections/{id}/districts/{d}/group}): the working group
 * with its members, registrar and setting-up, and the district's statutory checklist. Bad input
 * shows the page again with the Chinese message and changes nothing.
 */
@Controller
class WorkingGroupController {
  private final WorkingGroupService groups;
  private final DistrictProgressService progress;
  private final AccessService access;
  private final Clock clock;

  WorkingGroupController(
      WorkingGroupService groups,
      DistrictProgressService progress,
      AccessService access,
      Clock clock) {
    this.groups = groups;
    this.progress = progress;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/elections/{id}/districts/{districtId}/group")
  String page(@PathVariable long id, @PathVariable long districtId, Model model) {
    WorkingGroupService.Group g = groups.group(id, districtId);
    DistrictProgressService.DistrictProgress p = progress.district(id, districtId);
    Election e = progress.town(id).election();
    model.addAttribute("election", e);
    model.addAttribute("g", g);
    model.addAttribute("progress", p);
    model.addAttribute("roles", WorkingGroupRole.values());
    model.addAttribute("body", CommitteeService.bodyZh(e));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute(
        "canManage",
        access.allowed(
            AccessService.currentUser(),
            AccessService.currentIsAdmin(),
            e.organisationId(),
            Permission.MANAGE));
    return "congress/group";
  }

  @PostMapping("/elections/{id}/districts/{districtId}/group/members")
  String add(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "姓名", max = 50) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "身份证号", max = 18) String residentId,
      @RequestParam(defaultValue = "") @FreeText(label = "单位及职务", max = 100) String position,
      @RequestParam(defaultValue = "MEMBER") @FreeText(label = "职务", max = 20) String role,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已增加工作组成员：" + name.strip(),
        () -> groups.addMember(id, districtId, name, residentId, position, role));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/group/members/{memberId}/delete")
  String remove(
      @PathVariable long id,
      @PathVariable long districtId,
      @PathVariable long memberId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已减少一名工作组成员",
        () -> groups.removeMember(id, districtId, memberId));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/group/members/{memberId}/designate")
  String designate(
      @PathVariable long id,
      @PathVariable long districtId,
      @PathVariable long memberId,
      @RequestParam(defaultValue = "") @FreeText(label = "职务", max = 20) String role,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已调整工作组职务",
        () -> groups.designate(id, districtId, memberId, role));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/group/establish")
  String establish(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "0") int version,
      @RequestParam(defaultValue = "") @FreeText(label = "发文机关", max = 200) String establishedBy,
      @RequestParam(defaultValue = "") @FreeText(label = "设立文件", max = 200) String document,
      @RequestParam(required = false) LocalDate establishedOn,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已登记选区工作组的设立",
        () -> groups.establish(id, districtId, version, establishedBy, document, establishedOn));
  }

  @PostMapping("/elections/{id}/districts/{districtId}/group/size")
  String size(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(required = false) Integer min,
      @RequestParam(required = false) Integer max,
      @RequestParam(defaultValue = "") @FreeText(label = "依据", max = 200) String basis,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return attempt(
        id,
        districtId,
        model,
        response,
        flash,
        "已设定选区工作组人数",
        () -> groups.setSize(id, min, max, basis));
  }

  private String attempt(
      long id,
      long districtId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    return PageActions.orPageThenRedirect(
        model,
        response,
        flash,
        () -> page(id, districtId, model),
        "/elections/" + id + "/districts/" + districtId + "/group",
        ok,
        action);
  }
}
