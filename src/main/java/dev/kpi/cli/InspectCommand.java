package dev.kpi.cli;

import dev.kpi.config.ConfigLocator;
import dev.kpi.config.InputConfig;
import dev.kpi.config.KpiConfig;
import dev.kpi.input.Diagnostics;
import dev.kpi.input.FieldDef;
import dev.kpi.input.InputSource;
import dev.kpi.input.InputSpec;
import dev.kpi.input.Preset;
import dev.kpi.input.RecordReader;
import dev.kpi.input.Schema;
import dev.kpi.input.SkippedLine;
import dev.kpi.input.value.DateRange;
import dev.kpi.records.Micros;
import dev.kpi.records.RecordType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show how kpi reads an export: encoding, delimiter, header, preset, mapping, first rows.",
                "",
                "Also lists skipped preamble, totals and footer lines, and the number and date conventions."},
        footer = {"", "Examples:", "  kpi inspect google_ads.csv", "  kpi inspect --type deals export.csv --rows 10"})
public final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The export to inspect (- for stdin).")
    String file;

    @Option(names = "--type", paramLabel = "TYPE", completionCandidates = Candidates.RecordTypes.class, description = "Record type: ${COMPLETION-CANDIDATES} (default: detected).")
    String type;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5", description = "Typed rows to show (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin CommonOptions common;

    private final Env env;

    public InspectCommand(Env env) { this.env = env; }

    @Override
    public Integer call() {
        KpiConfig config = ConfigLocator.locate(common.config, env.vars(), env.cwd());
        InputSource source = InputSource.of(file, env.cwd(), env.in());
        RecordType recordType;
        if (type != null) {
            recordType = RecordType.fromKey(type);
            if (recordType == null) throw KpiException.usage("--type: '" + type + "' is not one of spend, costs, leads, deals");
        } else {
            if (source.isStdin()) throw KpiException.usage("give --type when inspecting standard input");
            Preset p = FileDetector.detect(source, null);
            if (p == null) {
                throw new KpiException(ExitCode.DATA, source.name() + ": no preset recognises this header; give --type"
                        + " (spend, costs, leads, deals) to see how its columns map");
            }
            recordType = p.type();
        }
        InputConfig settings = settingsFor(config, recordType, source);
        Diagnostics diag = new Diagnostics();
        RecordReader reader = new RecordReader(config, diag);
        PrintWriter out = env.out();
        try (RecordReader.Opened o = reader.open(new InputSpec(source, settings), recordType)) {
            out.println("File:          " + source.name());
            out.println("Encoding:      " + o.table.encoding());
            out.println("Delimiter:     " + delimiterName(o.table.delimiter()));
            out.println("Header:        line " + o.table.headerLine() + " (" + o.table.header().size() + " columns)");
            List<String> preamble = o.table.preamble();
            if (!preamble.isEmpty()) {
                out.println("Preamble:      " + preamble.size() + " line" + (preamble.size() == 1 ? "" : "s") + " skipped");
                for (int i = 0; i < preamble.size(); i++) {
                    if (!preamble.get(i).isBlank()) out.println("                " + (i + 1) + ": " + preamble.get(i));
                }
            }
            DateRange range = o.context.reportRange();
            if (range != null) out.println("Report period: " + range.start() + " to " + range.end() + " (from the preamble)");
            out.println("Record type:   " + recordType.key());
            out.println("Preset:        " + o.preset.name() + (o.preset.description().isEmpty() ? "" : " — " + o.preset.description())
                    + (settings != null && settings.preset() != null ? " (from config)" : " (detected)"));
            out.println("Numbers:       decimal " + (o.numberLocale.decimal() == ',' ? "comma" : "point") + " (" + o.numberLocaleSource + ")");
            out.println("Dates:         " + o.dateOrder + " order (" + o.dateOrderSource + ")");
            out.println("Columns:");
            Map<String, String> mapping = o.mapping.describe();
            int w = 0;
            for (FieldDef f : Schema.of(recordType).fields()) w = Math.max(w, f.name().length());
            for (FieldDef f : Schema.of(recordType).fields()) {
                String m = mapping.get(f.name());
                out.printf("  %-" + w + "s  %s%n", f.name(), m == null ? "—" : m);
            }
            Set<Integer> used = new java.util.HashSet<>();
            for (int[] idx : o.mapping.all().values()) for (int i : idx) used.add(i);
            List<String> unused = new ArrayList<>();
            for (int i = 0; i < o.table.header().size(); i++) if (!used.contains(i)) unused.add(o.table.header().get(i));
            if (!unused.isEmpty()) out.println("Not used:      " + String.join(", ", unused));
            List<Object> preview = o.preview(rows);
            long[] count = {0};
            o.stream(r -> count[0]++);
            out.println("Records:       " + count[0] + " from " + o.table.dataRows() + " data rows");
            for (SkippedLine.Reason reason : SkippedLine.Reason.values()) {
                long n = o.table.skipped().stream().filter(s -> s.reason() == reason).count();
                if (n == 0 || reason == SkippedLine.Reason.PREAMBLE) continue;
                out.println("Skipped:       " + n + " " + reason.label() + (n == 1 ? "" : "s"));
                o.table.skipped().stream().filter(s -> s.reason() == reason).limit(6)
                        .forEach(s -> out.println("                " + s.line() + ": " + shorten(s.text())));
            }
            out.println("Bad values:    " + diag.badCount());
            for (Diagnostics.BadValue b : diag.badValues()) out.println("                " + b.describe());
            out.println("First " + preview.size() + " record" + (preview.size() == 1 ? "" : "s") + ":");
            for (Object r : preview) out.println("  " + describe(r));
            for (String n : diag.notes()) if (!n.contains("skipped")) out.println("Note:          " + n);
            for (String wmsg : diag.warnings()) out.println("Warning:       " + wmsg);
        }
        out.flush();
        return 0;
    }

    static InputConfig settingsFor(KpiConfig config, RecordType type, InputSource source) {
        List<InputConfig> blocks = config.inputs(type);
        if (source.path() != null) {
            for (InputConfig b : blocks) {
                for (String f : b.files()) {
                    if (source.path().getFileName() != null
                            && java.nio.file.Path.of(f).getFileName().equals(source.path().getFileName())) return b;
                }
            }
        }
        return blocks.size() == 1 ? blocks.get(0) : null;
    }

    static String delimiterName(char d) {
        switch (d) {
            case ',': return "comma";
            case ';': return "semicolon";
            case '\t': return "tab";
            case '|': return "pipe";
            default: return "'" + d + "'";
        }
    }

    private static String shorten(String s) {
        String t = s.replace("\r", "").replace("\n", " ");
        return t.length() > 90 ? t.substring(0, 87) + "..." : t;
    }

    /** A record as {@code field=value} pairs, micros shown as decimals, empty values left out. */
    static String describe(Object record) {
        List<String> parts = new ArrayList<>();
        Set<String> micros = Set.of("cost", "conversions", "conversionValue", "amount");
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(record);
                String name = c.getName();
                if (v == null || "present".equals(name) || "hasAmount".equals(name)) continue;
                if (v instanceof java.util.Collection && ((java.util.Collection<?>) v).isEmpty()) continue;
                if (v instanceof Map && ((Map<?, ?>) v).isEmpty()) continue;
                if (micros.contains(name) && v instanceof Long) v = Micros.toBigDecimal((Long) v).stripTrailingZeros().toPlainString();
                parts.add(name + "=" + v);
            } catch (ReflectiveOperationException e) {
                parts.add(c.getName() + "=?");
            }
        }
        return String.join(", ", parts);
    }
}
