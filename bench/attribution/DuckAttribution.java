import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * First, last and linear touch attribution in DuckDB SQL over the files of GenerateTouchpoints, the
 * reference kpi's numbers are compared with. Run with the DuckDB JDBC driver on the class path:
 *
 *   java -cp 'bench/target/lib/*' bench/attribution/DuckAttribution.java \
 *        [--data bench/data/attribution] [--lookback-days 90] [--threads 2] [--out bench/out/attribution/duckdb.csv]
 *
 * Same rules as kpi for this data: a conversion is a won deal (one per account in the generated data),
 * its journey the touches of its account at or before the close time and at most --lookback-days
 * before it; first = earliest touch, last = latest, linear = 1/n each; conversions with no touch in the
 * window go to (unattributed). Timestamps never tie within a journey in the generated data, so no
 * tie-break by file order is needed. Writes model,channel,conversions,revenue and prints the wall time.
 */
public final class DuckAttribution {
    public static void main(String[] args) throws SQLException, IOException {
        Path data = Path.of("bench/data/attribution");
        int lookback = 90;
        int threads = 2;
        Path out = Path.of("bench/out/attribution/duckdb.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data": data = Path.of(args[++i]); break;
                case "--lookback-days": lookback = Integer.parseInt(args[++i]); break;
                case "--threads": threads = Integer.parseInt(args[++i]); break;
                case "--out": out = Path.of(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String touches = data.resolve("touchpoints.csv").toAbsolutePath().toString().replace("'", "''");
        String deals = data.resolve("deals.csv").toAbsolutePath().toString().replace("'", "''");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("CREATE TEMP TABLE conv AS SELECT account AS jid, closed, amount FROM read_csv('" + deals + "', header = true,"
                    + " columns = {'id': 'VARCHAR', 'account': 'VARCHAR', 'stage': 'VARCHAR', 'closed': 'TIMESTAMP',"
                    + " 'amount': 'DECIMAL(18,2)'}) WHERE stage = 'Closed Won'");
            s.execute("CREATE TEMP TABLE path AS SELECT c.jid, c.amount, t.channel,"
                    + " row_number() OVER (PARTITION BY c.jid ORDER BY t.ts) AS pos,"
                    + " count(*) OVER (PARTITION BY c.jid) AS n"
                    + " FROM conv c JOIN read_csv('" + touches + "', header = true, columns = {'journey_id': 'VARCHAR',"
                    + " 'ts': 'TIMESTAMP', 'channel': 'VARCHAR', 'campaign': 'VARCHAR', 'cost': 'DECIMAL(18,2)'}) t"
                    + " ON t.journey_id = c.jid"
                    + " WHERE t.ts <= c.closed AND t.ts >= c.closed - INTERVAL " + lookback + " DAY");
            String sql = "SELECT 'first' AS model, channel, count(*)::DOUBLE AS conversions, sum(amount)::DOUBLE AS revenue"
                    + " FROM path WHERE pos = 1 GROUP BY channel"
                    + " UNION ALL SELECT 'last', channel, count(*)::DOUBLE, sum(amount)::DOUBLE FROM path WHERE pos = n GROUP BY channel"
                    + " UNION ALL SELECT 'linear', channel, sum(1.0 / n), sum(amount::DOUBLE / n) FROM path GROUP BY channel"
                    + " UNION ALL SELECT m.model, '(unattributed)', count(*)::DOUBLE, sum(c.amount)::DOUBLE"
                    + " FROM conv c CROSS JOIN (VALUES ('first'), ('last'), ('linear')) m(model)"
                    + " WHERE c.jid NOT IN (SELECT jid FROM path) GROUP BY m.model"
                    + " ORDER BY 1, 2";
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (ResultSet rs = s.executeQuery(sql);
                 PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                w.println("model,channel,conversions,revenue");
                while (rs.next()) {
                    w.println(rs.getString(1) + "," + rs.getString(2) + "," + rs.getDouble(3) + "," + rs.getDouble(4));
                }
            }
        }
        System.out.printf("duckdb first/last/linear: %.2f s (threads %d) -> %s%n", (System.nanoTime() - start) / 1e9, threads, out);
    }
}
