package dev.kpi.input;

/** A line that is not data: report preamble, totals, footers, blank lines, a repeated header. */
public record SkippedLine(long line, String text, Reason reason, String[] cells) {
    public SkippedLine(long line, String text, Reason reason) { this(line, text, reason, null); }

    public enum Reason {
        PREAMBLE("preamble line"),
        BLANK("blank line"),
        TOTAL("totals row"),
        FOOTER("footer line"),
        SUMMARY("summary row"),
        REPEATED_HEADER("repeated header");

        private final String label;

        Reason(String label) { this.label = label; }

        public String label() { return label; }
    }
}
