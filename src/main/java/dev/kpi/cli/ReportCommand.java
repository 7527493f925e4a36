package dev.kpi.cli;

import dev.kpi.calc.MissingRateException;
import dev.kpi.calc.Report;
import dev.kpi.config.ConfigLocator;
import dev.kpi.config.KpiConfig;
import dev.kpi.input.Diagnostics;
import dev.kpi.input.InputSpec;
import dev.kpi.input.RecordReader;
import dev.kpi.records.Cost;
import dev.kpi.records.Deal;
import dev.kpi.records.Fx;
import dev.kpi.records.Projection;
import dev.kpi.records.RecordType;
import dev.kpi.records.Spend;
import dev.kpi.render.Format;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The shape every report command shares: validate options → load config → read inputs into a
 * calculator → render → check {@code --fail-if} → exit code. Subclasses only build the report.
 */
public abstract class ReportCommand implements Callable<Integer> {
    @Mixin
    protected CommonOptions common;

    @Mixin
    protected OutputOptions output;

    protected final Env env;
    protected KpiConfig config;
    protected Diagnostics diagnostics;
    protected Console console;
    private RecordReader reader;
    private final Set<String> currencies = new TreeSet<>();

    protected ReportCommand(Env env) { this.env = env; }

    /** Reads the inputs and builds the report. */
    protected abstract Report compute();

    @Override
    public Integer call() {
        console = new Console(env, common.quiet, common.noColor);
        Format format = output.format();
        List<FailCondition> conditions = new ArrayList<>();
        for (String f : output.failIf) conditions.add(FailCondition.parse(f));
        config = ConfigLocator.locate(common.config, env.vars(), env.cwd());
        diagnostics = new Diagnostics();
        reader = new RecordReader(config, diagnostics);
        Report report;
        try {
            report = compute();
        } finally {
            console.report(diagnostics);
        }
        for (FailCondition c : conditions) c.validate(report);
        if (common.strict && diagnostics.badCount() > 0) {
            throw new KpiException(ExitCode.DATA, diagnostics.badCount() + " value(s) could not be read and --strict is set;"
                    + " no report was written (fix the rows listed above, or drop --strict to skip them)");
        }
        boolean color = format == Format.TABLE && output.output == null && !common.noColor && env.stdoutIsTerminal()
                && env.colorAllowed();
        ReportWriter.write(forDisplay(report, format), format, output.output, env, color);
        for (String w : report.warnings()) console.warn(w);
        int exit = ExitCode.OK.code();
        for (FailCondition c : conditions) {
            List<String> hits = c.breaches(report);
            if (hits.isEmpty()) continue;
            exit = ExitCode.THRESHOLD.code();
            console.plain("--fail-if '" + c.text() + "' holds for " + hits.size() + " row" + (hits.size() == 1 ? "" : "s") + ":");
            for (String h : hits) env.err().println("  " + h);
            env.err().flush();
        }
        return exit;
    }

    /**
     * The report as a given format shows it. The default is the report itself; a command whose rows are
     * too wide to read in a terminal can regroup its columns for table and markdown views. Machine
     * formats, {@code --fail-if} and warnings always use the full report.
     */
    protected Report forDisplay(Report report, Format format) { return report; }

    /** The files for a record type: command line first, else config. */
    protected List<InputSpec> inputs(RecordType type, List<String> cliFiles) {
        return new InputResolver(config, env).resolve(type, cliFiles);
    }

    /** Streams every record of the given inputs to {@code sink}, in file order, noting currencies for the reporting currency. */
    protected <T> long read(RecordType type, List<InputSpec> specs, Consumer<T> sink) {
        return read(type, specs, sink, null, Consumer<T>::accept, null, 0, Projection.ALL);
    }

    /**
     * Reads every record of the inputs into {@code calc}. Large files are read on {@code threads} threads,
     * each chunk into its own calculator from {@code newCalc}, merged in file order with {@code merge}:
     * the result equals a sequential read because the calculators' merges are exact. With {@code newCalc}
     * null, or {@code threads} 0, every record goes to {@code calc} in file order. {@code projection} is what
     * {@code add} reads of a record: rows that agree on it may arrive summed (see {@link Projection}).
     */
    @SuppressWarnings("unchecked")
    protected <C, T> long read(RecordType type, List<InputSpec> specs, C calc, Supplier<C> newCalc, BiConsumer<C, T> add,
                               BiConsumer<C, C> merge, int threads, Projection projection) {
        long n = 0;
        for (InputSpec spec : specs) {
            Slot<C> main = new Slot<>(calc);
            n += reader.read(spec, type, main, newCalc == null ? null : () -> new Slot<>(newCalc.get()), (slot, r) -> {
                slot.note(r);
                add.accept(slot.calc, (T) r);
            }, (a, b) -> {
                merge.accept(a.calc, b.calc);
                a.currencies.addAll(b.currencies);
            }, threads, projection, console.progress(spec.source().name()));
            currencies.addAll(main.currencies);
        }
        return n;
    }

    /** A calculator with the currencies its records named. */
    private static final class Slot<C> {
        final C calc;
        final Set<String> currencies = new TreeSet<>();

        Slot(C calc) { this.calc = calc; }

        /** The currency noted last: a run of records in one currency costs no set lookup. */
        private String last;

        void note(Object r) {
            String c = currencyOf(r);
            if (c != null && c != last) {
                currencies.add(c);
                last = c;
            }
        }
    }

    private static String currencyOf(Object r) {
        if (r instanceof Spend) return ((Spend) r).currency();
        if (r instanceof Cost) return ((Cost) r).currency();
        if (r instanceof Deal && ((Deal) r).hasAmount()) return ((Deal) r).currency();
        return null;
    }

    /**
     * The reporting currency: config {@code currency}, else the one currency the data names, else none.
     * Several currencies without a configured reporting currency are a config error.
     */
    protected Fx fx() {
        String reporting = config.currency();
        if (reporting == null) {
            if (currencies.size() > 1) {
                throw new KpiException(ExitCode.CONFIG, "amounts are in " + String.join(", ", currencies)
                        + " and no reporting currency is set: add to kpi.yaml, e.g. currency: " + currencies.iterator().next()
                        + " and fx: { <other>: <rate> } (1 <other> = <rate> " + currencies.iterator().next() + ")");
            }
            reporting = currencies.isEmpty() ? null : currencies.iterator().next();
        }
        return new Fx(reporting, config.fx());
    }

    /** Runs {@code finish} mapping a missing fx rate to a config error with advice. */
    protected Report finish(java.util.function.Function<Fx, Report> finish) {
        Fx fx = fx();
        try {
            return finish.apply(fx);
        } catch (MissingRateException e) {
            String cur = e.currencies().iterator().next();
            throw new KpiException(ExitCode.CONFIG, e.getMessage() + ": add the rate to kpi.yaml, e.g. fx: { " + cur
                    + ": 1.08 } meaning 1 " + cur + " = 1.08 " + e.reporting());
        }
    }
}
