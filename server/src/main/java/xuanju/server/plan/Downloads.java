package xuanju.server.plan;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import xuanju.server.documents.DocumentContent;
import xuanju.server.documents.DocxDocument;
import xuanju.server.documents.PdfDocument;

/** Document downloads (.docx / .pdf) with a Chinese file name (文书下载). */
public final class Downloads {
  private Downloads() {}

  public static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  /**
   * The content rendered as {@code format} ("docx" or "pdf").
   *
   * @throws IllegalArgumentException for another format
   */
  public static ResponseEntity<byte[]> of(DocumentContent content, String baseName, String format) {
    return switch (format) {
      case "docx" -> file(DocxDocument.render(content), baseName + ".docx", DOCX);
      case "pdf" ->
          file(PdfDocument.render(content).pdf(), baseName + ".pdf", MediaType.APPLICATION_PDF);
      default -> throw new IllegalArgumentException("不支持的文件格式：" + format + "（可用 docx、pdf）");
    };
  }

  /** The bytes as an attachment named {@code name} (UTF-8 file name). */
  public static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }
}
