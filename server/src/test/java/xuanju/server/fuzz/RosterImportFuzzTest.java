package xuanju.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.roster.RosterField;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.roster.ImportMode;
import xuanju.server.roster.ImportReport;
import xuanju.server.roster.RosterService;
import xuanju.server.support.H2AppTest;
import xuanju.server.support.SignIn;

/**
 * Fuzzing of the roster .xlsx importer (名册导入模糊测试), seeded and reproducible: the bytes of a valid
 * generated .xlsx mutated at random, the XML parts inside it mutated at random, and workbooks of
 * random cell values under the real header. Property: the import never throws (every problem comes
 * back as the documented Chinese report with a rule code) and never writes part of a file (the
 * member count is unchanged after a rejected import, and grows by exactly the reported number after
 * an accepted one).
 *
 * <p>Short run in the suite; a longer run with {@code -Dxuanju.fuzz.iterations=N} (see
 * docs/benchmarks.md).
 */
class RosterImportFuzzTest extends H2AppTest {
  static final int ITERATIONS = Integer.getInteger("xuanju.fuzz.iterations", 25);

  @Autowired RosterService roster;
  @Autowired OrganisationService organisations;
  @Autowired JdbcTemplate jdbc;

  private long org;
  private byte[] template;
  private final int[] accepted = {0};
  private final int[] rejected = {0};

  @org.junit.jupiter.api.AfterEach
  void summary(org.junit.jupiter.api.TestInfo info) {
    System.out.println(
        "名册导入模糊测试 "
            + info.getDisplayName()
            + " "
            + info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("")
            + "："
            + (accepted[0] + rejected[0])
            + " 个输入，接受 "
            + accepted[0]
            + "，拒绝 "
            + rejected[0]
            + "，未记载的异常 0");
  }

  static Stream<Long> seeds() {
    return LongStream.of(20261121L, 7L, 1_000_003L).boxed();
  }

  @BeforeEach
  void setUp() {
    org = organisations.create("tester", null, "模糊测试支部" + System.nanoTime(), "BRANCH");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SignIn.as("admin", true, () -> roster.template(org, out));
    template = out.toByteArray();
    example = exampleRow(template);
  }

  /** The template's example row as text by field (the base of the valid rows of the cell test). */
  private java.util.Map<RosterField, String> example;

  static java.util.Map<RosterField, String> exampleRow(byte[] xlsx) {
    java.util.Map<RosterField, String> out = new java.util.EnumMap<>(RosterField.class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var f = new org.apache.poi.ss.usermodel.DataFormatter();
      var sheet = wb.getSheetAt(0);
      for (int r = 0; r <= Math.min(5, sheet.getLastRowNum()); r++) {
        var header = sheet.getRow(r);
        if (header == null || sheet.getRow(r + 1) == null) {
          continue;
        }
        java.util.Map<Integer, RosterField> cols = new java.util.HashMap<>();
        header.forEach(
            c ->
                RosterField.byHeader(f.formatCellValue(c))
                    .ifPresent(x -> cols.put(c.getColumnIndex(), x)));
        if (cols.containsValue(RosterField.RESIDENT_ID)) {
          var row = sheet.getRow(r + 1);
          cols.forEach(
              (c, x) ->
                  out.put(x, row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c))));
          return out;
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** A valid member row: the example row with a fresh valid ID, birth date and gender to match. */
  private String valid(RosterField field, java.util.Random random) {
    int year = 1950 + random.nextInt(50);
    String birth =
        String.format("%04d%02d%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    String seq = String.format("%03d", random.nextInt(1000));
    String first17 = "110101" + birth + seq;
    return switch (field) {
      case NAME -> "测试" + "甲乙丙丁".charAt(random.nextInt(4));
      case RESIDENT_ID -> first17 + xuanju.core.roster.ResidentIds.checkCharacter(first17);
      case BIRTH_DATE ->
          birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-" + birth.substring(6);
      case GENDER -> (seq.charAt(2) - '0') % 2 == 1 ? "男" : "女";
      default -> example.getOrDefault(field, "");
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedFileBytesNeverThrowNorWritePartOfAFile(long seed) throws Exception {
    Mutator m = new Mutator(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      check(seed, "bytes-" + i, m.mutate(template, 8));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedSheetXmlNeverThrowsNorWritesPartOfAFile(long seed) throws Exception {
    Mutator m = new Mutator(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      check(seed, "xml-" + i, m.mutateZipEntry(template, 6));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomCellValuesNeverThrowNorWritePartOfAFile(long seed) throws Exception {
    Mutator m = new Mutator(seed);
    RosterField[] fields = RosterField.values();
    for (int i = 0; i < ITERATIONS; i++) {
      try (XSSFWorkbook wb = new XSSFWorkbook()) {
        XSSFSheet sheet = wb.createSheet("党员名册");
        XSSFRow header = sheet.createRow(0);
        for (int c = 0; c < fields.length; c++) {
          header.createCell(c).setCellValue(fields[c].labelZh());
        }
        int rows = 1 + m.random().nextInt(6);
        for (int r = 1; r <= rows; r++) {
          XSSFRow row = sheet.createRow(r);
          if (m.random().nextInt(3) > 0) {
            // a valid member; the ID, birth date and gender drawn together so that they agree
            long rowSeed = m.random().nextLong();
            for (int c = 0; c < fields.length; c++) {
              row.createCell(c).setCellValue(valid(fields[c], new java.util.Random(rowSeed)));
            }
            continue;
          }
          for (int c = 0; c < fields.length + 1; c++) {
            switch (m.random().nextInt(5)) {
              case 0 -> row.createCell(c).setCellValue(m.random().nextDouble() * 1e6 - 5e5);
              case 1 ->
                  row.createCell(c)
                      .setCellValue(new java.util.Date(m.random().nextLong() % 4_000_000_000_000L));
              case 2 -> row.createCell(c).setCellValue(m.random().nextBoolean());
              default -> row.createCell(c).setCellValue(m.cellText());
            }
          }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        check(seed, "cells-" + i, out.toByteArray());
      }
    }
  }

  private void check(long seed, String label, byte[] file) throws IOException {
    long before = members();
    ImportReport[] report = {null};
    ImportMode mode =
        label.hashCode() % 2 == 0 ? ImportMode.REJECT_EXISTING : ImportMode.UPDATE_EXISTING;
    try {
      SignIn.as(
          "admin",
          true,
          () ->
              report[0] =
                  roster.importXlsx(
                      org, "fuzz.xlsx", new ByteArrayInputStream(file), file.length, mode));
    } catch (RuntimeException e) {
      Path saved = save(seed, label, file);
      fail("导入抛出了未记载的异常（seed " + seed + "，" + label + "，输入已保存到 " + saved + "）：" + e, e);
    }
    ImportReport r = report[0];
    (r.ok() ? accepted : rejected)[0]++;
    long after = members();
    if (r.ok()) {
      assertThat(after).as("seed %d %s：成功导入后人数", seed, label).isEqualTo(before + r.created());
    } else {
      assertThat(after).as("seed %d %s：导入失败后人数不变", seed, label).isEqualTo(before);
      assertThat(r.errors()).as("失败必须给出错误").isNotEmpty();
      assertThat(r.errors().get(0).code()).as("错误带规则代码").startsWith("ROSTER.");
    }
  }

  private long members() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM party_member", Long.class);
  }

  private static Path save(long seed, String label, byte[] file) throws IOException {
    Path dir = Path.of("target", "fuzz-failures");
    Files.createDirectories(dir);
    return Files.write(dir.resolve("roster-" + seed + "-" + label + ".xlsx"), file);
  }
}
