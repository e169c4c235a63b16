package xuanju.server.proxy;

import java.util.List;
import xuanju.server.documents.DocumentContent;
import xuanju.server.election.Election;

/** The printable 委托书 (委托投票书) of a proxy, with the committee's consent when recorded. */
final class ProxyDocuments {
  private ProxyDocuments() {}

  static DocumentContent letter(Election e, VoterProxy x, String committee, Integer cap) {
    VoterProxy.Party p = x.principal();
    VoterProxy.Party h = x.holder();
    String day = e.electionDay() == null ? "选举日" : DocumentContent.chineseDate(e.electionDay());
    DocumentContent.Builder b =
        DocumentContent.builder("委托投票书")
            .subtitle(e.title())
            .plainParagraph(committee + "：")
            .paragraph(
                "本人"
                    + p.name()
                    + "，系"
                    + p.districtZh()
                    + "登记的选民（选民证号 "
                    + p.voterNo()
                    + "）。因"
                    + x.reason()
                    + "，在"
                    + day
                    + "选举期间不能亲自参加投票，现书面委托本选区选民"
                    + h.name()
                    + "（选民证号 "
                    + h.voterNo()
                    + (x.relationship().isEmpty() ? "" : "，系本人" + x.relationship())
                    + "）代为投票。")
            .table(
                List.of("", "姓名", "公民身份号码", "选区", "选民证号"),
                List.of(
                    List.of(
                        "委托人",
                        p.name(),
                        p.maskedId(),
                        p.districtZh(),
                        Integer.toString(p.voterNo())),
                    List.of(
                        "受托人",
                        h.name(),
                        h.maskedId(),
                        h.districtZh(),
                        Integer.toString(h.voterNo()))))
            .paragraph(
                "受托人应按照委托人的意愿代为投票，不得转委托他人。" + (cap == null ? "" : "每一受托人接受的委托不得超过" + cap + "人。"))
            .plainParagraph("委托人（签名）：                      受托人（签名）：")
            .plainParagraph("委托日期：" + DocumentContent.chineseDate(x.authorisedOn()))
            .heading("选举委员会意见");
    if (x.consentOn() != null) {
      b.paragraph(
          "经审核，同意"
              + p.name()
              + "委托"
              + h.name()
              + "代为投票。同意人："
              + x.consentBy()
              + "，日期："
              + DocumentContent.chineseDate(x.consentOn())
              + "。");
    } else {
      b.paragraph("（待选举委员会审核同意）");
    }
    if (x.status() == VoterProxy.Status.WITHDRAWN) {
      b.heading("本委托已撤回").paragraph("撤回原因：" + x.withdrawnReason());
    }
    return b.signature(committee + "（盖章）", (String) null).build();
  }
}
