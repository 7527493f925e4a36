package dev.kpi.cli;

import dev.kpi.config.KpiConfig;
import dev.kpi.input.Diagnostics;
import dev.kpi.input.InputSource;
import dev.kpi.input.InputSpec;
import dev.kpi.input.Preset;
import dev.kpi.input.RecordReader;
import dev.kpi.input.value.NumberLocale;
import dev.kpi.records.RecordType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a commented starter kpi.yaml for these exports.",
                "",
                "Each file's record type, preset and conventions are detected; edit the result freely."},
        footer = {"", "Examples:", "  kpi init exports/*.csv", "  kpi init google_ads.csv deals.csv --output -"})
public final class InitCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exports to describe in the config.")
    List<String> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "kpi.yaml",
            description = "Where to write (default: ${DEFAULT-VALUE}; - for stdout).")
    String output;

    @Option(names = "--force", description = "Overwrite an existing config file.")
    boolean force;

    private final Env env;

    public InitCommand(Env env) { this.env = env; }

    private record Found(String path, RecordType type, Preset preset, NumberLocale numbers, List<String> header,
                         String currency) {}

    @Override
    public Integer call() {
        boolean toStdout = "-".equals(output);
        Path target = toStdout ? null : env.cwd().resolve(output).toAbsolutePath().normalize();
        if (target != null && Files.exists(target) && !force) {
            throw KpiException.usage(output + " already exists; use --force to overwrite it, or --output - to print");
        }
        Path base = target == null ? env.cwd().toAbsolutePath() : target.getParent();
        List<Found> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (String f : files) {
            InputSource src = InputSource.of(f, env.cwd(), env.in());
            if (src.isStdin()) throw KpiException.usage("init needs files, not standard input");
            Preset p = FileDetector.detect(src, null);
            String rel = relative(base, src.path());
            if (p == null) {
                unknown.add(rel);
                continue;
            }
            RecordReader reader = new RecordReader(KpiConfig.empty(), new Diagnostics());
            try (RecordReader.Opened o = reader.open(new InputSpec(src, null), p.type())) {
                String cur = null;
                for (Object r : o.preview(50)) {
                    String c = currencyOf(r);
                    if (c != null) { cur = c; currencies.add(c); }
                }
                found.add(new Found(rel, p.type(), o.preset, o.numberLocale, o.table.header(), cur));
            }
        }
        String yaml = render(found, unknown, currencies);
        if (toStdout) {
            env.out().print(yaml);
            env.out().flush();
        } else {
            ReportWriter.writeAtomically(target, w -> w.write(yaml));
            env.err().println("kpi: wrote " + output + " (" + found.size() + " input" + (found.size() == 1 ? "" : "s")
                    + (unknown.isEmpty() ? "" : ", " + unknown.size() + " to map by hand") + ")");
            env.err().flush();
        }
        return 0;
    }

    private static String currencyOf(Object r) {
        if (r instanceof dev.kpi.records.Spend) return ((dev.kpi.records.Spend) r).currency();
        if (r instanceof dev.kpi.records.Deal) return ((dev.kpi.records.Deal) r).currency();
        if (r instanceof dev.kpi.records.Cost) return ((dev.kpi.records.Cost) r).currency();
        return null;
    }

    private static String relative(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return base.relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }

    private String render(List<Found> found, List<String> unknown, TreeSet<String> currencies) {
        StringBuilder y = new StringBuilder();
        y.append("# kpi config, written by `kpi init` for ").append(found.size() + unknown.size())
                .append(found.size() + unknown.size() == 1 ? " file.\n" : " files.\n");
        y.append("# Every key is optional; what is not set is detected from the files. See README.md, \"Config\".\n\n");
        String reporting = currencies.isEmpty() ? "USD" : currencies.first();
        y.append("currency: ").append(reporting).append("              # reporting currency");
        y.append(currencies.isEmpty() ? " (no currency found in the files: check it)\n" : " (found in the files: "
                + String.join(", ", currencies) + ")\n");
        if (currencies.size() > 1) {
            y.append("fx:                         # 1 unit of each currency = this many ").append(reporting).append('\n');
            for (String c : currencies) if (!c.equals(reporting)) y.append("  ").append(c).append(": 1.00              # TODO: set the rate\n");
        } else {
            y.append("# fx: { EUR: 1.08 }         # 1 EUR = 1.08 ").append(reporting).append("; needed when inputs mix currencies\n");
        }
        y.append("\ninputs:\n");
        Map<RecordType, List<Found>> byType = new LinkedHashMap<>();
        for (RecordType t : RecordType.values()) byType.put(t, new ArrayList<>());
        for (Found f : found) byType.get(f.type()).add(f);
        for (Map.Entry<RecordType, List<Found>> e : byType.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            y.append("  ").append(e.getKey().key()).append(":\n");
            for (Found f : e.getValue()) {
                y.append("    - file: ").append(quote(f.path())).append('\n');
                y.append("      preset: ").append(f.preset().name()).append("   # detected from the header\n");
                if (f.numbers().decimal() == ',') y.append("      locale: de-DE           # numbers use a decimal comma (detected); set your locale\n");
                y.append("      # columns:              # override the mapping, e.g. ").append(example(e.getKey())).append('\n');
            }
        }
        for (String u : unknown) {
            y.append("  # ").append(u).append(": no preset recognised its header; add it under its type, e.g.\n");
            y.append("  # deals:\n  #   - file: ").append(quote(u)).append("\n  #     columns: { id: \"…\", stage: \"…\", closed: \"…\", amount: \"…\" }\n");
        }
        y.append("\n# channels:                  # normalise raw source values into channel names (case-insensitive)\n");
        y.append("#   Paid Search: [ \"google / cpc\", \"PAID_SEARCH\", \"Paid search\" ]\n");
        y.append("#   Paid Social: [ \"Social Media\", \"linkedin / paid\" ]\n");
        y.append("# marketingChannels: [ Paid Search, Paid Social, Email Marketing, Organic Search ]\n");
        y.append("# stages: { won: [ Closed Won ], lost: [ Closed Lost ] }   # added to the built-in names\n");
        y.append("# timezone: UTC               # for timestamps with an offset and epoch milliseconds\n");
        return y.toString();
    }

    private static String example(RecordType t) {
        switch (t) {
            case SPEND: return "{ cost: \"Cost\", campaign: \"Campaign\" }";
            case COSTS: return "{ month: \"Month\", team: \"Team\", amount: \"Amount\" }";
            case LEADS: return "{ created: \"Create Date\", channel: \"Original Source\" }";
            case DEALS: return "{ stage: \"Deal Stage\", closed: \"Close Date\", amount: \"Amount\" }";
            case TRANSACTIONS: return "{ customerId: \"Customer ID\", date: \"Order Date\", amount: \"Total\" }";
            case SUBSCRIPTIONS: return "{ customerId: \"Customer ID\", month: \"Month\", mrr: \"MRR\" }";
            case TOUCHPOINTS: return "{ journeyId: \"Contact ID\", timestamp: \"Date\", channel: \"Source\" }";
            case PATHS: return "{ path: \"Path\", conversions: \"Conversions\", nulls: \"Non-conversions\" }";
            case TRAFFIC: return "{ page: \"Landing page\", sessions: \"Sessions\", conversions: \"Key events\" }";
            case EMAIL: return "{ delivered: \"Delivered\", opens: \"Unique opens\", clicks: \"Unique clicks\" }";
            default: return "{ }";
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./-]+") ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
