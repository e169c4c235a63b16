package xuanju.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Writes the sample ballot, notice, .docx and .xlsx to the folder named by the system property
 * {@code xuanju.documents.samples} (skipped when it is not set), for looking at them, e.g. {@code
 * -Dxuanju.documents.samples=/tmp/samples} then {@code pdftoppm -r 60 -png ...}.
 */
class SampleRenderingTest {
  @Test
  void writesSamplesWhenAsked() throws Exception {
    String dir = System.getProperty("xuanju.documents.samples");
    Assumptions.assumeTrue(dir != null && !dir.isBlank(), "no sample folder given");
    Path out = Files.createDirectories(Path.of(dir));
    BallotPdf.Result ballot = BallotPdf.render(Samples.ballot());
    Files.write(out.resolve("ballot-sample.pdf"), ballot.pdf());
    BallotPdf.Result many =
        BallotPdf.render(
            new BallotLayout(
                Samples.TITLE,
                15,
                "另行选举",
                BallotLayout.DEFAULT_INSTRUCTIONS,
                Samples.names(30, 30),
                5,
                "3F9A-C21B",
                null));
    Files.write(out.resolve("ballot-30.pdf"), many.pdf());
    Files.write(out.resolve("notice-sample.pdf"), PdfDocument.render(Samples.notice()).pdf());
    Files.write(out.resolve("notice-sample.docx"), DocxDocument.render(Samples.notice()));
    Files.write(
        out.resolve("notice-sample.xlsx"),
        XlsxTable.of("候选人名单", (DocumentContent.Table) Samples.notice().blocks().get(3)).toBytes());
    assertThat(out.resolve("ballot-sample.pdf")).exists();
  }
}
