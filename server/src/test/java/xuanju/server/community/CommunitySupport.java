package xuanju.server.community;

import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.community.BarringCase;
import xuanju.core.community.ChosenBy;
import xuanju.core.community.CommitteePost;
import xuanju.core.community.ElectionCommittee;
import xuanju.core.community.QualificationReviews;
import xuanju.core.community.ReviewBody;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.register.RegistrationService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * What the community tests share: a standard community (a five-member election committee, eight
 * applicants for 主任 2, 副主任 2, 委员 4, all cleared by the joint review) and the service calls as the
 * administrator.
 */
abstract class CommunitySupport extends H2AppTest {
  static final List<String> COMMITTEE = List.of("高一", "高二", "高三", "高四", "高五");
  static final List<String> APPLICANTS = List.of("王主", "丁主", "刘副", "石副", "赵委", "李委", "周委", "黄委");

  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired RegistrationService registration;
  @Autowired ElectionCommitteeService committee;
  @Autowired ApplicationService applications;
  @Autowired QualificationReviewService reviews;
  @Autowired RelativesService relatives;
  @Autowired FormalCandidatesService formal;

  static void as(Runnable r) {
    SignIn.as("admin", true, r);
  }

  /** The second clerk of a tally sheet's double entry (RESIDENTS.COUNT.DOUBLE_ENTRY). */
  static void secondClerk(Runnable r) {
    SignIn.as("clerk2", true, r);
  }

  /** A community with a five-member committee and eight applicants, all cleared. */
  CommunityFixtures.Community standard(String... more) {
    List<String> names = CommunityFixtures.names(more);
    names.addAll(COMMITTEE);
    names.addAll(APPLICANTS);
    names.add("高六");
    var c = CommunityFixtures.community(jdbc, orgs, elections, registration, names);
    for (String m : COMMITTEE) {
      member(c, m, null, null);
    }
    for (String a : APPLICANTS) {
      apply(c, a, postOf(a));
      clear(c, a);
    }
    return c;
  }

  static CommitteePost postOf(String name) {
    return name.endsWith("主")
        ? CommitteePost.DIRECTOR
        : name.endsWith("副") ? CommitteePost.DEPUTY_DIRECTOR : CommitteePost.MEMBER;
  }

  void member(
      CommunityFixtures.Community c, String name, Long replaces, ElectionCommittee.Method m) {
    as(
        () ->
            committee.addMember(
                c.election(),
                c.id(name),
                ChosenBy.RESIDENTS_MEETING,
                LocalDate.now().minusDays(20),
                name.equals("高一"),
                replaces,
                m));
  }

  void apply(CommunityFixtures.Community c, String name, CommitteePost p) {
    as(() -> applications.apply(c.election(), c.id(name), p, LocalDate.now().minusDays(5), false));
  }

  long applicationId(CommunityFixtures.Community c, String name) {
    return jdbc.queryForObject(
        "SELECT a.id FROM community_application a JOIN person p ON p.id = a.person_id"
            + " WHERE a.election_id = ? AND p.resident_id = ?",
        Long.class,
        c.election(),
        c.id(name));
  }

  void clear(CommunityFixtures.Community c, String name) {
    for (ReviewBody b : QualificationReviews.DEFAULT_BODIES) {
      opinion(c, name, b, null, "");
    }
  }

  void opinion(
      CommunityFixtures.Community c, String name, ReviewBody b, BarringCase bar, String ev) {
    long id = applicationId(c, name);
    as(
        () ->
            reviews.recordOpinion(
                c.election(), id, b, true, LocalDate.now().minusDays(2), bar, ev, null));
  }

  List<Long> all(CommunityFixtures.Community c) {
    return jdbc.queryForList(
        "SELECT id FROM community_application WHERE election_id = ? ORDER BY id",
        Long.class,
        c.election());
  }

  void publish(CommunityFixtures.Community c, List<Long> ids) {
    as(() -> formal.publish(c.election(), ids, LocalDate.now()));
  }

  long published(CommunityFixtures.Community c) {
    return jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_formal_list WHERE election_id = ?",
            Long.class,
            c.election())
        + jdbc.queryForObject(
            "SELECT COUNT(*) FROM community_application WHERE election_id = ? AND formal",
            Long.class,
            c.election());
  }

  long audits(CommunityFixtures.Community c, String action) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?",
        Long.class,
        action,
        "election:" + c.election());
  }
}
