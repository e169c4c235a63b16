package xuanju.server.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import xuanju.server.security.UserRepository;

/** The login page (登录). */
@Controller
class LoginController {
  private final UserRepository users;

  LoginController(UserRepository users) {
    this.users = users;
  }

  @GetMapping("/login")
  String login(
      @org.springframework.web.bind.annotation.RequestParam(required = false) String throttled,
      org.springframework.ui.Model model) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
      return "redirect:/";
    }
    model.addAttribute("firstRun", users.count() == 1);
    if (throttled != null) {
      // minutes to wait, from LoginThrottleFilter's redirect; anything else is shown without them
      model.addAttribute("throttled", true);
      model.addAttribute(
          "throttledMinutes", throttled.matches("[0-9]{1,4}") ? Integer.parseInt(throttled) : null);
    }
    return "login";
  }
}
