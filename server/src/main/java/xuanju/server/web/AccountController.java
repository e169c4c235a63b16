package xuanju.server.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.server.security.AccountService;

/** The user's own account (我的账户): password change. */
@Controller
class AccountController {
  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/account/password")
  String form(Principal principal, Model model) {
    model.addAttribute("mustChange", accounts.mustChangePassword(principal.getName()));
    return "account/password";
  }

  @PostMapping("/account/password")
  String change(
      Principal principal,
      @RequestParam @FreeText(label = "当前密码", max = 200, secret = true) String current,
      @RequestParam("next") @FreeText(label = "新密码", max = 64, secret = true) String next,
      @RequestParam @FreeText(label = "确认新密码", max = 64, secret = true) String repeat,
      Model model,
      RedirectAttributes redirect) {
    try {
      accounts.changePassword(principal.getName(), current, next, repeat);
    } catch (IllegalArgumentException | IllegalStateException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("mustChange", accounts.mustChangePassword(principal.getName()));
      return "account/password";
    }
    redirect.addFlashAttribute("message", "密码已修改");
    return "redirect:/";
  }
}
