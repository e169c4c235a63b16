package xuanju.server.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Web security (安全配置): form login with a Chinese page, BCrypt password hashes, sign-in attempts
 * throttled per client ({@link LoginThrottleFilter}), CSRF on every form and htmx request and on
 * every API call of a signed-in session, security headers, and 401 with a Chinese JSON body (not a
 * login page, not the CSRF filter's 403) for every unauthenticated API call, whatever its method.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication
public class SecurityConfig {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** The body of a 401 under {@code /api/}. */
  static final String UNAUTHENTICATED_JSON =
      "{\"error\":\"UNAUTHENTICATED\",\"message\":\"未登录或登录已过期，请先登录\"}";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle)
      throws Exception {
    AuthenticationEntryPoint api = SecurityConfig::unauthenticatedApi;
    http.addFilterBefore(
            new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(
            r ->
                r.requestMatchers(
                        "/login",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/api/openapi.json",
                        "/api/openapi.json/**")
                    .permitAll()
                    .requestMatchers("/admin/**", "/api/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        api, PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                    // also used by the CSRF filter, which runs before authorisation
                    .accessDeniedHandler(accessDenied(api)))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .csrf(withDefaults())
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(
                        rp -> rp.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static void unauthenticatedApi(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException e)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(UNAUTHENTICATED_JSON);
  }

  /**
   * Denied requests: an API call without a signed-in session is answered 401 like any other
   * unauthenticated API call, even when it was the CSRF check that stopped it (the CSRF filter runs
   * first and would answer 403); a signed-in session without a valid CSRF token still gets 403.
   */
  static AccessDeniedHandler accessDenied(AuthenticationEntryPoint api) {
    AccessDeniedHandler pages = new AccessDeniedHandlerImpl();
    AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
    return (request, response, denied) -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      boolean anonymous = auth == null || trust.isAnonymous(auth);
      if (path.startsWith("/api/") && anonymous) {
        api.commence(
            request,
            response,
            new org.springframework.security.authentication.InsufficientAuthenticationException(
                "unauthenticated", denied));
        return;
      }
      if (path.startsWith("/api/")) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response
            .getWriter()
            .write(
                denied instanceof CsrfException
                    ? "{\"error\":\"CSRF\",\"message\":\"请求缺少有效的CSRF令牌（请刷新页面后重试）\"}"
                    : "{\"error\":\"FORBIDDEN\",\"message\":\"没有权限执行此操作\"}");
        return;
      }
      pages.handle(request, response, denied);
    };
  }
}
