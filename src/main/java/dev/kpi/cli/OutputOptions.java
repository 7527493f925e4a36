package dev.kpi.cli;

import dev.kpi.render.Format;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Where and how a report is written, and the {@code --fail-if} conditions checked on it. */
public final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.Formats.class,
            description = "Output format: table, json, jsonl, csv, markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically: a temporary file renamed into place) instead of stdout.")
    String output;

    @Option(names = "--fail-if", paramLabel = "EXPR",
            description = "Exit 1 when a row or the total meets EXPR, e.g. 'cac > 500', 'ctr < 1%%'. Repeatable.")
    List<String> failIf = new ArrayList<>();

    public Format format() {
        try {
            return Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw KpiException.usage("--format: " + e.getMessage());
        }
    }
}
