package xuanju.server.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import xuanju.core.quota.Gender;
import xuanju.core.roster.Education;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.desk.Desk.InboxItem;
import xuanju.server.desk.Desk.OrgRow;
import xuanju.server.desk.Desk.RollupRow;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionRepository;
import xuanju.server.election.ElectionStatus;
import xuanju.server.organisation.Organisation;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.plan.ApprovalKind;
import xuanju.server.plan.Deadline;
import xuanju.server.plan.DeadlineService;

/**
 * The town's desk (上级党组织工作台): for an officer who approves for dozens of organisations, what waits
 * for them, every organisation under them (with or without an election) and the roll-up of the
 * committees elected. Only the organisations where the signed-in person may approve ({@link
 * Permission#APPROVE}, and those below them) are shown; a branch administrator sees none. A fixed
 * number of set-based queries, whatever the number of organisations (the page stays fast at 500).
 */
@Service
public class DeskService {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AccessService access;
  private final OrganisationService organisations;
  private final ElectionRepository elections;
  private final DeadlineService deadlines;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  DeskService(
      AccessService access,
      OrganisationService organisations,
      ElectionRepository elections,
      DeadlineService deadlines,
      NamedParameterJdbcTemplate jdbc,
      Clock clock) {
    this.access = access;
    this.organisations = organisations;
    this.elections = elections;
    this.deadlines = deadlines;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The desk of the signed-in person. */
  @Transactional(readOnly = true)
  public Desk load() {
    String me = AccessService.currentUser();
    boolean admin = AccessService.currentIsAdmin();
    Set<Long> mine = access.visibleOrganisations(me, admin, Permission.APPROVE);
    if (mine.isEmpty()) {
      return new Desk(List.of(), List.of(), List.of());
    }
    List<Organisation> orgs =
        organisations.all().stream().filter(o -> mine.contains(o.id())).toList();
    List<Election> all = elections.findByOrganisations(mine);
    // the current election of each organisation: the latest by election day (then id)
    Map<Long, Election> current = new HashMap<>();
    for (Election e : all) {
      current.merge(
          e.organisationId(),
          e,
          (a, b) ->
              Comparator.comparing(Election::electionDay)
                          .thenComparingLong(Election::id)
                          .compare(a, b)
                      >= 0
                  ? a
                  : b);
    }
    Map<Long, List<Deadline>> open = deadlines.forElections(current.values(), 20);
    Map<Long, LocalDate> expiry = termExpiries(current.keySet());
    List<OrgRow> rows = new ArrayList<>();
    for (Organisation o : orgs) {
      Election e = current.get(o.id());
      if (e == null) {
        rows.add(new OrgRow(o.id(), o.name(), null, "尚未启动换届", null, null, 0));
        continue;
      }
      List<Deadline> ds = open.getOrDefault(e.id(), List.of());
      int overdue = (int) ds.stream().filter(Deadline::overdue).count();
      rows.add(
          new OrgRow(
              o.id(),
              o.name(),
              e.id(),
              e.status().labelZh(),
              expiry.get(e.id()),
              ds.isEmpty() ? null : ds.get(0),
              overdue));
    }
    rows.sort(
        Comparator.comparing((OrgRow r) -> r.overdue() == 0)
            .thenComparing(
                r -> r.next() == null ? LocalDate.MAX : r.next().date(), Comparator.naturalOrder())
            .thenComparing(OrgRow::name));
    Map<Long, String> orgNames = new HashMap<>();
    orgs.forEach(o -> orgNames.put(o.id(), o.name()));
    return new Desk(inbox(mine, me, admin), rows, rollup(all, orgNames));
  }

  private Map<Long, LocalDate> termExpiries(Set<Long> organisationIds) {
    Map<Long, LocalDate> out = new HashMap<>();
    if (organisationIds.isEmpty()) {
      return out;
    }
    jdbc.query(
        "SELECT p.election_id, p.term_expiry FROM election_plan p JOIN election e ON e.id ="
            + " p.election_id WHERE e.organisation_id IN (:orgs) AND p.term_expiry IS NOT NULL",
        new MapSqlParameterSource("orgs", organisationIds),
        rs -> {
          out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        });
    return out;
  }

  /** The pending requests under the officer that they may decide (not their own), oldest first. */
  private List<InboxItem> inbox(Set<Long> mine, String me, boolean admin) {
    Instant now = clock.instant();
    List<InboxItem> out = new ArrayList<>();
    jdbc.query(
        "SELECT r.election_id, o.name, e.title, r.kind, r.summary, r.submitted_by, r.submitted_at"
            + " FROM approval_request r LEFT JOIN approval a ON a.request_id = r.id"
            + " JOIN election e ON e.id = r.election_id JOIN organisation o ON o.id ="
            + " e.organisation_id WHERE a.id IS NULL AND e.organisation_id IN (:orgs)"
            + " ORDER BY r.submitted_at, r.id",
        new MapSqlParameterSource("orgs", mine),
        rs -> {
          if (!admin && me.equals(rs.getString(6))) {
            return; // 不得批复本人报送的请示
          }
          ApprovalKind kind = ApprovalKind.valueOf(rs.getString(4));
          long id = rs.getLong(1);
          Instant at = rs.getTimestamp(7).toInstant();
          out.add(
              new InboxItem(
                  id,
                  rs.getString(2),
                  rs.getString(3),
                  kind.labelZh(),
                  rs.getString(5),
                  at,
                  Math.max(0, Duration.between(at, now).toDays()),
                  "/elections/" + id + "/" + page(kind)));
        });
    return out;
  }

  private static String page(ApprovalKind kind) {
    return switch (kind) {
      case PLAN -> "plan";
      case EXCLUSIONS -> "attendance";
      case PRE_CANDIDATES, FORMAL_CANDIDATES -> "nomination";
      case RESULTS -> "results";
    };
  }

  /**
   * The committees elected (stage 1 of every completed or archived election): per organisation and
   * in total, from the rounds' stored decisions and the members' records.
   */
  private List<RollupRow> rollup(List<Election> all, Map<Long, String> orgNames) {
    Map<Long, Election> done = new LinkedHashMap<>();
    for (Election e : all) {
      if (e.status().compareTo(ElectionStatus.COMPLETED) >= 0) {
        done.putIfAbsent(e.organisationId(), e); // the latest (the list is newest first)
      }
    }
    if (done.isEmpty()) {
      return List.of();
    }
    Map<Long, Long> electionOrg = new HashMap<>();
    done.forEach((org, e) -> electionOrg.put(e.id(), org));
    Map<Long, Set<Long>> electedByOrg = new LinkedHashMap<>();
    jdbc.query(
        "SELECT election_id, candidates_json, decision_json FROM voting_round WHERE stage = 1"
            + " AND decision_json IS NOT NULL AND election_id IN (:ids)",
        new MapSqlParameterSource("ids", electionOrg.keySet()),
        rs -> {
          long org = electionOrg.get(rs.getLong(1));
          Map<String, Long> members = new HashMap<>();
          for (JsonNode c : JSON.readTree(rs.getString(2))) {
            JsonNode m = c.get("memberId");
            if (m != null && !m.isNull()) {
              members.put(c.get("id").asString(), m.asLong());
            }
          }
          for (JsonNode o : JSON.readTree(rs.getString(3)).path("outcomes")) {
            if ("Elected".equals(o.path("type").asString())) {
              for (JsonNode id : o.path("ids")) {
                Long member = members.get(id.asString());
                if (member != null) {
                  electedByOrg.computeIfAbsent(org, k -> new HashSet<>()).add(member);
                }
              }
            }
          }
        });
    Set<Long> everyone = new HashSet<>();
    electedByOrg.values().forEach(everyone::addAll);
    record Facts(Gender gender, LocalDate birth, Education education) {}
    Map<Long, Facts> facts = new HashMap<>();
    if (!everyone.isEmpty()) {
      jdbc.query(
          "SELECT id, gender, birth_date, education FROM party_member WHERE id IN (:ids)",
          new MapSqlParameterSource("ids", everyone),
          rs -> {
            facts.put(
                rs.getLong(1),
                new Facts(
                    Gender.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4) == null ? null : Education.valueOf(rs.getString(4))));
          });
    }
    List<RollupRow> rows = new ArrayList<>();
    int[] total = new int[5];
    for (var entry : done.entrySet()) {
      Set<Long> elected = electedByOrg.getOrDefault(entry.getKey(), Set.of());
      LocalDate day = entry.getValue().electionDay();
      int[] n = new int[5];
      for (Long id : elected) {
        Facts f = facts.get(id);
        n[0]++;
        if (f == null) {
          continue;
        }
        if (f.gender() == Gender.FEMALE) {
          n[1]++;
        }
        if (f.birth() != null && f.birth().plusYears(36).isAfter(day)) {
          n[2]++;
        }
        if (f.education() != null && f.education().compareTo(Education.COLLEGE) <= 0) {
          n[3]++;
        }
        if (f.education() != null && f.education().compareTo(Education.BACHELOR) <= 0) {
          n[4]++;
        }
      }
      for (int i = 0; i < 5; i++) {
        total[i] += n[i];
      }
      rows.add(
          new RollupRow(
              orgNames.getOrDefault(entry.getKey(), ""), n[0], n[1], n[2], n[3], n[4], null));
    }
    rows.sort(Comparator.comparing(RollupRow::organisation));
    rows.add(new RollupRow("合计", total[0], total[1], total[2], total[3], total[4], null));
    return rows;
  }
}
