package xuanju.server.district;

import java.time.LocalDate;

/**
 * The stored seat total of an election (代表名额): the population it was computed from, the 民族乡
 * decision, the computed total and the county 人大常委会's decision where it differs.
 *
 * @param populationNote where the population came from when it is not the register count
 * @param ethnicTownship a 民族乡 given the extra 5 % by the provincial decision
 * @param extraDocument that decision
 * @param decidedTotal the number the county 人大常委会 decided, or null
 * @param deviationLimit the deviation share above which a district is warned about, {@code a/b}
 */
public record SeatTotalRecord(
    long population,
    String populationNote,
    boolean ethnicTownship,
    String extraDocument,
    int computedTotal,
    Integer decidedTotal,
    String decidedBy,
    String decisionDocument,
    LocalDate decidedOn,
    String deviationLimit,
    int version) {}
