package xuanju.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Seeded random mutations of test inputs (变异生成器), in the style of libFuzzer's byte mutators: bit
 * flips, random bytes, interesting values, deletions, duplications, insertions, truncation. The
 * same seed gives the same sequence of inputs, so a failure is reproduced from its seed alone.
 */
final class Mutator {
  private static final byte[] INTERESTING = {
    0, 1, -1, 0x7f, (byte) 0x80, '"', '<', '>', '&', '\n', '{', '}', '[', ']', ',', ':', '-', '9'
  };
  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** One to {@code max} stacked mutations of {@code in}. */
  byte[] mutate(byte[] in, int max) {
    byte[] b = in.clone();
    int n = 1 + random.nextInt(Math.max(1, max));
    for (int i = 0; i < n; i++) {
      b = once(b);
    }
    return b;
  }

  private byte[] once(byte[] b) {
    if (b.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(b.length);
    switch (random.nextInt(7)) {
      case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> b[at] = (byte) random.nextInt(256);
      case 2 -> b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
      case 3 -> {
        int len = Math.min(b.length - at, 1 + random.nextInt(16));
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        return out;
      }
      case 4 -> {
        int len = Math.min(b.length - at, 1 + random.nextInt(64));
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, at + len);
        System.arraycopy(b, at, out, at + len, b.length - at);
        return out;
      }
      case 5 -> {
        byte[] ins = new byte[1 + random.nextInt(8)];
        random.nextBytes(ins);
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
      }
      default -> {
        byte[] out = new byte[at];
        System.arraycopy(b, 0, out, 0, at);
        return out;
      }
    }
    return b;
  }

  /**
   * Mutates the contents of one entry of a zip (an .xlsx part such as the sheet XML) and zips it
   * again with valid checksums, so the mutation reaches the XML parser instead of the zip reader.
   */
  byte[] mutateZipEntry(byte[] zip, int max) {
    try {
      java.nio.file.Path tmp = java.nio.file.Files.createTempFile("xuanju-fuzz-", ".zip");
      try {
        java.nio.file.Files.write(tmp, zip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(tmp.toFile());
            ZipOutputStream z = new ZipOutputStream(out)) {
          var entries = in.stream().toList();
          int target = random.nextInt(Math.max(1, entries.size()));
          for (int i = 0; i < entries.size(); i++) {
            ZipEntry e = entries.get(i);
            byte[] data;
            try (var s = in.getInputStream(e)) {
              data = s.readAllBytes();
            }
            if (i == target || (e.getName().contains("sheet") && random.nextInt(3) == 0)) {
              data = mutate(data, max);
            }
            z.putNextEntry(new ZipEntry(e.getName()));
            z.write(data);
            z.closeEntry();
          }
        }
        return out.toByteArray();
      } finally {
        java.nio.file.Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A random cell text: empty, digits, Chinese, ID-like, date-like, huge, control characters. */
  String cellText() {
    return switch (random.nextInt(10)) {
      case 0 -> "";
      case 1 -> Long.toString(random.nextLong());
      case 2 -> "欧阳䶮".repeat(1 + random.nextInt(40));
      case 3 -> {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 17; i++) {
          sb.append(random.nextInt(10));
        }
        yield sb.append("0123456789Xx".charAt(random.nextInt(12))).toString();
      }
      case 4 -> (1900 + random.nextInt(200)) + "-" + random.nextInt(14) + "-" + random.nextInt(33);
      case 5 -> "x".repeat(random.nextInt(32_000));
      case 6 -> new String(new char[] {(char) random.nextInt(32), '\uFFFF', '\uD800'});
      case 7 ->
          List2.pick(random, "男", "女", "汉族", "回族", "正式党员", "预备党员", "正常", "本科", "大学", "=1+1", "'");
      case 8 -> new String(randomBytes(1 + random.nextInt(30)), StandardCharsets.ISO_8859_1);
      default -> "　" + random.nextInt(1000) + " ";
    };
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** Picks one of several values. */
  static final class List2 {
    private List2() {}

    static String pick(Random r, String... values) {
      return values[r.nextInt(values.length)];
    }
  }
}
