import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * DuckDB reference for the kpi benchmark: the same numbers as {@code kpi cac --by channel} and
 * {@code kpi ads --by campaign}, computed by DuckDB (JDBC driver org.duckdb:duckdb_jdbc) from the
 * generated CSV files, printed as CSV on stdout.
 *
 * <p>Money is exact: the CSV columns are read as DECIMAL(18,2) (never DOUBLE), sums are DECIMAL, and
 * every ratio is an integer division of scaled integers rounded half-even by the {@code rhe} macro,
 * then printed with a fixed number of decimals. A zero denominator gives an empty cell.
 *
 * <pre>
 *   java -cp bench/target/duckdb-classes:bench/target/lib/duckdb_jdbc-2.0.0.1.jar DuckBench \
 *        cac --spend bench/data/spend.csv --deals bench/data/deals.csv [--threads 2]
 *   ... DuckBench ads --spend bench/data/spend.csv [--threads 2]
 *   ... DuckBench sql "SELECT 42"          (prints any query, for experiments)
 * </pre>
 *
 * <p>cac columns: channel, cost (spend of that channel), new_customers (accounts whose first won deal,
 * earliest closed then smallest id as a string, has that channel), cac = cost / new_customers (2 dp).
 * Channels of either file appear (full outer join); a channel without spend has cost 0.00.
 *
 * <p>ads columns: campaign, impressions, clicks, cost, conversions, conversion_value, ctr (6 dp),
 * cpc (2 dp), cpm = 1000 * cost / impressions (2 dp), cpa = cost / conversions (2 dp),
 * roas = conversion_value / cost (4 dp), conversion_rate = conversions / clicks (6 dp).
 */
public final class DuckBench {

    static final String SPEND_COLUMNS = "{'date': 'DATE', 'platform': 'VARCHAR', 'channel': 'VARCHAR', "
        + "'campaign': 'VARCHAR', 'impressions': 'BIGINT', 'clicks': 'BIGINT', 'cost': 'DECIMAL(18,2)', "
        + "'conversions': 'DECIMAL(18,2)', 'conversion_value': 'DECIMAL(18,2)'}";
    static final String DEALS_COLUMNS = "{'id': 'VARCHAR', 'account_id': 'VARCHAR', 'created': 'TIMESTAMP', "
        + "'closed': 'TIMESTAMP', 'stage': 'VARCHAR', 'amount': 'DECIMAL(18,2)', 'channel': 'VARCHAR', "
        + "'campaign': 'VARCHAR'}";
    static final String CSV_OPTIONS = "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
        + "dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%d %H:%M:%S'";

    /** Half-even rounded quotient of non-negative integers n / d; NULL when d = 0. */
    static final String RHE_MACRO = "CREATE MACRO rhe(n, d) AS CASE WHEN d = 0 THEN NULL ELSE "
        + "(n // d) + CASE WHEN 2 * (n % d) > d THEN 1 WHEN 2 * (n % d) = d THEN (n // d) % 2 ELSE 0 END END";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage();
        String job = args[0];
        String spend = null, deals = null, sql = null;
        int threads = 2;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--spend" -> spend = args[++i];
                case "--deals" -> deals = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> { if (job.equals("sql") && sql == null) sql = args[i]; else usage(); }
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            st.execute("SET preserve_insertion_order = false");
            st.execute(RHE_MACRO);
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            switch (job) {
                case "cac" -> cac(st, need(spend, "--spend"), need(deals, "--deals"), out);
                case "ads" -> ads(st, need(spend, "--spend"), out);
                case "sql" -> dump(st.executeQuery(need(sql, "a query")), out);
                default -> usage();
            }
            out.flush();
        }
    }

    static void cac(Statement st, String spend, String deals, Writer out) throws Exception {
        String q = "WITH s AS (SELECT channel, sum(cost) AS cost FROM " + csv(spend, SPEND_COLUMNS) + " GROUP BY channel), "
            + "f AS (SELECT arg_min(channel, (closed, id)) AS channel FROM " + csv(deals, DEALS_COLUMNS)
            + "      WHERE stage = 'Closed Won' GROUP BY account_id), "
            + "n AS (SELECT channel, count(*) AS n FROM f GROUP BY channel) "
            + "SELECT coalesce(s.channel, n.channel) AS channel, "
            + "       CAST(coalesce(s.cost, 0) * 100 AS HUGEINT) AS cost_c, coalesce(n.n, 0) AS n "
            + "FROM s FULL OUTER JOIN n ON s.channel = n.channel",
            outer = "SELECT channel, cost_c, n, rhe(cost_c, n) AS cac_c FROM (" + q + ") ORDER BY channel";
        out.write("channel,cost,new_customers,cac\n");
        try (ResultSet rs = st.executeQuery(outer)) {
            while (rs.next()) {
                out.write(field(rs.getString(1)));
                out.write(',');
                out.write(scaled(rs.getString(2), 2));
                out.write(',');
                out.write(Long.toString(rs.getLong(3)));
                out.write(',');
                out.write(scaled(rs.getString(4), 2));
                out.write('\n');
            }
        }
    }

    static void ads(Statement st, String spend, Writer out) throws Exception {
        String sums = "SELECT campaign, CAST(sum(impressions) AS HUGEINT) AS imp, CAST(sum(clicks) AS HUGEINT) AS clk, "
            + "CAST(sum(cost) * 100 AS HUGEINT) AS cost_c, CAST(sum(conversions) * 100 AS HUGEINT) AS conv_c, "
            + "CAST(sum(conversion_value) * 100 AS HUGEINT) AS val_c FROM " + csv(spend, SPEND_COLUMNS) + " GROUP BY campaign";
        String q = "SELECT campaign, imp, clk, cost_c, conv_c, val_c, "
            + "rhe(clk * 1000000, imp) AS ctr6, rhe(cost_c, clk) AS cpc_c, rhe(cost_c * 1000, imp) AS cpm_c, "
            + "rhe(cost_c * 100, conv_c) AS cpa_c, rhe(val_c * 10000, cost_c) AS roas4, "
            + "rhe(conv_c * 1000000, clk * 100) AS cr6 FROM (" + sums + ") ORDER BY campaign";
        out.write("campaign,impressions,clicks,cost,conversions,conversion_value,ctr,cpc,cpm,cpa,roas,conversion_rate\n");
        int[] scales = {0, 0, 2, 2, 2, 6, 2, 2, 2, 4, 6};
        try (ResultSet rs = st.executeQuery(q)) {
            while (rs.next()) {
                out.write(field(rs.getString(1)));
                for (int i = 0; i < scales.length; i++) {
                    out.write(',');
                    out.write(scaled(rs.getString(i + 2), scales[i]));
                }
                out.write('\n');
            }
        }
    }

    static void dump(ResultSet rs, Writer out) throws Exception {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) out.write((i > 1 ? "," : "") + field(md.getColumnName(i)));
        out.write('\n');
        while (rs.next()) {
            for (int i = 1; i <= md.getColumnCount(); i++) out.write((i > 1 ? "," : "") + field(rs.getString(i)));
            out.write('\n');
        }
    }

    static String csv(String file, String columns) {
        return "read_csv('" + file.replace("'", "''") + "', " + CSV_OPTIONS + ", columns = " + columns + ")";
    }

    /** An integer count of 10^-scale units, printed with exactly {@code scale} decimals; null prints empty. */
    static String scaled(String integer, int scale) {
        if (integer == null) return "";
        return new BigDecimal(new BigInteger(integer), scale).toPlainString();
    }

    /** RFC 4180 cell. */
    static String field(String v) {
        if (v == null) return "";
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    static String need(String v, String what) {
        if (v == null) { System.err.println("missing " + what); System.exit(2); }
        return v;
    }

    static void usage() {
        System.err.println("usage: DuckBench cac --spend FILE --deals FILE [--threads N]\n"
            + "       DuckBench ads --spend FILE [--threads N]\n"
            + "       DuckBench sql QUERY");
        System.exit(2);
    }
}
