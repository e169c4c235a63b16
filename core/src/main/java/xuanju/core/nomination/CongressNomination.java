package xuanju.core.nomination;

import java.util.List;
import xuanju.core.rule.InvalidInputException;

/**
 * One nomination of a deputy candidate in a district (代表候选人推荐): the nominee, and either the parties
 * and people's organisations that nominate (联合或者单独推荐) or the voters who nominate jointly (选民联名推荐,
 * their resident ID numbers), and whether the nominee has accepted (接受推荐).
 *
 * @param nomineeName the nominee's name
 * @param nomineeId the nominee's resident ID number
 * @param organisations the nominating parties and people's organisations, or empty
 * @param nominators the resident ID numbers of the nominating voters, or empty
 * @param accepted whether the nominee has accepted and given the basic facts
 */
public record CongressNomination(
    String nomineeName,
    String nomineeId,
    List<String> organisations,
    List<String> nominators,
    boolean accepted) {
  public CongressNomination {
    if (nomineeName == null || nomineeName.isBlank()) {
      throw new InvalidInputException("nomineeName", "被推荐人姓名不能为空");
    }
    nomineeName = nomineeName.strip();
    nomineeId = nomineeId == null ? "" : nomineeId.strip();
    organisations = organisations == null ? List.of() : List.copyOf(organisations);
    nominators = nominators == null ? List.of() : List.copyOf(nominators);
    if (!organisations.isEmpty() && !nominators.isEmpty()) {
      throw new InvalidInputException(
          "nominators", "一份推荐由政党、人民团体提出，或者由选民联名提出，不能两者兼有（" + nomineeName + "）");
    }
  }

  /** A nomination by parties or people's organisations, jointly or separately. */
  public static CongressNomination byOrganisations(
      String nomineeName, String nomineeId, List<String> organisations, boolean accepted) {
    return new CongressNomination(nomineeName, nomineeId, organisations, List.of(), accepted);
  }

  /** A joint nomination by voters (their resident ID numbers). */
  public static CongressNomination byVoters(
      String nomineeName, String nomineeId, List<String> nominators, boolean accepted) {
    return new CongressNomination(nomineeName, nomineeId, List.of(), nominators, accepted);
  }

  /** Whether voters nominate (选民联名), not parties or organisations. */
  public boolean byVoters() {
    return !nominators.isEmpty();
  }
}
