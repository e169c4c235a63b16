package xuanju.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;
import xuanju.server.support.H2AppTest;

/** Roles apply to the organisation they are granted on and its subtree, nowhere else. */
class AccessServiceTest extends H2AppTest {
  @Autowired AccessService access;
  @Autowired OrganisationService organisations;
  @Autowired UserRepository users;

  long town;
  long branchA;
  long branchB;
  long otherTown;
  String suffix = Long.toString(System.nanoTime());

  @BeforeEach
  void tree() {
    signIn("admin", true);
    town = organisations.create("admin", null, "测试镇党委" + suffix, "TOWN_COMMITTEE");
    branchA = organisations.create("admin", town, "甲支部", "BRANCH");
    branchB = organisations.create("admin", town, "乙支部", "BRANCH");
    otherTown = organisations.create("admin", null, "另一镇党委", "TOWN_COMMITTEE");
    users.insert("officer" + suffix, "镇组织委员", "x", false, false, Instant.now());
    users.insert("branchadmin" + suffix, "支部管理员", "x", false, false, Instant.now());
    access.grant("officer" + suffix, town, Role.UPPER_OFFICER);
    access.grant("branchadmin" + suffix, branchA, Role.ELECTION_ADMIN);
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  static void signIn(String name, boolean admin) {
    var roles =
        admin
            ? List.of(
                new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_USER"))
            : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    SecurityContextHolder.getContext()
        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, "n/a", roles));
  }

  @Test
  void roleOnAnUpperOrganisationCoversItsSubtreeOnly() {
    String officer = "officer" + suffix;
    assertThat(access.allowed(officer, false, branchA, Permission.APPROVE)).isTrue();
    assertThat(access.allowed(officer, false, branchB, Permission.VIEW)).isTrue();
    assertThat(access.allowed(officer, false, otherTown, Permission.VIEW)).isFalse();
    assertThat(access.allowed(officer, false, branchA, Permission.MANAGE)).isFalse();
    assertThat(access.visibleOrganisations(officer, false, Permission.VIEW))
        .containsExactlyInAnyOrder(town, branchA, branchB);
  }

  @Test
  void branchAdministratorCannotTouchTheSiblingBranch() {
    String ba = "branchadmin" + suffix;
    assertThat(access.allowed(ba, false, branchA, Permission.MANAGE)).isTrue();
    assertThat(access.allowed(ba, false, branchB, Permission.VIEW)).isFalse();
    assertThat(access.allowed(ba, false, town, Permission.VIEW)).isFalse();
    signIn(ba, false);
    access.require(branchA, Permission.MANAGE);
    assertThatThrownBy(() -> access.require(branchB, Permission.VIEW))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("无权查看该组织的数据");
  }

  @Test
  void onlyAdministratorsGrantRoles() {
    signIn("branchadmin" + suffix, false);
    assertThatThrownBy(() -> access.grant("officer" + suffix, branchB, Role.CLERK))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void administratorMayDoEverything() {
    assertThat(access.allowed("admin", true, otherTown, Permission.MANAGE)).isTrue();
  }
}
