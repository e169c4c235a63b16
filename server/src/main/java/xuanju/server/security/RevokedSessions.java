package xuanju.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Ends the sessions of a user whose account was disabled or whose password was reset by an
 * administrator (会话失效): every session of that user begun before the change is invalidated at its
 * next request, and the user must sign in again (a disabled user cannot). Sessions live in this
 * process's memory, so the times of the changes do too: after a restart no old session exists.
 */
@Component
public class RevokedSessions implements HandlerInterceptor {
  private final Map<String, Long> revokedAt = new ConcurrentHashMap<>();
  private final Clock clock;

  public RevokedSessions(Clock clock) {
    this.clock = clock;
  }

  /** Marks every session of the user begun until now as ended. */
  public void revoke(String username) {
    revokedAt.put(username, clock.millis());
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler)
      throws Exception {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return true;
    }
    Long at = revokedAt.get(auth.getName());
    HttpSession session = req.getSession(false);
    if (at == null || session == null || session.getCreationTime() > at) {
      return true;
    }
    session.invalidate();
    SecurityContextHolder.clearContext();
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/api/")) {
      res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      res.setContentType("application/json;charset=UTF-8");
      res.getWriter().write(SecurityConfig.UNAUTHENTICATED_JSON);
      return false;
    }
    res.sendRedirect(req.getContextPath() + "/login?ended");
    return false;
  }
}
