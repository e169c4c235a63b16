package xuanju.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every sign-in attempt ({@code POST /login}) against {@link LoginThrottle} before Spring
 * Security checks the password, and refuses a client that must wait (登录尝试过多) with a redirect to
 * {@code /login?throttled=MINUTES}, without checking the password. Attempts of one (client, user
 * name) pair run one at a time, so that each sees the failures recorded by the ones before. Runs
 * after the CSRF check and before the form login filter (added in {@link SecurityConfig}, not a
 * servlet filter of its own).
 */
class LoginThrottleFilter extends OncePerRequestFilter {
  /** How long an attempt waits for the one before it of the same pair. */
  static final Duration WAIT_FOR_TURN = Duration.ofSeconds(10);

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
    String client = request.getRemoteAddr();
    // one attempt of a pair at a time, from the check until the failure is recorded
    ReentrantLock lock = throttle.lockFor(client, username);
    boolean locked;
    try {
      locked = lock.tryLock(WAIT_FOR_TURN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locked = false;
    }
    if (!locked) {
      // many attempts of this pair at once: refuse this one for now
      response.sendRedirect(request.getContextPath() + "/login?throttled=1");
      return;
    }
    try {
      Optional<Duration> wait = throttle.refusal(client, username);
      if (wait.isPresent()) {
        long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
        response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
        return;
      }
      // the password is checked in here; a failure is recorded (AccountService.onFailure) before
      // the lock is released
      chain.doFilter(request, response);
    } finally {
      lock.unlock();
    }
  }
}
