package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import xuanju.core.community.BarringCase;
import xuanju.core.community.ChosenBy;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ElectionCommittee;
import xuanju.core.community.QualificationReviews;
import xuanju.core.community.Relation;
import xuanju.core.community.ReviewBody;
import xuanju.core.community.Role;
import xuanju.core.rule.InvalidInputException;

/**
 * The candidates stage of a residents' committee election through the services: the election
 * committee, applications, the joint review, close relatives and the formal list. Every refusal
 * names the rule in Chinese and changes nothing.
 */
class CommunityCandidatesTest extends CommunitySupport {
  @Test
  void aCandidateOnTheBarringChecklistIsRefusedNamingTheRule() {
    var c = standard("程委");
    apply(c, "程委", CommitteePost.MEMBER);
    for (ReviewBody b : QualificationReviews.DEFAULT_BODIES) {
      if (b != ReviewBody.COURT) {
        opinion(c, "程委", b, null, "");
      }
    }
    opinion(c, "程委", ReviewBody.COURT, BarringCase.CRIMINAL, "（2023）内0525刑初12号刑事判决");
    var r = new QualificationReviewService.View[1];
    as(() -> r[0] = reviews.view(c.election()));
    assertThat(r[0].results().get(applicationId(c, "程委")).cleared()).isFalse();
    assertThat(r[0].results().get(applicationId(c, "王主")).cleared()).isTrue();

    assertThatThrownBy(() -> publish(c, all(c)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("程委不能确定为候选人（第1项")
        .hasMessageContaining("受过刑事处罚")
        .hasMessageContaining("（2023）内0525刑初12号刑事判决")
        .hasMessageContaining("依据：《");
    assertThat(published(c)).isZero();
    assertThat(audits(c, "COMMUNITY_FORMAL_LIST_PUBLISHED")).isZero();

    // a second opinion of the same body is refused too
    assertThatThrownBy(() -> opinion(c, "程委", ReviewBody.COURT, null, ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("不能重复登记");
    // without the barred applicant the list is published, each post in stroke order
    List<Long> cleared = all(c).stream().filter(x -> x != applicationId(c, "程委")).toList();
    publish(c, cleared);
    var l = new FormalCandidatesService.FormalList[1];
    as(() -> l[0] = formal.formalList(c.election()));
    assertThat(l[0].posts().get(0).candidates().stream().map(x -> x.name()))
        .containsExactly("丁主", "王主");
    assertThat(l[0].posts().get(1).candidates().stream().map(x -> x.name()))
        .containsExactly("石副", "刘副");
    assertThat(l[0].posts().get(2).candidates().stream().map(x -> x.name()))
        .containsExactly("李委", "周委", "赵委", "黄委");
    assertThat(audits(c, "COMMUNITY_FORMAL_LIST_PUBLISHED")).isEqualTo(1);
    assertThatThrownBy(() -> publish(c, cleared)).hasMessageContaining("不能再次公布");
  }

  @Test
  void aCommitteeMemberWhoBecomesACandidateMustLeaveAndBeReplaced() {
    var c = standard("高委");
    // 高三 applies for 委员 while on the committee: recorded, and the committee no longer stands
    apply(c, "高三", CommitteePost.MEMBER);
    clear(c, "高三");
    assertThatThrownBy(() -> publish(c, all(c)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("高三已被提名为居民委员会成员候选人，应当退出居民选举委员会");
    assertThat(published(c)).isZero();
    // an applicant cannot join the committee
    assertThatThrownBy(() -> member(c, "赵委", null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("赵委已被提名为居民委员会成员候选人");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM community_committee_member WHERE election_id = ?",
                Long.class,
                c.election()))
        .isEqualTo(5);

    long gao3 =
        jdbc.queryForObject(
            "SELECT m.id FROM community_committee_member m JOIN person p ON p.id = m.person_id"
                + " WHERE m.election_id = ? AND p.name = '高三'",
            Long.class,
            c.election());
    as(() -> committee.leave(c.election(), gao3, 0, LocalDate.now(), "被提名为居民委员会成员候选人"));
    // left but not replaced: still refused, and the committee is even
    assertThatThrownBy(() -> publish(c, all(c)))
        .hasMessageContaining("高三退出居民选举委员会（被提名为居民委员会成员候选人）后尚未记录递补")
        .hasMessageContaining("应为奇数");
    assertThat(published(c)).isZero();
    // a replacement not duly chosen is refused
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        committee.addMember(
                            c.election(),
                            c.id("高六"),
                            ChosenBy.OTHER,
                            LocalDate.now(),
                            false,
                            gao3,
                            ElectionCommittee.Method.NEXT_IN_ORIGINAL_VOTE)))
        .hasMessageContaining("不是由居民会议、居民代表会议或居民小组会议推选产生");
    member(c, "高六", gao3, ElectionCommittee.Method.NEXT_IN_ORIGINAL_VOTE);
    var v = new ElectionCommitteeService.View[1];
    as(() -> v[0] = committee.view(c.election()));
    assertThat(v[0].current()).hasSize(5);
    assertThat(v[0].findings().errors()).isEmpty();
    assertThat(v[0].findings().all().stream().map(f -> f.messageZh()))
        .contains("高三退出后，按照原推选结果依次递补由高六接任");
    publish(c, all(c));
    assertThat(published(c)).isEqualTo(1 + 9);
    assertThat(audits(c, "COMMUNITY_COMMITTEE_MEMBER_LEFT")).isEqualTo(1);
  }

  @Test
  void aCloseRelativeOfACandidateCannotBeStaffAndAStaffRelativeCannotApply() {
    var c = standard("钱监", "孙写", "吴申");
    as(() -> relatives.declare(c.election(), c.id("王主"), c.id("钱监"), Relation.SPOUSE));
    assertThatThrownBy(
            () -> as(() -> relatives.addStaff(c.election(), c.id("钱监"), Role.SCRUTINEER, false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("钱监是王主的配偶")
        .hasMessageContaining("候选人的近亲属不得担任监票人、计票人")
        .hasMessageContaining("依据：《");
    // a candidate as counter; a writer not vetted
    assertThatThrownBy(
            () -> as(() -> relatives.addStaff(c.election(), c.id("李委"), Role.COUNTER, false)))
        .hasMessageContaining("李委是候选人，不得担任计票人");
    assertThatThrownBy(
            () -> as(() -> relatives.addStaff(c.election(), c.id("孙写"), Role.WRITER, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("尚未经居民选举委员会审查登记");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM community_staff WHERE election_id = ?",
                Long.class,
                c.election()))
        .isZero();

    // a vetted writer; then the writer's child applies: refused, no application
    as(() -> relatives.addStaff(c.election(), c.id("孙写"), Role.WRITER, true));
    as(() -> relatives.declare(c.election(), c.id("孙写"), c.id("吴申"), Relation.CHILD));
    long before =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_application WHERE election_id = ?",
            Long.class,
            c.election());
    assertThatThrownBy(() -> apply(c, "吴申", CommitteePost.MEMBER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("报名未登记")
        .hasMessageContaining("代写人不能与竞选人有近亲属关系");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM community_application WHERE election_id = ?",
                Long.class,
                c.election()))
        .isEqualTo(before);

    // a relation declared after the staff was recorded bars the list until the staff is withdrawn
    as(() -> relatives.declare(c.election(), c.id("孙写"), c.id("周委"), Relation.SIBLING));
    assertThatThrownBy(() -> publish(c, all(c)))
        .hasMessageContaining("存在须回避的近亲属关系")
        .hasMessageContaining("孙写是周委的兄弟姐妹");
    assertThat(published(c)).isZero();
    long staff =
        jdbc.queryForObject(
            "SELECT id FROM community_staff WHERE election_id = ?", Long.class, c.election());
    as(() -> relatives.removeStaff(c.election(), staff));
    publish(c, all(c));
    assertThat(published(c)).isEqualTo(1 + 8);
  }

  @Test
  void eachPostNeedsMoreCandidatesThanSeatsAndOnlyVotersApply() {
    var c = standard();
    List<Long> oneDirector = all(c).stream().filter(x -> x != applicationId(c, "王主")).toList();
    assertThatThrownBy(() -> publish(c, oneDirector))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("候选人人数不符合差额要求")
        .hasMessageContaining("主任：");
    assertThat(published(c)).isZero();
    // a person not on the voter list cannot apply; a second application of one person neither
    String minor = CommunityFixtures.minor(jdbc, c, "童一");
    assertThatThrownBy(
            () ->
                as(
                    () ->
                        applications.apply(
                            c.election(), minor, CommitteePost.MEMBER, LocalDate.now(), false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不是本次选举登记在册的选民");
    assertThatThrownBy(() -> apply(c, "王主", CommitteePost.MEMBER))
        .hasMessageContaining("每人只能报名一个职位");
    assertThat(all(c)).hasSize(8);
  }
}
