package xuanju.server.delegates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.election.ElectionForm;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * What the delegates tests share: a district (区委) with a delegates' election for 16 seats, the
 * allocation of seed 003 (16 of 760, margin 50 %), units of 11 → 17 names (6 局级 + 3 处级 + 8 基层一线)
 * and a good list of 17 as pasted text.
 */
abstract class DelegateSupport extends H2AppTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService orgs;
  @Autowired ElectionService elections;
  @Autowired DelegateService delegates;

  static void as(Runnable r) {
    SignIn.as("admin", true, r);
  }

  static <T> T as(Supplier<T> s) {
    List<T> out = new ArrayList<>();
    SignIn.as("admin", true, () -> out.add(s.get()));
    return out.get(0);
  }

  /** A new district organisation and a delegates' election of it for 16 seats, 60 days ahead. */
  long election() {
    String tag = Long.toString(System.nanoTime(), 36);
    long org = orgs.create("tester", null, "中共XX区委员会" + tag, "TOWN_COMMITTEE");
    return as(
        () ->
            elections.create(
                new ElectionForm(
                    org,
                    "XX区出席XX市第十二次党代会代表选举",
                    ElectionKind.PARTY_CONGRESS_DELEGATES,
                    ElectionKind.PARTY_CONGRESS_DELEGATES.defaultProfile(),
                    Map.of(),
                    "",
                    false,
                    16,
                    0,
                    0,
                    null,
                    LocalDate.now().plusDays(60),
                    5)));
  }

  void allocate(long election) {
    as(
        () ->
            delegates.saveAllocation(
                election, "XX市第十二次党代会", 760, 16, "中共XX市委关于中国共产党XX市第十二次代表大会代表选举工作的通知", 50, 0));
  }

  long unit(long election, String name) {
    return as(() -> delegates.addUnit(election, name, 11, 17, 6, 3, 8));
  }

  int version(long unitId) {
    return jdbc.queryForObject(
        "SELECT version FROM delegate_unit WHERE id = ?", Integer.class, unitId);
  }

  int stored(long unitId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM delegate_recommendee WHERE unit_id = ?", Integer.class, unitId);
  }

  long auditCount(long election) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE subject = ?", Long.class, "election:" + election);
  }

  /**
   * The good list, one person a line (tab-separated, as pasted from Excel): 6 局级 (born 1965, two
   * women), 3 处级 (born 1978, one woman, one 蒙古族), 8 基层一线 (born 1985, two women): 先进模范 2 (one 工人),
   * 专业技术人员 3; support votes 100 + i.
   */
  static List<String> goodRows() {
    String[] bureau = {"王建国", "李明华", "张伟", "刘芳", "陈静", "杨帆"};
    String[] division = {"赵磊", "黄丽", "周强"};
    String[] grassroots = {"吴刚", "徐敏", "孙涛", "胡军", "朱琳", "高峰", "林涛", "何勇"};
    List<String> rows = new ArrayList<>();
    int v = 100;
    for (int i = 0; i < bureau.length; i++) {
      rows.add(
          String.join(
              "\t",
              bureau[i],
              i == 3 || i == 4 ? "女" : "男",
              "1965-04-0" + (i + 1),
              "汉族",
              "局级领导干部",
              "区直某局局长",
              "",
              Integer.toString(v++)));
    }
    for (int i = 0; i < division.length; i++) {
      rows.add(
          String.join(
              "\t",
              division[i],
              i == 1 ? "女" : "男",
              "1978-06-1" + i,
              i == 2 ? "蒙古族" : "汉族",
              "处级领导干部",
              "区直某局副局长",
              "",
              Integer.toString(v++)));
    }
    String[] tags = {"先进模范、工人", "先进模范", "专业技术人员", "专业技术人员", "专业技术人员", "", "", ""};
    for (int i = 0; i < grassroots.length; i++) {
      rows.add(
          String.join(
              "\t",
              grassroots[i],
              i == 1 || i == 4 ? "女" : "男",
              "1985-0" + (i + 1) + "-15",
              "汉族",
              "基层一线",
              "某街道社区党委书记",
              tags[i],
              Integer.toString(v++)));
    }
    return rows;
  }

  static String goodList() {
    return String.join("\n", goodRows());
  }
}
