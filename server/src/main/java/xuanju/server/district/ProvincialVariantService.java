package xuanju.server.district;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.profile.Profile;
import xuanju.core.profile.Profiles;
import xuanju.core.profile.ProvincialVariant;
import xuanju.core.profile.ProvincialVariants;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * The provincial variant (省级变体) of an election: chosen for the election ({@code
 * election.provincial_variant}), else the installation's ({@code xuanju.provincial-variant}, e.g.
 * {@code NEI_MONGOL}; empty for none). Its entries for the election's regime are shown with their
 * status (已核实 / 需要复核); {@link #profile} applies the confirmed ones.
 */
@Service
public class ProvincialVariantService {
  private final JdbcTemplate jdbc;
  private final ElectionService elections;
  private final AuditLog audit;
  private final String installation;

  ProvincialVariantService(
      JdbcTemplate jdbc,
      ElectionService elections,
      AuditLog audit,
      @Value("${xuanju.provincial-variant:}") String installation) {
    this.jdbc = jdbc;
    this.elections = elections;
    this.audit = audit;
    this.installation = installation == null ? "" : installation.strip();
    if (!this.installation.isEmpty() && ProvincialVariants.find(this.installation).isEmpty()) {
      throw new IllegalStateException(
          "配置项 xuanju.provincial-variant 的值 " + this.installation + " 不是已知的省级变体");
    }
  }

  /** The installation's variant, if one is configured. */
  public Optional<ProvincialVariant> installationVariant() {
    return installation.isEmpty() ? Optional.empty() : ProvincialVariants.find(installation);
  }

  /** The variant chosen for the election itself, if any. */
  Optional<ProvincialVariant> electionVariant(long electionId) {
    return jdbc
        .queryForList(
            "SELECT provincial_variant FROM election WHERE id = ?", String.class, electionId)
        .stream()
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .flatMap(ProvincialVariants::find);
  }

  /** The variant in force for the election: its own, else the installation's. */
  @Transactional(readOnly = true)
  public Optional<ProvincialVariant> variant(Election e) {
    return electionVariant(e.id()).or(this::installationVariant);
  }

  /** The entries of the variant for the election's regime (empty without a variant). */
  public List<ProvincialVariant.Entry> entries(Election e) {
    var regime = Profiles.byId(e.profileId()).regime();
    return variant(e).map(v -> v.entries(regime)).orElse(List.of());
  }

  /** The election's profile with its local overrides and the variant's confirmed settings. */
  public Profile profile(Election e) {
    Profile p = elections.profile(e);
    return variant(e).map(v -> v.applyTo(p)).orElse(p);
  }

  /** All variants shipped, for the choice. */
  public List<ProvincialVariant> all() {
    return ProvincialVariants.all();
  }

  /**
   * Chooses the variant for one election ({@code ""}: the installation's). Needs MANAGE; audited.
   */
  @Transactional
  public void choose(long electionId, String id) {
    Election e = elections.get(electionId, Permission.MANAGE);
    String v = id == null ? "" : id.strip();
    String label;
    if (v.isEmpty()) {
      label = "按本系统的设置（" + installationVariant().map(ProvincialVariant::nameZh).orElse("无") + "）";
    } else {
      label =
          ProvincialVariants.find(v)
              .map(ProvincialVariant::nameZh)
              .orElseThrow(() -> new InvalidInputException("provincialVariant", "省级变体：没有这一选项"));
    }
    jdbc.update(
        "UPDATE election SET provincial_variant = ? WHERE id = ?", v.isEmpty() ? null : v, e.id());
    audit.append(
        AccessService.currentUser(),
        "PROVINCIAL_VARIANT_CHOSEN",
        "election:" + electionId,
        "本选举适用的省级变体：" + label);
  }
}
