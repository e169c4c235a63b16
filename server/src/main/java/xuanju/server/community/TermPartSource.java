package xuanju.server.community;

import xuanju.core.community.CommunityTerms;
import xuanju.core.community.TermPart;

/**
 * The hook through which a part of a community's 换届 that is not an election of its own reports its
 * progress (换届组成部分的进度来源): today 居务监督委员会 ({@link TermPart#SUPERVISION}) and 居民代表 ({@link
 * TermPart#REPRESENTATIVES}). A Spring bean implementing this interface for a part replaces the
 * built-in answer "未开始" on the term page; at most one bean per part. The party organisation and the
 * residents' committee are read from their linked elections ({@link TermProgress}) and take no
 * source.
 */
public interface TermPartSource {
  /** The part this source reports. */
  TermPart part();

  /**
   * The part's progress in this term: whether it has started, whether it is done, and what it waits
   * on in Chinese (e.g. {@code 居务监督委员会推选等待：居民代表会议尚未推选}). Called inside the term page's read-only
   * transaction, after the VIEW check on the term's organisation.
   */
  CommunityTerms.Progress progress(TermRef term);
}
