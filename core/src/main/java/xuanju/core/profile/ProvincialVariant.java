package xuanju.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import xuanju.core.rule.Citation;

/**
 * A provincial variant (省级变体): the residents' and villagers' committee rules of one province as a
 * named set of parameter settings, each with its citation and whether it could be confirmed. The
 * variant is chosen per installation or per election and applied on top of a profile ({@link
 * #applyTo}).
 *
 * <p>Only {@link Status#CONFIRMED confirmed} entries whose value differs from the profile change it
 * (as overrides whose reason cites the variant). An entry {@link Status#NEEDS_REVIEW 需要复核} keeps
 * the profile's value and says so: a rule that cannot be confirmed is never guessed silently.
 *
 * @param id stable id, e.g. {@code NEI_MONGOL}
 * @param nameZh e.g. {@code 内蒙古自治区}
 * @param entries the parameters, per regime
 * @param notesZh rules of the province that are not parameters (e.g. mobile ballot boxes), each
 *     with its source
 */
public record ProvincialVariant(
    String id, String nameZh, List<Entry> entries, List<String> notesZh) {
  public ProvincialVariant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nameZh, "nameZh");
    entries = List.copyOf(entries);
    notesZh = List.copyOf(notesZh);
  }

  /** Whether a setting could be confirmed from the sources (核实状态). */
  public enum Status {
    /** 已核实: the cited text fixes the value. */
    CONFIRMED("已核实"),
    /** 需要复核: the province's own text was not available; the value in force is the profile's. */
    NEEDS_REVIEW("需要复核");

    private final String labelZh;

    Status(String labelZh) {
      this.labelZh = labelZh;
    }

    public String labelZh() {
      return labelZh;
    }
  }

  /**
   * One parameter of the variant.
   *
   * @param value the value the province uses (for {@link Status#NEEDS_REVIEW}: the value kept, the
   *     profile's, until someone confirms it)
   * @param noteZh why it is confirmed or what must be checked
   */
  public record Entry(
      Regime regime, Param param, String value, Citation citation, Status status, String noteZh) {
    public Entry {
      Objects.requireNonNull(regime, "regime");
      Objects.requireNonNull(param, "param");
      Objects.requireNonNull(citation, "citation");
      Objects.requireNonNull(status, "status");
      value = param.normalise(value);
      noteZh = noteZh == null ? "" : noteZh;
    }

    public boolean needsReview() {
      return status == Status.NEEDS_REVIEW;
    }
  }

  /** The entries of a regime, in declaration order. */
  public List<Entry> entries(Regime regime) {
    return entries.stream().filter(e -> e.regime() == regime).toList();
  }

  /** The entries of a regime still to be confirmed (需要复核). */
  public List<Entry> needsReview(Regime regime) {
    return entries(regime).stream().filter(Entry::needsReview).toList();
  }

  /**
   * The profile with this variant's confirmed settings of its regime applied as overrides (reason:
   * {@code 省级变体：内蒙古自治区 …}); entries needing review change nothing. A profile of a regime the
   * variant does not cover is returned unchanged.
   */
  public Profile applyTo(Profile profile) {
    Map<String, String> overrides = new LinkedHashMap<>();
    List<String> sources = new java.util.ArrayList<>();
    for (Entry e : entries(profile.regime())) {
      if (e.needsReview() || !profile.has(e.param())) {
        continue;
      }
      if (!profile.value(e.param()).equals(e.value())) {
        overrides.put(e.param().key(), e.value());
        sources.add(e.param().key() + "：" + e.citation().display());
      }
    }
    if (overrides.isEmpty()) {
      return profile;
    }
    return profile.withOverrides(
        overrides, "省级变体：" + nameZh + "（" + String.join("；", sources) + "）");
  }
}
