package xuanju.server.election.kind;

/**
 * The words an election kind's pages and documents use (用语).
 *
 * @param electingBody who elects, e.g. {@code 党员大会}, {@code 选民}
 * @param votingEventZh how the vote is held, e.g. {@code 召开党员大会}, {@code 召开选举大会}
 * @param electors the people who vote, e.g. {@code 党员}, {@code 选民}
 * @param committee the body elected, e.g. {@code 支部委员会}, {@code 居民委员会}, {@code 镇人民代表大会}
 * @param committeeMember one seat of it, e.g. {@code 委员}, {@code 成员}, {@code 代表}
 * @param directOfficer the office elected directly when no committee is elected, e.g. {@code 支部书记}
 * @param officer the leading office, e.g. {@code 书记}, {@code 主任}
 * @param plenum the second stage's meeting in full, e.g. {@code 委员会第一次全体会议} (empty without one)
 * @param plenumShort the second stage's meeting, short, e.g. {@code 委员会全体会议} (empty without one)
 * @param statute the law or regulation cited, with 《》
 * @param upper the body the request and the results go to, e.g. {@code 上级党组织}, {@code 街道党工委}
 * @param addressee how the upper body addresses the organisation, e.g. {@code 你支部}
 * @param electorateRecord the record the plan is checked against, e.g. {@code 党员名册}, {@code 选民登记}
 * @param resultsFilingZh the sentence saying who approves or files the results
 * @param electionCommittee the body that runs a direct election, e.g. {@code 选举委员会}, {@code
 *     居民选举委员会}, {@code 村民选举委员会}; empty for kinds without one (the party branch)
 * @param electionCommitteeAppointer who appoints or elects it, as the appointment form suggests,
 *     e.g. {@code 县人大常委会}, {@code 居民会议推选}; empty without one
 */
public record KindWording(
    String electingBody,
    String votingEventZh,
    String electors,
    String committee,
    String committeeMember,
    String directOfficer,
    String officer,
    String plenum,
    String plenumShort,
    String statute,
    String upper,
    String addressee,
    String electorateRecord,
    String resultsFilingZh,
    String electionCommittee,
    String electionCommitteeAppointer) {
  /** Whether the kind has an election committee (选举委员会). */
  public boolean hasElectionCommittee() {
    return electionCommittee != null && !electionCommittee.isBlank();
  }
}
