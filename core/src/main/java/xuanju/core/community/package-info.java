/**
 * 社区“两委”换届 (community "two committees" elections: the community party organisation and the
 * residents' committee, with the residents' supervision committee), seed 002 (奈曼旗大沁他拉街道诺恩吉雅社区, 内蒙古)
 * and 城市居民委员会组织法: the residents' election committee ({@link
 * xuanju.core.community.ElectionCommittees}), the three lawful electorates ({@link
 * xuanju.core.community.ElectorateMode}), the 17 barring cases and the joint qualification review
 * ({@link xuanju.core.community.BarringCase}, {@link xuanju.core.community.QualificationReviews}),
 * close-relative avoidance ({@link xuanju.core.community.Relatives}), margins per post and the
 * carry-down of votes ({@link xuanju.core.community.PostMargins}, {@link
 * xuanju.core.community.PostVotes}), the supervision committee ({@link
 * xuanju.core.community.SupervisionCommittees}), election staff and ballot writers ({@link
 * xuanju.core.community.ElectionStaff}) and the 一肩挑 / 交叉任职 summary ({@link
 * xuanju.core.community.TwoCommittees}). Pure functions over immutable values; rules in {@link
 * xuanju.core.community.CommunityRule} and {@link xuanju.core.community.BarringCase}.
 */
package xuanju.core.community;
