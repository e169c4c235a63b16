package xuanju.server.delegates;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.server.documents.DocumentContent;

/**
 * The 初步人选登记表 and 预备人选登记表 (.xlsx) and the 推荐提名工作小结 (.docx) of an election of delegates (VIEW,
 * through the services whose data they print).
 */
@Service
public class DelegateFormsService {
  private final StageService stages;
  private final DelegateService delegates;

  DelegateFormsService(StageService stages, DelegateService delegates) {
    this.stages = stages;
    this.delegates = delegates;
  }

  /** 初步人选登记表 or 预备人选登记表 (VIEW); refused before the list is decided. */
  @Transactional(readOnly = true)
  public DelegateService.Download registration(long electionId, DelegateStage stage) {
    StagePage p = stages.lists(electionId);
    String what = stage.labelZh().replace("代表候选人", "") + "登记表";
    if (!p.stage(stage).decided()) {
      throw new IllegalStateException(stage.labelZh() + "名单尚未确定，还不能生成" + what);
    }
    return new DelegateService.Download(
        RegistrationDocuments.registration(p, stage, what).toBytes(),
        StageDocuments.title(p, what) + ".xlsx");
  }

  /** 推荐提名工作小结 (VIEW). */
  @Transactional(readOnly = true)
  public DocumentContent summary(long electionId) {
    return RegistrationDocuments.summary(delegates.page(electionId));
  }
}
