package xuanju.core.quota;

import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.Rule;
import xuanju.core.rule.Severity;

/**
 * Composition quota rules (结构比例要求): one code per attribute and direction ({@code MIN} for "at least
 * / more than", {@code MAX} for "at most / fewer than"). The requirement's own source (seed rule
 * id, local plan) travels with each finding's facts; the citation here is the generic one.
 */
public enum QuotaRule implements Rule {
  WOMEN_MIN("QUOTA.WOMEN.MIN", "女性人数或比例不得低于结构要求"),
  WOMEN_MAX("QUOTA.WOMEN.MAX", "女性人数或比例不得高于结构要求"),
  MINORITY_MIN("QUOTA.MINORITY.MIN", "少数民族人数或比例不得低于结构要求"),
  MINORITY_MAX("QUOTA.MINORITY.MAX", "少数民族人数或比例不得高于结构要求"),
  PARTY_MEMBER_MIN("QUOTA.PARTY_MEMBER.MIN", "中共党员人数或比例不得低于结构要求"),
  PARTY_MEMBER_MAX("QUOTA.PARTY_MEMBER.MAX", "中共党员人数或比例不得高于结构要求"),
  NON_PARTY_MIN("QUOTA.NON_PARTY.MIN", "非中共党员人数或比例不得低于结构要求"),
  NON_PARTY_MAX("QUOTA.NON_PARTY.MAX", "非中共党员人数或比例不得高于结构要求"),
  AGE_MIN("QUOTA.AGE.MIN", "某一年龄段的人数或比例不得低于结构要求"),
  AGE_MAX("QUOTA.AGE.MAX", "某一年龄段的人数或比例不得高于结构要求"),
  TAG_MIN("QUOTA.TAG.MIN", "某一身份类别（如基层一线、先进模范）的人数或比例不得低于结构要求"),
  TAG_MAX("QUOTA.TAG.MAX", "某一身份类别（如领导干部）的人数或比例不得高于结构要求"),
  DATA_MISSING(
      "QUOTA.DATA.MISSING",
      Severity.WARNING,
      "部分人员缺少判断结构要求所需的信息（性别、出生日期、民族或政治面貌），未计入相应人数",
      Citation.of("选举工作方案（本地方案）", "", "", Confidence.I));

  private final String code;
  private final Severity severity;
  private final String messageZh;
  private final Citation citation;

  QuotaRule(String code, String messageZh) {
    this(
        code,
        Severity.ERROR,
        messageZh,
        Citation.of("选举工作方案（本地方案）中的结构要求", "", "ST", Confidence.PLAN));
  }

  QuotaRule(String code, Severity severity, String messageZh, Citation citation) {
    this.code = code;
    this.severity = severity;
    this.messageZh = messageZh;
    this.citation = citation;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String messageZh() {
    return messageZh;
  }

  @Override
  public Citation citation() {
    return citation;
  }
}
