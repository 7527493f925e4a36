package dev.kpi.calc;

import dev.kpi.records.Fx;
import dev.kpi.records.Micros;
import dev.kpi.records.Projection;
import dev.kpi.records.Spend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ad-platform metrics per group ({@code kpi ads}). Sums: impressions, clicks, cost, conversions and
 * conversion value. Ratios, each recomputed from summed parts (never averaged per row), and each over
 * the rows that report both of its parts, so a platform that does not report conversion value does not
 * dilute ROAS:
 * <ul>
 *   <li>CTR = clicks / impressions;</li>
 *   <li>CPC = cost / clicks; CPM = 1000 × cost / impressions;</li>
 *   <li>CPA = cost / conversions (conversions as the platforms report them);</li>
 *   <li>ROAS = conversion value / cost;</li>
 *   <li>conversion rate = conversions / clicks.</li>
 * </ul>
 * A zero denominator gives null and a warning. Conversions summed over more than one platform (in the
 * total, or in a row such as a channel served by Google and Microsoft) are flagged with a warning naming
 * the rows, since platforms count conversions independently. Mergeable: {@link #merge} combines partial
 * results.
 */
public final class AdsCalculator {
    private final List<Dimension> dims;
    private final Window window;
    private final Map<List<String>, Totals> groups = new HashMap<>();
    private final Totals total = new Totals();
    private final LastKey<Totals> lastKey;

    /** Running sums for one group. {@code xFor*} are the parts restricted to rows reporting both sides. */
    static final class Totals {
        int present;
        long impressions;
        long clicks;
        long conversions;
        long leads;
        final MoneySum cost = new MoneySum();
        final MoneySum value = new MoneySum();
        long ctrClicks;
        long ctrImpressions;
        final MoneySum cpcCost = new MoneySum();
        long cpcClicks;
        final MoneySum cpmCost = new MoneySum();
        long cpmImpressions;
        final MoneySum cpaCost = new MoneySum();
        long cpaConversions;
        final MoneySum roasCost = new MoneySum();
        final MoneySum roasValue = new MoneySum();
        long crConversions;
        long crClicks;
        final ConversionPlatforms conversionPlatforms = new ConversionPlatforms();

        void add(Spend s) {
            int p = s.present();
            present |= p;
            impressions += s.impressions();
            clicks += s.clicks();
            conversions = Math.addExact(conversions, s.conversions());
            leads += s.leads();
            String cur = s.currency();
            cost.add(cur, s.cost());
            value.add(cur, s.conversionValue());
            boolean hasCost = (p & Spend.COST) != 0;
            boolean hasImpr = (p & Spend.IMPRESSIONS) != 0;
            boolean hasClicks = (p & Spend.CLICKS) != 0;
            boolean hasConv = (p & Spend.CONVERSIONS) != 0;
            if (hasImpr && hasClicks) { ctrClicks += s.clicks(); ctrImpressions += s.impressions(); }
            if (hasCost && hasClicks) { cpcCost.add(cur, s.cost()); cpcClicks += s.clicks(); }
            if (hasCost && hasImpr) { cpmCost.add(cur, s.cost()); cpmImpressions += s.impressions(); }
            if (hasCost && hasConv) { cpaCost.add(cur, s.cost()); cpaConversions = Math.addExact(cpaConversions, s.conversions()); }
            if (hasCost && (p & Spend.CONVERSION_VALUE) != 0) { roasCost.add(cur, s.cost()); roasValue.add(cur, s.conversionValue()); }
            if (hasConv && hasClicks) { crConversions = Math.addExact(crConversions, s.conversions()); crClicks += s.clicks(); }
            if (hasConv && s.platform() != null) conversionPlatforms.add(s.platform());
        }

        void merge(Totals o) {
            present |= o.present;
            impressions += o.impressions;
            clicks += o.clicks;
            conversions = Math.addExact(conversions, o.conversions);
            leads += o.leads;
            cost.merge(o.cost);
            value.merge(o.value);
            ctrClicks += o.ctrClicks;
            ctrImpressions += o.ctrImpressions;
            cpcCost.merge(o.cpcCost);
            cpcClicks += o.cpcClicks;
            cpmCost.merge(o.cpmCost);
            cpmImpressions += o.cpmImpressions;
            cpaCost.merge(o.cpaCost);
            cpaConversions = Math.addExact(cpaConversions, o.cpaConversions);
            roasCost.merge(o.roasCost);
            roasValue.merge(o.roasValue);
            crConversions = Math.addExact(crConversions, o.crConversions);
            crClicks += o.crClicks;
            conversionPlatforms.merge(o.conversionPlatforms);
        }
    }

    public AdsCalculator(List<Dimension> dims, Window window) {
        this.dims = List.copyOf(dims);
        this.window = window;
        this.lastKey = new LastKey<>(this.dims);
    }

    /** What {@link #add} reads of a spend row (see {@link Projection}): rows that agree on it may come summed. */
    public Projection projection() { return LastKey.projection(dims, window); }

    public void add(Spend s) {
        if (!window.includes(s.date(), s.dateEnd(), s, AdsCalculator::describe)) return;
        Totals g = lastKey.group(s, s.date(), s.dateEnd(), groups, Totals::new);
        g.add(s);
        total.add(s);
    }

    public void merge(AdsCalculator other) {
        other.groups.forEach((k, t) -> groups.computeIfAbsent(k, x -> new Totals()).merge(t));
        total.merge(other.total);
    }

    static String orNone(String v) { return v == null || v.isBlank() ? Dimension.NONE : v; }

    static String describe(Spend s) {
        return "a spend row" + (s.campaign() == null ? "" : " of campaign '" + s.campaign() + "'")
                + (s.platform() == null ? "" : " (" + s.platform() + ")");
    }

    /** Builds the report; {@code fx} converts currencies (throws {@link MissingRateException} when it cannot). */
    public Report finish(Fx fx) {
        Report r = new Report("ads").period(window.from(), window.to())
                .groupBy(dims.stream().map(Dimension::key).toList()).currency(fx.currency());
        for (Dimension d : dims) r.column(d.key(), label(d), Kind.TEXT);
        int p = total.present;
        boolean impr = (p & Spend.IMPRESSIONS) != 0;
        boolean clicks = (p & Spend.CLICKS) != 0;
        boolean conv = (p & Spend.CONVERSIONS) != 0;
        boolean value = (p & Spend.CONVERSION_VALUE) != 0;
        if (impr) r.column("impressions", "Impressions", Kind.COUNT);
        if (clicks) r.column("clicks", "Clicks", Kind.COUNT);
        r.column("cost", "Cost", Kind.MONEY);
        if (conv) r.column("conversions", "Conversions", Kind.QUANTITY);
        if (value) r.column("conversionValue", "Conv. value", Kind.MONEY);
        if (impr && clicks) r.column("ctr", "CTR", Kind.PERCENT);
        if (clicks) r.column("cpc", "CPC", Kind.MONEY);
        if (impr) r.column("cpm", "CPM", Kind.MONEY);
        if (conv) r.column("cpa", "CPA", Kind.MONEY);
        if (value) r.column("roas", "ROAS", Kind.MULTIPLE);
        if (conv && clicks) r.column("conversionRate", "Conv. rate", Kind.PERCENT);

        // Without --by there is one group, the total: rows stay empty rather than repeat it.
        List<List<String>> keys = dims.isEmpty() ? List.of() : new ArrayList<>(groups.keySet());
        if (!dims.isEmpty()) keys.sort(Buckets::compare);
        List<ConversionPlatforms> platforms = new ArrayList<>(keys.size());
        for (List<String> k : keys) {
            Row row = new Row();
            for (int i = 0; i < dims.size(); i++) row.put(dims.get(i).key(), k.get(i));
            Totals g = groups.get(k);
            fill(r, row, g, fx);
            r.rows().add(row);
            platforms.add(g.conversionPlatforms);
        }
        Row t = new Row();
        fill(r, t, total, fx);
        r.total(t);
        if (conv) {
            ConversionPlatforms.warnTotal(r, total.conversionPlatforms);
            ConversionPlatforms.warnRows(r, platforms);
        }
        if (value && (p & Spend.COST) != 0 && !total.roasCost.convert(fx).equals(total.cost.convert(fx))) {
            r.warn("some rows report no conversion value; ROAS uses only the cost of rows that do (see roasDenominator)");
        }
        r.warnAboutNullRatios();
        return r;
    }

    private static String label(Dimension d) {
        String k = d.key();
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    private static void fill(Report r, Row row, Totals t, Fx fx) {
        BigDecimal cost = t.cost.convert(fx);
        if (r.column("impressions") != null) row.put("impressions", t.impressions);
        if (r.column("clicks") != null) row.put("clicks", t.clicks);
        row.put("cost", Report.money(cost));
        boolean conv = (t.present & Spend.CONVERSIONS) != 0;
        boolean value = (t.present & Spend.CONVERSION_VALUE) != 0;
        if (r.column("conversions") != null) row.put("conversions", conv ? quantity(t.conversions) : null);
        if (r.column("conversionValue") != null) row.put("conversionValue", value ? Report.money(t.value.convert(fx)) : null);
        if (r.column("ctr") != null) {
            row.put("ctr", Ratio.of(t.ctrClicks, t.ctrImpressions, Kind.PERCENT, "no impressions"));
        }
        if (r.column("cpc") != null) {
            row.put("cpc", Ratio.of(t.cpcCost.convert(fx), BigDecimal.valueOf(t.cpcClicks), Kind.MONEY, "no clicks"));
        }
        if (r.column("cpm") != null) {
            row.put("cpm", Ratio.of(t.cpmCost.convert(fx), BigDecimal.valueOf(t.cpmImpressions), Kind.MONEY, 1000, "no impressions"));
        }
        if (r.column("cpa") != null) {
            row.put("cpa", Ratio.of(t.cpaCost.convert(fx), quantity(t.cpaConversions), Kind.MONEY,
                    conv ? "no conversions" : "no conversions reported"));
        }
        if (r.column("roas") != null) {
            row.put("roas", Ratio.of(t.roasValue.convert(fx), t.roasCost.convert(fx), Kind.MULTIPLE,
                    value ? "no cost" : "no conversion value reported"));
        }
        if (r.column("conversionRate") != null) {
            row.put("conversionRate", Ratio.of(quantity(t.crConversions), BigDecimal.valueOf(t.crClicks), Kind.PERCENT, "no clicks"));
        }
    }

    /** Micros of a count-like quantity as an exact decimal without trailing zeros (45.5, 93). */
    static BigDecimal quantity(long micros) {
        BigDecimal v = Micros.toBigDecimal(micros).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
