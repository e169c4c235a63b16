package xuanju.core.register;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import xuanju.core.rule.Findings;
import xuanju.core.schedule.Milestone;

/**
 * The statutory days of a voter list (选民名单法定期限) for one election day, from the schedule template of
 * the election kind.
 *
 * @param templateId the schedule template, e.g. {@code NPC_DIRECT}
 * @param electionDay 选举日
 * @param publication publish the list at the latest D − 20 (its actual date when published)
 * @param objections the objection window, counted from the actual publication day when given, else
 *     from the latest day
 * @param court the last day to go to court (D − 5), when the election kind has it
 * @param changesBy the last day to publish corrections after publication (D − 2, 上海 实施细则 第二十四条, tag
 *     I)
 * @param findings late or missing publication, holiday shifts, years without calendar data
 */
public record VoterListDeadlines(
    String templateId,
    LocalDate electionDay,
    Milestone publication,
    Milestone objections,
    Optional<Milestone> court,
    LocalDate changesBy,
    Findings findings) {
  public VoterListDeadlines {
    Objects.requireNonNull(publication, "publication");
    Objects.requireNonNull(objections, "objections");
    Objects.requireNonNull(court, "court");
  }

  /** The last day the list may be published (最迟公布日期). */
  public LocalDate latestPublication() {
    return publication.to();
  }

  /** The actual publication day, if recorded. */
  public Optional<LocalDate> publishedOn() {
    return publication.actualDate();
  }

  /** The first day objections may be filed (the day after publication). */
  public LocalDate objectionsFrom() {
    return objections.from();
  }

  /** The last day objections may be filed. */
  public LocalDate objectionsTo() {
    return objections.to();
  }

  /** The last day to go to the people's court, when the election kind has it. */
  public Optional<LocalDate> courtBy() {
    return court.map(Milestone::to);
  }
}
