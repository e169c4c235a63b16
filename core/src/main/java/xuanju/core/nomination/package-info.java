/**
 * 代表候选人的推荐 (nomination of deputy candidates in a direct people's-congress election): who may
 * nominate, how many, and the nominee's acceptance, as pure checks over immutable values ({@link
 * xuanju.core.nomination.CongressNominations}).
 */
package xuanju.core.nomination;
