package xuanju.server.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import xuanju.core.community.CommitteePost;
import xuanju.core.quota.Gender;
import xuanju.server.district.StationService;
import xuanju.server.roster.RosterFixtures;
import xuanju.server.support.PageText;

/**
 * A community's 换届 through its pages: created with the plan's deadlines, the party election created
 * from the term page and the residents' committee election linked (not twice, not of the wrong
 * kind), the timeline with a late part and what each part waits on, the party committee's 分工
 * refused without a 专职副书记, and the 两委 summary with 一肩挑, 交叉任职 and the structure.
 *
 * <p>The party election's result is written into its voting tables directly (rounds decided, the
 * results flag set): driving a members' meeting through ballot entry is the subject of the voting
 * tests; here only its outcome is read.
 */
class CommunityTermTest extends CommunitySupport {
  private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "USER");
  private static final List<String> PARTY = List.of("王主", "姜专", "刘副", "郑纪", "赵委");

  @Autowired MockMvc mvc;
  @Autowired ElectionMethodService methods;
  @Autowired StationService stations;
  @Autowired CommunityBallotService ballots;
  @Autowired BoxCountService boxes;
  @Autowired PostTallyService sheets;
  @Autowired PostDecisionService decisions;
  @Autowired SupervisionService supervision;

  private String page(String url) throws Exception {
    return mvc.perform(get(url).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private MockHttpServletRequestBuilder form(String url) {
    return post(url).with(ADMIN).with(csrf());
  }

  private long createTerm(long org, int year) throws Exception {
    String loc =
        mvc.perform(
                form("/community-terms")
                    .param("organisationId", "" + org)
                    .param("name", "诺恩吉雅社区“两委”换届")
                    .param("year", "" + year)
                    .param("partyDeadline", year + "-01-15")
                    .param("residentsDeadline", year + "-01-31")
                    .param("representativesDeadline", year + "-01-31")
                    .param("supervisionDeadline", year + "-03-31"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(loc).startsWith("/community-terms/");
    return Long.parseLong(loc.substring("/community-terms/".length()));
  }

  private String state(String html, String part) {
    String row = html.substring(html.indexOf("id=\"part-" + part + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    return PageText.visible(row).replaceAll("\\s+", " ");
  }

  @Test
  void aTermWithItsTwoElectionsTimelinePostsAndSummary() throws Exception {
    var c = standard("姜专", "郑纪");
    long branch = orgs.create("test", c.org(), "诺恩吉雅社区党总支" + c.election(), "BRANCH");
    int year = LocalDate.now().getYear(); // 1月15日 of this year: passed unless it is early January
    LocalDate today = LocalDate.now();

    // a date other than the plan's needs its source; nothing is stored
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM community_term", Long.class);
    mvc.perform(
            form("/community-terms")
                .param("organisationId", "" + c.org())
                .param("name", "换届")
                .param("year", "" + year)
                .param("partyDeadline", year + "-01-20"))
        .andExpect(status().isBadRequest());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM community_term", Long.class))
        .isEqualTo(before);

    long term = createTerm(c.org(), year);
    String list = PageText.visible(page("/community-terms"));
    assertThat(list).contains("诺恩吉雅社区“两委”换届").contains("新建社区换届");
    assertThat(page("/elections")).contains("href=\"/community-terms\"");
    String url = "/community-terms/" + term;
    String html = page(url);
    String text = PageText.visible(html);
    assertThat(text).contains("诺恩吉雅社区“两委”换届").contains(year + "-03-31");
    assertThat(state(html, "PARTY")).contains("尚未关联党组织换届选举");
    boolean partyLate = today.isAfter(LocalDate.of(year, 1, 15));
    assertThat(state(html, "PARTY")).contains(partyLate ? "已逾期" : "未开始");
    if (partyLate) {
      assertThat(html).contains("title=\"COMMUNITY.TERM.DEADLINE\"");
    }
    assertThat(PageText.codeIn(text)).isEmpty();

    // the party election created from the term page, of the party branch's kind
    mvc.perform(
            form(url + "/elections")
                .param("part", "PARTY")
                .param("organisationId", "" + branch)
                .param("electionDay", today.plusDays(30).toString()))
        .andExpect(status().is3xxRedirection());
    long party =
        jdbc.queryForObject(
            "SELECT party_election_id FROM community_term WHERE id = ?", Long.class, term);
    assertThat(jdbc.queryForObject("SELECT kind FROM election WHERE id = ?", String.class, party))
        .isEqualTo("PARTY_BRANCH");
    // the residents' committee election: the wrong kind is refused, the right one linked once
    mvc.perform(form(url + "/link").param("part", "RESIDENTS").param("electionId", "" + party))
        .andExpect(status().isBadRequest());
    mvc.perform(
            form(url + "/link").param("part", "RESIDENTS").param("electionId", "" + c.election()))
        .andExpect(status().is3xxRedirection());
    long other = createTerm(c.org(), year + 1);
    String otherHtml =
        mvc.perform(
                form("/community-terms/" + other + "/link")
                    .param("part", "RESIDENTS")
                    .param("electionId", "" + c.election()))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(otherHtml)).contains("一次选举只能属于一次换届");
    // the other term, a year ahead: nothing started, nothing late
    String ahead = page("/community-terms/" + other);
    for (String p : List.of("PARTY", "RESIDENTS", "REPRESENTATIVES", "SUPERVISION")) {
      assertThat(state(ahead, p)).contains("未开始");
    }

    html = page(url);
    assertThat(state(html, "RESIDENTS")).contains("等待党组织换届完成").contains("居民委员会选举等待：选举办法尚未通过");
    assertThat(state(html, "PARTY")).contains("党组织选举等待：选举工作方案尚未报上级党组织");
    assertThat(state(html, "SUPERVISION")).contains("居务监督委员会推选等待：推选会议尚未登记");
    assertThat(state(html, "REPRESENTATIVES")).contains("居民代表推选等待");
    assertThat(page("/elections/" + party)).contains("id=\"community-term-link\"");
    assertThat(page("/elections/" + c.election() + "/community/method"))
        .contains("href=\"/community-terms/" + term + "\"");

    // the party election's result: committee of five, 王主 书记, 姜专 副书记
    List<String> keys = new ArrayList<>();
    for (String n : PARTY) {
      long m =
          RosterFixtures.insertMember(
              jdbc, branch, n, Gender.MALE, LocalDate.of(1980, 5, 1), LocalDate.of(2005, 7, 1));
      // the same person as in the register (交叉任职 is matched by ID number)
      jdbc.update("UPDATE party_member SET resident_id = ? WHERE id = ?", c.id(n), m);
      keys.add("m" + m);
    }
    decidedRound(party, 1, 1, "MEMBERS", keys, keys);
    decidedRound(party, 2, 2, "SECRETARY", keys.subList(0, 2), keys.subList(0, 1));
    decidedRound(party, 3, 2, "DEPUTY", keys.subList(1, 3), keys.subList(1, 2));
    jdbc.update(
        "INSERT INTO voting_state (election_id, ready_for_results) VALUES (?, TRUE)", party);
    html = page(url);
    assertThat(state(html, "PARTY")).contains("已完成");
    assertThat(state(html, "RESIDENTS")).doesNotContain("等待党组织换届完成");
    assertThat(PageText.visible(html)).contains("当选书记").contains("当选副书记");

    // the 分工 without a 专职副书记 is refused, nothing stored
    var refused =
        mvc.perform(posts(url, keys, "SECRETARY", "DEPUTY_SECRETARY"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(PageText.visible(refused)).contains("分工未保存").contains("没有专职副书记");
    assertThat(postRows(term)).isZero();
    mvc.perform(posts(url, keys, "SECRETARY", "FULL_TIME_DEPUTY_SECRETARY"))
        .andExpect(status().is3xxRedirection());
    assertThat(postRows(term)).isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "SELECT post FROM community_term_party_post WHERE term_id = ? AND member_key = ?",
                String.class,
                term,
                keys.get(1)))
        .isEqualTo("FULL_TIME_DEPUTY_SECRETARY");

    // the residents' committee elected: 王主 主任, 刘副 副主任, 赵委 李委 周委 委员
    elect(c);
    html = page(url);
    text = PageText.visible(html);
    assertThat(state(html, "RESIDENTS")).contains("已完成");
    assertThat(text)
        .contains("一肩挑：社区党组织书记王主经法定程序当选居民委员会主任")
        .contains("交叉任职3人")
        .contains("班子成员7人")
        .contains("中共党员5人")
        .contains("居民委员会成员5人");
    // party members' own gender (MALE) counts for the five on the party committee
    long rcOnlyWomen =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM person WHERE gender = 'FEMALE' AND resident_id IN (?, ?)",
            Long.class,
            c.id("李委"),
            c.id("周委"));
    assertThat(text).contains("女性" + rcOnlyWomen + "人");
    assertThat(html).contains("title=\"COMMUNITY.TWO_COMMITTEES.CROSS_POST\"");
    assertThat(PageText.codeIn(text)).isEmpty();
    // the summary table: 书记 first, then by post
    assertThat(text.indexOf("王主")).isLessThan(text.indexOf("姜专"));
    assertThat(text).contains("委员（拟任副主任）");

    var docx =
        mvc.perform(get(url + "/summary.docx").with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(docx.getContentAsByteArray().length).isGreaterThan(1000);
    var pdf =
        mvc.perform(get(url + "/summary.pdf").with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");

    // the summary recorded: 一肩挑 and the cross-posts stored, audited
    mvc.perform(form(url + "/summary")).andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.queryForObject(
                "SELECT one_shoulder FROM community_term WHERE id = ?", Boolean.class, term))
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT cross_posted FROM community_term WHERE id = ?", Integer.class, term))
        .isEqualTo(3);
    assertThat(PageText.visible(page(url))).contains("已登记：").contains("实现“一肩挑”");
    assertThat(termAudits(term, "COMMUNITY_TERM_SUMMARY")).isEqualTo(1);
    // the other term has neither committee: refused, nothing stored
    mvc.perform(form("/community-terms/" + other + "/summary")).andExpect(status().isConflict());

    // the supervision committee on the residents' election: its progress shows on the term, and
    // the chair rule reads 郑纪's 纪检委员 from the term's 分工 (not typed on the supervision page)
    long e = c.election();
    as(() -> supervision.recordMeeting(e, "REPRESENTATIVES_MEETING", today, 30, 24));
    as(() -> supervision.addNominee(e, c.id("郑纪"), 20, ""));
    as(() -> supervision.addNominee(e, c.id("高六"), 18, ""));
    assertThat(state(page(url), "SUPERVISION")).contains("已推选2名，应推选3名").doesNotContain("已完成");
    as(() -> supervision.addNominee(e, c.id("黄委"), 16, ""));
    var v = supervisionView(e);
    as(() -> supervision.chair(e, v.elected().get(0).id()));
    assertThat(supervisionView(e).findings())
        .noneMatch(f -> f.code().equals("RESIDENTS.SUPERVISION.CHAIR"));
    assertThat(state(page(url), "SUPERVISION")).contains("已完成");
    // without the term's 分工 the same chair would be warned about
    jdbc.update("DELETE FROM community_term_party_post WHERE term_id = ?", term);
    assertThat(supervisionView(e).findings())
        .anySatisfy(f -> assertThat(f.code()).isEqualTo("RESIDENTS.SUPERVISION.CHAIR"));

    assertThat(termAudits(term, "COMMUNITY_TERM_CREATED")).isEqualTo(1);
    assertThat(termAudits(term, "COMMUNITY_TERM_LINKED")).isEqualTo(2);
    assertThat(termAudits(term, "COMMUNITY_TERM_POSTS")).isEqualTo(1);
  }

  /** 王主 书记, the second as given, 刘副 委员 to stand for 副主任, 郑纪 纪检委员, 赵委 委员. */
  private MockHttpServletRequestBuilder posts(
      String url, List<String> keys, String first, String second) {
    String[] p = {first, second, "MEMBER", "DISCIPLINE_MEMBER", "MEMBER"};
    var b = form(url + "/party-posts");
    for (int i = 0; i < keys.size(); i++) {
      b.param("memberKey", keys.get(i)).param("post", p[i]);
    }
    return b.param("deputyDirector", keys.get(2));
  }

  private SupervisionService.View supervisionView(long e) {
    List<SupervisionService.View> out = new ArrayList<>();
    as(() -> out.add(supervision.view(e)));
    return out.get(0);
  }

  private long postRows(long term) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM community_term_party_post WHERE term_id = ?", Long.class, term);
  }

  private long termAudits(long term, String action) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?",
        Long.class,
        action,
        "community-term:" + term);
  }

  private void decidedRound(
      long election, int number, int stage, String post, List<String> cands, List<String> won) {
    StringBuilder cj = new StringBuilder("[");
    for (String k : cands) {
      String name =
          jdbc.queryForObject(
              "SELECT name FROM party_member WHERE id = ?",
              String.class,
              Long.valueOf(k.substring(1)));
      cj.append(cj.length() > 1 ? "," : "")
          .append("{\"id\":\"")
          .append(k)
          .append("\",\"name\":\"")
          .append(name)
          .append("\",\"memberId\":")
          .append(k.substring(1))
          .append("}");
    }
    cj.append("]");
    String ids = String.join("\",\"", won);
    String decision =
        "{\"outcomes\":[{\"type\":\"Elected\",\"seats\":"
            + won.size()
            + ",\"ids\":[\""
            + ids
            + "\"],\"votes\":0,\"reduceAllowed\":false,\"actual\":0,\"minimum\":0}],"
            + "\"ranking\":[],\"trail\":[],\"valid\":30,\"invalid\":0,\"issued\":30,"
            + "\"returned\":30,\"expected\":30,\"present\":30}";
    jdbc.update(
        "INSERT INTO voting_round (election_id, number, stage, post, kind, further_round, seats,"
            + " candidates_json, definition_hash, expected, present, status, decision_json,"
            + " created_by, created_at) VALUES (?, ?, ?, ?, 'FIRST', 0, ?, ?, 'x', 30, 30,"
            + " 'DECIDED', ?, 'test', ?)",
        election,
        number,
        stage,
        post,
        won.size(),
        cj.toString(),
        decision,
        Timestamp.from(Instant.now()));
  }

  /** The residents' committee election day with one station, every post elected at once. */
  private void elect(CommunityFixtures.Community c) {
    long e = c.election();
    as(() -> methods.draft(e, "ALL_VOTERS", 3, true, "NO"));
    as(() -> methods.adopt(e, LocalDate.now(), 30, 25, 20));
    publish(c, all(c));
    long district =
        jdbc.queryForObject("SELECT id FROM district WHERE election_id = ?", Long.class, e);
    long[] s = new long[1];
    as(() -> s[0] = stations.add(e, district, "社区中心投票站", "社区办公楼", false));
    long[] vote = new long[1];
    as(() -> vote[0] = ballots.openFirst(e));
    long base = day(e).current().orElseThrow().base();
    int n = (int) base;
    as(() -> boxes.record(e, vote[0], s[0], n, n, ""));
    sheet(e, vote[0], s[0], CommitteePost.DIRECTOR, n, Map.of("王主", n - 1));
    sheet(e, vote[0], s[0], CommitteePost.DEPUTY_DIRECTOR, n, Map.of("刘副", n - 1));
    sheet(e, vote[0], s[0], CommitteePost.MEMBER, n, Map.of("赵委", n - 1, "李委", n - 1, "周委", n - 1));
    as(() -> decisions.decide(e, vote[0]));
  }

  private CommunityBallotService.Day day(long e) {
    List<CommunityBallotService.Day> out = new ArrayList<>();
    as(() -> out.add(ballots.day(e)));
    return out.get(0);
  }

  private void sheet(
      long e, long vote, long station, CommitteePost p, int valid, Map<String, Integer> votes) {
    var d = day(e);
    var round =
        d.current().orElseThrow().rounds().stream()
            .filter(x -> x.post() == p)
            .findFirst()
            .orElseThrow();
    List<Integer> counts =
        d.ballotNames(round).stream().map(x -> votes.getOrDefault(x, 0)).toList();
    as(() -> sheets.record(e, vote, station, p.name(), valid, 0, counts, ""));
    secondClerk(() -> sheets.record(e, vote, station, p.name(), valid, 0, counts, ""));
  }
}
