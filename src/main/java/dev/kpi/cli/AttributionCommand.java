package dev.kpi.cli;

import dev.kpi.calc.AttributionCalculator;
import dev.kpi.calc.Report;
import dev.kpi.calc.Window;
import dev.kpi.calc.attribution.AttributionModel;
import dev.kpi.calc.attribution.Conversion;
import dev.kpi.calc.attribution.HeuristicSettings;
import dev.kpi.calc.attribution.JourneyBuilder;
import dev.kpi.calc.attribution.ShapleyAttribution;
import dev.kpi.config.AttributionConfig;
import dev.kpi.config.ConfigException;
import dev.kpi.config.DurationParser;
import dev.kpi.input.InputSpec;
import dev.kpi.records.Cost;
import dev.kpi.records.Deal;
import dev.kpi.records.Fx;
import dev.kpi.records.Lead;
import dev.kpi.records.Outcome;
import dev.kpi.records.PathRow;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
import dev.kpi.records.Touchpoint;
import dev.kpi.render.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Command(name = "attribution", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Multi-touch revenue attribution per channel or campaign: rule-based, Markov",
                "and Shapley models; cost, ROI, ROAS and cost per conversion with spend.",
                "Journeys: touchpoints joined to won deals (or customers), or a path table."},
        footer = {"", "Models: first, last, last-non-direct, linear, position, w-shaped, full-path,",
                "time-decay, j-shaped, inverse-j, markov, shapley, or all. Weights: README.md.",
                "", "Examples:",
                "  kpi attribution --paths paths.csv --model first,last,linear,markov -f json",
                "  kpi attribution --touchpoints touches.csv --deals deals.csv --spend ads.csv",
                "  kpi attribution --touchpoints hubspot_contacts.csv --deals hubspot_deals.csv",
                "  kpi attribution --config kpi.yaml --model all --by campaign --lookback 90d"})
public final class AttributionCommand extends ReportCommand {
    @Mixin InputOptions.TouchpointsFiles touchpoints;
    @Mixin InputOptions.PathsFiles paths;
    @Mixin InputOptions.DealsFiles deals;
    @Mixin InputOptions.LeadsFiles leads;
    @Mixin InputOptions.SpendFiles spend;
    @Mixin InputOptions.CostsFiles costs;
    @Mixin PeriodOptions period;

    @Option(names = "--model", paramLabel = "NAME[,NAME…]",
            description = "Models to run, comma-separated, or all (default: config attribution.models, else all).")
    String model;

    @Option(names = "--order", paramLabel = "K", description = "Markov chain order 1..4 (default: 1).")
    Integer order;

    @Option(names = "--lookback", paramLabel = "DURATION",
            description = "Conversion window: only touches this long before the conversion count, e.g. 90d, 12w (default: all).")
    String lookback;

    @Option(names = "--half-life", paramLabel = "DURATION", description = "Time decay half-life, e.g. 7d (default: 7d).")
    String halfLife;

    @Option(names = "--by", paramLabel = "channel|campaign", description = "Credit per channel (default) or per channel and campaign.")
    String by;

    @Option(names = "--join", paramLabel = "account|contact",
            description = "Join touchpoints to conversions by account (default) or by contact.")
    String join;

    @Option(names = "--conversions", paramLabel = "deals|leads",
            description = "Conversions: won deals (default when deals are given) or leads that became customers.")
    String conversionSource;

    @Option(names = "--touch-order", paramLabel = "any|grouped|sorted",
            description = "How touchpoints are arranged by journey id: any (held in memory, default), grouped (streamed;"
                    + " checked) or sorted (streamed; ids ascending, checked).")
    String touchOrder;

    @Option(names = "--direct", paramLabel = "NAME[,NAME…]",
            description = "Channel names that count as direct for last-non-direct (default: Direct, Direct Traffic, (direct)).")
    String direct;

    @Option(names = "--position-weights", paramLabel = "F,M,L", description = "Position (U-shaped): first, middle, last (default 40,20,40).")
    String positionWeights;

    @Option(names = "--j-weights", paramLabel = "F,M,L", description = "J-shaped: first, middle, last (default 20,20,60).")
    String jWeights;

    @Option(names = "--inverse-j-weights", paramLabel = "F,M,L", description = "Inverse J: first, middle, last (default 60,20,20).")
    String inverseJWeights;

    @Option(names = "--w-weights", paramLabel = "F,M,L,REST", description = "W-shaped: first, middle, last, rest (default 30,30,30,10).")
    String wWeights;

    @Option(names = "--full-path-weights", paramLabel = "F,LEAD,OPP,L,REST",
            description = "Full path (Z): first, lead, opportunity, last, rest (default 22.5,22.5,22.5,22.5,10).")
    String fullPathWeights;

    @Option(names = "--w-middle", paramLabel = "lead|opportunity",
            description = "W-shaped middle anchor: the touch at lead creation (default) or at opportunity creation.")
    String wMiddle;

    @Option(names = "--shapley", paramLabel = "unordered|ordered",
            description = "Shapley players: the journey's distinct channels (unordered, default) or its touches in order.")
    String shapleyPlayers;

    @Option(names = "--shapley-game", paramLabel = "auto|conversions|probability",
            description = "Shapley value function (default auto: probability with non-converting paths, else conversions).")
    String shapleyGame;

    @Option(names = "--shapley-samples", paramLabel = "N",
            description = "Random orderings per journey beyond the exact limit of 15 players (default 2000).")
    Integer shapleySamples;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of Shapley's sampling (default 1).")
    Long seed;

    @Option(names = "--cogs", paramLabel = "AMOUNT", description = "Cost of goods sold for the attributed revenue, for ROMI.")
    BigDecimal cogs;

    @Option(names = "--gross-margin", paramLabel = "FRACTION", converter = FractionConverter.class,
            description = "Gross margin as 0.8 or 80%%, for ROMI (cost of goods = revenue × (1 − margin)).")
    BigDecimal grossMargin;

    public AttributionCommand(Env env) { super(env); }

    /** A won deal (or customer) before its value is in the reporting currency. */
    private record PendingConversion(String key, LocalDateTime at, long micros, String currency, boolean hasValue,
                                     LocalDateTime leadAt, LocalDateTime opportunityAt) {}

    @Override
    protected Report compute() {
        AttributionConfig cfg = config.attribution();
        List<AttributionModel> models = models(cfg);
        boolean allModels = isAll(model != null ? model : cfg.models() == null ? "all" : cfg.models());
        int markovOrder = order != null ? order : cfg.order() != null ? cfg.order() : 1;
        if (markovOrder < 1 || markovOrder > 4) throw KpiException.usage("--order must be 1, 2, 3 or 4 (got " + markovOrder + ")");
        Duration lookbackWindow = lookback != null ? duration("--lookback", lookback) : cfg.lookback();
        boolean byCampaign = byCampaign();
        String joinBy = choice("--join", join, cfg.join(), "account", "account", "contact");
        JourneyBuilder.InputOrder inputOrder = JourneyBuilder.InputOrder.valueOf(
                choice("--touch-order", touchOrder, cfg.touchOrder(), "any", "any", "grouped", "sorted").toUpperCase(Locale.ROOT));
        HeuristicSettings heuristics = heuristics(cfg);
        ShapleyAttribution.Settings shapley = shapley(cfg);
        BigDecimal costOfGoods = cogs != null ? cogs : cfg.cogs();
        if (costOfGoods != null && costOfGoods.signum() < 0) throw KpiException.usage("--cogs cannot be negative");
        BigDecimal margin = grossMargin != null ? grossMargin : cfg.grossMargin();
        Window window = period.window();

        // which route: touchpoints or a path table (the command line wins over the config)
        List<InputSpec> touchIn = inputs(RecordType.TOUCHPOINTS, touchpoints.files);
        List<InputSpec> pathsIn = inputs(RecordType.PATHS, paths.files);
        if (!touchpoints.files.isEmpty() && !paths.files.isEmpty()) {
            throw KpiException.usage("give either --touchpoints (journeys) or --paths (a path table), not both");
        }
        if (!touchpoints.files.isEmpty()) pathsIn = List.of();
        if (!paths.files.isEmpty()) touchIn = List.of();
        if (!touchIn.isEmpty() && !pathsIn.isEmpty()) {
            throw KpiException.usage("kpi.yaml names both touchpoints and paths inputs: choose one with --touchpoints FILE or --paths FILE");
        }
        if (touchIn.isEmpty() && pathsIn.isEmpty()) {
            throw KpiException.usage("kpi attribution needs journeys: --touchpoints FILE (with --deals or --leads for the"
                    + " conversions) or --paths FILE (a path table: path, conversions[, value, nulls])");
        }
        boolean pathRoute = !pathsIn.isEmpty();
        if (pathRoute) {
            if (byCampaign) throw KpiException.usage("--by campaign needs --touchpoints: a path table has no campaigns");
            if (model != null && models.contains(AttributionModel.TIME_DECAY) && !allModels) {
                throw KpiException.usage("time-decay needs touch timestamps, which a path table does not have: give --touchpoints,"
                        + " or choose other models");
            }
            if (!deals.files.isEmpty() || !leads.files.isEmpty()) {
                console.warn("--deals/--leads are not used with --paths: the path table holds the conversions");
            }
        }

        Format format = output.format();
        boolean comparisonView = allModels && models.size() > 1 && output.failIf.isEmpty()
                && (format == Format.TABLE || format == Format.MARKDOWN);
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("input", pathRoute ? "paths" : "touchpoints");
        String source = null;
        if (!pathRoute) {
            echo.put("join", joinBy);
            echo.put("touchOrder", inputOrder.name().toLowerCase(Locale.ROOT));
        }
        echo.put("by", byCampaign ? "campaign" : "channel");

        List<InputSpec> dealsIn = List.of();
        List<InputSpec> leadsIn = List.of();
        if (!pathRoute) {
            List<InputSpec> allDeals = inputs(RecordType.DEALS, deals.files);
            List<InputSpec> allLeads = inputs(RecordType.LEADS, leads.files);
            source = conversionSource(cfg, allDeals, allLeads);
            echo.put("conversions", source);
            dealsIn = source.equals("deals") ? allDeals : List.of();
            leadsIn = allLeads;
        }

        AttributionCalculator calc = new AttributionCalculator(new AttributionCalculator.Options(models, markovOrder, heuristics,
                shapley, byCampaign, lookbackWindow, window, inputOrder, costOfGoods, margin, comparisonView, echo));

        // conversions (and lead-creation times) before the touchpoints; costs before fx
        List<PendingConversion> pending = new ArrayList<>();
        Map<String, LocalDateTime> leadCreated = new HashMap<>();
        boolean contactJoin = "contact".equals(joinBy);
        long[] wonWithoutDate = new long[1];
        if (!pathRoute) {
            boolean leadsAreConversions = "leads".equals(source);
            // a customer is one conversion per journey: per account (its earliest customer date) or per contact
            Map<String, PendingConversion> customers = new LinkedHashMap<>();
            read(RecordType.LEADS, leadsIn, (Lead l) -> {
                String key = contactJoin || l.accountId() == null ? l.id() : l.accountId();
                if (l.created() != null) leadCreated.merge(key, l.created(), (a, b) -> a.isBefore(b) ? a : b);
                if (leadsAreConversions && l.customerDate() != null) {
                    PendingConversion c = new PendingConversion(key, l.customerDate(), 0, null, false, l.created(), l.opportunityDate());
                    customers.merge(key, c, (a, b) -> b.at().isBefore(a.at()) ? b : a);
                }
            });
            pending.addAll(customers.values());
            java.util.Set<String> dealIds = new java.util.HashSet<>();
            long[] repeated = {0};
            read(RecordType.DEALS, dealsIn, (Deal d) -> {
                if (d.outcome() != Outcome.WON) return;
                if (d.id() != null && !dealIds.add(d.id())) { repeated[0]++; return; } // same deal in two files
                if (d.closed() == null) { wonWithoutDate[0]++; return; }
                pending.add(new PendingConversion(dealKey(d, contactJoin), d.closed(), d.amount(), d.currency(), d.hasAmount(),
                        null, d.created()));
            });
            if (wonWithoutDate[0] > 0) console.warn(wonWithoutDate[0] + " won deals have no close date and are not counted as conversions");
            if (repeated[0] > 0) console.warn(repeated[0] + " won deal row" + (repeated[0] == 1 ? " repeats a deal id" : "s repeat deal ids")
                    + " already read (the same deal in two files?); counted once");
        }
        read(RecordType.SPEND, inputs(RecordType.SPEND, spend.files), (Spend s) -> calc.add(s));
        read(RecordType.COSTS, inputs(RecordType.COSTS, costs.files), (Cost c) -> calc.add(c));

        Fx fx;
        try {
            fx = fx();
            for (PendingConversion p : pending) {
                long value = p.hasValue() ? AttributionCalculator.toReportingMicros(p.micros(), p.currency(), fx) : 0;
                LocalDateTime leadAt = leadCreated.getOrDefault(p.key(), p.leadAt()); // earliest lead of the journey
                calc.addConversion(p.key(), new Conversion(p.at(), value, p.hasValue(), leadAt, p.opportunityAt()));
            }
        } catch (dev.kpi.calc.MissingRateException e) {
            String cur = e.currencies().iterator().next();
            throw new KpiException(ExitCode.CONFIG, e.getMessage() + ": add the rate to kpi.yaml, e.g. fx: { " + cur
                    + ": 1.08 } meaning 1 " + cur + " = 1.08 " + e.reporting());
        }
        if (!pathRoute && pending.isEmpty()) {
            console.warn("no conversions: " + ("leads".equals(source) ? "no lead has a customer date" : "no won deal with a close date")
                    + " was read; every journey is non-converting");
        }

        Set<String> touchCurrencies = new LinkedHashSet<>();
        try {
            read(RecordType.TOUCHPOINTS, touchIn, (Touchpoint t) -> {
                if (t.hasCost() && t.currency() != null) touchCurrencies.add(t.currency());
                String key = contactJoin || t.accountId() == null ? t.journeyId() : t.accountId();
                calc.addTouch(key, t);
            });
        } catch (JourneyBuilder.NotGroupedException e) {
            throw new KpiException(ExitCode.DATA, e.getMessage() + "; sort the file by journey id, or use --touch-order any"
                    + " (holds every journey in memory)");
        }
        read(RecordType.PATHS, pathsIn, (PathRow r) -> calc.addPath(r));

        Fx reporting = fx.currency() == null && touchCurrencies.size() == 1 ? fx.withCurrency(touchCurrencies.iterator().next()) : fx;
        return finish(f -> calc.finish(f.currency() == null ? reporting : f));
    }

    private static String dealKey(Deal d, boolean contactJoin) {
        String contact = d.contactIds() == null || d.contactIds().isEmpty() ? null : d.contactIds().get(0);
        if (contactJoin) return contact != null ? contact : "deal:" + d.id();
        if (d.accountId() != null && !d.accountId().isEmpty()) return d.accountId();
        return contact != null ? contact : "deal:" + d.id();
    }

    private String conversionSource(AttributionConfig cfg, List<InputSpec> allDeals, List<InputSpec> allLeads) {
        String chosen = conversionSource != null ? choice("--conversions", conversionSource, null, null, "deals", "leads") : null;
        if (chosen == null) {
            boolean cliDeals = !deals.files.isEmpty(), cliLeads = !leads.files.isEmpty();
            if (cliDeals != cliLeads) chosen = cliDeals ? "deals" : "leads";
        }
        if (chosen == null) chosen = cfg.conversions();
        if (chosen == null) chosen = !allDeals.isEmpty() ? "deals" : !allLeads.isEmpty() ? "leads" : null;
        if (chosen == null) {
            throw KpiException.usage("kpi attribution --touchpoints needs conversions: --deals FILE (won deals: account or"
                    + " contact, close date, amount) or --leads FILE (leads with a customer date)");
        }
        if (chosen.equals("deals") && allDeals.isEmpty()) throw KpiException.usage("--conversions deals: give --deals FILE");
        if (chosen.equals("leads") && allLeads.isEmpty()) throw KpiException.usage("--conversions leads: give --leads FILE");
        return chosen;
    }

    private List<AttributionModel> models(AttributionConfig cfg) {
        if (model != null) {
            try {
                return AttributionModel.parseList(model);
            } catch (IllegalArgumentException e) {
                throw KpiException.usage("--model: " + e.getMessage());
            }
        }
        if (cfg.models() != null) {
            try {
                return AttributionModel.parseList(cfg.models());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where() + "attribution.models: " + e.getMessage());
            }
        }
        return AttributionModel.parseList("all");
    }

    private String where() { return config.file() == null ? "" : config.file() + ": "; }

    private static boolean isAll(String spec) {
        for (String p : spec.split(",")) if (p.strip().equalsIgnoreCase("all")) return true;
        return false;
    }

    private boolean byCampaign() {
        if (by == null) return false;
        switch (by.strip().toLowerCase(Locale.ROOT)) {
            case "channel": return false;
            case "campaign": return true;
            default: throw KpiException.usage("--by: '" + by + "' is not one of channel, campaign");
        }
    }

    private static Duration duration(String option, String text) {
        try {
            return DurationParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw KpiException.usage(option + ": " + e.getMessage());
        }
    }

    private static String choice(String option, String cli, String configured, String fallback, String... allowed) {
        if (cli == null) return configured != null ? configured : fallback;
        String v = cli.strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) if (a.equals(v)) return a;
        throw KpiException.usage(option + ": '" + cli + "' is not one of " + String.join(", ", allowed));
    }

    private static double[] shares(String option, String cli, double[] configured, int count) {
        if (cli == null) return configured;
        try {
            return AttributionConfig.shares(cli, count);
        } catch (IllegalArgumentException e) {
            throw KpiException.usage(option + ": " + e.getMessage());
        }
    }

    private HeuristicSettings heuristics(AttributionConfig cfg) {
        HeuristicSettings h = HeuristicSettings.defaults();
        try {
            double[] p = shares("--position-weights", positionWeights, cfg.position(), 3);
            if (p != null) h = h.withPosition(p[0], p[2]);
            double[] j = shares("--j-weights", jWeights, cfg.jShaped(), 3);
            if (j != null) h = h.withJShaped(j[0], j[2]);
            double[] ij = shares("--inverse-j-weights", inverseJWeights, cfg.inverseJ(), 3);
            if (ij != null) h = h.withInverseJ(ij[0], ij[2]);
            double[] w = shares("--w-weights", wWeights, cfg.wShaped(), 4);
            if (w != null) h = h.withWShaped(w[0], w[1], w[2]);
            double[] z = shares("--full-path-weights", fullPathWeights, cfg.fullPath(), 5);
            if (z != null) h = h.withFullPath(z[0], z[1], z[2], z[3]);
            String middle = choice("--w-middle", wMiddle, cfg.wShapedMiddle(), "lead", "lead", "opportunity");
            h = h.withWMiddle(HeuristicSettings.MiddleAnchor.valueOf(middle.toUpperCase(Locale.ROOT)));
            Duration hl = halfLife != null ? duration("--half-life", halfLife) : cfg.halfLife();
            if (hl != null) h = h.withHalfLife(hl);
            List<String> names = null;
            if (direct != null) {
                names = new ArrayList<>();
                for (String d : direct.split(",")) if (!d.isBlank()) names.add(d.strip());
            } else if (cfg.directChannels() != null) {
                names = cfg.directChannels();
            }
            if (names != null) h = h.withDirectChannels(Set.copyOf(names));
        } catch (IllegalArgumentException e) {
            throw KpiException.usage(e.getMessage());
        }
        return h;
    }

    private ShapleyAttribution.Settings shapley(AttributionConfig cfg) {
        ShapleyAttribution.Settings s = ShapleyAttribution.Settings.defaults();
        String players = choice("--shapley", shapleyPlayers, cfg.shapleyPlayers(), "unordered", "unordered", "ordered");
        String game = choice("--shapley-game", shapleyGame, cfg.shapleyGame(), "auto", "auto", "conversions", "probability");
        s = s.with(ShapleyAttribution.Players.valueOf(players.toUpperCase(Locale.ROOT)))
                .with(ShapleyAttribution.Value.valueOf(game.toUpperCase(Locale.ROOT)));
        int samples = shapleySamples != null ? shapleySamples : cfg.shapleySamples() != null ? cfg.shapleySamples() : s.samples();
        if (samples < 1) throw KpiException.usage("--shapley-samples must be at least 1");
        int exact = cfg.shapleyExactLimit() != null ? cfg.shapleyExactLimit() : s.exactLimit();
        long sd = seed != null ? seed : cfg.shapleySeed() != null ? cfg.shapleySeed() : s.seed();
        return s.withSampling(exact, samples, sd);
    }
}
