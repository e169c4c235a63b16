package xuanju.server.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Facts about this installation (系统信息): version and database product. */
@Component
public class SystemInfo {
  private final String databaseProduct;
  private final String version;

  public SystemInfo(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      var md = c.getMetaData();
      this.databaseProduct = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
    }
    String v = SystemInfo.class.getPackage().getImplementationVersion();
    this.version = v == null ? "开发版" : v;
  }

  public String databaseProduct() {
    return databaseProduct;
  }

  public boolean embedded() {
    return databaseProduct.startsWith("H2");
  }

  public String version() {
    return version;
  }
}
