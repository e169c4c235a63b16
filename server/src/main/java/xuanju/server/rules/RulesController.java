package xuanju.server.rules;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import xuanju.core.rule.Rule;

/** The rule catalogue page and API (规则目录): code, severity, Chinese message, legal source. */
@Controller
class RulesController {
  private final RuleRegistry rules;

  RulesController(RuleRegistry rules) {
    this.rules = rules;
  }

  /**
   * One rule for the API: the source with the research notes' ids (for those who check the rules),
   * and the page's Chinese source and confidence.
   */
  record RuleDto(
      String code,
      String severity,
      String messageZh,
      String source,
      String confidence,
      String sourceZh,
      String confidenceZh) {
    static RuleDto of(Rule r) {
      String zh = r.citation().display();
      String src = zh;
      if (!r.citation().sourceId().isEmpty()) {
        src = src + "（" + r.citation().sourceId() + "）";
      }
      return new RuleDto(
          r.code(),
          r.severity().name(),
          r.messageZh(),
          src,
          r.citation().confidence().name(),
          zh,
          r.citation().confidence().labelZh());
    }
  }

  @GetMapping("/rules")
  String page(@RequestParam(defaultValue = "") String q, Model model) {
    String needle = q.strip();
    model.addAttribute("q", needle);
    model.addAttribute(
        "rules",
        rules.all().stream()
            .filter(
                r ->
                    needle.isEmpty()
                        || r.code().contains(needle.toUpperCase(java.util.Locale.ROOT))
                        || r.messageZh().contains(needle))
            .map(RuleDto::of)
            .toList());
    return "rules";
  }

  @GetMapping("/api/rules")
  @ResponseBody
  List<RuleDto> api() {
    return rules.all().stream().map(RuleDto::of).toList();
  }
}
