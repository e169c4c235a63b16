package xuanju.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListOrderTest {
  record P(String group, String name) {}

  @Test
  void groupsInNumberOrderThenSurnameStrokes() {
    List<P> ps =
        new ArrayList<>(
            List.of(
                new P("第十组", "丁一"),
                new P("第二组", "王五"),
                new P("第二组", "丁二"),
                new P("第10组", "李四"),
                new P("第2组", "马六"),
                new P("第十二组", "丁三"),
                new P("", "张三")));
    ps.sort(ListOrder.of(P::group, P::name, P::name));
    assertThat(ps).extracting(P::name).containsExactly("张三", "丁二", "马六", "王五", "丁一", "李四", "丁三");
  }

  @Test
  void chineseNumeralsBecomeNumbers() {
    assertThat(ListOrder.arabic("第二十一组")).isEqualTo("第21组");
    assertThat(ListOrder.arabic("第十组")).isEqualTo("第10组");
    assertThat(ListOrder.arabic("第十五组")).isEqualTo("第15组");
    assertThat(ListOrder.arabic("三组")).isEqualTo("3组");
    assertThat(ListOrder.arabic("东风")).isEqualTo("东风");
  }
}
