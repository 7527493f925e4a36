package dev.kpi.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the reading layer has to tell the user: cells that could not be read (with file, line,
 * column, value and reason), lines set aside (preambles, totals, footers) and warnings. Thread-safe,
 * so chunks read in parallel can report into one instance. The CLI prints it on stderr.
 */
public final class Diagnostics {
    /** How many bad values are kept in full; beyond that only the count grows. */
    public static final int KEEP = 20;

    public record BadValue(String file, long line, String column, String value, String reason, boolean rowSkipped) {
        public String describe() {
            return file + ":" + line + ": column '" + column + "': " + reason
                    + (value == null ? "" : " (value: '" + shorten(value) + "')")
                    + (rowSkipped ? "; row skipped" : "; value ignored");
        }

        private static String shorten(String v) {
            String s = v.replace("\r", "\\r").replace("\n", "\\n");
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }
    }

    private final List<BadValue> bad = new ArrayList<>();
    private long badCount;
    private long skippedRows;
    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public synchronized void bad(String file, long line, String column, String value, String reason, boolean rowSkipped) {
        badCount++;
        if (rowSkipped) skippedRows++;
        if (bad.size() < KEEP) bad.add(new BadValue(file, line, column, value, reason, rowSkipped));
    }

    /** Informational: what was detected or set aside (printed unless --quiet). */
    public synchronized void note(String message) { notes.add(message); }

    /** Something the user should look at; numbers may be affected. */
    public synchronized void warn(String message) {
        if (!warnings.contains(message)) warnings.add(message);
    }

    /**
     * Adds what a chunk read in parallel collected, in file order: its bad values with their lines shifted
     * by {@code lineOffset} (chunk lines are relative until the chunk's place in the file is known).
     */
    public void absorb(Diagnostics chunk, long lineOffset) {
        if (chunk == this) return;
        List<BadValue> values;
        long count;
        long skipped;
        List<String> chunkNotes;
        List<String> chunkWarnings;
        synchronized (chunk) {
            values = List.copyOf(chunk.bad);
            count = chunk.badCount;
            skipped = chunk.skippedRows;
            chunkNotes = List.copyOf(chunk.notes);
            chunkWarnings = List.copyOf(chunk.warnings);
        }
        synchronized (this) {
            long keptSkipped = 0;
            for (BadValue v : values) {
                bad(v.file(), v.line() + lineOffset, v.column(), v.value(), v.reason(), v.rowSkipped());
                if (v.rowSkipped()) keptSkipped++;
            }
            badCount += count - values.size();
            skippedRows += skipped - keptSkipped;
            notes.addAll(chunkNotes);
            for (String w : chunkWarnings) warn(w);
        }
    }

    public synchronized List<BadValue> badValues() { return List.copyOf(bad); }

    public synchronized long badCount() { return badCount; }

    public synchronized long skippedRows() { return skippedRows; }

    public synchronized List<String> notes() { return List.copyOf(notes); }

    public synchronized List<String> warnings() { return List.copyOf(warnings); }
}
