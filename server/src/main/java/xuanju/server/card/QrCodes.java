package xuanju.server.card;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/** QR codes (二维码) with ZXing: the modules of a code, without quiet zone. */
final class QrCodes {
  private QrCodes() {}

  /** The modules ({@code [y][x]}, true = dark) of {@code text} at error correction level M. */
  static boolean[][] modules(String text) {
    try {
      ByteMatrix m = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
      boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          out[y][x] = m.get(x, y) == 1;
        }
      }
      return out;
    } catch (WriterException e) {
      throw new IllegalStateException("二维码生成失败", e);
    }
  }
}
