package xuanju.server.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log (审计日志查阅): events filtered by action, person, dates and words, newest first,
 * a page at a time, with the actions, the people and the objects in Chinese (the stored codes and
 * login names stay available for tooltips). Read-only: the log itself is only appended to ({@link
 * AuditLog}).
 */
@Service
public class AuditBrowser {
  /** Events per page. */
  public static final int PAGE_SIZE = 50;

  private final NamedParameterJdbcTemplate named;
  private final JdbcTemplate jdbc;

  public AuditBrowser(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /**
   * What to look for; empty fields match everything.
   *
   * @param action an action code (from {@link AuditActions#all()})
   * @param person part of the login name or of the person's name
   * @param from first day (inclusive), by the server's time zone
   * @param to last day (inclusive)
   * @param words part of the summary
   */
  public record Filter(String action, String person, LocalDate from, LocalDate to, String words) {
    public Filter {
      action = action == null ? "" : action.strip();
      person = person == null ? "" : person.strip();
      words = words == null ? "" : words.strip();
    }

    public static Filter none() {
      return new Filter("", "", null, null, "");
    }
  }

  /** One event as the page shows it. */
  public record Row(
      long seq,
      Instant occurredAt,
      String actor,
      String actorZh,
      String action,
      String actionZh,
      String subject,
      String subjectZh,
      String summary) {}

  /** A page of events: {@code page} counts from 0. */
  public record Page(List<Row> rows, long matching, int page, int pages) {}

  @Transactional(readOnly = true)
  public Page search(Filter f, int page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    MapSqlParameterSource p = new MapSqlParameterSource();
    if (!f.action().isEmpty()) {
      where.append(" AND action = :action");
      p.addValue("action", f.action());
    }
    if (!f.person().isEmpty()) {
      where.append(
          " AND (actor LIKE :person OR actor IN (SELECT username FROM app_user WHERE display_name"
              + " LIKE :person))");
      p.addValue("person", "%" + like(f.person()) + "%");
    }
    ZoneId zone = ZoneId.systemDefault();
    if (f.from() != null) {
      where.append(" AND occurred_at >= :from");
      p.addValue("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
    }
    if (f.to() != null) {
      where.append(" AND occurred_at < :to");
      p.addValue("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    if (!f.words().isEmpty()) {
      where.append(" AND summary LIKE :words");
      p.addValue("words", "%" + like(f.words()) + "%");
    }
    Long total = named.queryForObject("SELECT COUNT(*) FROM audit_event" + where, p, Long.class);
    long matching = total == null ? 0 : total;
    int pages = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.max(0, Math.min(page, pages - 1));
    p.addValue("limit", PAGE_SIZE);
    p.addValue("offset", (long) current * PAGE_SIZE);
    List<String[]> raw =
        named.query(
            "SELECT seq, occurred_at, actor, action, subject, summary FROM audit_event"
                + where
                + " ORDER BY seq DESC LIMIT :limit OFFSET :offset",
            p,
            (rs, i) ->
                new String[] {
                  Long.toString(rs.getLong(1)),
                  Long.toString(rs.getTimestamp(2).toInstant().toEpochMilli()),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)
                });
    Names names = names(raw);
    List<Row> rows = new ArrayList<>(raw.size());
    for (String[] r : raw) {
      rows.add(
          new Row(
              Long.parseLong(r[0]),
              Instant.ofEpochMilli(Long.parseLong(r[1])),
              r[2],
              names.person(r[2]),
              r[3],
              AuditActions.zh(r[3]),
              r[4],
              names.subject(r[4]),
              r[5]));
    }
    return new Page(rows, matching, current, pages);
  }

  /** The Chinese names of the people and objects on one page (a few batched look-ups). */
  private Names names(List<String[]> rows) {
    Set<String> users = new TreeSet<>();
    Map<String, Set<Long>> ids = new HashMap<>();
    for (String[] r : rows) {
      users.add(r[2]);
      String s = r[4];
      int colon = s.indexOf(':');
      if (colon > 0) {
        String kind = s.substring(0, colon);
        if (kind.equals("user")) {
          users.add(s.substring(colon + 1));
        } else {
          try {
            ids.computeIfAbsent(kind, k -> new TreeSet<>())
                .add(Long.parseLong(s.substring(colon + 1)));
          } catch (NumberFormatException e) {
            // not an id: shown as stored
          }
        }
      }
    }
    Map<String, String> people =
        lookup(
            "SELECT username, display_name FROM app_user WHERE username IN (:ids)",
            users,
            Function.identity());
    Map<String, Map<Long, String>> objects = new HashMap<>();
    objects.put(
        "election", byId("SELECT id, title FROM election WHERE id IN (:ids)", ids.get("election")));
    objects.put(
        "organisation",
        byId("SELECT id, name FROM organisation WHERE id IN (:ids)", ids.get("organisation")));
    objects.put(
        "district",
        byId(
            "SELECT d.id, e.title || ' ' || d.name FROM district d JOIN election e ON e.id ="
                + " d.election_id WHERE d.id IN (:ids)",
            ids.get("district")));
    objects.put(
        "person", byId("SELECT id, name FROM person WHERE id IN (:ids)", ids.get("person")));
    objects.put(
        "member", byId("SELECT id, name FROM party_member WHERE id IN (:ids)", ids.get("member")));
    return new Names(people, objects);
  }

  private Map<String, String> lookup(String sql, Set<String> keys, Function<String, String> f) {
    Map<String, String> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    named.query(
        sql,
        new MapSqlParameterSource("ids", keys),
        rs -> {
          out.put(f.apply(rs.getString(1)), rs.getString(2));
        });
    return out;
  }

  private Map<Long, String> byId(String sql, Set<Long> keys) {
    Map<Long, String> out = new HashMap<>();
    if (keys == null || keys.isEmpty()) {
      return out;
    }
    named.query(
        sql,
        new MapSqlParameterSource("ids", keys),
        rs -> {
          out.put(rs.getLong(1), rs.getString(2));
        });
    return out;
  }

  private record Names(Map<String, String> people, Map<String, Map<Long, String>> objects) {
    private static final Map<String, String> KIND_ZH =
        Map.of(
            "election", "选举",
            "organisation", "组织",
            "district", "选区",
            "person", "居民",
            "member", "党员",
            "station", "投票站",
            "client", "登录来源",
            "user", "用户");

    String person(String login) {
      String name = people.get(login);
      if (name != null) {
        return name;
      }
      return "system".equals(login) ? "系统" : login;
    }

    String subject(String s) {
      int colon = s.indexOf(':');
      if (colon <= 0) {
        return s;
      }
      String kind = s.substring(0, colon);
      String rest = s.substring(colon + 1);
      String kindZh = KIND_ZH.getOrDefault(kind, "对象");
      if (kind.equals("user")) {
        return kindZh + "：" + person(rest);
      }
      Map<Long, String> m = objects.get(kind);
      if (m != null) {
        try {
          String name = m.get(Long.parseLong(rest));
          if (name != null) {
            return kindZh + "：" + name;
          }
        } catch (NumberFormatException e) {
          // shown as stored
        }
      }
      return kindZh + "：" + rest;
    }
  }

  private static String like(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The number of events (for the page's heading). */
  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
    return n == null ? 0 : n;
  }
}
