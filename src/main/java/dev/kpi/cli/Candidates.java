package dev.kpi.cli;

import java.util.Iterator;
import java.util.List;

/** Completion candidates for option values (used by --help and the generated shell completions). */
final class Candidates {
    private Candidates() {}

    static final class Formats implements Iterable<String> {
        @Override public Iterator<String> iterator() { return List.of("table", "json", "jsonl", "csv", "markdown").iterator(); }
    }

    static final class Dimensions implements Iterable<String> {
        @Override public Iterator<String> iterator() {
            return List.of("channel", "campaign", "platform", "day", "week", "month", "quarter", "year").iterator();
        }
    }

    static final class RecordTypes implements Iterable<String> {
        @Override public Iterator<String> iterator() {
            return java.util.Arrays.stream(dev.kpi.records.RecordType.values()).map(dev.kpi.records.RecordType::key).iterator();
        }
    }
}
