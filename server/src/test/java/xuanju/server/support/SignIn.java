package xuanju.server.support;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a signed-in user (service-layer tests without HTTP). */
public final class SignIn {
  private SignIn() {}

  public static void as(String username, boolean admin, Runnable body) {
    var previous = SecurityContextHolder.getContext().getAuthentication();
    var roles =
        admin
            ? List.of(
                new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_USER"))
            : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(username, "n/a", roles));
    try {
      body.run();
    } finally {
      SecurityContextHolder.getContext().setAuthentication(previous);
    }
  }
}
