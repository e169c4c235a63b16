package xuanju.server.desk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import xuanju.server.desk.Desk.RollupRow;
import xuanju.server.documents.XlsxTable;

/** The town's desk (上级党组织工作台): the page and the roll-up as .xlsx. */
@Controller
class DeskController {
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final DeskService desk;

  DeskController(DeskService desk) {
    this.desk = desk;
  }

  @GetMapping("/desk")
  String page(Model model) {
    model.addAttribute("desk", desk.load());
    return "desk/index";
  }

  @GetMapping("/desk/rollup.xlsx")
  ResponseEntity<byte[]> rollup() {
    byte[] bytes = rollupTable(desk.load().rollup(), LocalDate.now()).toBytes();
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("换届结果汇总表.xlsx", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  /** The roll-up as a sheet: numbers as numbers, a title row, the total last. */
  static XlsxTable rollupTable(List<RollupRow> rows, LocalDate day) {
    List<List<String>> out = new ArrayList<>();
    for (RollupRow r : rows) {
      out.add(
          List.of(
              r.organisation(),
              Integer.toString(r.elected()),
              Integer.toString(r.women()),
              Integer.toString(r.aged35OrUnder()),
              Integer.toString(r.collegeOrAbove()),
              Integer.toString(r.bachelorOrAbove()),
              r.oneShoulder() == null ? "不适用" : Integer.toString(r.oneShoulder())));
    }
    return new XlsxTable(
            "换届结果汇总", List.of("组织", "当选委员", "女性", "35岁及以下", "大专及以上学历", "本科及以上学历", "一肩挑"), out)
        .withTitle("换届结果汇总表", List.of("制表日期：" + day + "；年龄按选举日计算；党支部换届不涉及一肩挑（不适用）"));
  }
}
