package xuanju.server.backup;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The table of contents of a backup file (备份清单), stored as {@code manifest.json} in the zip: the
 * Flyway schema version, every table with its entry name, row count, SHA-256 of the entry and
 * columns, the head of the audit chain at the time of the backup, and the key files when the backup
 * was asked to include them. Its own SHA-256 is stored next to it in {@code manifest.sha256}.
 */
public record Manifest(
    String format,
    int formatVersion,
    String createdAt,
    String createdBy,
    String schemaVersion,
    String databaseProduct,
    List<TableEntry> tables,
    long auditLastSeq,
    String auditLastHash,
    List<KeyEntry> keys) {

  public static final String FORMAT = "xuanju-backup";
  public static final int FORMAT_VERSION = 1;
  static final String ENTRY = "manifest.json";
  static final String CHECKSUM_ENTRY = "manifest.sha256";
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  public Manifest {
    tables = List.copyOf(tables);
    keys = List.copyOf(keys);
  }

  /**
   * A secret key file in the backup (密钥文件, only with {@code --with-keys}): {@code keys/NAME.key}.
   */
  public record KeyEntry(String name, String entry, String sha256) {}

  /** One table of the backup (数据表条目). */
  public record TableEntry(
      String name, String entry, long rows, String sha256, List<String> columns) {
    public TableEntry {
      columns = List.copyOf(columns);
    }
  }

  /** Total rows over every table. */
  public long totalRows() {
    return tables.stream().mapToLong(TableEntry::rows).sum();
  }

  String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", format);
    root.put("formatVersion", formatVersion);
    root.put("createdAt", createdAt);
    root.put("createdBy", createdBy);
    root.put("schemaVersion", schemaVersion);
    root.put("databaseProduct", databaseProduct);
    ObjectNode head = root.putObject("auditHead");
    head.put("lastSeq", auditLastSeq);
    head.put("lastHash", auditLastHash);
    ArrayNode ts = root.putArray("tables");
    for (TableEntry t : tables) {
      ObjectNode n = ts.addObject();
      n.put("name", t.name());
      n.put("entry", t.entry());
      n.put("rows", t.rows());
      n.put("sha256", t.sha256());
      ArrayNode cols = n.putArray("columns");
      t.columns().forEach(cols::add);
    }
    if (!keys.isEmpty()) {
      ArrayNode ks = root.putArray("keys");
      for (KeyEntry k : keys) {
        ObjectNode n = ks.addObject();
        n.put("name", k.name());
        n.put("entry", k.entry());
        n.put("sha256", k.sha256());
      }
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /**
   * Reads a manifest.
   *
   * @throws BackupException in Chinese when the text is not a manifest of this format
   */
  static Manifest parse(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      String format = text(root, "format");
      if (!FORMAT.equals(format)) {
        throw new BackupException("不是 Xuanju 备份文件（清单 format 应为 " + FORMAT + "）");
      }
      int version = (int) root.get("formatVersion").longValue();
      if (version != FORMAT_VERSION) {
        throw new BackupException("备份文件格式版本为 " + version + "，本系统只能恢复版本 " + FORMAT_VERSION + " 的备份");
      }
      List<TableEntry> tables = new ArrayList<>();
      for (JsonNode n : root.get("tables")) {
        List<String> cols = new ArrayList<>();
        for (JsonNode c : n.get("columns")) {
          cols.add(c.stringValue());
        }
        tables.add(
            new TableEntry(
                text(n, "name"),
                text(n, "entry"),
                n.get("rows").longValue(),
                text(n, "sha256"),
                cols));
      }
      List<KeyEntry> keys = new ArrayList<>();
      if (root.get("keys") != null) {
        for (JsonNode n : root.get("keys")) {
          String name = text(n, "name");
          if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new BackupException("备份清单中的密钥文件名不合规：" + name);
          }
          keys.add(new KeyEntry(name, text(n, "entry"), text(n, "sha256")));
        }
      }
      JsonNode head = root.get("auditHead");
      return new Manifest(
          format,
          version,
          text(root, "createdAt"),
          text(root, "createdBy"),
          text(root, "schemaVersion"),
          text(root, "databaseProduct"),
          tables,
          head.get("lastSeq").longValue(),
          text(head, "lastHash"),
          keys);
    } catch (BackupException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BackupException("备份清单 manifest.json 无法读取（" + e.getClass().getSimpleName() + "）", e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString()) {
      throw new BackupException("备份清单 manifest.json 缺少字段 " + field);
    }
    return v.stringValue();
  }
}
