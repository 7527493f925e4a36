package dev.kpi.render;

import java.util.Locale;

/** The output formats of every command: {@code table} for people, the others for scripts and documents. */
public enum Format {
    /** Aligned columns with thousands separators and currency symbols; colour only when asked. */
    TABLE,
    /** One pretty-printed JSON document (2-space indent, trailing newline); the stable contract. */
    JSON,
    /** One compact JSON object per row, then the total; no warnings on stdout. */
    JSONL,
    /** RFC 4180 CSV (CRLF line ends) of the rows and the total, exact values. */
    CSV,
    /** A GitHub pipe table with the same text as {@link #TABLE}, sections as {@code ###} headings. */
    MARKDOWN;

    /**
     * Reads a format name, ignoring case and surrounding blanks. Accepts {@code md} for markdown and
     * {@code ndjson} for jsonl.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code s} is none of them
     */
    public static Format parse(String s) {
        String n = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "table": return TABLE;
            case "json": return JSON;
            case "jsonl": case "ndjson": return JSONL;
            case "csv": return CSV;
            case "markdown": case "md": return MARKDOWN;
            default:
                throw new IllegalArgumentException("unknown format '" + s
                        + "' (expected one of: table, json, jsonl, csv, markdown, md)");
        }
    }

    /** The name as typed on the command line ({@code table}, {@code json}, ...). */
    public String cliName() { return name().toLowerCase(Locale.ROOT); }
}
