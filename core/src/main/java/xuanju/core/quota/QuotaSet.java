package xuanju.core.quota;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import xuanju.core.rule.InvalidInputException;

/**
 * A named set of composition requirements (结构要求组), e.g. the delegate quota of one election unit.
 *
 * @param id stable id, e.g. {@code PARTY_CONGRESS_DELEGATES}
 * @param nameZh Chinese name
 * @param requirements the requirements; ids unique
 */
public record QuotaSet(String id, String nameZh, List<QuotaRequirement> requirements) {
  public QuotaSet {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nameZh, "nameZh");
    requirements = List.copyOf(requirements);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < requirements.size(); i++) {
      if (!ids.add(requirements.get(i).id())) {
        throw new InvalidInputException(
            "requirements[" + i + "].id", "结构要求编号重复：" + requirements.get(i).id());
      }
    }
  }
}
