package xuanju.server;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import xuanju.server.security.PasswordChangeInterceptor;

/** Web MVC set-up and shared beans. */
@Configuration
public class WebConfig implements WebMvcConfigurer {
  private final PasswordChangeInterceptor passwordChange;

  public WebConfig(PasswordChangeInterceptor passwordChange) {
    this.passwordChange = passwordChange;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(passwordChange)
        .excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/login", "/actuator/**");
  }
}
