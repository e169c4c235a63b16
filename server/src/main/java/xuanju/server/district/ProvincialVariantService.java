package xuanju.server.district;

import java.util.List;
import java.util.Optional;
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
import xuanju.server.election.VariantResolver;

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
  private final VariantResolver resolver;

  ProvincialVariantService(
      JdbcTemplate jdbc, ElectionService elections, AuditLog audit, VariantResolver resolver) {
    this.jdbc = jdbc;
    this.elections = elections;
    this.audit = audit;
    this.resolver = resolver;
  }

  /** The installation's variant, if one is configured. */
  public Optional<ProvincialVariant> installationVariant() {
    return resolver.installationVariant();
  }

  /** The variant chosen for the election itself, if any. */
  Optional<ProvincialVariant> electionVariant(long electionId) {
    return resolver.electionVariant(electionId);
  }

  /** The variant in force for the election: its own, else the installation's. */
  @Transactional(readOnly = true)
  public Optional<ProvincialVariant> variant(Election e) {
    return resolver.variant(e.id());
  }

  /** The entries of the variant for the election's regime (empty without a variant). */
  public List<ProvincialVariant.Entry> entries(Election e) {
    var regime = Profiles.byId(e.profileId()).regime();
    return variant(e).map(v -> v.entries(regime)).orElse(List.of());
  }

  /**
   * The election's profile: the type's profile, the variant's confirmed settings, then the local
   * overrides ({@link ElectionService#profile}, which every service uses).
   */
  public Profile profile(Election e) {
    return elections.profile(e);
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
