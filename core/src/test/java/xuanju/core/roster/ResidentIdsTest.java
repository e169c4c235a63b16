package xuanju.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import xuanju.core.quota.Gender;
import xuanju.core.rule.Finding;

/** GB 11643-1999 resident ID checks (ROSTER.ID.*). */
class ResidentIdsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  /** The examples of the standard and stack notes §5 are valid, lower-case x included. */
  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002X", "440524188001010014", "11010519491231002x"})
  void validNumbers(String id) {
    assertThat(ResidentIds.check(id, TODAY, "residentId")).isEmpty();
    assertThat(ResidentIds.isValid(id, TODAY)).isTrue();
  }

  @Test
  void decodesBirthDateAndGender() {
    ResidentId a = ResidentIds.parse("11010519491231002x", TODAY).orElseThrow();
    assertThat(a.value()).isEqualTo("11010519491231002X");
    assertThat(a.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(a.gender()).isEqualTo(Gender.FEMALE); // 17th digit 2
    ResidentId b = ResidentIds.parse("440524188001010014", TODAY).orElseThrow();
    assertThat(b.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
    assertThat(b.gender()).isEqualTo(Gender.MALE); // 17th digit 1
  }

  @Test
  void roster_id_checksum_namesTheExpectedCheckCharacter() {
    List<Finding> f = ResidentIds.check("110105194912310021", TODAY, "residentId");
    assertThat(f).extracting(Finding::code).containsExactly("ROSTER.ID.CHECKSUM");
    assertThat(f.get(0).messageZh()).isEqualTo("校验位错误（应为X）");
    assertThat(f.get(0).fields()).containsExactly("residentId");
    // the value in the facts is masked
    assertThat(f.get(0).facts().get("value")).isEqualTo("1101**********0021");
  }

  /** 0230 is not a date: the ID is refused even when its check character is right. */
  @Test
  void roster_id_birth_date_february30() {
    String first17 = "11010519900230001";
    String id = first17 + ResidentIds.checkCharacter(first17);
    assertThat(ResidentIds.check(id, TODAY, "residentId"))
        .extracting(Finding::code)
        .containsExactly("ROSTER.ID.BIRTH_DATE");
    assertThat(ResidentIds.isValid(id, TODAY)).isFalse();
  }

  @Test
  void roster_id_birth_date_inTheFuture() {
    String first17 = "11010520270101001";
    String id = first17 + ResidentIds.checkCharacter(first17);
    assertThat(ResidentIds.check(id, TODAY, "residentId"))
        .extracting(Finding::code)
        .containsExactly("ROSTER.ID.BIRTH_DATE");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1101051949123100",
        "11010519491231002XX",
        "1101051949123100Y2",
        "A10105194912310021"
      })
  void roster_id_format(String id) {
    assertThat(ResidentIds.check(id, TODAY, "residentId"))
        .extracting(Finding::code)
        .containsExactly("ROSTER.ID.FORMAT");
  }

  @Test
  void numberStoredAsScientificNotationExplainsTheLoss() {
    List<Finding> f = ResidentIds.check("1.10105E+17", TODAY, "residentId");
    assertThat(f).extracting(Finding::code).containsExactly("ROSTER.ID.FORMAT");
    assertThat(f.get(0).messageZh()).contains("科学计数法");
  }

  @Test
  void fullWidthDigitsAndSpacesAreFolded() {
    assertThat(ResidentIds.normalise(" １１０１０５１９４９１２３１００２ｘ ")).isEqualTo("11010519491231002X");
    assertThat(ResidentIds.isValid("１１０１０５１９４９１２３１００２ｘ", TODAY)).isTrue();
  }

  @Test
  void masksAllButFirstFourAndLastFour() {
    assertThat(ResidentIds.mask("11010519491231002X")).isEqualTo("1101**********002X");
    assertThat(ResidentIds.mask("12345")).isEqualTo("***45");
    assertThat(ResidentIds.mask("")).isEmpty();
  }

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 20).mapToObj(i -> Arguments.of(20260301L + i));
  }

  /**
   * Property (seeded): a generated ID with its computed check character is valid, and changing any
   * one of its 18 characters to another digit makes it invalid (MOD 11-2 detects every single
   * substitution).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everySingleSubstitutionIsDetected(long seed) {
    Random r = new Random(seed);
    LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(30000));
    String first17 =
        String.format(
            "%06d%s%03d",
            110000 + r.nextInt(540000), birth.toString().replace("-", ""), r.nextInt(1000));
    String id = first17 + ResidentIds.checkCharacter(first17);
    assertThat(ResidentIds.isValid(id, TODAY)).as("seed %d id %s", seed, id).isTrue();
    for (int pos = 0; pos < 18; pos++) {
      char c = id.charAt(pos);
      char other = (char) ('0' + ((c == 'X' ? 0 : c - '0') + 1 + r.nextInt(9)) % 10);
      String changed = id.substring(0, pos) + other + id.substring(pos + 1);
      assertThat(ResidentIds.isValid(changed, TODAY))
          .as("seed %d: %s changed at %d to %s", seed, id, pos, changed)
          .isFalse();
    }
  }
}
