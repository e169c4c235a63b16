package xuanju.server.delegates;

import java.time.LocalDate;

/**
 * A candidate nominated from above (上级党委提名, e.g. 市委提名): stands in the electing unit's election in
 * addition to its seats ("分别参加有关选举单位的选举", seed 003).
 */
public record UpperNominee(
    long id,
    String name,
    String gender,
    LocalDate birthDate,
    String ethnicity,
    String occupation,
    String document) {}
