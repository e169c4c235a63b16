package xuanju.server.person;

import java.util.Arrays;

/**
 * The first row of each resident ID number in an import file (文件内查重): an open-addressing hash map
 * from the number's 17 digits (the check character follows from them) to the row, about 24 bytes
 * per person, so a million rows need some 30 MB instead of several hundred.
 */
final class IdRowMap {
  private long[] keys;
  private int[] rows;
  private int size;

  IdRowMap() {
    keys = new long[1 << 14];
    rows = new int[1 << 14];
    Arrays.fill(keys, -1L);
  }

  /** The key of a valid 18-character ID number. */
  static long key(String id) {
    return Long.parseLong(id, 0, 17, 10);
  }

  /** Records {@code row} for the ID unless it is there; returns the earlier row or 0. */
  int putIfAbsent(String id, int row) {
    if (size * 2 >= keys.length) {
      grow();
    }
    long k = key(id);
    int i = slot(k, keys.length);
    while (keys[i] != -1L) {
      if (keys[i] == k) {
        return rows[i];
      }
      i = (i + 1) & (keys.length - 1);
    }
    keys[i] = k;
    rows[i] = row;
    size++;
    return 0;
  }

  int size() {
    return size;
  }

  private static int slot(long k, int length) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (length - 1);
  }

  private void grow() {
    long[] ok = keys;
    int[] or = rows;
    keys = new long[ok.length * 2];
    rows = new int[ok.length * 2];
    Arrays.fill(keys, -1L);
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != -1L) {
        int i = slot(ok[j], keys.length);
        while (keys[i] != -1L) {
          i = (i + 1) & (keys.length - 1);
        }
        keys[i] = ok[j];
        rows[i] = or[j];
      }
    }
  }
}
