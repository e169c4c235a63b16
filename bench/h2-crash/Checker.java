import java.sql.*;
import java.util.*;
import java.nio.file.*;

/** args: dbDir writerLog mitigation(none|reopen|checkpoint) [writeDelay] */
public class Checker {
    static void consistency(Connection admin, List<Long> ids, Map<Long, Map<Integer, String>> logged, List<String> issues, String pfx) throws SQLException {
        // consistency
        int totalRec = 0;
        for (long eid : ids) {
            int ballots;
            try (ResultSet rs = admin.createStatement().executeQuery("SELECT ballots, version FROM ballot_entry WHERE id=" + eid)) { rs.next(); ballots = rs.getInt(1);
                if (rs.getInt(2) != ballots) issues.add(pfx + "VERSION_MISMATCH entry " + eid + " ballots=" + ballots + " version=" + rs.getInt(2)); }
            Map<Integer, String> recs = new TreeMap<>();
            try (ResultSet rs = admin.createStatement().executeQuery("SELECT position, client_id FROM ballot_record WHERE entry_id=" + eid + " ORDER BY position")) {
                while (rs.next()) recs.put(rs.getInt(1), rs.getString(2)); }
            totalRec += recs.size();
            if (recs.size() != ballots) issues.add(pfx + "COUNT_MISMATCH entry " + eid + " ballots=" + ballots + " records=" + recs.size());
            int exp = 1; for (int p : recs.keySet()) { if (p != exp) { issues.add(pfx + "GAP entry " + eid + " expected pos " + exp + " got " + p); break; } exp++; }
            Map<Integer, String> lg = logged.getOrDefault(eid, Map.of());
            for (Map.Entry<Integer, String> e : lg.entrySet())
                if (!e.getValue().equals(recs.get(e.getKey()))) { issues.add(pfx + "LOST_COMMITTED entry " + eid + " pos " + e.getKey() + " client " + e.getValue() + " db=" + recs.get(e.getKey())); break; }
        }
        issues.add(pfx + "TOTAL=" + totalRec);
    }
    /** Open N sessions, each with its own (kept-open) transaction => tx ids 1..N; compare what each sees. */
    static void probe(String url, List<String> issues, int n) throws SQLException {
        List<Connection> cs = new ArrayList<>();
        List<String> views = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Connection c = DriverManager.getConnection(url, "sa", "");
                c.setAutoCommit(false);
                cs.add(c);
                StringBuilder sb = new StringBuilder();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT e.id, e.ballots, (SELECT COUNT(*) FROM ballot_record r WHERE r.entry_id=e.id) FROM ballot_entry e ORDER BY e.id")) {
                    while (rs.next()) sb.append(rs.getLong(1)).append(':').append(rs.getInt(2)).append('/').append(rs.getInt(3)).append(' ');
                }
                views.add(sb.toString().trim());
            }
        } finally {
            for (Connection c : cs) { try { c.rollback(); c.close(); } catch (SQLException ignore) {} }
        }
        Map<String, Integer> freq = new HashMap<>();
        for (String v : views) freq.merge(v, 1, Integer::sum);
        String major = Collections.max(freq.entrySet(), Map.Entry.comparingByValue()).getKey();
        for (int i = 0; i < views.size(); i++) if (!views.get(i).equals(major)) {
            // print only differing entries
            String[] a = major.split(" "), b = views.get(i).split(" ");
            StringBuilder d = new StringBuilder();
            for (int k = 0; k < Math.min(a.length, b.length); k++) if (!a[k].equals(b[k])) d.append(a[k]).append("->").append(b[k]).append(' ');
            issues.add("LEFTOVER_VISIBLE_TO_SESSION#" + (i + 1) + " (entry:ballots/count) " + d.toString().trim());
        }
    }
    public static void main(String[] a) throws Exception {
        try { run(a); } catch (Throwable t) { System.out.println("CRASH " + t.toString().replace('\n',' ')); }
    }
    static void run(String[] a) throws Exception {
        String dir = a[0], log = a[1], mit = a[2], wd = a.length > 3 ? a[3] : "0";
        String url = Writer.url(dir, wd);
        List<String> issues = new ArrayList<>();
        long t0 = System.nanoTime();
        if (mit.equals("reopen")) {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) { c.createStatement().execute("SHUTDOWN"); }
        }
        Connection admin = DriverManager.getConnection(url, "sa", "");
        long openMs = (System.nanoTime() - t0) / 1000000;
        if (mit.equals("checkpoint")) admin.createStatement().execute("CHECKPOINT");
        // leftover-transaction visibility
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = admin.createStatement().executeQuery("SELECT id FROM ballot_entry ORDER BY id")) { while (rs.next()) ids.add(rs.getLong(1)); }
        // committed-according-to-writer set
        Map<Long, Map<Integer, String>> logged = new HashMap<>();
        int loggedN = 0, errN = 0;
        for (String l : Files.readAllLines(Paths.get(log))) {
            if (l.startsWith("C ")) { String[] f = l.split(" "); logged.computeIfAbsent(Long.parseLong(f[1]), k -> new HashMap<>()).put(Integer.parseInt(f[2]), f[3]); loggedN++; }
            else if (l.startsWith("ERR") || l.startsWith("FATAL")) { errN++; if (errN <= 3) issues.add("WRITER_" + l); }
        }
        if (!mit.equals("noprobe")) probe(url, issues, 16);
        List<String> pre = new ArrayList<>();
        consistency(admin, ids, logged, pre, "PRE_");
        for (String x : pre) if (!x.startsWith("PRE_TOTAL")) issues.add(x);
        // phase 1: resubmit-style SELECTs, then phase 2: new ballot per entry, all 8 in parallel, own connection each
        String[] res = new String[ids.size()];
        Thread[] ths = new Thread[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            final int ii = i; final long eid = ids.get(i);
            ths[i] = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    c.createStatement().execute("SET LOCK_TIMEOUT 2000");
                    for (int attempt = 1; attempt <= 2; attempt++) {
                        long s = System.nanoTime();
                        try {
                            try (PreparedStatement p = c.prepareStatement("SELECT position, client_id, marks, write_ins, identifying FROM ballot_record WHERE entry_id = ? AND client_id = ?")) {
                                p.setLong(1, eid); p.setString(2, "chk-" + attempt); p.executeQuery().close(); }
                            int upd;
                            try (PreparedStatement p = c.prepareStatement("UPDATE ballot_entry SET ballots = ballots + 1, version = version + 1 WHERE id = ? AND finished_at IS NULL")) {
                                p.setLong(1, eid); upd = p.executeUpdate(); }
                            int pos;
                            try (PreparedStatement p = c.prepareStatement("SELECT ballots FROM ballot_entry WHERE id = ?")) {
                                p.setLong(1, eid); ResultSet rs = p.executeQuery(); rs.next(); pos = rs.getInt(1); }
                            try (PreparedStatement p = c.prepareStatement("INSERT INTO ballot_record (entry_id, position, client_id, marks, write_ins, identifying) VALUES (?, ?, ?, '110120', '', false)")) {
                                p.setLong(1, eid); p.setInt(2, pos); p.setString(3, "chk-" + attempt); p.executeUpdate(); }
                            c.commit();
                            long ms = (System.nanoTime() - s) / 1000000;
                            if (ms > 500) res[ii] = (res[ii] == null ? "" : res[ii]) + " SLOW entry " + eid + " " + ms + "ms;";
                            break;
                        } catch (SQLException e) {
                            long ms = (System.nanoTime() - s) / 1000000;
                            res[ii] = (res[ii] == null ? "" : res[ii]) + " EXC entry " + eid + " attempt " + attempt + " after " + ms + "ms: " + e.getClass().getName()
                                + " state=" + e.getSQLState() + " code=" + e.getErrorCode() + " msg=" + e.getMessage().replace('\n', ' ') + ";";
                            try { c.rollback(); } catch (SQLException ignore) {}
                        }
                    }
                } catch (Exception e) { res[ii] = " FATAL " + e; }
            });
            ths[i].start();
        }
        for (Thread t : ths) t.join();
        for (String r : res) if (r != null) issues.add("UPDATE:" + r);
        consistency(admin, ids, logged, issues, "");
        admin.close();
        System.out.println((issues.stream().allMatch(x -> x.contains("TOTAL=")) ? "OK" : "FAIL") + " open=" + openMs + "ms loggedCommits=" + loggedN + " "  + String.join(" | ", issues));
    }
}
