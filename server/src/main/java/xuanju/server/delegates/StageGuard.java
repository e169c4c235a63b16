package xuanju.server.delegates;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.Permission;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;

/**
 * What the stage services share: the election after the access check (409 for another kind), the
 * recorded decisions, and the checks on input text and bodies.
 */
@Component
class StageGuard {
  private final ElectionService elections;
  private final StageRepository repo;

  StageGuard(ElectionService elections, StageRepository repo) {
    this.elections = elections;
    this.repo = repo;
  }

  Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!e.pages().delegates()) {
      throw new IllegalStateException(
          "本选举（" + e.kind().labelZh() + "）没有出席上级党代会代表的考察对象、初步人选和预备人选环节");
    }
    return e;
  }

  Map<StageStep, StageDecision> decisions(long electionId) {
    return repo.decisions(electionId).stream()
        .collect(Collectors.toMap(StageDecision::step, d -> d));
  }

  /** Refuses with the order rule unless {@code step} is recorded. */
  void require(Map<StageStep, StageDecision> done, StageStep step, String what) {
    if (!done.containsKey(step)) {
      throw new IllegalStateException(
          StageRule.ORDER.refuse(what + "，须先" + step.body().labelZh() + step.labelZh()));
    }
  }

  /** Refuses a body other than the step's. */
  static StageBody body(String value, StageStep step) {
    StageBody b = null;
    for (StageBody x : StageBody.values()) {
      if (x.name().equals(value) || x.labelZh().equals(value)) {
        b = x;
      }
    }
    if (b == null) {
      throw new InvalidInputException("body", "决定机关：请选择");
    }
    if (b != step.body()) {
      throw new InvalidInputException(
          "body",
          StageRule.BODY.refuse(
              "“"
                  + step.labelZh()
                  + "”应由"
                  + step.body().labelZh()
                  + "作出，不能由"
                  + b.labelZh()
                  + "作出"));
    }
    return b;
  }

  static String text(String value, String field, String label, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new InvalidInputException(field, label + "：不能为空");
    }
    if (v.length() > max) {
      throw new InvalidInputException(field, label + "：不能超过" + max + "个字");
    }
    return v;
  }

  static <T> T required(T value, String field, String label) {
    if (value == null) {
      throw new InvalidInputException(field, label + "：不能为空");
    }
    return value;
  }

  /** The active members of a stage. */
  List<StageMember> active(long electionId, DelegateStage stage) {
    return repo.members(electionId, stage).stream().filter(StageMember::active).toList();
  }
}
