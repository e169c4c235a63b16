package xuanju.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every sign-in attempt ({@code POST /login}) per client before Spring Security checks the
 * password, and refuses a client that must wait (登录尝试过多) with a redirect to {@code
 * /login?throttled=MINUTES}, without checking the password. Runs after the CSRF check and before
 * the form login filter (added in {@link SecurityConfig}, not a servlet filter of its own).
 */
class LoginThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod()) && path.equals("/login"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = request.getParameter("username");
    // the form login filter trims the name the same way
    username = username == null ? "" : username.trim();
    Optional<Duration> wait = throttle.attempt(request.getRemoteAddr(), username);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
      return;
    }
    chain.doFilter(request, response);
  }
}
