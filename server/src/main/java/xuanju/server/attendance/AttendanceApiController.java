package xuanju.server.attendance;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** 应到会人数 in the JSON API: the count with its trail, the voters, the exclusion list. */
@RestController
class AttendanceApiController {
  private final AttendanceService attendance;

  AttendanceApiController(AttendanceService attendance) {
    this.attendance = attendance;
  }

  /** A step of the trail as JSON. */
  record StepJson(
      String code,
      java.util.Map<String, Long> inputs,
      String test,
      boolean passed,
      String explanation) {}

  /** 应到会人数 with the trail. */
  record ExpectedJson(int membersWithVote, int excluded, int expected, List<StepJson> trail) {}

  @GetMapping("/api/elections/{id}/attendance/expected")
  ExpectedJson expected(@PathVariable long id) {
    Expected x = attendance.expected(id);
    return new ExpectedJson(
        x.membersWithVote(),
        x.excluded(),
        x.expected(),
        x.trail().stream()
            .map(s -> new StepJson(s.code(), s.inputs(), s.test(), s.passed(), s.explanationZh()))
            .toList());
  }

  @GetMapping("/api/elections/{id}/attendance/voters")
  List<EligibleVoter> voters(@PathVariable long id) {
    return attendance.eligibleVoters(id);
  }

  @GetMapping("/api/elections/{id}/attendance/exclusions")
  ExclusionList exclusions(@PathVariable long id) {
    return attendance.list(id);
  }
}
