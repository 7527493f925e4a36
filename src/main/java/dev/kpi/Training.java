package dev.kpi;

import dev.kpi.cli.Env;
import dev.kpi.cli.RootCommand;
import dev.kpi.input.RecordReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the {@code ./kpi} launcher. The launcher runs this class once per build of the jar,
 * under {@code -XX:ArchiveClassesAtExit}, to record a class-data-sharing archive of the classes kpi
 * loads; later runs map that archive instead of loading and verifying the classes one by one.
 * <p>
 * It runs a spread of commands in-process on the sample company's exports, which the build copies into
 * the jar: every command's {@code --help}, and reports in every output format. Output is discarded, and a
 * failing command does not stop the others: the run is only there to load classes. {@link #main} never
 * fails; {@link #run} returns the commands that did not exit 0, which a test keeps empty.
 */
public final class Training {
    private Training() {}

    /** Where the build puts the samples in the jar. */
    static final String RESOURCES = "/dev/kpi/training/";

    static final List<String> FILES = List.of("kpi.yaml", "costs.csv", "ga4_landing_pages.csv", "google_ads.csv",
            "hubspot_contacts.csv", "hubspot_deals.csv", "linkedin_ads.csv", "mailchimp_campaigns.csv", "meta_ads.csv",
            "stripe_payments.csv", "stripe_subscriptions.csv", "touchpoints.csv");

    static final String Q3 = "--from 2025-07-01 --to 2025-09-30";

    /** The commands, run from a folder holding {@link #FILES}. */
    static final List<String> JOBS = List.of(
            "cac --config kpi.yaml " + Q3,
            "cac --config kpi.yaml " + Q3 + " --by month --format markdown -q",
            "cac --config kpi.yaml " + Q3 + " --by channel --format csv -q",
            "cac --config kpi.yaml " + Q3 + " --by campaign --format json -q",
            "ads --config kpi.yaml --by platform -q",
            "ads --config kpi.yaml --by campaign --format jsonl -q",
            "cvr --config kpi.yaml --by month -q",
            "funnel --config kpi.yaml -q",
            "clv --config kpi.yaml " + Q3 + " --gross-margin 80% -q",
            "clv --transactions stripe_payments.csv --model bgnbd,gamma-gamma --to 2025-06-30 --holdout-to 2025-09-30"
                    + " --time-unit week --top 5 -q",
            "attribution --config kpi.yaml " + Q3 + " --lookback 90d --model linear,markov -q",
            "inspect linkedin_ads.csv --rows 2",
            "init google_ads.csv hubspot_deals.csv costs.csv --output -");

    /** Jobs run again with the chunked reader taking the samples (it normally starts at 8 MB): the big-file path's classes. */
    static final List<String> CHUNKED_JOBS = List.of(
            "cac --config kpi.yaml --by channel --format csv -q",
            "ads --config kpi.yaml --by campaign --format csv -q");

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable t) {
            // Training is best effort: the launcher falls back to running without an archive.
        }
    }

    /** Runs the training; returns the command lines that exited with a non-zero code (or threw). */
    static List<String> run() throws IOException {
        List<String> failed = new ArrayList<>();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"--version"});
        for (String name : RootCommand.SUBCOMMANDS.keySet()) commands.add(new String[] {name, "--help"});
        Path dir = Files.createTempDirectory("kpi-training");
        try {
            boolean haveSamples = true;
            for (String f : FILES) {
                try (InputStream in = Training.class.getResourceAsStream(RESOURCES + f)) {
                    if (in == null) {
                        haveSamples = false;
                        break;
                    }
                    Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            int chunked = -1;
            if (haveSamples) {
                for (String job : JOBS) commands.add(job.split(" "));
                chunked = commands.size();
                for (String job : CHUNKED_JOBS) commands.add(job.split(" "));
            } else {
                failed.add("(the samples are not in the jar)");
            }
            boolean terminal = true; // the first report as on a terminal (colours), the rest as in a pipe
            for (int i = 0; i < commands.size(); i++) {
                String[] args = commands.get(i);
                int code;
                try {
                    boolean tty = terminal && args.length > 1 && !args[1].equals("--help");
                    if (tty) terminal = false;
                    Env env = env(dir, tty);
                    code = chunked >= 0 && i >= chunked
                            ? RecordReader.withChunkedReaderForAnySize(() -> Main.run(args, env))
                            : Main.run(args, env);
                } catch (RuntimeException e) {
                    code = -1;
                }
                if (code != 0) failed.add(String.join(" ", args) + " (exit " + code + ")");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return failed;
    }

    private static Env env(Path cwd, boolean terminal) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return new Env(sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(), cwd, terminal, terminal);
    }
}
