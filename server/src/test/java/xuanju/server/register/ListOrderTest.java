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

  @Test
  void sortWithPreparedKeysGivesTheSameOrderAsTheComparator() {
    java.util.Random rnd = new java.util.Random(7);
    String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡";
    String given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍";
    String[] groups = {"第2组", "第10组", "第二组", "第十组", "第十二组", "", "东风组", "第1组"};
    List<P> ps = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String name =
          (rnd.nextInt(20) == 0 ? "欧阳" : "" + surnames.charAt(rnd.nextInt(surnames.length())))
              + given.charAt(rnd.nextInt(given.length()))
              + (rnd.nextBoolean() ? "" : "" + given.charAt(rnd.nextInt(given.length())));
      ps.add(new P(groups[rnd.nextInt(groups.length)], name));
    }
    List<P> expected = new ArrayList<>(ps);
    expected.sort(ListOrder.of(P::group, P::name, P::name));
    List<P> actual = new ArrayList<>(ps);
    ListOrder.sort(actual, P::group, P::name, P::name);
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(actual).isNotEqualTo(ps);
  }
}
