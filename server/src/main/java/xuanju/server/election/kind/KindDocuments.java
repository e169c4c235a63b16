package xuanju.server.election.kind;

import java.util.Objects;

/**
 * The titles and fixed sentences of an election kind's documents (文书标题): the request (请示), the
 * reply (批复) and the results documents. Patterns take the organisation's signed name with {@code
 * %s}.
 *
 * @param requestTitle the request, e.g. {@code 关于召开党员大会进行换届选举的请示}
 * @param requestBasisZh the legal basis the request cites
 * @param replyTitlePattern the approving reply, e.g. {@code 关于同意%s召开党员大会进行换届选举的批复}
 * @param resultsReportPattern the results report; {@code %1$s} the organisation, {@code %2$s} the
 *     elected body, e.g. {@code 关于选举产生%1$s新一届%2$s的报告}
 * @param announcementPattern the announcement, e.g. {@code %s换届选举结果公告}
 * @param resultsReplyPattern the reply on the results, e.g. {@code 关于%s换届选举结果的批复}
 * @param methodWithCommittee the plan's default voting method (选举方式) when a committee is elected
 * @param methodWithoutCommittee the default voting method without a committee
 */
public record KindDocuments(
    String requestTitle,
    String requestBasisZh,
    String replyTitlePattern,
    String resultsReportPattern,
    String announcementPattern,
    String resultsReplyPattern,
    String methodWithCommittee,
    String methodWithoutCommittee) {
  public KindDocuments {
    Objects.requireNonNull(methodWithCommittee, "methodWithCommittee");
    Objects.requireNonNull(methodWithoutCommittee, "methodWithoutCommittee");
    Objects.requireNonNull(requestTitle, "requestTitle");
    Objects.requireNonNull(requestBasisZh, "requestBasisZh");
    Objects.requireNonNull(replyTitlePattern, "replyTitlePattern");
    Objects.requireNonNull(resultsReportPattern, "resultsReportPattern");
    Objects.requireNonNull(announcementPattern, "announcementPattern");
    Objects.requireNonNull(resultsReplyPattern, "resultsReplyPattern");
  }

  /** The plan's default voting method (选举方式). */
  public String defaultMethod(boolean hasCommittee) {
    return hasCommittee ? methodWithCommittee : methodWithoutCommittee;
  }

  public String replyTitle(String organisation) {
    return String.format(replyTitlePattern, organisation);
  }

  public String resultsReportTitle(String organisation, String body) {
    return String.format(resultsReportPattern, organisation, body);
  }

  public String announcementTitle(String organisation) {
    return String.format(announcementPattern, organisation);
  }

  public String resultsReplyTitle(String organisation) {
    return String.format(resultsReplyPattern, organisation);
  }
}
