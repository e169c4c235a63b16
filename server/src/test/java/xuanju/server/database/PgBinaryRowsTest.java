package xuanju.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The binary COPY encoding, field by field (the PostgreSQL tests write real rows with it). */
class PgBinaryRowsTest {
  @Test
  void headerAndTrailerAreThoseOfTheFormat() {
    byte[] h = PgBinaryRows.header();
    assertThat(new String(h, 0, 11, StandardCharsets.ISO_8859_1)).isEqualTo("PGCOPY\n\377\r\n\0");
    assertThat(h).hasSize(19);
    assertThat(ByteBuffer.wrap(h, 11, 8).getLong()).isZero(); // flags and extension length
    assertThat(PgBinaryRows.trailer()).containsExactly(0xFF, 0xFF);
  }

  @Test
  void fieldsAreLengthPrefixedBigEndianWithPostgresEpochs() {
    PgBinaryRows rows = new PgBinaryRows(1);
    rows.row(7)
        .int8(-2)
        .int4(7)
        .text("张三")
        .text(null)
        .text("")
        .date(LocalDate.of(2000, 1, 2))
        .timestamp(Instant.parse("1999-12-31T23:59:59.000001Z"));
    ByteBuffer b = ByteBuffer.wrap(rows.toBytes());
    assertThat(b.getShort()).isEqualTo((short) 7);
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(-2);
    assertThat(b.getInt()).isEqualTo(4);
    assertThat(b.getInt()).isEqualTo(7);
    assertThat(b.getInt()).isEqualTo(6);
    byte[] name = new byte[6];
    b.get(name);
    assertThat(new String(name, StandardCharsets.UTF_8)).isEqualTo("张三");
    assertThat(b.getInt()).isEqualTo(-1); // NULL
    assertThat(b.getInt()).isZero(); // the empty string is not NULL
    assertThat(b.getInt()).isEqualTo(4);
    assertThat(b.getInt()).isEqualTo(1); // days after 2000-01-01
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(-999_999); // microseconds before 2000-01-01T00:00Z
    assertThat(b.hasRemaining()).isFalse();
    assertThat(rows.size()).isEqualTo(rows.toBytes().length);
    rows.clear();
    assertThat(rows.size()).isZero();
  }
}
