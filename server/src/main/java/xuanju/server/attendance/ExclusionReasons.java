package xuanju.server.attendance;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reasons a member may be left out of 应到会人数 (五类人员, legal-rules A2.2, seed 000), configurable
 * with {@code xuanju.attendance.exclusion-reasons} (separated by {@code ;}) because local plans
 * vary (seed 001 篇15 replaces 服刑 with an epidemic case).
 */
@Component
public class ExclusionReasons {
  /** The five categories of seed 000 / the 中组部 explanation. */
  public static final List<String> DEFAULT =
      List.of(
          "患有精神病或其他疾病导致不能表达本人意志",
          "自费出国半年以上",
          "虽未受到留党察看以上党纪处分但正在服刑",
          "年老体弱卧床不起或长期生病生活不能自理",
          "工作调动、下派锻炼、蹲点或外出学习、工作半年以上，应转走正式组织关系而没有转走");

  private final List<String> reasons;

  public ExclusionReasons(@Value("${xuanju.attendance.exclusion-reasons:}") String configured) {
    List<String> c =
        configured == null || configured.isBlank()
            ? List.of()
            : Arrays.stream(configured.split("[;；]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    this.reasons = c.isEmpty() ? DEFAULT : c;
  }

  public List<String> all() {
    return reasons;
  }

  public boolean allowed(String reason) {
    return reason != null && reasons.contains(reason.strip());
  }
}
