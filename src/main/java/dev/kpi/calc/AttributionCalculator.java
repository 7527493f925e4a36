package dev.kpi.calc;

import dev.kpi.calc.attribution.AttributionModel;
import dev.kpi.calc.attribution.AttributionResult;
import dev.kpi.calc.attribution.ChannelCredit;
import dev.kpi.calc.attribution.Conversion;
import dev.kpi.calc.attribution.HeuristicAttribution;
import dev.kpi.calc.attribution.HeuristicSettings;
import dev.kpi.calc.attribution.Journey;
import dev.kpi.calc.attribution.JourneyBuilder;
import dev.kpi.calc.attribution.MarkovAttribution;
import dev.kpi.calc.attribution.PathTable;
import dev.kpi.calc.attribution.RoiCalculator;
import dev.kpi.calc.attribution.ShapleyAttribution;
import dev.kpi.calc.attribution.Touch;
import dev.kpi.records.Cost;
import dev.kpi.records.Fx;
import dev.kpi.records.Micros;
import dev.kpi.records.PathRow;
import dev.kpi.records.Spend;
import dev.kpi.records.Team;
import dev.kpi.records.Touchpoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Revenue attribution per channel (or channel and campaign) under one or more models, with the return
 * on marketing spend ({@code kpi attribution}). Two routes:
 * <ul>
 * <li>Journeys: conversions first ({@link #addConversion}), then touchpoints ({@link #addTouch}), which a
 * {@link JourneyBuilder} groups into journeys in one pass. A converting journey whose conversion falls
 * outside the period is left out; a non-converting journey is kept when its last touch is on or after
 * the period start, and is anchored at the period end (touches after it are dropped).</li>
 * <li>A pre-aggregated path table ({@link #addPath}).</li>
 * </ul>
 * Rule-based models run on journeys as they complete (or on the path table); Markov and Shapley run on
 * the table of distinct paths at {@link #finish}. See the package {@code dev.kpi.calc.attribution} for
 * every model's weighting.
 *
 * <p>Per row (model × channel[, campaign]): attributed conversions (fractional) and their share of all
 * conversions, attributed revenue and its share, Markov's removal effect, and with costs: cost,
 * {@code roi = (R − C) / C}, {@code roas = R / C}, {@code costPerConversion = C / N}. A channel's cost is
 * its ad spend, the marketing costs tagged with it and the costs carried by its touchpoints, in the
 * period. The total row holds the real totals, which every model's credits add up to exactly. Overall:
 * marketing ROI {@code (R − C) / C} and revenue : marketing cost {@code R / C} with R the total conversion
 * revenue and C all marketing cost (spend, touch costs and every marketing-team cost), read against the
 * 5:1 / 2:1 guide; ROMI {@code (R − COGS − C) / C} with a cost of goods or a gross margin.
 *
 * <p>Empty denominators: a channel with cost rows summing to zero, or no conversions, gives null ratios
 * and a warning; a channel with no cost at all (organic) gets a null cost and no ratios, named in one
 * warning. No conversions gives null shares. No journeys or paths at all gives rows only for costs.
 */
public final class AttributionCalculator {
    /** Joins channel and campaign into one Markov/Shapley state name when attributing by campaign. */
    private static final char CAMPAIGN_SEPARATOR = '\u001f';

    /**
     * @param models         models to run, in output order
     * @param markovOrder    Markov order 1..4
     * @param heuristics     weights of the rule-based models
     * @param shapley        Shapley variant
     * @param byCampaign     credit per channel and campaign instead of per channel
     * @param lookback       conversion window (null: unlimited)
     * @param window         the reporting period (conversions, costs)
     * @param touchOrder     how touchpoints arrive by journey id
     * @param costOfGoods    cost of goods sold for ROMI, or null
     * @param grossMargin    gross margin fraction for ROMI when {@code costOfGoods} is null, or null
     * @param comparisonView table view: channels × models sections instead of the long rows
     * @param settings       what the command wants echoed under {@code settings} in JSON
     */
    public record Options(List<AttributionModel> models, int markovOrder, HeuristicSettings heuristics,
                          ShapleyAttribution.Settings shapley, boolean byCampaign, Duration lookback, Window window,
                          JourneyBuilder.InputOrder touchOrder, BigDecimal costOfGoods, BigDecimal grossMargin,
                          boolean comparisonView, Map<String, Object> settings) {
        public Options {
            models = List.copyOf(models);
            Objects.requireNonNull(heuristics);
            Objects.requireNonNull(shapley);
            Objects.requireNonNull(window);
            Objects.requireNonNull(touchOrder);
            settings = settings == null ? Map.of() : new LinkedHashMap<>(settings);
        }
    }

    private record CostKey(String channel, String campaign) {}

    private final Options o;
    private final List<AttributionModel> heuristicModels = new ArrayList<>();
    private final boolean needsPathTable;
    private final Map<String, List<Conversion>> conversions = new HashMap<>();
    private final LocalDateTime asOf;
    private JourneyBuilder builder;
    private HeuristicAttribution heuristics;
    private PathTable paths;
    private boolean touchRoute;
    private boolean pathRoute;

    private final Map<CostKey, MoneySum> channelCost = new LinkedHashMap<>();
    private final MoneySum untaggedMarketingCost = new MoneySum();
    private boolean anyCost;

    private long touchpoints;
    private long journeysConverting;
    private long journeysNonConverting;
    private long conversionsOutsidePeriod;
    private long conversionsAdded;
    private long pathRows;

    public AttributionCalculator(Options options) {
        this.o = options;
        for (AttributionModel m : options.models()) if (m.isHeuristic()) heuristicModels.add(m);
        this.needsPathTable = options.models().contains(AttributionModel.MARKOV) || options.models().contains(AttributionModel.SHAPLEY);
        LocalDate to = options.window().to();
        this.asOf = to == null ? null : to.atTime(LocalTime.MAX);
    }

    /** A conversion of journey {@code key}, its value already in micros of the reporting currency. Before any touch. */
    public void addConversion(String key, Conversion c) {
        if (builder != null) throw new IllegalStateException("conversions must be added before touchpoints");
        conversions.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        conversionsAdded++;
    }

    public long conversionsAdded() { return conversionsAdded; }

    /** One touch of the journey {@code key} (a contact or account id, as the command joins them). */
    public void addTouch(String key, Touchpoint t) {
        if (pathRoute) throw new IllegalStateException("touchpoints and a path table cannot be mixed");
        if (builder == null) {
            touchRoute = true;
            if (!heuristicModels.isEmpty()) heuristics = new HeuristicAttribution(heuristicModels, o.heuristics(), o.byCampaign());
            if (needsPathTable) paths = new PathTable();
            builder = new JourneyBuilder(conversions, o.lookback(), asOf, o.touchOrder(), this::journey);
        }
        touchpoints++;
        builder.accept(key, new Touch(t.channel(), t.campaign(), t.at()));
        if (t.hasCost() && o.window().contains(t.at().toLocalDate())) {
            cost(t.channel(), t.campaign()).add(t.currency(), t.cost());
            anyCost = true;
        }
    }

    /** One row of a pre-aggregated path table. */
    public void addPath(PathRow r) {
        if (touchRoute) throw new IllegalStateException("touchpoints and a path table cannot be mixed");
        pathRoute = true;
        if (paths == null) paths = new PathTable();
        pathRows++;
        paths.add(r.path(), r.conversions(), r.value(), r.nulls());
    }

    /** Ad spend in the period counts toward its channel (and campaign) and toward marketing cost. */
    public void add(Spend s) {
        if (!o.window().includes(s.date(), s.dateEnd(), s, AttributionCalculator::describe)) return;
        if (!s.has(Spend.COST)) return;
        String channel = s.channel() == null ? Dimension.NONE : s.channel();
        cost(channel, s.campaign()).add(s.currency(), s.cost());
        anyCost = true;
    }

    /** Marketing-team costs count toward marketing cost; those tagged with a channel also toward that channel. */
    public void add(Cost c) {
        if (c.team() != Team.MARKETING) return;
        if (!o.window().includes(c.date(), c.dateEnd(), c, AttributionCalculator::describe)) return;
        if (c.channel() != null) cost(c.channel(), null).add(c.currency(), c.amount());
        else untaggedMarketingCost.add(c.currency(), c.amount());
        anyCost = true;
    }

    /** How an error names a spend row; built only when one is raised, not for every row. */
    private static String describe(Spend s) {
        return "a spend row" + (s.campaign() == null ? "" : " of campaign '" + s.campaign() + "'");
    }

    private static String describe(Cost c) {
        return "a " + (c.category() == null ? "cost" : c.category() + " cost") + " row";
    }

    private MoneySum cost(String channel, String campaign) {
        return channelCost.computeIfAbsent(new CostKey(channel, o.byCampaign() ? campaign : null), k -> new MoneySum());
    }

    private void journey(Journey j) {
        if (j.converted()) {
            if (!o.window().contains(j.conversionAt().toLocalDate())) {
                conversionsOutsidePeriod++;
                return;
            }
            journeysConverting++;
        } else {
            LocalDate from = o.window().from();
            if (from != null && j.touches().get(j.touches().size() - 1).at().toLocalDate().isBefore(from)) return;
            journeysNonConverting++;
        }
        if (heuristics != null) heuristics.accept(j);
        if (paths != null) paths.add(o.byCampaign() ? campaignStates(j) : j);
    }

    /** The journey with each touch's state named channel + separator + campaign, for Markov and Shapley by campaign. */
    private static Journey campaignStates(Journey j) {
        List<Touch> touches = new ArrayList<>(j.touches().size());
        for (Touch t : j.touches()) {
            String name = t.campaign() == null ? t.channel() : t.channel() + CAMPAIGN_SEPARATOR + t.campaign();
            touches.add(new Touch(name, null, t.at()));
        }
        return new Journey(j.id(), touches, j.converted(), j.conversionAt(), j.valueMicros(), j.hasValue(), j.leadAt(), j.opportunityAt());
    }

    /**
     * Converts an amount into micros of the reporting currency (half-even at the sixth decimal); throws
     * {@link MissingRateException} when there is no rate.
     */
    public static long toReportingMicros(long micros, String currency, Fx fx) {
        BigDecimal rate = fx.rate(currency);
        if (rate == null) throw new MissingRateException(fx.currency(), new java.util.TreeSet<>(Set.of(currency)));
        if (rate.compareTo(BigDecimal.ONE) == 0) return micros;
        return Micros.of(Micros.toBigDecimal(micros).multiply(rate));
    }

    /** Every model's result (in model order) and the Markov details, when Markov ran. */
    private record Results(List<AttributionResult> results, MarkovAttribution.Result markov, List<String> skipped) {}

    private Results run() {
        List<AttributionResult> heuristic = List.of();
        List<String> skipped = new ArrayList<>();
        if (!heuristicModels.isEmpty()) {
            if (pathRoute) {
                List<AttributionModel> runnable = new ArrayList<>();
                for (AttributionModel m : heuristicModels) {
                    if (m.needsTimestamps()) skipped.add(m.key()); else runnable.add(m);
                }
                heuristic = runnable.isEmpty() ? List.of() : HeuristicAttribution.onPaths(paths, runnable, o.heuristics());
            } else if (heuristics != null) {
                heuristic = heuristics.results();
            }
        }
        List<AttributionResult> out = new ArrayList<>();
        MarkovAttribution.Result markov = null;
        PathTable table = paths == null ? new PathTable() : paths;
        for (AttributionModel m : o.models()) {
            if (m == AttributionModel.MARKOV) {
                markov = MarkovAttribution.run(table, o.markovOrder());
                out.add(markov.attribution());
            } else if (m == AttributionModel.SHAPLEY) {
                out.add(ShapleyAttribution.run(table, o.shapley()));
            } else {
                for (AttributionResult r : heuristic) if (r.model().equals(m.key())) out.add(r);
                if (heuristic.isEmpty() && !skipped.contains(m.key()) && !pathRoute) {
                    // no touchpoints at all: an empty result with zero totals
                    out.add(new AttributionResult(m.key(), null, List.of(), BigDecimal.ZERO, null, List.of()));
                }
            }
        }
        return new Results(out, markov, skipped);
    }

    /** Builds the report; {@code fx} converts costs (throws {@link MissingRateException} when it cannot). */
    public Report finish(Fx fx) {
        if (builder != null) builder.finish();
        Results res = run();
        List<AttributionResult> results = res.results();
        BigDecimal totalConversions = BigDecimal.ZERO;
        BigDecimal totalRevenue = null;
        if (!results.isEmpty()) {
            totalConversions = results.get(0).totalConversions();
            totalRevenue = results.get(0).totalRevenue();
        } else if (paths != null) {
            totalConversions = BigDecimal.valueOf(paths.totalConversions());
            totalRevenue = paths.hasValue() ? paths.totalValue() : null;
        }
        boolean withRevenue = totalRevenue != null;
        boolean markov = o.models().contains(AttributionModel.MARKOV);

        Map<CostKey, BigDecimal> costs = new LinkedHashMap<>();
        BigDecimal channelCostTotal = BigDecimal.ZERO;
        for (Map.Entry<CostKey, MoneySum> e : channelCost.entrySet()) {
            BigDecimal v = e.getValue().convert(fx);
            costs.put(e.getKey(), v);
            channelCostTotal = channelCostTotal.add(v);
        }
        BigDecimal marketingCost = channelCostTotal.add(untaggedMarketingCost.convert(fx));

        Report r = new Report("attribution").period(o.window().from(), o.window().to()).currency(fx.currency());
        List<String> groupBy = new ArrayList<>(List.of("model", "channel"));
        if (o.byCampaign()) groupBy.add("campaign");
        r.groupBy(groupBy);

        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("model", "Model"));
        if (markov) columns.add(new Column("order", "Order", Kind.COUNT));
        columns.add(Column.text("channel", "Channel"));
        if (o.byCampaign()) columns.add(Column.text("campaign", "Campaign"));
        columns.add(new Column("attributedConversions", "Conversions", Kind.QUANTITY));
        columns.add(new Column("share", "Share", Kind.PERCENT));
        if (withRevenue) {
            columns.add(new Column("attributedRevenue", "Revenue", Kind.MONEY));
            columns.add(new Column("revenueShare", "Rev. share", Kind.PERCENT));
        }
        if (markov) columns.add(new Column("removalEffect", "Removal effect", Kind.PERCENT));
        if (anyCost) {
            columns.add(new Column("cost", "Cost", Kind.MONEY));
            if (withRevenue) {
                columns.add(new Column("roi", "ROI", Kind.PERCENT));
                columns.add(new Column("roas", "ROAS", Kind.MULTIPLE));
            }
            columns.add(new Column("costPerConversion", "Cost/conv.", Kind.MONEY));
        }

        Set<String> noCostChannels = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        List<Row> modelTotals = new ArrayList<>();
        TreeMap<String, CostKey> keys = keys(results, costs);
        for (AttributionResult result : results) {
            Map<CostKey, ChannelCredit> credits = new HashMap<>();
            BigDecimal sumConv = BigDecimal.ZERO;
            BigDecimal sumRev = withRevenue ? BigDecimal.ZERO : null;
            for (ChannelCredit c : result.credits()) {
                credits.put(split(c.channel(), c.campaign()), c);
                sumConv = sumConv.add(c.attributedConversions());
                if (withRevenue) sumRev = sumRev.add(c.attributedRevenue());
            }
            for (CostKey key : keys.values()) {
                ChannelCredit c = credits.get(key);
                if (c == null && key.channel().equals(PathTable.UNATTRIBUTED)) continue;
                rows.add(row(result, key, c == null ? BigDecimal.ZERO : c.attributedConversions(),
                        c == null ? (withRevenue ? BigDecimal.ZERO : null) : c.attributedRevenue(),
                        c == null ? null : c.removalEffect(), totalConversions, totalRevenue, costs, noCostChannels));
            }
            Row t = new Row().put("model", result.model());
            if (result.order() != null) t.put("order", result.order().longValue());
            t.put("attributedConversions", quantity(sumConv)).put("conversions", quantity(totalConversions));
            if (withRevenue) t.put("attributedRevenue", Report.money(sumRev)).put("revenue", Report.money(totalRevenue));
            t.put("addsUp", sumConv.compareTo(totalConversions) == 0 && (!withRevenue || sumRev.compareTo(totalRevenue) == 0));
            modelTotals.add(t);
        }

        Row total = new Row();
        total.put("model", null);
        total.put("channel", null);
        if (o.byCampaign()) total.put("campaign", null);
        total.put("attributedConversions", quantity(totalConversions));
        total.put("share", Ratio.of(quantity(totalConversions), quantity(totalConversions), Kind.PERCENT, "no conversions"));
        if (withRevenue) {
            total.put("attributedRevenue", Report.money(totalRevenue));
            total.put("revenueShare", Ratio.of(Report.money(totalRevenue), Report.money(totalRevenue), Kind.PERCENT, "no conversion revenue"));
        }
        if (anyCost) {
            // the channels' cost; return on it is left to the marketing return, since the total revenue
            // also holds what organic channels and unattributed conversions earned
            total.put("cost", Report.money(channelCostTotal));
        }

        List<String> notes = new ArrayList<>();
        if (o.comparisonView()) {
            addComparison(r, results, withRevenue, costs);
        } else {
            for (Column c : columns) r.column(c.key(), c.label(), c.kind());
            r.rows().addAll(rows);
            r.total(total);
            if (results.size() > 1) addComparison(r, results, withRevenue, costs);
        }

        // JSON-only members
        List<String> modelNames = new ArrayList<>();
        for (AttributionResult x : results) modelNames.add(x.model());
        r.extra().put("models", modelNames);
        r.extra().put("settings", settingsRow());
        r.extra().put("inputs", inputsRow(totalConversions));
        if (!o.comparisonView()) r.extra().put("modelTotals", modelTotals);
        if (anyCost) marketingReturn(r, totalRevenue, marketingCost, notes);
        else if (o.costOfGoods() != null || o.grossMargin() != null) {
            r.warn("ROMI needs the marketing cost: give --spend (ad exports) and/or --costs");
        }
        if (res.markov() != null) r.extra().put("markov", markovRow(res.markov()));

        // notes for people, warnings for stderr
        for (AttributionResult x : results) notes.addAll(x.notes());
        if (!res.skipped().isEmpty()) {
            r.warn(String.join(", ", res.skipped()) + " needs touch timestamps and was skipped: a path table has none (give --touchpoints)");
        }
        if (pathRoute && (o.models().contains(AttributionModel.W_SHAPED) || o.models().contains(AttributionModel.FULL_PATH))) {
            notes.add("w-shaped and full-path on a path table: middle anchors by position (the touch nearest the middle, or 1/3 and 2/3)");
        }
        if (conversionsOutsidePeriod > 0) {
            notes.add(conversionsOutsidePeriod + (conversionsOutsidePeriod == 1 ? " conversion" : " conversions")
                    + " outside --from/--to left out.");
        }
        notes.add(0, "Every model's credits add up to the totals: " + grouped(quantity(totalConversions))
                + (totalConversions.compareTo(BigDecimal.ONE) == 0 ? " conversion" : " conversions")
                + (withRevenue ? ", " + grouped(Report.money(totalRevenue)) + " revenue" : "")
                + " (credits rounded to 6 decimals, the residual put on the largest credit).");
        r.notes().addAll(notes);
        r.extra().put("notes", notes);
        long unattributed = unattributedConversions(results);
        if (unattributed > 0) {
            r.warn(unattributed + " of " + quantity(totalConversions).toPlainString() + " conversions had no touch"
                    + (o.lookback() == null ? "" : " in the lookback window") + " and are credited to " + PathTable.UNATTRIBUTED);
            if (touchRoute && BigDecimal.valueOf(unattributed).compareTo(totalConversions) == 0 && touchpoints > 0) {
                r.warn("no touchpoint journey matched a conversion: check that the touchpoints' journey ids are the"
                        + " accounts (or contacts) of the deals, and --join account|contact");
            }
        }
        if (!noCostChannels.isEmpty()) {
            r.warn("no cost for " + String.join(", ", noCostChannels) + ": cost, ROI, ROAS and cost per conversion stay empty there");
        }
        r.warnAboutNullRatios();
        return r;
    }

    private Row row(AttributionResult result, CostKey key, BigDecimal conv, BigDecimal rev, BigDecimal removalEffect,
                    BigDecimal totalConversions, BigDecimal totalRevenue, Map<CostKey, BigDecimal> costs,
                    Set<String> noCostChannels) {
        boolean isMarkov = result.model().equals(AttributionModel.MARKOV.key());
        Row row = new Row().put("model", result.model());
        if (isMarkov) row.put("order", result.order() == null ? null : result.order().longValue());
        row.put("channel", key.channel());
        if (o.byCampaign()) row.put("campaign", key.campaign());
        row.put("attributedConversions", quantity(conv));
        row.put("share", Ratio.of(quantity(conv), quantity(totalConversions), Kind.PERCENT, "no conversions"));
        if (totalRevenue != null) {
            row.put("attributedRevenue", Report.money(rev));
            row.put("revenueShare", Ratio.of(Report.money(rev), Report.money(totalRevenue), Kind.PERCENT, "no conversion revenue"));
        }
        if (isMarkov) {
            boolean unattributed = key.channel().equals(PathTable.UNATTRIBUTED);
            row.put("removalEffect", removalEffect != null ? quantity(removalEffect) : unattributed ? null : BigDecimal.ZERO);
        }
        if (anyCost) {
            BigDecimal cost = costs.get(key);
            boolean unattributed = key.channel().equals(PathTable.UNATTRIBUTED);
            if (cost == null) {
                if (!unattributed) noCostChannels.add(key.campaign() == null ? key.channel() : key.channel() + " / " + key.campaign());
                row.put("cost", null);
                if (totalRevenue != null) row.put("roi", null).put("roas", null);
                row.put("costPerConversion", null);
            } else {
                RoiCalculator.ChannelReturn cr = RoiCalculator.channel(cost, rev == null ? null : Report.money(rev), quantity(conv));
                row.put("cost", Report.money(cost));
                if (totalRevenue != null) row.put("roi", cr.roi()).put("roas", cr.roas());
                row.put("costPerConversion", cr.costPerConversion());
            }
        }
        return row;
    }

    /**
     * The channel (and campaign) keys of every model's credits, of the costs and of the path table's
     * channels, sorted by name with {@code (unattributed)} last: every model gets a row for each.
     */
    private TreeMap<String, CostKey> keys(List<AttributionResult> results, Map<CostKey, BigDecimal> costs) {
        TreeMap<String, CostKey> keys = new TreeMap<>();
        for (AttributionResult x : results) {
            for (ChannelCredit c : x.credits()) {
                CostKey k = split(c.channel(), c.campaign());
                keys.put(sortKey(k), k);
            }
        }
        for (CostKey k : costs.keySet()) keys.put(sortKey(k), k);
        if (paths != null) {
            for (String name : paths.channels()) {
                CostKey k = split(name, null);
                keys.put(sortKey(k), k);
            }
        }
        return keys;
    }

    private void addComparison(Report r, List<AttributionResult> results, boolean withRevenue, Map<CostKey, BigDecimal> costs) {
        TreeMap<String, CostKey> keys = keys(results, costs);
        String unit = o.byCampaign() ? "campaign" : "channel";
        r.sections().add(comparison("Attributed conversions by " + unit + " and model", "comparisonConversions", results, keys,
                costs, false, Kind.QUANTITY));
        if (withRevenue) {
            r.sections().add(comparison("Attributed revenue by " + unit + " and model", "comparisonRevenue", results, keys,
                    costs, true, Kind.MONEY));
        }
    }

    private Section comparison(String title, String jsonKey, List<AttributionResult> results, TreeMap<String, CostKey> keys,
                               Map<CostKey, BigDecimal> costs, boolean revenue, Kind kind) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text("channel", "Channel"));
        if (o.byCampaign()) cols.add(Column.text("campaign", "Campaign"));
        if (revenue && anyCost) cols.add(new Column("cost", "Cost", Kind.MONEY));
        for (AttributionResult x : results) cols.add(new Column(x.model(), x.model(), kind));
        Map<String, Map<CostKey, BigDecimal>> byModel = new HashMap<>();
        for (AttributionResult x : results) {
            Map<CostKey, BigDecimal> m = new HashMap<>();
            for (ChannelCredit c : x.credits()) {
                CostKey k = split(c.channel(), c.campaign());
                BigDecimal v = revenue ? c.attributedRevenue() : c.attributedConversions();
                m.merge(k, v, BigDecimal::add);
            }
            byModel.put(x.model(), m);
        }
        List<Row> rows = new ArrayList<>();
        Row sum = new Row().put("channel", "Total");
        if (o.byCampaign()) sum.put("campaign", null);
        BigDecimal costSum = BigDecimal.ZERO;
        for (CostKey k : keys.values()) {
            Row row = new Row().put("channel", k.channel());
            if (o.byCampaign()) row.put("campaign", k.campaign());
            if (revenue && anyCost) {
                BigDecimal c = costs.get(k);
                row.put("cost", c == null ? null : Report.money(c));
                if (c != null) costSum = costSum.add(c);
            }
            for (AttributionResult x : results) {
                BigDecimal v = byModel.get(x.model()).getOrDefault(k, BigDecimal.ZERO);
                row.put(x.model(), revenue ? Report.money(v) : quantity(v));
            }
            rows.add(row);
        }
        if (o.comparisonView()) {
            if (revenue && anyCost) sum.put("cost", Report.money(costSum));
            for (AttributionResult x : results) {
                BigDecimal t = revenue ? x.totalRevenue() : x.totalConversions();
                sum.put(x.model(), revenue ? Report.money(t) : quantity(t));
            }
            rows.add(sum);
        }
        return new Section(title, jsonKey, cols, rows);
    }

    private static String sortKey(CostKey k) {
        return (k.channel().equals(PathTable.UNATTRIBUTED) ? "1" : "0") + k.channel() + '\u0000'
                + (k.campaign() == null ? "" : "\u0001" + k.campaign());
    }

    private void marketingReturn(Report r, BigDecimal revenue, BigDecimal marketingCost, List<String> notes) {
        if (revenue == null) {
            r.warn("the conversions carry no value: marketing ROI, revenue : cost ratio and ROMI need revenue (deal amounts or a path value column)");
            return;
        }
        RoiCalculator.MarketingReturn m;
        try {
            m = RoiCalculator.overall(revenue, marketingCost, o.costOfGoods(), o.grossMargin());
        } catch (IllegalArgumentException e) {
            r.warn(e.getMessage());
            return;
        }
        Row row = new Row();
        row.put("revenue", Report.money(m.revenue()));
        row.put("marketingCost", Report.money(m.cost()));
        row.put("roi", m.roi());
        row.put("revenueToCostRatio", m.revenueToCostRatio());
        row.put("revenueToCostGuide", m.revenueToCostGuide());
        if (m.romi() != null) {
            row.put("costOfGoods", Report.money(m.costOfGoods()));
            row.put("romi", m.romi());
        }
        r.extra().put("marketingReturn", row);
        List<Column> cols = new ArrayList<>(List.of(new Column("revenue", "Revenue", Kind.MONEY),
                new Column("marketingCost", "Marketing cost", Kind.MONEY), new Column("roi", "Marketing ROI", Kind.PERCENT),
                new Column("revenueToCostRatio", "Revenue : cost", Kind.MULTIPLE),
                Column.text("revenueToCostGuide", "Guide (5:1 strong, below 2:1 not profitable)")));
        if (m.romi() != null) {
            cols.add(new Column("costOfGoods", "Cost of goods", Kind.MONEY));
            cols.add(new Column("romi", "ROMI", Kind.PERCENT));
        }
        r.sections().add(new Section("Marketing return (all marketing cost in the period)", "marketingReturn", cols, List.of(row)));
        if (m.roi().isNull()) r.warn("marketing ROI is null: " + m.roi().nullReason());
    }

    private Row settingsRow() {
        Row s = new Row();
        o.settings().forEach(s::put);
        if (o.models().contains(AttributionModel.MARKOV)) s.put("order", (long) o.markovOrder());
        s.put("lookback", o.lookback() == null ? null : duration(o.lookback()));
        HeuristicSettings h = o.heuristics();
        if (o.models().contains(AttributionModel.TIME_DECAY)) s.put("halfLife", duration(h.halfLife()));
        Row w = new Row();
        w.put("position", List.of(dec(h.positionFirst()), dec(1 - h.positionFirst() - h.positionLast()), dec(h.positionLast())));
        w.put("jShaped", List.of(dec(h.jFirst()), dec(1 - h.jFirst() - h.jLast()), dec(h.jLast())));
        w.put("inverseJ", List.of(dec(h.inverseJFirst()), dec(1 - h.inverseJFirst() - h.inverseJLast()), dec(h.inverseJLast())));
        double[] ws = h.wShares();
        w.put("wShaped", List.of(dec(ws[0]), dec(ws[1]), dec(ws[2]), dec(1 - ws[0] - ws[1] - ws[2])));
        double[] z = h.fullPathShares();
        w.put("fullPath", List.of(dec(z[0]), dec(z[1]), dec(z[2]), dec(z[3]), dec(1 - z[0] - z[1] - z[2] - z[3])));
        s.put("weights", w);
        s.put("wShapedMiddle", h.wMiddle().name().toLowerCase(java.util.Locale.ROOT));
        s.put("directChannels", new ArrayList<>(new java.util.TreeSet<>(h.directChannels())));
        if (o.models().contains(AttributionModel.SHAPLEY)) {
            ShapleyAttribution.Settings sh = o.shapley();
            s.put("shapley", new Row().put("players", sh.players().key()).put("game", sh.value().key())
                    .put("exactLimit", (long) sh.exactLimit()).put("samples", (long) sh.samples()).put("seed", sh.seed()));
        }
        return s;
    }

    private Row inputsRow(BigDecimal totalConversions) {
        Row in = new Row();
        if (touchRoute) {
            in.put("touchpoints", touchpoints);
            in.put("touchesInJourneys", builder.touchesKept());
            in.put("convertingJourneys", journeysConverting);
            in.put("nonConvertingJourneys", journeysNonConverting);
            in.put("conversionsOutsidePeriod", conversionsOutsidePeriod);
        } else if (pathRoute) {
            in.put("pathRows", pathRows);
            in.put("nulls", paths.totalNulls());
        }
        in.put("conversions", quantity(totalConversions));
        if (paths != null) in.put("distinctPaths", (long) paths.size());
        return in;
    }

    private static Row markovRow(MarkovAttribution.Result m) {
        Row row = new Row();
        row.put("order", m.attribution().order() == null ? null : m.attribution().order().longValue());
        row.put("conversionProbability", m.conversionProbability());
        row.put("states", (long) m.states());
        row.put("solver", m.solver());
        List<Row> effects = new ArrayList<>();
        for (Map.Entry<String, Double> e : m.removalEffects().entrySet()) {
            CostKey k = split(e.getKey(), null);
            Row er = new Row().put("channel", k.channel());
            if (k.campaign() != null) er.put("campaign", k.campaign());
            er.put("removalEffect", e.getValue());
            if (m.valueRemovalEffects() != null) er.put("valueRemovalEffect", m.valueRemovalEffects().get(e.getKey()));
            effects.add(er);
        }
        row.put("removalEffects", effects);
        List<Row> transitions = new ArrayList<>();
        for (MarkovAttribution.Transition t : m.transitions()) {
            transitions.add(new Row().put("from", label(t.from())).put("to", label(t.to())).put("count", t.count())
                    .put("probability", t.probability()));
        }
        row.put("transitions", transitions);
        return row;
    }

    private static String label(String state) { return state.replace(String.valueOf(CAMPAIGN_SEPARATOR), " / "); }

    private static CostKey split(String channel, String campaign) {
        int i = channel.indexOf(CAMPAIGN_SEPARATOR);
        if (i < 0) return new CostKey(channel, campaign);
        return new CostKey(channel.substring(0, i), channel.substring(i + 1));
    }

    private static long unattributedConversions(List<AttributionResult> results) {
        if (results.isEmpty()) return 0;
        ChannelCredit c = results.get(0).credit(PathTable.UNATTRIBUTED);
        if (c == null) {
            for (ChannelCredit x : results.get(0).credits()) if (x.channel().equals(PathTable.UNATTRIBUTED)) c = x;
        }
        return c == null ? 0 : c.attributedConversions().setScale(0, RoundingMode.HALF_EVEN).longValue();
    }

    /** 213200.00 → 213,200.00 (for notes). */
    static String grouped(BigDecimal v) {
        String plain = v.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        boolean negative = whole.startsWith("-");
        if (negative) whole = whole.substring(1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) sb.append(',');
            sb.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + sb + frac;
    }

    /** A quantity without trailing zeros (2.000000 → 2, 0.200000 → 0.2). */
    static BigDecimal quantity(BigDecimal v) {
        if (v == null) return null;
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
    }

    /** 90d, 36h, or ISO-8601 for other lengths. */
    private static String duration(Duration d) {
        if (d.getNano() == 0 && d.getSeconds() % 86_400 == 0) return d.toDays() + "d";
        if (d.getNano() == 0 && d.getSeconds() % 3600 == 0) return d.toHours() + "h";
        return d.toString();
    }

    private static BigDecimal dec(double d) {
        return quantity(new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN));
    }
}
