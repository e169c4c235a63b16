package xuanju.server.district;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import xuanju.core.district.DistrictBasis;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.web.FreeText;

/**
 * The page 选区与选举委员会 ({@code /elections/{id}/districts}): the election committee, the seat total,
 * the districts with their check and the proposal; and one district's page with its polling
 * stations. Bad input shows the page again with the Chinese message and changes nothing.
 */
@Controller
class DistrictController {
  private final DistrictService districts;
  private final SeatTotalService seatTotals;
  private final StationService stations;
  private final CommitteeService committees;
  private final ProvincialVariantService variants;
  private final AccessService access;
  private final Clock clock;

  DistrictController(
      DistrictService districts,
      SeatTotalService seatTotals,
      StationService stations,
      CommitteeService committees,
      ProvincialVariantService variants,
      AccessService access,
      Clock clock) {
    this.districts = districts;
    this.seatTotals = seatTotals;
    this.stations = stations;
    this.committees = committees;
    this.variants = variants;
    this.access = access;
    this.clock = clock;
  }

  private boolean canManage(Election e) {
    return access.allowed(
        AccessService.currentUser(),
        AccessService.currentIsAdmin(),
        e.organisationId(),
        Permission.MANAGE);
  }

  @GetMapping("/elections/{id}/districts")
  String page(@PathVariable long id, Model model) {
    Election e = districts.election(id, Permission.VIEW);
    model.addAttribute("election", e);
    model.addAttribute("body", CommitteeService.bodyZh(e));
    model.addAttribute("appointer", e.kind().config().wording().electionCommitteeAppointer());
    model.addAttribute("committee", committees.committee(id).orElse(null));
    model.addAttribute("roles", CommitteeRole.values());
    model.addAttribute("o", districts.overview(id));
    model.addAttribute("bases", DistrictBasis.values());
    model.addAttribute("article", SeatTotalService.articleZh());
    model.addAttribute("canManage", canManage(e));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("variant", variants.variant(e).orElse(null));
    model.addAttribute("variantChosen", variants.electionVariant(id).isPresent());
    model.addAttribute("variantEntries", variants.entries(e));
    model.addAttribute("variants", variants.all());
    return "district/index";
  }

  @GetMapping("/elections/{id}/districts/{districtId}")
  String districtPage(@PathVariable long id, @PathVariable long districtId, Model model) {
    Election e = districts.election(id, Permission.VIEW);
    model.addAttribute("election", e);
    model.addAttribute("d", districts.district(id, districtId));
    model.addAttribute("o", districts.overview(id));
    model.addAttribute("bases", DistrictBasis.values());
    model.addAttribute("canManage", canManage(e));
    return "district/district";
  }

  // --- election committee ---

  @PostMapping("/elections/{id}/districts/committee")
  String appoint(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      @RequestParam(defaultValue = "") @FreeText(label = "名称", max = 100) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "任命（推选）机关", max = 200) String appointedBy,
      @RequestParam(required = false) LocalDate appointedOn,
      @RequestParam(defaultValue = "") @FreeText(label = "任命文件", max = 200) String document,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id,
        model,
        response,
        flash,
        "已登记任命",
        () -> committees.appoint(id, version, name, appointedBy, appointedOn, document));
  }

  @PostMapping("/elections/{id}/districts/committee/members")
  String addMember(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "姓名", max = 50) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "职务", max = 20) String role,
      @RequestParam(defaultValue = "") @FreeText(label = "公民身份号码", max = 18) String residentId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(
        id,
        model,
        response,
        flash,
        "已增加成员",
        () -> committees.addMember(id, name, role, residentId));
  }

  @PostMapping("/elections/{id}/districts/committee/members/{memberId}/delete")
  String removeMember(
      @PathVariable long id,
      @PathVariable long memberId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(id, model, response, flash, "已移除成员", () -> committees.removeMember(id, memberId));
  }

  @PostMapping("/elections/{id}/districts/variant")
  String chooseVariant(
      @PathVariable long id,
      @RequestParam(defaultValue = "") @FreeText(label = "省级变体", max = 40) String variant,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return run(id, model, response, flash, "已选择省级变体", () -> variants.choose(id, variant));
  }

  // --- seat total and districts ---

  @PostMapping("/elections/{id}/districts/seat-total")
  String seatTotal(
      @PathVariable long id,
      @RequestParam(required = false) Integer population,
      @RequestParam(defaultValue = "") @FreeText(label = "人口数来源", max = 200) String populationNote,
      @RequestParam(defaultValue = "false") boolean ethnicTownship,
      @RequestParam(defaultValue = "") @FreeText(label = "另加百分之五的决定", max = 200)
          String extraDocument,
      @RequestParam(required = false) Integer decidedTotal,
      @RequestParam(defaultValue = "") @FreeText(label = "决定机关", max = 200) String decidedBy,
      @RequestParam(defaultValue = "") @FreeText(label = "决定文件", max = 200) String decisionDocument,
      @RequestParam(required = false) LocalDate decidedOn,
      @RequestParam(required = false) Integer deviationPercent,
      @RequestParam(required = false) Integer version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    var form =
        new SeatTotalService.SeatTotalForm(
            population,
            populationNote,
            ethnicTownship,
            extraDocument,
            decidedTotal,
            decidedBy,
            decisionDocument,
            decidedOn,
            deviationPercent,
            version);
    return run(id, model, response, flash, "已确定代表名额", () -> seatTotals.save(id, form));
  }

  @PostMapping("/elections/{id}/districts")
  String create(
      @PathVariable long id,
      @RequestParam(required = false) Integer number,
      @RequestParam(defaultValue = "") @FreeText(label = "选区名称", max = 100) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "划分依据", max = 20) String basis,
      @RequestParam(required = false) List<String> units,
      @RequestParam(required = false) Integer population,
      @RequestParam(defaultValue = "") @FreeText(label = "人口数来源", max = 200) String populationNote,
      @RequestParam(required = false) Integer seats,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    var form =
        new DistrictService.DistrictForm(
            number, name, basis, units, population, populationNote, seats);
    return run(id, model, response, flash, "已划分选区", () -> districts.create(id, form));
  }

  @PostMapping("/elections/{id}/districts/apply-proposal")
  String applyProposal(
      @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes flash) {
    return run(id, model, response, flash, "已采用名额分配建议，请核对各选区名额", () -> districts.applyProposal(id));
  }

  @PostMapping("/elections/{id}/districts/one-per-unit")
  String onePerUnit(
      @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes flash) {
    int[] n = new int[1];
    String r = run(id, model, response, flash, "", () -> n[0] = districts.onePerUnit(id));
    flash.addFlashAttribute("message", "已按村（社区、单位）建立选区" + n[0] + "个");
    return r;
  }

  @PostMapping("/elections/{id}/districts/{districtId}")
  String update(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) Integer number,
      @RequestParam(defaultValue = "") @FreeText(label = "选区名称", max = 100) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "划分依据", max = 20) String basis,
      @RequestParam(required = false) List<String> units,
      @RequestParam(required = false) Integer population,
      @RequestParam(defaultValue = "") @FreeText(label = "人口数来源", max = 200) String populationNote,
      @RequestParam(required = false) Integer seats,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    var form =
        new DistrictService.DistrictForm(
            number, name, basis, units, population, populationNote, seats);
    return runOnDistrict(
        id,
        districtId,
        model,
        response,
        flash,
        "已保存选区",
        () -> districts.update(id, districtId, version == null ? -1 : version, form),
        false);
  }

  @PostMapping("/elections/{id}/districts/{districtId}/delete")
  String delete(
      @PathVariable long id,
      @PathVariable long districtId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return runOnDistrict(
        id,
        districtId,
        model,
        response,
        flash,
        "已删除选区",
        () -> districts.delete(id, districtId),
        true);
  }

  // --- polling stations ---

  @PostMapping("/elections/{id}/districts/{districtId}/stations")
  String addStation(
      @PathVariable long id,
      @PathVariable long districtId,
      @RequestParam(defaultValue = "") @FreeText(label = "投票站名称", max = 100) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "地址", max = 200) String address,
      @RequestParam(defaultValue = "false") boolean mobile,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return runOnDistrict(
        id,
        districtId,
        model,
        response,
        flash,
        mobile ? "已设流动票箱" : "已设投票站",
        () -> stations.add(id, districtId, name, address, mobile),
        false);
  }

  @PostMapping("/elections/{id}/districts/{districtId}/stations/{stationId}")
  String updateStation(
      @PathVariable long id,
      @PathVariable long districtId,
      @PathVariable long stationId,
      @RequestParam(required = false) Integer version,
      @RequestParam(defaultValue = "") @FreeText(label = "投票站名称", max = 100) String name,
      @RequestParam(defaultValue = "") @FreeText(label = "地址", max = 200) String address,
      @RequestParam(defaultValue = "false") boolean mobile,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return runOnDistrict(
        id,
        districtId,
        model,
        response,
        flash,
        "已保存投票站",
        () -> stations.update(id, stationId, version == null ? -1 : version, name, address, mobile),
        false);
  }

  @PostMapping("/elections/{id}/districts/{districtId}/stations/{stationId}/delete")
  String deleteStation(
      @PathVariable long id,
      @PathVariable long districtId,
      @PathVariable long stationId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return runOnDistrict(
        id,
        districtId,
        model,
        response,
        flash,
        "已删除投票站",
        () -> stations.delete(id, stationId),
        false);
  }

  private String run(
      long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action) {
    return attempt(
        model,
        response,
        flash,
        ok,
        action,
        () -> "redirect:/elections/" + id + "/districts",
        m -> page(id, m));
  }

  private String runOnDistrict(
      long id,
      long districtId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action,
      boolean backToList) {
    return attempt(
        model,
        response,
        flash,
        ok,
        action,
        () -> "redirect:/elections/" + id + "/districts" + (backToList ? "" : "/" + districtId),
        m -> districtPage(id, districtId, m));
  }

  private static String attempt(
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      String ok,
      Runnable action,
      java.util.function.Supplier<String> success,
      Function<Model, String> again) {
    try {
      action.run();
    } catch (InvalidInputException | IllegalStateException e) {
      response.setStatus(e instanceof InvalidInputException ? 400 : 409);
      model.addAttribute("error", e.getMessage());
      return again.apply(model);
    }
    if (!ok.isEmpty()) {
      flash.addFlashAttribute("message", ok);
    }
    return success.get();
  }
}
