/**
 * 社区“两委”换届 of a residents' committee election (issue 11): the candidates stage — the residents'
 * election committee (居民选举委员会), written self-applications per post (报名) with the party
 * organisation's recommendation, the joint qualification review (资格联审) against the 17 barring
 * cases, close-relative avoidance (近亲属回避) with the election staff, and the formal candidates per
 * post in 姓氏笔画 order within the margin, published once as a PDF notice. The rules are core {@code
 * xuanju.core.community}'s; each service checks access, refuses bad input with the rule's Chinese
 * message and changes nothing then, and audits every change.
 */
package xuanju.server.community;
