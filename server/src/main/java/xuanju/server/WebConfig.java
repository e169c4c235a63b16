package xuanju.server;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import xuanju.server.security.PasswordChangeInterceptor;
import xuanju.server.security.RevokedSessions;
import xuanju.server.web.UserTexts;

/** Web MVC set-up and shared beans. */
@Configuration
public class WebConfig implements WebMvcConfigurer {
  private final PasswordChangeInterceptor passwordChange;
  private final RevokedSessions revokedSessions;
  private final UserTexts userTexts;

  public WebConfig(
      PasswordChangeInterceptor passwordChange,
      RevokedSessions revokedSessions,
      UserTexts userTexts) {
    this.passwordChange = passwordChange;
    this.revokedSessions = revokedSessions;
    this.userTexts = userTexts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(userTexts);
    registry
        .addInterceptor(revokedSessions)
        .excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/login", "/actuator/**");
    registry
        .addInterceptor(passwordChange)
        .excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/login", "/actuator/**");
  }
}
