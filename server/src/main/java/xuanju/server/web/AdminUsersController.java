package xuanju.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.server.access.AccessService;
import xuanju.server.access.Role;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserAdminService;

/** Users, roles and organisations for administrators (用户与组织管理). */
@Controller
class AdminUsersController {
  private final UserAdminService users;
  private final AccessService access;
  private final OrganisationService organisations;

  AdminUsersController(
      UserAdminService users, AccessService access, OrganisationService organisations) {
    this.users = users;
    this.access = access;
    this.organisations = organisations;
  }

  @GetMapping("/admin/users")
  String page(Model model) {
    model.addAttribute("users", users.list());
    model.addAttribute("organisations", organisations.all());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam @FreeText(label = "用户名", max = 64) String username,
      @RequestParam @FreeText(label = "姓名", max = 100) String displayName,
      RedirectAttributes r) {
    try {
      String password = users.create(username, displayName);
      r.addFlashAttribute(
          "message", "已创建用户 " + username + "，初始密码：" + password + "（只显示这一次，首次登录须修改）");
    } catch (IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/reset-password")
  String resetPassword(@PathVariable String username, RedirectAttributes r) {
    try {
      String password = users.resetPassword(username);
      r.addFlashAttribute(
          "message", "已重置用户 " + username + " 的密码，新密码：" + password + "（只显示这一次，登录后须修改）");
    } catch (IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/enabled")
  String setEnabled(
      @PathVariable String username, @RequestParam boolean enabled, RedirectAttributes r) {
    try {
      users.setEnabled(username, enabled);
      r.addFlashAttribute("message", (enabled ? "已启用用户 " : "已停用用户 ") + username);
    } catch (IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/grants/{grantId}/revoke")
  String revoke(@PathVariable long grantId, RedirectAttributes r) {
    try {
      r.addFlashAttribute("message", "已" + access.revoke(grantId));
    } catch (IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/grants")
  String grant(
      @RequestParam @FreeText(label = "用户名", max = 64) String username,
      @RequestParam long organisationId,
      @RequestParam Role role,
      RedirectAttributes r) {
    try {
      access.grant(username, organisationId, role);
      r.addFlashAttribute("message", "已为 " + username + " 授予「" + role.labelZh() + "」角色");
    } catch (IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    } catch (org.springframework.dao.DuplicateKeyException e) {
      r.addFlashAttribute("error", "该用户在此组织已有此角色");
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/organisations")
  String createOrganisation(
      @RequestParam(required = false) Long parentId,
      @RequestParam @FreeText(label = "组织名称", max = 200) String name,
      @RequestParam @FreeText(label = "组织类型", max = 40) String kind,
      RedirectAttributes r) {
    try {
      organisations.create(AccessService.currentUser(), parentId, name, kind);
      r.addFlashAttribute("message", "已新建组织「" + name.strip() + "」");
    } catch (IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users";
  }
}
