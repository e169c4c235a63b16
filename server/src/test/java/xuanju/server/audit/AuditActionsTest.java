package xuanju.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every action the server appends to the audit log has a Chinese name (审计操作均有中文名称). */
class AuditActionsTest {
  /** An {@code append(actor, "CODE", …)}-style call, whitespace normalised. */
  private static final Pattern CALL =
      Pattern.compile(
          "(?:append|audit|log)\\(\\s*[^,;()]*(?:\\([^()]*\\))?[^,;()]*,\\s*\"([A-Z][A-Z0-9_]+)\"");

  @Test
  void everyActionInTheCodeHasAChineseName() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f).replaceAll("\\s+", " ");
        Matcher m = CALL.matcher(text);
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    assertThat(found).as("源代码中的审计操作").hasSizeGreaterThan(60).contains("VOTER_LIST_PUBLISHED");
    found.remove("EXCLUSIONS_"); // "EXCLUSIONS_" + status: each status is named
    assertThat(found).allSatisfy(a -> assertThat(AuditActions.all()).as(a).containsKey(a));
    for (var s : xuanju.server.attendance.ExclusionStatus.values()) {
      if (s != xuanju.server.attendance.ExclusionStatus.DRAFT) {
        assertThat(AuditActions.all()).containsKey("EXCLUSIONS_" + s.name());
      }
    }
    assertThat(AuditActions.all().values())
        .allSatisfy(n -> assertThat(n).doesNotContainPattern("[A-Za-z]"));
    assertThat(AuditActions.zh("SOMETHING_NEW")).isEqualTo("其他操作");
  }
}
