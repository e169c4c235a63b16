import org.h2.mvstore.*;
import java.nio.file.*;
import java.util.*;

/** Commits small changes to an MVStore file (space reuse on, retention 0) and after every commit copies the
 *  file as a kill would leave it and opens the copy: counts commits the normal open loses, and checks
 *  whether a full-scan (recoveryMode) open finds them. args: file commits */
public class Mini {
    public static void main(String[] a) throws Exception {
        Path f = Paths.get(a[0]);
        Files.deleteIfExists(f);
        int n = Integer.parseInt(a[1]);
        MVStore s = new MVStore.Builder().fileName(f.toString()).autoCommitDisabled().open();
        s.setRetentionTime(0);
        s.setVersionsToKeep(0);
        Random r = new Random(1);
        MVMap<Integer, String> m = s.openMap("data");
        MVMap<Integer, String> m2 = s.openMap("other");
        for (int i = 0; i < 3000; i++) m.put(i, "v" + i + "x".repeat(50));
        s.commit();
        int lostCommits = 0, worst = 0, foundByScan = 0;
        Path copy = Paths.get(a[0] + ".copy");
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(3000);
            m.put(k, "w" + i + "y".repeat(r.nextInt(200)));
            if (r.nextInt(4) == 0) m2.put(i, "z".repeat(r.nextInt(2000)));
            long v = s.commit();
            Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);   // what a SIGKILL now would leave
            long got, scan;
            try (MVStore t = new MVStore.Builder().fileName(copy.toString()).readOnly().open()) { got = t.getCurrentVersion(); }
            if (got < v) {
                try (MVStore t = new MVStore.Builder().fileName(copy.toString()).readOnly().recoveryMode().open()) { scan = t.getCurrentVersion(); }
                lostCommits++; worst = Math.max(worst, (int) (v - got));
                if (scan == v) foundByScan++;
            }
        }
        System.out.println("commits " + n + ": a kill right after the commit would lose it in " + lostCommits
            + " cases (worst: last " + worst + " versions); full scan finds the newest version in " + foundByScan + " of them");
        s.closeImmediately();
    }
}
