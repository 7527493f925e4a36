package dev.kpi.cli;

import picocli.CommandLine.Option;

/** How many threads read large inputs (commands whose calculators merge partial results). */
public final class ParallelOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for reading large files (default: $KPI_THREADS, else the number of CPUs).")
    Integer threads;

    /** The thread count: the option, else {@code KPI_THREADS}, else the available processors. */
    int threads(Env env) {
        if (threads != null) {
            if (threads < 1) throw KpiException.usage("--threads must be 1 or more");
            return threads;
        }
        String v = env.vars().get("KPI_THREADS");
        if (v != null && !v.isBlank()) {
            try {
                int n = Integer.parseInt(v.strip());
                if (n >= 1) return n;
            } catch (NumberFormatException e) {
                // fall through to the default, as for an unset variable
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
