package dev.kpi.calc.funnel;

import dev.kpi.calc.Buckets;
import dev.kpi.calc.Column;
import dev.kpi.calc.Dimension;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;
import dev.kpi.calc.Window;
import dev.kpi.records.Deal;
import dev.kpi.records.Fx;
import dev.kpi.records.Lead;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage funnels ({@code kpi funnel}) over leads, deals, or leads with their deals.
 *
 * <p><b>Entities.</b> With leads, each distinct lead is one entity and its deals (see {@link Links}) add
 * their evidence to it; without leads, each distinct deal is one. Counts are unique entities.
 *
 * <p><b>Stages.</b> The configured funnel, else a built-in one ({@link Funnel}): the lead lifecycle with
 * leads, else the deal pipeline (HubSpot, Salesforce, Pipedrive) whose stage names most deals carry.
 * Closed Lost is an outcome, never a stage: a lost entity counts at every stage it reached and, as
 * {@code lost}, at the furthest one. Reach follows the {@link OrderMode}; see {@link Reach}.
 *
 * <p><b>Per stage</b> (JSON {@code stages}, in funnel order): {@code reached}; {@code conversionFromFirst} =
 * reached / reached at the first stage; {@code stepConversion} = reached / reached at the previous stage
 * and {@code dropOff} = previous − reached with {@code dropOffRate} = dropOff / previous (both null at the
 * first stage); {@code lost} and {@code open} = entities whose furthest stage this is; {@code imputed} =
 * counted here only because a later stage was reached; {@code medianDaysFromPrevious} and
 * {@code p90DaysFromPrevious} (nearest rank) over entities with dated entries into both stages, in the
 * right order. Rates are proportions with a 95 % Wilson interval; a zero denominator gives null.
 *
 * <p><b>Money.</b> averageDealSize = won revenue / won deals with an amount; leadValue = won revenue /
 * leads (with leads only). With a revenue target T: for every stage k, required = ⌈T / averageDealSize ×
 * reached(k) / won⌉, where won counts the entities with a won outcome — the catalogue's
 * target / deal size / conversion rate, carried back through every stage with the funnel's own rates.
 *
 * <p><b>Periods.</b> {@code --from/--to} and time dimensions use the entity's creation date (the lead's,
 * else the deal's); {@code windowDays} drops evidence dated more than that after the first stage's entry.
 */
public final class FunnelCalculator {
    /**
     * @param funnel     the configured funnel, or null for the built-in choice
     * @param windowDays conversion window from the first stage, or null for none
     * @param target     revenue target in the reporting currency, or null
     */
    public record Options(List<Dimension> dims, Window window, OrderMode order, Funnel funnel, Integer windowDays,
                          BigDecimal target) {}

    private final Options options;
    private final List<Dimension> dims;
    private final Atoms atoms;
    private final TextCodes texts = new TextCodes();
    private final KeyIndex accounts = new KeyIndex();
    private final LeadTable leads;
    private final DealTable deals;
    private final List<String> skipped = new ArrayList<>();

    public FunnelCalculator(Options options) {
        this.options = options;
        this.dims = List.copyOf(options.dims());
        this.atoms = new Atoms(candidates(options.funnel()));
        this.leads = new LeadTable(texts, accounts, detail(dims));
        this.deals = new DealTable(atoms, texts, accounts, detail(dims));
    }

    /** The funnels whose stage values must be recognised while reading. */
    static List<Funnel> candidates(Funnel configured) {
        if (configured != null) return List.of(configured);
        List<Funnel> all = new ArrayList<>();
        all.add(Funnel.leadLifecycle());
        all.addAll(Funnel.dealDefaults());
        all.add(Funnel.dealsOnly());
        return all;
    }

    public void add(Lead l) { leads.add(l); }

    public void add(Deal d) { deals.add(d); }

    public void merge(FunnelCalculator o) {
        leads.merge(o.leads);
        deals.merge(o.deals);
    }

    /** KPIs left out by the last {@link #finish}, each with the input it needs (for stderr). */
    public List<String> skipped() { return List.copyOf(skipped); }

    /** The funnel in use: the configured one, else the lead lifecycle with leads, else the best-matching pipeline. */
    public Funnel funnel() {
        if (options.funnel() != null) return options.funnel();
        if (leads.size() > 0) return Funnel.leadLifecycle();
        return bestDealFunnel(atoms, deals);
    }

    /**
     * The built-in pipeline most deals carry an open-stage value of (ties: HubSpot, Salesforce, Pipedrive);
     * {@link Funnel#dealsOnly()} when no deal does. Won stages do not count: every CRM has "Closed Won".
     */
    public static Funnel bestDealFunnel(Atoms atoms, DealTable deals) {
        Funnel best = null;
        long bestCount = 0;
        long valueBits = ~((1L << Atoms.DEAL) | (1L << Atoms.WON));
        for (Funnel f : Funnel.dealDefaults()) {
            long m = 0;
            for (Stage s : f.stages()) if (!s.won()) m |= atoms.mask(s);
            m &= valueBits;
            long n = 0;
            for (int i = 0; i < deals.size(); i++) if ((deals.mask(i) & m) != 0) n++;
            if (n > bestCount) {
                bestCount = n;
                best = f;
            }
        }
        return best == null ? Funnel.dealsOnly() : best;
    }

    public Report finish(Fx fx) {
        skipped.clear();
        Funnel funnel = funnel();
        int n = funnel.stages().size();
        int windowMinutes = options.windowDays() == null ? -1 : (int) Math.min(Integer.MAX_VALUE, options.windowDays() * 1440L);
        Reach reach = new Reach(funnel, atoms, options.order(), windowMinutes);
        Map<List<String>, StageTally> groups = new HashMap<>();
        StageTally total = new StageTally(n);
        Window window = options.window();
        boolean leadMode = leads.size() > 0;
        long noAnchor = 0;
        long orphans = 0;
        long undated = 0;
        Report report = new Report("funnel").period(window.from(), window.to())
                .groupBy(dims.stream().map(Dimension::key).toList());

        if (leadMode) {
            int count = leads.size();
            StageTally[] tallyOf = new StageTally[count];
            for (int i = 0; i < count; i++) {
                LocalDate day = Minutes.day(leads.created(i));
                if (!window.isOpen() && (day == null || !window.contains(day))) {
                    if (day == null) noAnchor++;
                    continue;
                }
                List<String> key = GroupKey.of(dims, texts.text(leads.channel(i)), texts.text(leads.campaign(i)),
                        texts.text(leads.source(i)), texts.text(leads.owner(i)), day);
                tallyOf[i] = groups.computeIfAbsent(key, k -> new StageTally(n));
            }
            // deals add their evidence and outcome to the lead they belong to
            Links links = new Links(leads, deals);
            long[] dealMask = new long[count];
            byte[] outcomes = new byte[count];
            long dated = reach.allStages() & ~((1L << Atoms.DEAL) - 1);
            Map<Integer, int[]> dealDates = new HashMap<>();
            for (int d = 0; d < deals.size(); d++) {
                int l = links.leadOf(d);
                if (l < 0) {
                    orphans++;
                    continue;
                }
                long m = deals.mask(d);
                dealMask[l] |= m;
                long bits = m & dated;
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int at = deals.atomDate(b, d);
                    if (at == Minutes.NONE) continue;
                    int[] col = dealDates.computeIfAbsent(b, x -> {
                        int[] c = new int[count];
                        java.util.Arrays.fill(c, Minutes.NONE);
                        return c;
                    });
                    if (col[l] == Minutes.NONE || at < col[l]) col[l] = at;
                }
                int o = deals.outcome(d);
                outcomes[l] |= (byte) (1 << o);
                if (o == DealTable.WON && tallyOf[l] != null) {
                    tallyOf[l].addWonDeal(deals.hasAmount(d), deals.currency(d), deals.amount(d));
                    total.addWonDeal(deals.hasAmount(d), deals.currency(d), deals.amount(d));
                }
            }
            for (int i = 0; i < count; i++) {
                if (tallyOf[i] == null) continue;
                final int lead = i;
                long mask = dealMask[i];
                for (LeadField f : LeadField.values()) if (leads.date(f, i) != Minutes.NONE) mask |= 1L << Atoms.field(f);
                int life = atoms.value(texts.text(leads.lifecycle(i)));
                if (life >= 0) mask |= 1L << life;
                reach.evaluate(mask, b -> {
                    if (b < Atoms.DEAL) return leads.date(LeadField.values()[b], lead);
                    int[] col = dealDates.get(b);
                    return col == null ? Minutes.NONE : col[lead];
                }, false, leads.created(i));
                if (reach.undatedInWindow) undated++;
                int o = outcomes[i];
                int outcome = (o & (1 << DealTable.WON)) != 0 || leads.date(LeadField.CUSTOMER, i) != Minutes.NONE
                        ? StageTally.WON : (o & (1 << DealTable.OPEN)) == 0 && (o & (1 << DealTable.LOST)) != 0
                        ? StageTally.LOST : StageTally.OPEN;
                tallyOf[i].add(reach, outcome);
                tallyOf[i].addLead();
                total.add(reach, outcome);
                total.addLead();
            }
        } else {
            for (int d = 0; d < deals.size(); d++) {
                final int deal = d;
                int anchor = deals.created(d);
                LocalDate day = Minutes.day(anchor);
                if (!window.isOpen() && (day == null || !window.contains(day))) {
                    if (day == null) noAnchor++;
                    continue;
                }
                List<String> key = GroupKey.of(dims, texts.text(deals.channel(d)), texts.text(deals.campaign(d)),
                        texts.text(deals.source(d)), texts.text(deals.owner(d)), day);
                StageTally t = groups.computeIfAbsent(key, k -> new StageTally(n));
                reach.evaluate(deals.mask(d), b -> deals.atomDate(b, deal), true, anchor);
                if (reach.undatedInWindow) undated++;
                int o = deals.outcome(d);
                int outcome = o == DealTable.WON ? StageTally.WON : o == DealTable.LOST ? StageTally.LOST : StageTally.OPEN;
                t.add(reach, outcome);
                total.add(reach, outcome);
                if (o == DealTable.WON) {
                    t.addWonDeal(deals.hasAmount(d), deals.currency(d), deals.amount(d));
                    total.addWonDeal(deals.hasAmount(d), deals.currency(d), deals.amount(d));
                }
            }
        }

        boolean money = total.wonDealsWithAmount() > 0;
        boolean days = false;
        for (int k = 1; k < n; k++) days |= total.minutesFromPrevious(k).size() > 0;
        String currency = fx.currency();
        report.currency(currency);
        for (Dimension d : dims) report.column(d.key(), label(d.key()), Kind.TEXT);
        report.column("entered", "Entered", Kind.COUNT);
        report.column("reachedLast", "Reached " + funnel.stages().get(n - 1).name(), Kind.COUNT);
        report.column("overallConversion", "Overall conversion", Kind.PERCENT);
        report.column("won", "Won", Kind.COUNT);
        report.column("lost", "Lost", Kind.COUNT);
        report.column("open", "Open", Kind.COUNT);
        if (money) report.column("averageDealSize", "Avg deal size", Kind.MONEY);
        if (money && leadMode) report.column("leadValue", "Lead value", Kind.MONEY);

        List<Column> stageColumns = stageColumns();
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        keys.sort(Buckets::compare);
        List<Section> groupSections = new ArrayList<>();
        if (!dims.isEmpty()) {
            for (List<String> k : keys) {
                StageTally t = groups.get(k);
                Row row = new Row();
                StringBuilder title = new StringBuilder("Funnel:");
                for (int i = 0; i < dims.size(); i++) {
                    row.put(dims.get(i).key(), k.get(i));
                    title.append(i == 0 ? " " : ", ").append(dims.get(i).key()).append(' ').append(k.get(i));
                }
                summary(row, t, n, fx, money, leadMode);
                List<Row> stageRows = stageRows(funnel, t);
                row.put("stages", stageRows);
                report.rows().add(row);
                groupSections.add(new Section(title.toString(), "stages", stageColumns, stageRows));
            }
        }
        Row totalRow = new Row();
        summary(totalRow, total, n, fx, money, leadMode);
        report.total(totalRow);
        List<Row> totalStages = stageRows(funnel, total);
        report.extra().put("funnel", funnel.name());
        report.extra().put("order", options.order().key());
        if (options.windowDays() != null) report.extra().put("windowDays", (long) options.windowDays());
        report.extra().put("stages", totalStages);
        report.sections().add(new Section("Funnel: " + funnel.name() + (dims.isEmpty() ? "" : " (all)"), "stages",
                stageColumns, totalStages));
        report.sections().addAll(groupSections);

        if (options.target() != null) target(report, funnel, total, fx, n, leadMode);

        // what the user should know
        long imputed = 0;
        for (int k = 0; k < n; k++) imputed += total.imputed(k);
        String what = leadMode ? "leads" : "deals";
        report.notes().add("Stages: " + String.join(" → ", funnel.names()) + " (" + funnel.name() + "; order "
                + options.order().key() + "). Counts are unique " + what + "; Closed Lost is an outcome, shown as 'lost'"
                + " at the furthest stage reached.");
        if (imputed > 0) {
            report.notes().add(imputed + " stage entr" + (imputed == 1 ? "y was" : "ies were")
                    + " imputed: a later stage was reached without a record of the earlier one.");
        }
        if (total.outside() > 0) {
            report.notes().add(total.outside() + " " + what + " did not reach the first stage (" + funnel.stages().get(0).name()
                    + ") and are not in the funnel.");
        }
        if (orphans > 0) {
            report.warn(orphans + " deal" + (orphans == 1 ? "" : "s") + " matched no lead (by contact id or account)"
                    + " and are not in the lead funnel");
        }
        if (noAnchor > 0) {
            report.warn(noAnchor + " " + what + " have no creation date, so --from/--to cannot place them; they are left out");
        }
        if (undated > 0 && options.windowDays() != null) {
            report.notes().add(undated + " " + what + " have stage evidence without a date; it counts inside the "
                    + options.windowDays() + "-day window.");
        }
        if (total.negative() > 0) {
            report.warn(total.negative() + " stage entr" + (total.negative() == 1 ? "y is" : "ies are")
                    + " dated before the previous stage's entry; left out of the days between stages");
        }
        if (leads.duplicates() > 0) {
            report.warn(leads.duplicates() + " lead row" + (leads.duplicates() == 1 ? " repeats" : "s repeat")
                    + " an id seen before (e.g. " + String.join(", ", leads.duplicateExamples())
                    + "); each lead is counted once, with the earliest dates of its rows");
        }
        if (deals.duplicates() > 0) {
            report.warn(deals.duplicates() + " deal row" + (deals.duplicates() == 1 ? " repeats" : "s repeat")
                    + " an id seen before; each deal is counted once, at the furthest stage any row shows");
        }
        if (!leadMode) unknownStages(report, funnel);
        if (total.wonDeals() > total.wonDealsWithAmount()) {
            long k = total.wonDeals() - total.wonDealsWithAmount();
            report.warn(k + " won deal" + (k == 1 ? " has" : "s have") + " no amount; left out of the average deal size");
        }
        if (!money) {
            skipped.add("averageDealSize" + (leadMode ? " and leadValue" : "") + ": needs won deals with an amount"
                    + (deals.size() == 0 ? " (give --deals)" : ""));
        } else if (!leadMode) {
            skipped.add("leadValue: needs --leads (won revenue / leads)");
        }
        if (!days) {
            skipped.add("medianDaysFromPrevious and p90DaysFromPrevious: need dated stage entries (lead lifecycle dates,"
                    + " HubSpot 'Date entered …' columns)");
        }
        report.warnAboutNullRatios();
        return report;
    }

    private void unknownStages(Report report, Funnel funnel) {
        long known = 0;
        for (Stage s : funnel.stages()) known |= atoms.mask(s);
        Map<String, Long> unknown = new TreeMap<>();
        for (int d = 0; d < deals.size(); d++) {
            if (deals.outcome(d) != DealTable.OPEN) continue;
            String stage = texts.text(deals.stage(d));
            if (stage == null) continue;
            int b = atoms.value(stage);
            if (b >= 0 && (known & (1L << b)) != 0) continue;
            unknown.merge(stage, 1L, Long::sum);
        }
        if (unknown.isEmpty()) return;
        long total = unknown.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        unknown.forEach((s, c) -> parts.add(s + ": " + c));
        report.warn(total + " open deal" + (total == 1 ? " is" : "s are") + " in stages that are not in the funnel ("
                + String.join(", ", parts.size() > 8 ? parts.subList(0, 8) : parts) + (parts.size() > 8 ? ", …" : "")
                + "); they count at the first stage only. List your pipeline in kpi.yaml: funnel: { stages: [ … ] }");
    }

    private static String label(String key) { return Character.toUpperCase(key.charAt(0)) + key.substring(1); }

    static List<Column> stageColumns() {
        List<Column> c = new ArrayList<>();
        c.add(Column.text("stage", "Stage"));
        c.add(new Column("reached", "Reached", Kind.COUNT));
        c.add(new Column("conversionFromFirst", "From first", Kind.BAR));
        c.add(new Column("stepConversion", "Step conversion", Kind.PERCENT));
        c.add(new Column("dropOff", "Drop-off", Kind.COUNT));
        c.add(new Column("dropOffRate", "Drop-off rate", Kind.PERCENT));
        c.add(new Column("lost", "Lost here", Kind.COUNT));
        c.add(new Column("open", "Open here", Kind.COUNT));
        c.add(new Column("imputed", "Imputed", Kind.COUNT));
        c.add(new Column("medianDaysFromPrevious", "Median days", Kind.DAYS));
        c.add(new Column("p90DaysFromPrevious", "p90 days", Kind.DAYS));
        return c;
    }

    static List<Row> stageRows(Funnel funnel, StageTally t) {
        List<Row> rows = new ArrayList<>();
        long first = t.reached(0);
        for (int k = 0; k < t.stages(); k++) {
            long r = t.reached(k);
            Row row = new Row();
            row.put("stage", funnel.stages().get(k).name());
            row.put("reached", r);
            // the first stage is 100 % of itself by definition: no interval to show
            row.put("conversionFromFirst", k == 0 ? Ratio.of(r, first, Kind.PERCENT, "nothing reached the first stage")
                    : Ratio.proportion(r, first, "nothing reached the first stage"));
            if (k == 0) {
                row.put("stepConversion", null);
                row.put("dropOff", null);
                row.put("dropOffRate", null);
            } else {
                long prev = t.reached(k - 1);
                row.put("stepConversion", Ratio.proportion(r, prev, "nothing reached the previous stage"));
                row.put("dropOff", prev - r);
                row.put("dropOffRate", Ratio.proportion(prev - r, prev, "nothing reached the previous stage"));
            }
            row.put("lost", t.lostAt(k));
            row.put("open", t.openAt(k));
            row.put("imputed", t.imputed(k));
            Durations d = t.minutesFromPrevious(k);
            row.put("medianDaysFromPrevious", k == 0 ? null : d.median(Minutes.PER_DAY, 2));
            row.put("p90DaysFromPrevious", k == 0 ? null : d.percentile(0.9, Minutes.PER_DAY, 2));
            rows.add(row);
        }
        return rows;
    }

    private static void summary(Row row, StageTally t, int n, Fx fx, boolean money, boolean leadMode) {
        row.put("entered", t.reached(0));
        row.put("reachedLast", t.reached(n - 1));
        row.put("overallConversion", Ratio.proportion(t.reached(n - 1), t.reached(0), "nothing reached the first stage"));
        row.put("won", t.won());
        row.put("lost", t.lost());
        row.put("open", t.open());
        if (money) {
            BigDecimal revenue = t.wonRevenue().convert(fx);
            row.put("averageDealSize", Ratio.of(revenue, BigDecimal.valueOf(t.wonDealsWithAmount()), Kind.MONEY, "no won deals"));
            if (leadMode) row.put("leadValue", Ratio.of(revenue, BigDecimal.valueOf(t.leads()), Kind.MONEY, "no leads"));
        }
    }

    /**
     * The catalogue's "leads needed" carried back through every stage: deals needed = target / average
     * deal size, and stage k needs deals needed × reached(k) / won. The formula takes one won deal per
     * customer; when lead-mode customers have several won deals the won stage really counts deals, and a
     * warning says so.
     */
    private void target(Report report, Funnel funnel, StageTally total, Fx fx, int n, boolean leadMode) {
        BigDecimal target = options.target();
        report.extra().put("target", Report.money(target));
        if (total.wonDealsWithAmount() == 0 || total.won() == 0) {
            report.warn("--target: no won deals with an amount, so the average deal size and the conversion to won are"
                    + " unknown; nothing can be carried back through the funnel");
            return;
        }
        BigDecimal revenue = total.wonRevenue().convert(fx);
        if (revenue.signum() <= 0) {
            report.warn("--target: won revenue is zero, so no deal count reaches the target");
            return;
        }
        if (leadMode && total.wonDeals() != total.won()) {
            report.warn("--target: " + total.won() + " customers won " + total.wonDeals() + " deals; the counts needed follow"
                    + " the catalogue's formula (target / average deal size / conversion rate), which takes one won deal"
                    + " per customer, so the won stage's count is deals");
        }
        MathContext mc = new MathContext(34, RoundingMode.HALF_EVEN);
        // deals needed = T / (revenue / deals); entities at stage k = deals needed × reached(k) / won
        BigDecimal dealsNeeded = target.multiply(BigDecimal.valueOf(total.wonDealsWithAmount())).divide(revenue, mc);
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            BigDecimal need = dealsNeeded.multiply(BigDecimal.valueOf(total.reached(k))).divide(BigDecimal.valueOf(total.won()), mc);
            rows.add(new Row().put("stage", funnel.stages().get(k).name())
                    .put("count", need.setScale(0, RoundingMode.CEILING).longValueExact()));
        }
        boolean lastIsWon = funnel.stages().get(n - 1).won();
        if (!lastIsWon) {
            rows.add(new Row().put("stage", "(won deals)").put("count", dealsNeeded.setScale(0, RoundingMode.CEILING).longValueExact()));
        }
        List<Column> cols = List.of(Column.text("stage", "Stage"), new Column("count", "Needed", Kind.COUNT));
        String t = String.format(java.util.Locale.ROOT, "%,.2f", Report.money(target));
        report.sections().add(new Section("Needed for a revenue target of " + t + (fx.currency() == null ? "" : " " + fx.currency()),
                "required", cols, rows));
    }

    /** Whether entities must keep campaign, raw source and owner: only when the report is grouped by one. */
    static boolean detail(List<Dimension> dims) {
        return dims.contains(Dimension.CAMPAIGN) || dims.contains(Dimension.SOURCE) || dims.contains(Dimension.OWNER);
    }
}
