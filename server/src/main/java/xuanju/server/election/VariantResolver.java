package xuanju.server.election;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import xuanju.core.profile.ProvincialVariant;
import xuanju.core.profile.ProvincialVariants;

/**
 * Which provincial variant (省级变体) applies to an election: the one chosen for it ({@code
 * election.provincial_variant}), else the installation's ({@code xuanju.provincial-variant}, e.g.
 * {@code NEI_MONGOL}; empty for none). {@link ElectionService#profile} applies its confirmed
 * settings between the election type's profile and the local plan's overrides.
 */
@Component
public class VariantResolver {
  private final JdbcTemplate jdbc;
  private final String installation;

  VariantResolver(JdbcTemplate jdbc, @Value("${xuanju.provincial-variant:}") String installation) {
    this.jdbc = jdbc;
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
  public Optional<ProvincialVariant> electionVariant(long electionId) {
    return jdbc
        .queryForList(
            "SELECT provincial_variant FROM election WHERE id = ?", String.class, electionId)
        .stream()
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .flatMap(ProvincialVariants::find);
  }

  /** The variant in force for the election: its own, else the installation's. */
  public Optional<ProvincialVariant> variant(long electionId) {
    return electionVariant(electionId).or(this::installationVariant);
  }
}
