package xuanju.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import xuanju.core.rule.CoreRule;
import xuanju.core.rule.Finding;
import xuanju.core.rule.Findings;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;

/**
 * A rule profile (选举规则配置): the counting and procedure parameters of one election type under one law
 * version, each with its legal source, plus any overrides a local plan (选举工作方案/选举办法) applied with a
 * reason. Obtain one with {@link Profiles#byId(String)}; it is immutable.
 *
 * @param id stable id used in files, e.g. {@code PARTY_GRASSROOTS}
 * @param titleZh Chinese name
 * @param lawVersion the governing document and version
 * @param regime the election type
 * @param settings every parameter the profile sets, in declaration order
 * @param overrides the overrides applied, in the order given
 */
public record Profile(
    String id,
    String titleZh,
    String lawVersion,
    Regime regime,
    Map<Param, Setting> settings,
    List<AppliedOverride> overrides) {

  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(regime, "regime");
    settings = Collections.unmodifiableMap(new EnumMap<>(settings));
    overrides = List.copyOf(overrides);
  }

  /** Whether this profile sets the parameter. */
  public boolean has(Param p) {
    return settings.containsKey(p);
  }

  /** The effective text value of a parameter. */
  public String value(Param p) {
    Setting s = settings.get(p);
    if (s == null) {
      throw new IllegalStateException("profile " + id + " does not set " + p.key());
    }
    return s.value();
  }

  public boolean flag(Param p) {
    return Boolean.parseBoolean(value(p));
  }

  public int integer(Param p) {
    return Integer.parseInt(value(p));
  }

  public Ratio ratio(Param p) {
    return Ratio.parse(value(p));
  }

  /** An optional ratio ({@code none} gives empty). */
  public Optional<Ratio> optionalRatio(Param p) {
    String v = value(p);
    return v.equals("none") ? Optional.empty() : Optional.of(Ratio.parse(v));
  }

  /** The value of a choice parameter, e.g. {@code PRESENT}. */
  public String choice(Param p) {
    return value(p);
  }

  /**
   * Checks overrides without applying them: an unknown name or a value not allowed gives a {@code
   * PROFILE.OVERRIDE.UNKNOWN} error finding naming the field {@code overrides.<name>}.
   */
  public Findings checkOverrides(Map<String, String> overrides) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      problem(e.getKey(), e.getValue())
          .ifPresent(
              msg ->
                  out.add(
                      new Finding(
                          CoreRule.PROFILE_OVERRIDE_UNKNOWN,
                          List.of("overrides." + e.getKey()),
                          Map.of("name", e.getKey(), "value", String.valueOf(e.getValue())),
                          msg)));
    }
    return Findings.of(out);
  }

  private Optional<String> problem(String name, String value) {
    Optional<Param> p = Param.byKey(name);
    if (p.isEmpty() || !settings.containsKey(p.get())) {
      return Optional.of("规则配置 " + id + " 中没有参数 " + name);
    }
    try {
      p.get().normalise(value);
      return Optional.empty();
    } catch (IllegalArgumentException ex) {
      return Optional.of("参数 " + name + " 的值 " + value + " 不被允许：" + ex.getMessage());
    }
  }

  /**
   * This profile with a local plan's overrides applied (本地方案覆盖). Names are parameter keys ({@link
   * Param#key()}); values are checked against the parameter kind.
   *
   * @param overrides parameter key → new value; empty gives this profile
   * @param reason why (required when overrides is not empty)
   * @throws InvalidInputException on an unknown name or a value not allowed (rule {@code
   *     PROFILE.OVERRIDE.UNKNOWN}, field {@code overrides.<name>}), or a missing reason
   */
  public Profile withOverrides(Map<String, String> overrides, String reason) {
    if (overrides.isEmpty()) {
      return this;
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("overrideReason", "调整规则参数须说明理由（本地方案条款）");
    }
    Map<Param, Setting> next = new EnumMap<>(settings);
    List<AppliedOverride> applied = new ArrayList<>(this.overrides);
    for (Map.Entry<String, String> e : new LinkedHashMap<>(overrides).entrySet()) {
      Optional<String> problem = problem(e.getKey(), e.getValue());
      if (problem.isPresent()) {
        throw new InvalidInputException(
            "overrides." + e.getKey(),
            problem.get() + "（" + CoreRule.PROFILE_OVERRIDE_UNKNOWN.code() + "）");
      }
      Param p = Param.byKey(e.getKey()).orElseThrow();
      Setting old = next.get(p);
      String v = p.normalise(e.getValue());
      next.put(p, new Setting(p, v, old.defaultValue(), old.citation()));
      applied.add(new AppliedOverride(p, old.value(), v, reason.trim()));
    }
    return new Profile(id, titleZh, lawVersion, regime, next, applied);
  }

  /** The trail steps recording each applied override (rule {@code PROFILE.OVERRIDE.APPLIED}). */
  public List<Step> overrideSteps() {
    List<Step> steps = new ArrayList<>();
    for (AppliedOverride o : overrides) {
      steps.add(
          new Step(
              CoreRule.PROFILE_OVERRIDE_APPLIED,
              Map.of(),
              o.param().key() + ": " + o.from() + " -> " + o.to(),
              true,
              "本地方案将参数 "
                  + o.param().key()
                  + "（"
                  + o.param().meaningZh()
                  + "）由 "
                  + o.from()
                  + " 调整为 "
                  + o.to()
                  + "，理由："
                  + o.reason()));
    }
    return List.copyOf(steps);
  }
}
