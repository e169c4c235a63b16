package xuanju.server.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese names of the audit log's actions (审计操作名称). The log stores a stable code per action
 * (e.g. {@code VOTER_LIST_PUBLISHED}); pages show its Chinese name and keep the code for a tooltip.
 * {@code AuditActionsTest} fails when code appends an action that has no name here.
 */
public final class AuditActions {
  private AuditActions() {}

  private static final Map<String, String> NAMES = names();

  /** Every known action code with its Chinese name, in a readable order. */
  public static Map<String, String> all() {
    return NAMES;
  }

  /** The Chinese name of an action; an unknown code reads 其他操作 (the code stays in the tooltip). */
  public static String zh(String action) {
    if (action == null) {
      return "其他操作";
    }
    String name = NAMES.get(action);
    if (name != null) {
      return name;
    }
    if (action.startsWith("EXCLUSIONS_")) {
      return "不参加党员大会的党员名单状态变更";
    }
    return "其他操作";
  }

  private static Map<String, String> names() {
    Map<String, String> m = new LinkedHashMap<>();
    // system and accounts
    m.put("ADMIN_CREATED", "创建系统管理员");
    m.put("USER_CREATED", "新建用户");
    m.put("USER_DISABLED", "停用用户");
    m.put("USER_ENABLED", "启用用户");
    m.put("PASSWORD_CHANGED", "修改密码");
    m.put("PASSWORD_RESET", "重置密码");
    m.put("LOGIN_FAILED", "登录失败");
    m.put("LOGIN_THROTTLED", "登录受限");
    m.put("LOGIN_UNLOCKED", "解除登录限制");
    m.put("ROLE_GRANTED", "授予角色");
    m.put("ROLE_REVOKED", "撤销角色");
    m.put("ORGANISATION_CREATED", "新建组织");
    m.put("DEMO_LOADED", "载入示例数据");
    m.put("BACKUP_EXPORTED", "导出备份");
    m.put("BACKUP_RESTORED", "从备份恢复");
    m.put("STARTUP_CHECK", "启动自检");
    m.put("INTEGRITY_CHECK", "数据自检");
    m.put("AUDIT_KEY_INTRODUCED", "启用审计密钥");
    m.put("AUDIT_KEY_ROTATED", "更换审计密钥");
    m.put("AUDIT_KEY_REPLACED", "替换丢失的审计密钥");
    // roster and person register
    m.put("ROSTER_IMPORTED", "导入党员名册");
    m.put("ROSTER_EXPORTED", "导出党员名册");
    m.put("MEMBER_CREATED", "新增党员");
    m.put("MEMBER_UPDATED", "修改党员信息");
    m.put("MEMBER_DELETED", "删除党员");
    m.put("PEOPLE_IMPORTED", "导入居民名册");
    m.put("PERSON_CREATED", "新增居民");
    m.put("PERSON_UPDATED", "修改居民信息");
    m.put("PERSON_LEGAL_STATUS_ADDED", "记录选举权利状况");
    m.put("PERSON_LEGAL_STATUS_UPDATED", "修改选举权利状况");
    m.put("PERSON_LEGAL_STATUS_DELETED", "删除选举权利状况");
    // election, plan and approvals
    m.put("ELECTION_CREATED", "新建选举");
    m.put("ELECTION_DAY_CHANGED", "变更选举日");
    m.put("PLAN_UPDATED", "修改选举工作方案");
    m.put("APPROVAL_REQUESTED", "报送请示");
    m.put("APPROVAL_DECIDED", "批复请示");
    m.put("EXCLUSION_ADDED", "列入不参加党员大会名单");
    m.put("EXCLUSION_REMOVED", "移出不参加党员大会名单");
    m.put("EXCLUSIONS_SUBMITTED", "报送不参加党员大会的党员名单");
    m.put("EXCLUSIONS_APPROVED", "同意不参加党员大会的党员名单");
    m.put("EXCLUSIONS_DRAFT", "退回不参加党员大会的党员名单");
    m.put("EXCLUSIONS_PUBLISHED", "公示不参加党员大会的党员名单");
    m.put("EXCLUSIONS_ADOPTED", "党员大会通过不参加名单");
    // nomination
    m.put("NOMINATION_SETTINGS", "修改推荐办法");
    m.put("NOMINATION_MEETING", "记录推荐会议");
    m.put("NOMINATION_BALLOT", "录入推荐票");
    m.put("NOMINATION_REOPENED", "重新推荐");
    m.put("NOMINEE_ADDED", "增加被推荐人");
    m.put("NOMINEE_UPDATED", "修改被推荐人");
    m.put("NOMINEE_REMOVED", "移除被推荐人");
    m.put("NOMINEE_DISQUALIFIED", "资格审查不合格");
    m.put("NOMINEE_DISQUALIFICATION_REMOVED", "撤销资格审查结论");
    m.put("PRELIMINARY_CONFIRMED", "确定初步人选并开始公示");
    m.put("PUBLICITY_REPORT_ADDED", "受理公示期间的反映");
    m.put("PUBLICITY_REPORT_HANDLED", "办结公示期间的反映");
    m.put("PUBLICITY_CLOSED", "公示结束");
    m.put("PRE_CANDIDATES_SUBMITTED", "报送候选人预备人选");
    m.put("PRE_CANDIDATES_RETURNED", "退回候选人预备人选");
    m.put("RELATION_ADDED", "登记亲属关系");
    m.put("RELATION_REMOVED", "删除亲属关系");
    // voting and results
    m.put("VOTING_STATION_ADDED", "设立会场投票站");
    m.put("VOTING_BOX_ADDED", "设立票箱");
    m.put("VOTING_BOX_OPENED", "开启票箱");
    m.put("VOTING_BOX_SEALED", "封存票箱");
    m.put("VOTING_BOX_VOTER_REGISTERED", "流动票箱登记投票人");
    m.put("VOTING_BOX_COUNTS", "登记票箱发出、收回与作废票数");
    m.put("VOTING_CHECKIN", "签到");
    m.put("VOTING_CHECKIN_UNDONE", "撤销签到");
    m.put("VOTING_ROUND_OPENED", "宣布开始投票");
    m.put("VOTING_ROUND_DECIDED", "判定本轮结果");
    m.put("VOTING_SEATS_REDUCED", "减少应选名额");
    m.put("VOTING_AGGREGATE_COUNT", "录入计票汇总");
    m.put("VOTING_AGGREGATE_CONFIRMED", "计票汇总表第二遍录入一致并计入");
    m.put("VOTING_READY_FOR_RESULTS", "选举结果待报送");
    m.put("VOTING_STAGE2_OPENED", "开始委员会全体会议选举");
    m.put("VOTING_STAGE2_STARTED", "委员会全体会议开始投票");
    m.put("VOTING_PORTFOLIO", "确定委员分工");
    m.put("BALLOT_ENTRY_STARTED", "开始录入选票");
    m.put("BALLOT_ENTRY_FINISHED", "选票录入完毕");
    m.put("BALLOT_ENTRY_RELEASED", "释放选票录入");
    m.put("BALLOT_ENTRY_TAKEN", "接手选票录入");
    m.put("BALLOT_RULING", "认定有差异的选票");
    m.put("BALLOT_STACK_SETTLED", "核对认定完毕");
    m.put("RESULTS_ARCHIVE_STORED", "归档");
    // districts, register, cards and proxies
    m.put("PROVINCIAL_VARIANT_CHOSEN", "选择省级变体");
    m.put("ELECTION_COMMITTEE_APPOINTED", "登记选举委员会任命");
    m.put("ELECTION_COMMITTEE_UPDATED", "更正选举委员会任命");
    m.put("ELECTION_COMMITTEE_MEMBER_ADDED", "增加选举委员会成员");
    m.put("ELECTION_COMMITTEE_MEMBER_REMOVED", "移除选举委员会成员");
    m.put("SEAT_TOTAL_SAVED", "确定代表总名额");
    m.put("DISTRICT_CREATED", "划分选区");
    m.put("DISTRICT_UPDATED", "修改选区");
    m.put("DISTRICT_DELETED", "删除选区");
    m.put("DISTRICTS_ONE_PER_UNIT", "按村（社区、单位）划分选区");
    m.put("DISTRICT_SEATS_APPLIED", "采用名额分配建议");
    m.put("POLLING_STATION_CREATED", "设立投票站");
    m.put("DEPUTY_NOMINATED", "推荐代表候选人");
    m.put("DEPUTY_NOMINATION_ACCEPTED", "被推荐人接受推荐");
    m.put("DEPUTY_FORMAL_LIST_PUBLISHED", "公布正式代表候选人名单");
    m.put("DEPUTY_MEETING_RECORDED", "登记代表候选人与选民见面");
    m.put("COMMUNITY_COMMITTEE_MEMBER_ADDED", "登记居民选举委员会成员");
    m.put("COMMUNITY_COMMITTEE_MEMBER_LEFT", "居民选举委员会成员退出");
    m.put("COMMUNITY_APPLICATION_RECORDED", "登记居民委员会成员候选人书面报名");
    m.put("COMMUNITY_APPLICATION_RECOMMENDED", "标记社区党组织推荐");
    m.put("COMMUNITY_REVIEW_OPINION_RECORDED", "登记资格联审意见");
    m.put("COMMUNITY_KINSHIP_DECLARED", "登记近亲属关系");
    m.put("COMMUNITY_STAFF_ASSIGNED", "登记选举工作人员");
    m.put("COMMUNITY_STAFF_WITHDRAWN", "撤换选举工作人员");
    m.put("COMMUNITY_FORMAL_LIST_PUBLISHED", "公布居民委员会成员正式候选人名单");
    m.put("COMMUNITY_VOTE_OPENED", "开始居民委员会选举投票");
    m.put("COMMUNITY_BOX_COUNTED", "登记居民委员会选举票箱选票核对数");
    m.put("COMMUNITY_SHEET_ENTERED", "录入居民委员会选举分职位计票单");
    m.put("COMMUNITY_DAY_STEP", "登记选举大会程序环节（竞职陈述、候选人集中投票与回避）");
    m.put("COMMUNITY_ELECTORS_NAMED", "确定户代表或居民小组代表");
    m.put("COMMUNITY_ELECTOR_REMOVED", "撤销户代表或居民小组代表");
    m.put("COMMUNITY_CHECK_IN", "居民委员会选举签到领票");
    m.put("COMMUNITY_CHECK_IN_UNDONE", "撤销居民委员会选举签到");
    m.put("COMMUNITY_WRITE_IN_IDENTIFIED", "登记另选他人当选者的身份");
    m.put("COMMUNITY_VOTE_DECIDED", "确定居民委员会选举投票结果");
    m.put("COMMUNITY_VOTE_RERUN", "居民委员会选举重新组织投票");
    m.put("COMMUNITY_SUPERVISION_MEETING", "登记居务监督委员会推选会议");
    m.put("COMMUNITY_SUPERVISION_NOMINEE", "登记居务监督委员会被推选人及得票");
    m.put("COMMUNITY_SUPERVISION_REMOVED", "删除居务监督委员会被推选人");
    m.put("COMMUNITY_SUPERVISION_CHAIR", "确定居务监督委员会主任");
    m.put("COMMUNITY_GRID_MEETING", "登记网格推选居民代表会议");
    m.put("COMMUNITY_GRID_NOMINEE", "登记居民代表被推选人及得票");
    m.put("COMMUNITY_GRID_NOMINEE_REMOVED", "删除居民代表被推选人");
    m.put("COMMUNITY_TERM_CREATED", "新建社区“两委”换届");
    m.put("COMMUNITY_TERM_DEADLINES", "修改社区换届完成时限");
    m.put("COMMUNITY_TERM_LINKED", "社区换届关联选举");
    m.put("COMMUNITY_TERM_POSTS", "确定社区党组织委员会分工");
    m.put("COMMUNITY_TERM_SUMMARY", "登记社区“两委”班子汇总");
    m.put("COMMUNITY_TERM_PREVIOUS", "登记社区换届上届班子情况");
    m.put("COMMUNITY_TERM_UNLINKED", "社区换届取消关联选举");
    m.put("COMMUNITY_TERM_DELETED", "删除社区换届");
    m.put("CONGRESS_RATIOS_APPROVED", "登记代表结构比例的批复");
    m.put("COUNTY_DISTRICT_FORMED", "组成县级人大代表选区");
    m.put("WORKING_GROUP_MEMBER_ADDED", "增加选区工作组成员");
    m.put("ELECTION_METHOD_DRAFTED", "保存选举办法草案");
    m.put("ELECTION_METHOD_ADOPTED", "登记居民代表会议通过选举办法");
    m.put("ELECTION_METHOD_POSTED", "登记选举办法张榜公布");
    m.put("WORKING_GROUP_MEMBER_REMOVED", "减少选区工作组成员");
    m.put("WORKING_GROUP_ROLE_DESIGNATED", "调整选区工作组职务");
    m.put("WORKING_GROUP_ESTABLISHED", "登记选区工作组发文设立");
    m.put("WORKING_GROUP_SIZE_SET", "设定选区工作组人数");
    m.put("DEPUTY_INITIAL_LIST_POSTED", "登记初步代表候选人名单的公布");
    m.put("BOX_CUSTODY_RECORDED", "登记票箱保管记录");
    m.put("STATION_STAFF_ADDED", "登记投票站工作人员");
    m.put("CONTEST_VOTE_OPENED", "开始选区投票");
    m.put("BOX_COUNT_RECORDED", "登记票箱选票核对数");
    m.put("TALLY_SHEET_ENTERED", "录入计票单");
    m.put("CONTEST_VOTE_DECIDED", "确定选区选举结果");
    m.put("CONGRESS_RESULTS_STEP", "确认代表选举结果");
    m.put("POLLING_STATION_UPDATED", "修改投票站");
    m.put("POLLING_STATION_DELETED", "删除投票站");
    m.put("VOTERS_REGISTERED", "选民登记");
    m.put("VOTER_LIST_PUBLISHED", "公布选民名单");
    m.put("VOTER_REMOVED", "选民除名");
    m.put("VOTER_CORRECTED", "更正选民信息");
    m.put("VOTER_OBJECTION_FILED", "受理对选民名单的申诉");
    m.put("VOTER_OBJECTION_DECIDED", "作出申诉处理决定");
    m.put("REGISTER_CARRIED_OVER", "结转上届选民名单");
    m.put("CARD_STATION_ASSIGNED", "分配投票站");
    m.put("CARD_PRINTED", "打印选民证");
    // delegates to a higher party congress (出席上级党代会代表选举)
    m.put("DELEGATE_ALLOCATION_SAVED", "登记代表名额分配");
    m.put("DELEGATE_UPPER_NOMINEE_ADDED", "登记上级党委提名的代表候选人");
    m.put("DELEGATE_UNIT_CREATED", "登记推荐单位");
    m.put("DELEGATE_UNIT_CORRECTED", "更正推荐单位");
    m.put("DELEGATE_UPPER_NOMINEE_CORRECTED", "更正上级党委提名的代表候选人");
    m.put("DELEGATE_LIST_SUBMITTED", "报送推荐人选名单");
    m.put("DELEGATE_PARTICIPATION_RECORDED", "登记推荐提名参与情况");
    m.put("DELEGATE_STAGE_DECIDED", "确定考察对象、初步人选或预备人选名单");
    m.put("DELEGATE_STAGE_APPROVED", "登记代表候选人人选的报送、征求意见、同意、审查或批复");
    m.put("DELEGATE_STAGE_WITHDRAWN", "将人选撤出考察对象或初步人选名单");
    m.put("DELEGATE_STAGE_LOCKED", "锁定初步人选（预备人选建议名单保留）");
    m.put("DELEGATE_PUBLICITY_RECORDED", "登记考察预告或初步人选公示");
    m.put("DELEGATE_VETTING_OPINION", "登记考察对象的考察意见");
    m.put("DELEGATE_REGULATOR_OPINION", "登记企业考察对象的有关部门意见");
    m.put("DELEGATE_STAGE_COUNTS_SAVED", "设定考察对象和初步人选人数");
    m.put("DELEGATE_COMPLAINT_RECORDED", "登记公示期间的举报");
    m.put("DELEGATE_COMPLAINT_CHECKED", "登记举报的核查结论");
    m.put("DELEGATE_CONFERENCE_RECORDED", "登记党代表会议和代表候选人");
    m.put("DELEGATE_CONFERENCE_COUNTED", "登记代表选举的计票结果");
    m.put("DELEGATE_CONFERENCE_SEATS_REDUCED", "减少代表名额（不再另行选举）");
    m.put("DELEGATE_NOTIFICATION_RECORDED", "登记党员“五必知”告知情况");
    m.put("PROXY_RECORDED", "登记委托投票");
    m.put("PROXY_CONSENTED", "登记选举委员会同意委托");
    m.put("PROXY_WITHDRAWN", "撤回委托投票");
    return Collections.unmodifiableMap(m);
  }
}
