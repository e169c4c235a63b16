package xuanju.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @TempDir Path dir;

  @Test
  void createsOnceKeepsOwnerOnlyAndReadsBack() throws Exception {
    KeyFiles keys = new KeyFiles(dir.resolve("keys").toString());
    assertThat(keys.find("audit-chain")).isEmpty();
    byte[] first = keys.loadOrCreate("audit-chain");
    assertThat(first).hasSize(KeyFiles.KEY_BYTES);
    assertThat(new KeyFiles(dir.resolve("keys").toString()).loadOrCreate("audit-chain"))
        .isEqualTo(first);
    assertThat(keys.loadOrCreate("ballot-id")).isNotEqualTo(first);
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file("audit-chain"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aDamagedKeyFileIsReportedNotReplaced() throws Exception {
    KeyFiles keys = new KeyFiles(dir.toString());
    Files.writeString(keys.file("audit-chain"), "zz\n");
    assertThatThrownBy(() -> keys.loadOrCreate("audit-chain")).hasMessageContaining("已损坏");
    assertThat(Files.readString(keys.file("audit-chain"))).isEqualTo("zz\n");
    assertThatThrownBy(() -> keys.file("../x")).isInstanceOf(IllegalArgumentException.class);
  }
}
