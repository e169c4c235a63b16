package xuanju.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.organisation.Organisation;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.system.SystemInfo;

/** The JSON API (接口), described by the OpenAPI document at {@code /api/openapi.json}. */
@RestController
@RequestMapping("/api")
@Tag(name = "system", description = "当前用户与系统信息")
class ApiController {
  private final SystemInfo system;
  private final OrganisationService organisations;
  private final AccessService access;

  ApiController(SystemInfo system, OrganisationService organisations, AccessService access) {
    this.system = system;
    this.organisations = organisations;
    this.access = access;
  }

  /** The signed-in user. */
  record Me(String username, List<String> roles) {}

  /** The installation. */
  record SystemDto(String version, String database, boolean embeddedDatabase) {}

  @GetMapping("/me")
  @Operation(summary = "当前登录用户")
  Me me(Authentication auth) {
    return new Me(
        auth.getName(),
        auth.getAuthorities().stream().map(a -> a.getAuthority()).sorted().toList());
  }

  @GetMapping("/system")
  @Operation(summary = "系统版本与数据库")
  SystemDto system(Principal principal) {
    return new SystemDto(system.version(), system.databaseProduct(), system.embedded());
  }

  @GetMapping("/organisations")
  @Operation(summary = "组织列表（仅当前用户有权查看的组织）")
  List<Organisation> organisations() {
    var visible =
        access.visibleOrganisations(
            AccessService.currentUser(), AccessService.currentIsAdmin(), Permission.VIEW);
    return organisations.all().stream().filter(o -> visible.contains(o.id())).toList();
  }
}
