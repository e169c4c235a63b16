package xuanju.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sends a user whose password must be changed (e.g. the generated first-run password) to the
 * password page before anything else (首次登录须修改密码). API calls get 403 with a Chinese message.
 */
@Component
public class PasswordChangeInterceptor implements HandlerInterceptor {
  private static final String PASSWORD_OK = PasswordChangeInterceptor.class.getName() + ".ok.";
  private final AccountService accounts;

  public PasswordChangeInterceptor(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler)
      throws Exception {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
      return true;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/account/password") || path.equals("/logout") || path.equals("/error")) {
      return true;
    }
    // must_change_password is set only when an account is created and cleared by the change, so
    // once it was seen cleared for this signed-in user the session remembers it (no query per
    // request). A future password reset by an administrator must invalidate the user's sessions.
    HttpSession session = req.getSession(false);
    String okKey = PASSWORD_OK + auth.getName();
    if (session != null && session.getAttribute(okKey) != null) {
      return true;
    }
    if (!accounts.mustChangePassword(auth.getName())) {
      if (session != null) {
        session.setAttribute(okKey, Boolean.TRUE);
      }
      return true;
    }
    if (path.startsWith("/api/")) {
      res.setStatus(HttpServletResponse.SC_FORBIDDEN);
      res.setContentType("application/json;charset=UTF-8");
      res.getWriter().write("{\"error\":\"PASSWORD_CHANGE_REQUIRED\",\"message\":\"请先修改初始密码\"}");
      return false;
    }
    res.sendRedirect(req.getContextPath() + "/account/password");
    return false;
  }
}
