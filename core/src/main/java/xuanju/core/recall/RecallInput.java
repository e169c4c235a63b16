package xuanju.core.recall;

import java.util.Objects;
import xuanju.core.rule.InvalidInputException;

/**
 * The numbers of a recall (罢免): petition and vote. Unused fields are 0; {@code petitioners} is -1
 * when the petition is not being checked.
 *
 * @param level the deputy's congress level (people's congress only)
 * @param registered voters of the original constituency / registered villagers
 * @param voted voters who voted in the recall vote
 * @param yes votes for the recall
 * @param petitioners voters who signed the petition, or -1 to skip the petition check
 * @param representatives 村民代表 in total (village; 0 if not used)
 * @param representativePetitioners 村民代表 who signed (village; 0 if not used)
 * @param totalDeputies deputies of the congress (recall of a deputy elected by a congress)
 */
public record RecallInput(
    Level level,
    long registered,
    long voted,
    long yes,
    long petitioners,
    long representatives,
    long representativePetitioners,
    long totalDeputies) {

  /** Level of the deputy recalled (people's congress). */
  public enum Level {
    /** 县级人大代表. */
    COUNTY,
    /** 乡级人大代表. */
    TOWNSHIP,
    /** Not a people's congress recall (village, residents). */
    NONE
  }

  public RecallInput {
    Objects.requireNonNull(level, "level");
    if (registered < 0
        || voted < 0
        || yes < 0
        || representatives < 0
        || representativePetitioners < 0
        || totalDeputies < 0
        || petitioners < -1) {
      throw new InvalidInputException("recall", "人数不能为负数");
    }
    if (yes > voted && voted > 0) {
      throw new InvalidInputException("recall.yes", "赞成罢免票不能多于投票人数");
    }
  }

  /** A village or residents' recall vote (petition not checked). */
  public static RecallInput village(long registered, long voted, long yes) {
    return new RecallInput(Level.NONE, registered, voted, yes, -1, 0, 0, 0);
  }

  /** A recall of a directly elected deputy. */
  public static RecallInput direct(
      Level level, long registered, long voted, long yes, long petitioners) {
    return new RecallInput(level, registered, voted, yes, petitioners, 0, 0, 0);
  }
}
