package xuanju.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import xuanju.core.quota.Person;
import xuanju.core.quota.QuotaResult;
import xuanju.core.rule.Finding;
import xuanju.core.slate.Nominee;
import xuanju.core.slate.SlateRequest;
import xuanju.core.slate.SlateResult;

/** The Chinese table of {@code ./xuanju slate} (代表人选建议名单表). */
final class SlateTable {
  private SlateTable() {}

  static void print(PrintStream out, SlateCommand.Input in, SlateResult r) {
    SlateRequest q = in.request();
    out.println("代表人选建议名单（" + in.nameZh() + "）");
    out.println(
        "应选"
            + q.seats()
            + "名，推荐人选"
            + q.pool().size()
            + "名，已锁定"
            + q.locked().size()
            + "名"
            + (q.referenceDate() == null ? "" : "；年龄计算日期 " + q.referenceDate()));
    out.println(
        "结果：" + r.status().labelZh() + (r.hasSlate() ? "，推荐票合计" + r.totalSupport() + "票" : ""));
    if (r.hasSlate()) {
      out.println();
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"序号", "编号", "姓名", "推荐票", "性别", "年龄", "民族", "身份", "锁定"});
      int rank = 1;
      for (Nominee n : r.slate()) {
        Person p = n.person();
        Integer age = SlateCommand.age(p, q.referenceDate());
        rows.add(
            new String[] {
              String.valueOf(rank++),
              p.id(),
              p.name().isEmpty() ? "—" : p.name(),
              String.valueOf(n.support()),
              p.gender() == null ? "—" : p.gender().labelZh(),
              age == null ? "—" : String.valueOf(age),
              p.ethnicity() == null ? "—" : p.ethnicity(),
              p.tags().isEmpty() ? "—" : String.join("、", p.tags().stream().sorted().toList()),
              q.isLocked(p.id()) ? "是" : ""
            });
      }
      table(out, rows);
      out.println();
      out.println("结构要求：");
      for (QuotaResult res : r.check().results()) {
        out.println(
            "  ["
                + (res.met() ? "符合" : "不符合")
                + "] "
                + res.requirement().id()
                + " "
                + res.step().explanationZh());
      }
    }
    List<Finding> errors = r.findings().errors();
    if (!errors.isEmpty()) {
      out.println();
      out.println("原因：");
      for (Finding f : errors) {
        Object c = f.facts().get("citation");
        out.println(
            "  "
                + f.code()
                + " "
                + f.messageZh()
                + "（依据："
                + (c == null ? f.rule().citation().display() : c)
                + "）");
      }
    }
    List<Finding> rest = new ArrayList<>(r.findings().warnings());
    rest.addAll(r.findings().notices());
    if (!rest.isEmpty()) {
      out.println();
      out.println("提示：");
      for (Finding f : rest) {
        out.println("  [" + TimelineCommand.severityZh(f) + "] " + f.code() + " " + f.messageZh());
      }
    }
  }

  private static void table(PrintStream out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], TimelineCommand.displayWidth(row[i]) + 2);
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        sb.append(row[i]);
        if (i < row.length - 1) {
          sb.append(" ".repeat(widths[i] - TimelineCommand.displayWidth(row[i])));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
