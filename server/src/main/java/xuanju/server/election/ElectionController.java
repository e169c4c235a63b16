package xuanju.server.election;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import xuanju.core.margin.Margins;
import xuanju.core.margin.Stage;
import xuanju.core.profile.Profiles;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.schedule.HolidayCalendar;
import xuanju.core.schedule.ScheduleSettings;
import xuanju.core.schedule.Schedules;
import xuanju.core.schedule.TimelineTemplates;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.web.FreeText;

/** Election pages (选举): list, create, overview with the timeline and margins. */
@Controller
class ElectionController {
  private final ElectionService elections;
  private final OrganisationService organisations;
  private final AccessService access;

  ElectionController(
      ElectionService elections, OrganisationService organisations, AccessService access) {
    this.elections = elections;
    this.organisations = organisations;
    this.access = access;
  }

  @GetMapping("/elections")
  String list(Model model) {
    model.addAttribute("elections", elections.visible());
    return "election/list";
  }

  @GetMapping("/elections/new")
  String form(@RequestParam(required = false) Long organisationId, Model model) {
    var manageable =
        access.visibleOrganisations(
            AccessService.currentUser(), AccessService.currentIsAdmin(), Permission.MANAGE);
    model.addAttribute(
        "organisations",
        organisations.all().stream().filter(o -> manageable.contains(o.id())).toList());
    model.addAttribute("organisationId", organisationId);
    model.addAttribute("kinds", ElectionKind.values());
    model.addAttribute("profiles", Profiles.all());
    model.addAttribute("defaultDay", LocalDate.now().plusDays(45));
    return "election/new";
  }

  @PostMapping("/elections")
  String create(
      @RequestParam long organisationId,
      @RequestParam @FreeText(label = "选举名称", max = 200) String title,
      @RequestParam ElectionKind kind,
      @RequestParam(required = false) @FreeText(label = "规则配置", max = 60) String profileId,
      @RequestParam(defaultValue = "false") boolean hasCommittee,
      @RequestParam int seats,
      @RequestParam(defaultValue = "1") int secretarySeats,
      @RequestParam(defaultValue = "0") int deputySeats,
      @RequestParam(required = false) Integer currentCommitteeSize,
      @RequestParam LocalDate electionDay,
      @RequestParam(defaultValue = "3") int termYears,
      @RequestParam(defaultValue = "") @FreeText(label = "本地方案调整", max = 2000, multiline = true)
          String overrides,
      @RequestParam(defaultValue = "") @FreeText(label = "调整依据", max = 1000, multiline = true)
          String overrideReason,
      Model model) {
    String profile = profileId == null || profileId.isBlank() ? kind.defaultProfile() : profileId;
    try {
      long id =
          elections.create(
              new ElectionForm(
                  organisationId,
                  title,
                  kind,
                  profile,
                  parseOverrides(overrides),
                  overrideReason,
                  hasCommittee,
                  seats,
                  secretarySeats,
                  deputySeats,
                  currentCommitteeSize,
                  electionDay,
                  termYears));
      return "redirect:/elections/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.describe());
      return form(organisationId, model);
    }
  }

  @GetMapping("/elections/{id}")
  String overview(@PathVariable long id, Model model) {
    Election e = elections.get(id);
    var profile = elections.profile(e);
    model.addAttribute("election", e);
    model.addAttribute("profile", profile);
    var timeline =
        Schedules.timeline(
            TimelineTemplates.byId(e.kind().timelineTemplate()).orElseThrow(),
            e.electionDay(),
            ScheduleSettings.defaults(),
            HolidayCalendar.tyme4j());
    model.addAttribute("timeline", timeline);
    Map<String, String> margins = new LinkedHashMap<>();
    for (Stage s : List.of(Stage.PRELIMINARY, Stage.PRE_CANDIDATES, Stage.FORMAL)) {
      try {
        var r = Margins.range(profile, s, e.seats());
        margins.put(s.name(), r.outcome().display());
      } catch (RuntimeException ex) {
        // a stage the profile does not define
      }
    }
    model.addAttribute("margins", margins);
    return "election/overview";
  }

  /** {@code name=value} pairs, one per line or separated by commas (本地方案调整). */
  static Map<String, String> parseOverrides(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : text.split("[,，\\n]")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("overrides", "本地方案调整须写作 参数名=值：" + p);
      }
      m.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
    }
    return m;
  }
}
