package xuanju.core.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import xuanju.core.rule.InvalidInputException;

class PersonNameTest {
  @ParameterizedTest(name = "{0} → {1} + {2}")
  @CsvSource(
      value = {
        "王毅|王|毅",
        "王　毅|王|毅",
        "欧阳娜娜|欧阳|娜娜",
        "欧阳|欧阳|''",
        "司马光|司马|光",
        "诸葛亮|诸葛|亮",
        "万俟卨|万俟|卨",
        "欧明|欧|明",
        "贺兰芳|贺|兰芳",
        "阿依古丽·买买提|阿|依古丽·买买提",
        " 李 强 |李|强",
        "𠀀丁|𠀀|丁"
      },
      delimiter = '|')
  void splitsSurnameAndGivenName(String full, String surname, String given) {
    PersonName p = PersonName.parse(full);
    assertThat(p.surname()).isEqualTo(surname);
    assertThat(p.givenName()).isEqualTo(given);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "·", "\u3000"})
  void rejectsEmptyNames(String s) {
    assertThatThrownBy(() -> PersonName.parse(s)).isInstanceOf(InvalidInputException.class);
  }

  @org.junit.jupiter.api.Test
  void compoundSurnameList() {
    assertThat(CompoundSurnames.all()).contains("欧阳", "司马", "诸葛", "第五", "独孤", "太史");
    assertThat(CompoundSurnames.isCompound("贺兰")).isFalse();
    assertThat(CompoundSurnames.all()).allSatisfy(s -> assertThat(s).hasSize(2));
  }
}
