import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Benchmark data for {@code kpi cvr} and {@code kpi funnel}: a HubSpot-style contacts export with ROWS
 * contacts and, optionally, the deals export that goes with it. Java 17 single-file program:
 *
 * <pre>
 *   java bench/gen/GenerateLeads.java OUT.csv ROWS [DEALS.csv]
 *   java bench/gen/GenerateLeads.java bench/data/cvr/contacts.csv 5000000 bench/data/cvr/deals.csv
 * </pre>
 *
 * <p>Contacts are created over 2023-01-01 .. 2025-12-31 across about ROWS / 3 companies. Each moves through
 * the lifecycle with fixed odds (35 % become MQLs, 15 % SQLs, 8 % opportunities, 3 % customers), with
 * HubSpot's column labels: {@code Record ID} (11 digits), {@code Create Date} and the {@code Became a …
 * Date} columns as {@code yyyy-MM-dd HH:mm}, {@code Original Source} with its drill-downs, {@code
 * Associated Company IDs}, {@code Associated Deal IDs}. Every opportunity has one deal (HubSpot's default
 * pipeline, with {@code Date entered "… (Sales Pipeline)"} columns for the stages it passed): customers'
 * deals are Closed Won, about half of the others Closed Lost, the rest open at some stage. Output is a pure
 * function of ROWS (fixed seed); files are written under a temporary name and renamed when complete.
 */
public final class GenerateLeads {
    static final long SEED = 20250701L;
    static final LocalDate START = LocalDate.of(2023, 1, 1);
    static final int DAYS = 3 * 365;
    static final String[][] SOURCES = {
        {"Organic Search", "", "google.com"}, {"Paid Search", "search-brand", ""}, {"Paid Search", "search-generic-us", ""},
        {"Paid Social", "LinkedIn", "li-abm-enterprise"}, {"Paid Social", "Facebook", "meta-leadgen-guide"},
        {"Email Marketing", "newsletter", "Monthly newsletter"}, {"Referrals", "partner.example", "https://partner.example/x"},
        {"Direct Traffic", "", ""}, {"Organic Social", "LinkedIn", "company-page"}, {"Offline Sources", "IMPORT", "tradeshow.csv"}};
    static final int[] SOURCE_WEIGHT = {24, 12, 8, 10, 6, 8, 7, 15, 5, 5};
    static final String[] FIRST = {"Ava", "Ben", "Chloé", "Dev", "Elif", "Finn", "Grace", "Hiro", "Ines", "Jon", "Kai", "Lena"};
    static final String[] OWNERS = {"Maya Lindqvist", "Jonah Okafor", "Priya Raman", "Tomás Ferreira"};
    static final String[] STAGES = {"Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
        "Decision Maker Bought-In", "Contract Sent"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/gen/GenerateLeads.java OUT.csv ROWS [DEALS.csv]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long rows = Long.parseLong(args[1].replace("_", ""));
        Path dealsOut = args.length > 2 ? Path.of(args[2]) : null;
        String[] day = new String[DAYS + 400];
        for (int d = 0; d < day.length; d++) day[d] = START.plusDays(d).toString();
        long companies = Math.max(1, rows / 3);
        Path tmp = temp(out);
        Path dealsTmp = dealsOut == null ? null : temp(dealsOut);
        long start = System.nanoTime();
        long deals = 0;
        try (BufferedWriter c = writer(tmp); BufferedWriter dw = dealsTmp == null ? null : writer(dealsTmp)) {
            c.write("\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Company Name\",\"Contact owner\",\"Lifecycle Stage\","
                    + "\"Original Source\",\"Original Source Drill-Down 1\",\"Original Source Drill-Down 2\",\"Create Date\","
                    + "\"Became a Marketing Qualified Lead Date\",\"Became a Sales Qualified Lead Date\",\"Became an Opportunity Date\","
                    + "\"Became a Customer Date\",\"Associated Company IDs\",\"Associated Deal IDs\"\n");
            if (dw != null) {
                dw.write("\"Record ID\",\"Deal Name\",\"Pipeline\",\"Deal Stage\",\"Amount\",\"Close Date\",\"Create Date\","
                        + "\"Deal owner\",\"Original Source Type\",\"Associated Company IDs\",\"Associated Contact IDs\"");
                for (String s : STAGES) dw.write(",\"Date entered \"\"" + s + " (Sales Pipeline)\"\"\"");
                dw.write(",\"Date entered \"\"Closed Won (Sales Pipeline)\"\"\"\n");
            }
            StringBuilder sb = new StringBuilder(512);
            StringBuilder db = new StringBuilder(512);
            for (long i = 0; i < rows; i++) {
                SplittableRandom r = new SplittableRandom(SEED * 1_000_003L + i);
                long id = 10_000_000_000L + i * 7 + 3;
                long company = 310_000_000L + r.nextLong(companies);
                int created = r.nextInt(DAYS);
                int minute = r.nextInt(8 * 60, 19 * 60);
                String[] src = SOURCES[pick(r)];
                String owner = OWNERS[r.nextInt(OWNERS.length)];
                double u = r.nextDouble();
                int level = u < 0.03 ? 4 : u < 0.08 ? 3 : u < 0.15 ? 2 : u < 0.35 ? 1 : 0;
                int mql = level >= 1 ? created + 1 + r.nextInt(10) : -1;
                int sql = level >= 2 ? mql + 2 + r.nextInt(19) : -1;
                int opp = level >= 3 ? sql + 1 + r.nextInt(15) : -1;
                int customer = level >= 4 ? opp + 20 + r.nextInt(100) : -1;
                String lifecycle = level == 4 ? "customer" : level == 3 ? "opportunity" : level == 2 ? "salesqualifiedlead"
                        : level == 1 ? "marketingqualifiedlead" : "lead";
                long dealId = level >= 3 ? 40_000_000_000L + i : -1;
                sb.setLength(0);
                String first = FIRST[(int) (i % FIRST.length)];
                q(sb, Long.toString(id)).append(',');
                q(sb, first).append(',');
                q(sb, "Example" + (i % 10_000)).append(',');
                q(sb, first.toLowerCase() + "." + i + "@company" + company + ".example").append(',');
                q(sb, "Company " + company).append(',');
                q(sb, owner).append(',');
                q(sb, lifecycle).append(',');
                q(sb, src[0]).append(',');
                q(sb, src[1]).append(',');
                q(sb, src[2]).append(',');
                q(sb, at(day, created, minute)).append(',');
                q(sb, at(day, mql, minute)).append(',');
                q(sb, at(day, sql, minute)).append(',');
                q(sb, at(day, opp, minute)).append(',');
                q(sb, at(day, customer, minute)).append(',');
                q(sb, Long.toString(company)).append(',');
                q(sb, dealId < 0 ? "" : Long.toString(dealId)).append('\n');
                c.append(sb);
                if (dw != null && dealId >= 0) {
                    deals++;
                    // customers' deals are won; of the other opportunities about half are lost, the rest open
                    int outcome = level == 4 ? 2 : r.nextInt(2);
                    int reached = outcome == 2 ? STAGES.length : r.nextInt(STAGES.length);
                    int close = outcome == 2 ? customer : opp + 15 + r.nextInt(90);
                    int amount = 5_000 + r.nextInt(95) * 1_000;
                    db.setLength(0);
                    q(db, Long.toString(dealId)).append(',');
                    q(db, "Company " + company + " – " + (amount >= 50_000 ? "Enterprise" : "Growth")).append(',');
                    q(db, "Sales Pipeline").append(',');
                    q(db, outcome == 2 ? "Closed Won" : outcome == 1 ? "Closed Lost" : STAGES[reached]).append(',');
                    q(db, Integer.toString(amount)).append(',');
                    q(db, at(day, close, 16 * 60 + 30)).append(',');
                    q(db, at(day, opp, minute)).append(',');
                    q(db, owner).append(',');
                    q(db, src[0]).append(',');
                    q(db, Long.toString(company)).append(',');
                    q(db, Long.toString(id));
                    int when = opp;
                    for (int s = 0; s < STAGES.length; s++) {
                        // a stage is dated when the deal passed it (skipping Qualified To Buy now and then)
                        boolean passed = s <= reached && !(s == 1 && r.nextInt(5) == 0);
                        db.append(',');
                        q(db, passed ? at(day, when, minute) : "");
                        if (passed) when += r.nextInt(9);
                    }
                    db.append(',');
                    q(db, outcome == 2 ? at(day, close, 16 * 60 + 30) : "").append('\n');
                    dw.append(db);
                }
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (dealsTmp != null) Files.move(dealsTmp, dealsOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.printf("wrote %,d contacts to %s%s in %.1f s%n", rows, out,
                dealsOut == null ? "" : String.format(" and %,d deals to %s", deals, dealsOut), (System.nanoTime() - start) / 1e9);
    }

    static int pick(SplittableRandom r) {
        int total = 0;
        for (int w : SOURCE_WEIGHT) total += w;
        int x = r.nextInt(total);
        for (int k = 0; k < SOURCE_WEIGHT.length; k++) {
            x -= SOURCE_WEIGHT[k];
            if (x < 0) return k;
        }
        return SOURCE_WEIGHT.length - 1;
    }

    static String at(String[] day, int d, int minute) {
        if (d < 0) return "";
        int h = minute / 60;
        int m = minute % 60;
        return day[Math.min(d, day.length - 1)] + (h < 10 ? " 0" : " ") + h + (m < 10 ? ":0" : ":") + m;
    }

    static StringBuilder q(StringBuilder sb, String v) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"') sb.append('"');
            sb.append(ch);
        }
        return sb.append('"');
    }

    static Path temp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + target.getFileName() + ".tmp");
    }

    static BufferedWriter writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 20);
    }
}
