/**
 * The slate proposal (代表人选建议名单): from a pool of recommended people (推荐人选) with their recommendation
 * votes, a list of exactly N that meets every composition quota (结构要求), keeps the people already
 * settled (锁定人选) and has the most support; or, when no such list exists, the reasons in numbers.
 * Solved with the Choco constraint solver; explained by counting first.
 */
package xuanju.core.slate;
