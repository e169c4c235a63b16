package xuanju.server;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import xuanju.server.security.PasswordChangeInterceptor;
import xuanju.server.security.RevokedSessions;

/** Web MVC set-up and shared beans. */
@Configuration
public class WebConfig implements WebMvcConfigurer {
  private final PasswordChangeInterceptor passwordChange;
  private final RevokedSessions revokedSessions;

  public WebConfig(PasswordChangeInterceptor passwordChange, RevokedSessions revokedSessions) {
    this.passwordChange = passwordChange;
    this.revokedSessions = revokedSessions;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(revokedSessions)
        .excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/login", "/actuator/**");
    registry
        .addInterceptor(passwordChange)
        .excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/login", "/actuator/**");
  }
}
