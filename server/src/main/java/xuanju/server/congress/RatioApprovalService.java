package xuanju.server.congress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.quota.Attribute;
import xuanju.core.quota.Comparison;
import xuanju.core.quota.QuotaRequirement;
import xuanju.core.quota.QuotaSets;
import xuanju.core.quota.Share;
import xuanju.core.rule.Citation;
import xuanju.core.rule.Confidence;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.access.AccessService;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;

/**
 * The county 人大常委会's approval of the composition ratios of the new congress (代表结构比例的批复): the share
 * of non-CPC deputies and of women, with who approved, the document and the day. Once recorded, the
 * composition check uses the approved shares instead of the plan's default (seed 004: 非中共 ≥ 35 %).
 */
@Service
public class RatioApprovalService {
  private final DeputyNominationService nominations;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  RatioApprovalService(
      DeputyNominationService nominations, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.nominations = nominations;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** An approval as recorded. */
  public record Approval(
      int nonCpcPercent,
      Integer womenPercent,
      Integer incumbentPercent,
      String approvedBy,
      String document,
      LocalDate on) {
    /** 非中共代表不少于35%，妇女代表不少于25%，连任代表不少于30%（某县人大常委会 某文号，日期）. */
    public String textZh() {
      return "非中共代表不少于"
          + nonCpcPercent
          + "%"
          + (womenPercent == null ? "" : "，妇女代表不少于" + womenPercent + "%")
          + (incumbentPercent == null ? "" : "，连任代表不少于" + incumbentPercent + "%")
          + "（"
          + approvedBy
          + "《"
          + document
          + "》，"
          + on
          + "）";
    }
  }

  @Transactional(readOnly = true)
  public Optional<Approval> approval(long electionId) {
    return jdbc
        .query(
            "SELECT non_cpc_percent, women_percent, incumbent_percent, approved_by, document,"
                + " approved_on"
                + " FROM congress_ratio_approval WHERE election_id = ?",
            (rs, i) ->
                new Approval(
                    rs.getInt(1),
                    (Integer) rs.getObject(2, Integer.class),
                    (Integer) rs.getObject(3, Integer.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class)),
            electionId)
        .stream()
        .findFirst();
  }

  /**
   * The requirements the composition is checked against: the approval's, else the plan's; the
   * plan's share of incumbents (连任代表约占1/3) stays when the approval does not fix one.
   */
  @Transactional(readOnly = true)
  public List<QuotaRequirement> requirements(Election e) {
    Optional<Approval> a = approval(e.id());
    if (a.isEmpty()) {
      return QuotaSets.TOWN_CONGRESS_DEPUTIES.requirements();
    }
    Citation c =
        Citation.of(
            a.get().approvedBy() + "《" + a.get().document() + "》",
            "",
            "county approval",
            Confidence.PLAN);
    List<QuotaRequirement> out = new ArrayList<>();
    out.add(
        QuotaRequirement.share(
            "APPROVED-NON-CPC",
            Attribute.nonPartyMember(),
            Comparison.AT_LEAST,
            Share.of(a.get().nonCpcPercent(), 100),
            c));
    if (a.get().womenPercent() != null) {
      out.add(
          QuotaRequirement.share(
              "APPROVED-WOMEN",
              Attribute.female(),
              Comparison.AT_LEAST,
              Share.of(a.get().womenPercent(), 100),
              c));
    }
    if (a.get().incumbentPercent() != null) {
      out.add(
          QuotaRequirement.share(
              "APPROVED-INCUMBENTS",
              Attribute.tagged(QuotaSets.INCUMBENT_TAG),
              Comparison.AT_LEAST,
              Share.of(a.get().incumbentPercent(), 100),
              c));
    } else {
      QuotaSets.TOWN_CONGRESS_DEPUTIES.requirements().stream()
          .filter(r -> r.attribute().equals(Attribute.tagged(QuotaSets.INCUMBENT_TAG)))
          .forEach(out::add);
    }
    return out;
  }

  /** Records (or replaces) the approval without a share of incumbents (MANAGE). */
  @Transactional
  public void record(
      long electionId,
      Integer nonCpcPercent,
      Integer womenPercent,
      String approvedBy,
      String document,
      LocalDate approvedOn) {
    record(electionId, nonCpcPercent, womenPercent, null, approvedBy, document, approvedOn);
  }

  /** Records (or replaces) the approval (MANAGE). */
  @Transactional
  public void record(
      long electionId,
      Integer nonCpcPercent,
      Integer womenPercent,
      Integer incumbentPercent,
      String approvedBy,
      String document,
      LocalDate approvedOn) {
    nominations.requireManage(electionId);
    if (nonCpcPercent == null || nonCpcPercent < 0 || nonCpcPercent > 100) {
      throw new InvalidInputException("nonCpcPercent", "非中共代表比例应为0至100之间的整数（百分比）");
    }
    if (womenPercent != null && (womenPercent < 0 || womenPercent > 100)) {
      throw new InvalidInputException("womenPercent", "妇女代表比例应为0至100之间的整数（百分比）");
    }
    if (incumbentPercent != null && (incumbentPercent < 0 || incumbentPercent > 100)) {
      throw new InvalidInputException("incumbentPercent", "连任代表比例应为0至100之间的整数（百分比）");
    }
    String by = approvedBy == null ? "" : approvedBy.strip();
    String doc = document == null ? "" : document.strip();
    if (by.isEmpty()) {
      throw new InvalidInputException("approvedBy", "批复机关：不能为空（如某县人大常委会）");
    }
    if (doc.isEmpty()) {
      throw new InvalidInputException("document", "批复文件：不能为空");
    }
    if (approvedOn == null || approvedOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("approvedOn", "批复日期：不能为空，也不能晚于今天");
    }
    String user = AccessService.currentUser();
    jdbc.update("DELETE FROM congress_ratio_approval WHERE election_id = ?", electionId);
    jdbc.update(
        "INSERT INTO congress_ratio_approval (election_id, non_cpc_percent, women_percent,"
            + " incumbent_percent, approved_by, document, approved_on, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        electionId,
        nonCpcPercent,
        womenPercent,
        incumbentPercent,
        by,
        doc,
        Date.valueOf(approvedOn),
        user,
        Timestamp.from(clock.instant()));
    audit.append(
        user,
        "CONGRESS_RATIOS_APPROVED",
        "election:" + electionId,
        "登记代表结构比例的批复："
            + new Approval(nonCpcPercent, womenPercent, incumbentPercent, by, doc, approvedOn)
                .textZh());
  }
}
