/**
 * 出席上级党代会代表选举 (issue 12, seed 003), the first stage 推荐提名: the electing unit's seat allocation and
 * the candidates nominated from above (市委提名), the recommendation units (推荐单位) with their quota,
 * list size and required split, each unit's recommended names (typed, pasted or imported from
 * .xlsx, all or nothing), its participation, the live composition of the pool against core's {@code
 * PARTY_CONGRESS_DELEGATES} quota set, and the stage's documents (推荐人选名册, 推荐提名工作统计表). Rules: {@link
 * xuanju.server.delegates.DelegateRule}; see docs/delegates.md.
 */
package xuanju.server.delegates;
