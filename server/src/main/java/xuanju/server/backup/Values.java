package xuanju.server.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Column values to and from JSON (备份数据的值编码), by JDBC type: integers as JSON numbers, booleans as
 * JSON booleans, exact decimals, dates and times as ISO strings (timestamps with a time zone keep
 * their offset), binary as base64, everything else as text. The same encoding works on H2 and
 * PostgreSQL.
 */
final class Values {
  private Values() {}

  static void read(ResultSet rs, int i, Schema.Column c, ObjectNode row) throws SQLException {
    String name = c.name();
    switch (c.jdbcType()) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        long v = rs.getLong(i);
        if (rs.wasNull()) {
          row.putNull(name);
        } else {
          row.put(name, v);
        }
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean v = rs.getBoolean(i);
        if (rs.wasNull()) {
          row.putNull(name);
        } else {
          row.put(name, v);
        }
      }
      case Types.NUMERIC, Types.DECIMAL -> {
        BigDecimal v = rs.getBigDecimal(i);
        putText(row, name, v == null ? null : v.toPlainString());
      }
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double v = rs.getDouble(i);
        if (rs.wasNull()) {
          row.putNull(name);
        } else {
          row.put(name, v);
        }
      }
      case Types.DATE -> putText(row, name, str(rs.getObject(i, LocalDate.class)));
      case Types.TIME -> putText(row, name, str(rs.getObject(i, LocalTime.class)));
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        if (Schema.withTimeZone(c)) {
          putText(row, name, str(rs.getObject(i, OffsetDateTime.class)));
        } else {
          putText(row, name, str(rs.getObject(i, LocalDateTime.class)));
        }
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] v = rs.getBytes(i);
        putText(row, name, v == null ? null : Base64.getEncoder().encodeToString(v));
      }
      default -> putText(row, name, rs.getString(i));
    }
  }

  static void bind(PreparedStatement ps, int i, Schema.Column c, JsonNode v) throws SQLException {
    if (v == null || v.isNull()) {
      ps.setNull(i, c.jdbcType());
      return;
    }
    switch (c.jdbcType()) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        if (!v.isIntegralNumber()) {
          throw new IllegalArgumentException("应为整数");
        }
        ps.setLong(i, v.longValue());
      }
      case Types.BOOLEAN, Types.BIT -> {
        if (!v.isBoolean()) {
          throw new IllegalArgumentException("应为 true 或 false");
        }
        ps.setBoolean(i, v.booleanValue());
      }
      case Types.NUMERIC, Types.DECIMAL -> ps.setBigDecimal(i, new BigDecimal(text(v)));
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        if (!v.isNumber()) {
          throw new IllegalArgumentException("应为数值");
        }
        ps.setDouble(i, v.doubleValue());
      }
      case Types.DATE -> ps.setObject(i, LocalDate.parse(text(v)));
      case Types.TIME -> ps.setObject(i, LocalTime.parse(text(v)));
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        if (Schema.withTimeZone(c)) {
          ps.setObject(i, OffsetDateTime.parse(text(v)));
        } else {
          ps.setObject(i, LocalDateTime.parse(text(v)));
        }
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
          ps.setBytes(i, Base64.getDecoder().decode(text(v)));
      case Types.OTHER -> ps.setObject(i, text(v), Types.OTHER);
      default -> ps.setString(i, text(v));
    }
  }

  private static String text(JsonNode v) {
    if (!v.isString()) {
      throw new IllegalArgumentException("应为文本");
    }
    return v.stringValue();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static void putText(ObjectNode row, String name, String v) {
    if (v == null) {
      row.putNull(name);
    } else {
      row.put(name, v);
    }
  }
}
