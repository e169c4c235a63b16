package xuanju.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.server.audit.AuditLog;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.security.UserRepository;

/**
 * What persistence must do on every supported database (H2 and PostgreSQL): the migrations run,
 * rows with Chinese text round-trip, constraints hold, and the audit chain detects an edited row.
 */
public interface PersistenceContract {
  JdbcTemplate jdbc();

  AuditLog audit();

  OrganisationService organisations();

  UserRepository users();

  @Test
  default void migrationsRanOnThisDatabase() {
    Integer ok =
        jdbc()
            .queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = TRUE",
                Integer.class);
    assertThat(ok).isEqualTo(1);
  }

  @Test
  default void organisationsRoundTripWithChineseNames() {
    long parent = organisations().create("tester", null, "测试镇党委", "TOWN_COMMITTEE");
    long child = organisations().create("tester", parent, "欧阳村第一党支部（䶮）", "BRANCH");
    var all = organisations().all();
    assertThat(all)
        .anySatisfy(
            o -> {
              assertThat(o.id()).isEqualTo(child);
              assertThat(o.parentId()).isEqualTo(parent);
              assertThat(o.name()).isEqualTo("欧阳村第一党支部（䶮）");
            });
  }

  @Test
  default void usernamesAreUnique() {
    users().insert("dup-user", "甲", "x", false, false, Instant.now());
    assertThatThrownBy(() -> users().insert("dup-user", "乙", "y", false, false, Instant.now()))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  default void auditChainDetectsAnEditedRow() {
    var a = audit().append("tester", "TEST", "x:1", "第一条");
    var b = audit().append("tester", "TEST", "x:2", "第二条");
    audit().append("tester", "TEST", "x:3", "第三条");
    assertThat(audit().firstBrokenLink()).isEmpty();
    assertThat(b.prevHash()).isEqualTo(a.hash());
    try {
      jdbc().update("UPDATE audit_event SET summary = '篡改' WHERE seq = ?", b.seq());
      assertThat(audit().firstBrokenLink()).contains(b.seq());
    } finally {
      jdbc().update("UPDATE audit_event SET summary = ? WHERE seq = ?", b.summary(), b.seq());
    }
    assertThat(audit().firstBrokenLink()).isEmpty();
  }

  @Test
  default void auditChainDetectsADeletedRow() {
    var a = audit().append("tester", "TEST", "y:1", "待删除");
    audit().append("tester", "TEST", "y:2", "其后一条");
    var row = jdbc().queryForMap("SELECT * FROM audit_event WHERE seq = ?", a.seq());
    try {
      jdbc().update("DELETE FROM audit_event WHERE seq = ?", a.seq());
      assertThat(audit().firstBrokenLink()).contains(a.seq());
    } finally {
      jdbc()
          .update(
              "INSERT INTO audit_event (seq, occurred_at, actor, action, subject, summary, prev_hash,"
                  + " hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              row.get("seq"),
              row.get("occurred_at"),
              row.get("actor"),
              row.get("action"),
              row.get("subject"),
              row.get("summary"),
              row.get("prev_hash"),
              row.get("hash"),
              row.get("key_id"));
    }
    assertThat(audit().firstBrokenLink()).isEmpty();
  }
}
