package xuanju.server.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's tables as the JDBC metadata describes them (数据库表结构): every base table of the
 * current schema except Flyway's history, its columns, primary key, identity column and foreign
 * keys, ordered so that a table comes after every table it references. Nothing here is hard-coded,
 * so tables added by later migrations are backed up without any change.
 */
final class Schema {
  static final String FLYWAY_HISTORY = "flyway_schema_history";

  /** A column: name, {@link java.sql.Types} code, the database's type name, identity or not. */
  record Column(String name, int jdbcType, String typeName, boolean identity) {}

  /**
   * A table with its columns in ordinal order, primary key columns, the tables it references (other
   * than itself) and its self-references as (column → referenced column) pairs.
   */
  record Table(
      String name,
      List<Column> columns,
      List<String> primaryKey,
      Set<String> references,
      Map<String, String> selfReferences) {
    Table {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      references = Set.copyOf(references);
      selfReferences = Map.copyOf(selfReferences);
    }

    Column identityColumn() {
      return columns.stream().filter(Column::identity).findFirst().orElse(null);
    }

    List<String> columnNames() {
      return columns.stream().map(Column::name).toList();
    }

    /** ORDER BY clause giving a stable order: the primary key, or every column. */
    String orderBy() {
      List<String> cols = primaryKey.isEmpty() ? columnNames() : primaryKey;
      return String.join(", ", cols.stream().map(Schema::quote).toList());
    }
  }

  private Schema() {}

  /** The tables in dependency order (referenced tables first). */
  static List<Table> read(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String schema = c.getSchema();
    String catalog = c.getCatalog();
    Map<String, Table> tables = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        String name = rs.getString("TABLE_NAME");
        if (type != null
            && (type.equalsIgnoreCase("TABLE") || type.equalsIgnoreCase("BASE TABLE"))
            && !name.equalsIgnoreCase(FLYWAY_HISTORY)) {
          names.add(name);
        }
      }
    }
    for (String name : names) {
      List<Column> columns = new ArrayList<>();
      TreeMap<Integer, Column> byOrdinal = new TreeMap<>();
      try (ResultSet rs = md.getColumns(catalog, schema, name, "%")) {
        while (rs.next()) {
          String auto = rs.getString("IS_AUTOINCREMENT");
          byOrdinal.put(
              rs.getInt("ORDINAL_POSITION"),
              new Column(
                  rs.getString("COLUMN_NAME"),
                  rs.getInt("DATA_TYPE"),
                  rs.getString("TYPE_NAME"),
                  "YES".equalsIgnoreCase(auto)));
        }
      }
      columns.addAll(byOrdinal.values());
      TreeMap<Integer, String> pk = new TreeMap<>();
      try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
        while (rs.next()) {
          pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
      Set<String> refs = new TreeSet<>();
      Map<String, String> self = new LinkedHashMap<>();
      try (ResultSet rs = md.getImportedKeys(catalog, schema, name)) {
        while (rs.next()) {
          String target = rs.getString("PKTABLE_NAME");
          if (target.equals(name)) {
            self.put(rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"));
          } else {
            refs.add(target);
          }
        }
      }
      tables.put(name, new Table(name, columns, new ArrayList<>(pk.values()), refs, self));
    }
    return topological(tables);
  }

  /** Kahn's algorithm over the foreign keys, alphabetical among equals (deterministic). */
  static List<Table> topological(Map<String, Table> tables) {
    Map<String, Integer> pending = new HashMap<>();
    for (Table t : tables.values()) {
      int n = 0;
      for (String r : t.references()) {
        if (tables.containsKey(r)) {
          n++;
        }
      }
      pending.put(t.name(), n);
    }
    List<Table> out = new ArrayList<>();
    TreeSet<String> ready = new TreeSet<>();
    pending.forEach(
        (k, v) -> {
          if (v == 0) {
            ready.add(k);
          }
        });
    while (!ready.isEmpty()) {
      String next = ready.pollFirst();
      out.add(tables.get(next));
      for (Table t : tables.values()) {
        if (t.references().contains(next)) {
          int left = pending.merge(t.name(), -1, Integer::sum);
          if (left == 0) {
            ready.add(t.name());
          }
        }
      }
    }
    if (out.size() != tables.size()) {
      List<String> cyclic =
          tables.keySet().stream()
              .filter(k -> out.stream().noneMatch(t -> t.name().equals(k)))
              .toList();
      throw new BackupException("数据表之间的外键构成循环，无法确定备份顺序：" + String.join("、", cyclic));
    }
    return out;
  }

  /** Quotes an identifier (names come from the metadata, never from the user or the file). */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Whether the column holds a timestamp with a time zone on H2 or PostgreSQL. */
  static boolean withTimeZone(Column c) {
    String t = c.typeName() == null ? "" : c.typeName().toLowerCase(Locale.ROOT);
    return c.jdbcType() == java.sql.Types.TIMESTAMP_WITH_TIMEZONE
        || t.contains("timestamptz")
        || t.contains("with time zone");
  }
}
