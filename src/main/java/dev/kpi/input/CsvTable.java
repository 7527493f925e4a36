package dev.kpi.input;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.ToIntFunction;

/**
 * An export opened for reading: encoding and delimiter detected, the header located past any report
 * preamble, and an iterator over data rows that sets aside totals rows, footers and blank lines (they
 * are listed in {@link #skipped()} so the CLI can report them). Parsing is RFC 4180 by Apache Commons
 * CSV: quoted fields may hold delimiters, quotes and line breaks.
 */
public final class CsvTable implements Closeable, Iterable<RawRow> {
    /** How many physical lines at the top are searched for the header. */
    public static final int HEADER_SEARCH_LINES = 60;

    /** Overrides from config; null fields mean "detect". */
    public record Options(Charset charset, Character delimiter, ToIntFunction<List<String>> headerScore) {
        public static Options detect(ToIntFunction<List<String>> headerScore) {
            return new Options(null, null, headerScore);
        }
    }

    private final InputSource source;
    private final String encoding;
    private final char delimiter;
    private final long headerLine;
    private final List<String> header;
    private final List<String> preamble;
    private final List<SkippedLine> skipped = new ArrayList<>();
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final long firstLineOffset;
    private final String[] normalizedHeader;
    private final boolean headerStartsWithLetter;
    private Charset charset;
    private boolean gzip;
    private long dataRows;
    private boolean iterated;

    private CsvTable(InputSource source, String encoding, char delimiter, long headerLine, List<String> header,
                     List<String> preamble, CSVParser parser, long firstLineOffset) {
        this.source = source;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.headerLine = headerLine;
        this.header = header;
        this.preamble = preamble;
        this.parser = parser;
        this.records = parser.iterator();
        this.firstLineOffset = firstLineOffset;
        this.normalizedHeader = header.stream().map(Headers::normalize).toArray(String[]::new);
        this.headerStartsWithLetter = !header.isEmpty() && !header.get(0).isEmpty() && Character.isLetter(header.get(0).charAt(0));
    }

    public static CsvTable open(InputSource source, Options options) {
        InputStream in = source.open();
        try {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 16);
            in.reset();
            EncodingDetector.Detected enc = EncodingDetector.detect(head, head.length);
            Charset cs = enc.charset();
            String label = enc.label();
            if (options.charset() != null) {
                cs = options.charset();
                label = cs.name() + " (from config)";
            }
            if (enc.bomLength() > 0) in.skipNBytes(enc.bomLength());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
            reader.mark(1 << 20);
            List<String> lines = new ArrayList<>();
            int chars = 0;
            for (String line; lines.size() < HEADER_SEARCH_LINES && chars < (1 << 19) && (line = reader.readLine()) != null; ) {
                lines.add(line);
                chars += line.length() + 1;
            }
            reader.reset();
            if (lines.isEmpty() || lines.stream().allMatch(String::isBlank)) {
                throw new InputException(source.name() + ": the file is empty");
            }
            int headerIndex = locateHeader(lines, options);
            char delim = options.delimiter() != null ? options.delimiter() : sniffDelimiter(lines.get(headerIndex));
            List<String> preamble = new ArrayList<>();
            for (int i = 0; i < headerIndex; i++) {
                preamble.add(reader.readLine());
            }
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delim)
                    .setIgnoreEmptyLines(false)
                    .setTrailingData(true)
                    .setAllowMissingColumnNames(true)
                    .get();
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) throw new InputException(source.name() + ": no header line found");
            CSVRecord headerRecord = it.next();
            List<String> header = new ArrayList<>();
            for (String h : headerRecord.values()) header.add(cleanHeader(h));
            CsvTable table = new CsvTable(source, label, delim, headerIndex + 1L, header, preamble, parser, headerIndex);
            table.charset = cs;
            table.gzip = source.wasGzip();
            for (int i = 0; i < preamble.size(); i++) {
                if (!preamble.get(i).isBlank()) {
                    table.skipped.add(new SkippedLine(i + 1L, preamble.get(i), SkippedLine.Reason.PREAMBLE));
                }
            }
            return table;
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(in);
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static String cleanHeader(String h) {
        String s = h.replace("\uFEFF", "").strip();
        return s;
    }

    /**
     * The header is the line (within the first {@link #HEADER_SEARCH_LINES}) whose cells best match the
     * known column names of the presets and config; comment ({@code #}) and blank lines never qualify.
     * With no known names at all, it is the first line that starts a consistent table (same number of
     * cells as the line after it).
     */
    static int locateHeader(List<String> lines, Options options) {
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            char d = options.delimiter() != null ? options.delimiter() : sniffDelimiter(line);
            List<String> cells = splitLine(line, d);
            if (cells.size() < 2) continue;
            int score = options.headerScore() == null ? 0 : options.headerScore().applyAsInt(cells);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best >= 0) return best;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            char d = options.delimiter() != null ? options.delimiter() : sniffDelimiter(line);
            int n = splitLine(line, d).size();
            if (n < 2) continue;
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isBlank()) next++;
            if (next >= lines.size() || splitLine(lines.get(next), d).size() == n) return i;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).stripLeading().startsWith("#")) return i;
        }
        return 0;
    }

    /** The delimiter among tab, comma, semicolon and pipe that occurs most often outside quotes. */
    static char sniffDelimiter(String line) {
        char[] candidates = {'\t', ',', ';', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            if (quoted) continue;
            for (int k = 0; k < candidates.length; k++) if (c == candidates[k]) counts[k]++;
        }
        int best = 1; // comma when nothing decides
        for (int k = 0; k < candidates.length; k++) if (counts[k] > counts[best]) best = k;
        return candidates[best];
    }

    /** Splits one physical line on {@code d}, honouring double quotes; used only to score header candidates. */
    static List<String> splitLine(String line, char d) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == d && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    public InputSource source() { return source; }

    /** How the encoding was decided, e.g. "UTF-16LE with BOM". */
    public String encoding() { return encoding; }

    public char delimiter() { return delimiter; }

    /** 1-based physical line of the header. */
    public long headerLine() { return headerLine; }

    public List<String> header() { return header; }

    /** The lines above the header, as text (blank ones included). */
    public List<String> preamble() { return preamble; }

    /** Lines set aside so far (complete once the rows have been iterated). */
    public List<SkippedLine> skipped() { return skipped; }

    public long dataRows() { return dataRows; }

    /** The charset the file is decoded with. */
    Charset charset() { return charset; }

    /** True when the file on disk is gzip-compressed. */
    boolean gzip() { return gzip; }

    /**
     * Line breaks read so far (preamble, header and every record returned): the next record starts
     * right after this many line breaks, on line {@code linesConsumed() + 1}.
     */
    long linesConsumed() { return firstLineOffset + parser.getCurrentLineNumber(); }

    /** Adds rows that the fast reader read past this table's parser. */
    void addRead(long rows, List<SkippedLine> lines) {
        dataRows += rows;
        skipped.addAll(lines);
    }

    /** Index of a header by normalised name, or -1. */
    public int column(String name) {
        String n = Headers.normalize(name);
        for (int i = 0; i < normalizedHeader.length; i++) if (normalizedHeader[i].equals(n)) return i;
        return -1;
    }

    /** Data rows in file order; a table can be iterated once. */
    @Override
    public Iterator<RawRow> iterator() {
        if (iterated) throw new IllegalStateException("a CsvTable can be read once");
        iterated = true;
        return new Iterator<>() {
            private RawRow next;

            @Override
            public boolean hasNext() {
                if (next != null) return true;
                next = advance();
                return next != null;
            }

            @Override
            public RawRow next() {
                if (!hasNext()) throw new NoSuchElementException();
                RawRow r = next;
                next = null;
                return r;
            }
        };
    }

    private RawRow advance() {
        while (true) {
            long line = firstLineOffset + parser.getCurrentLineNumber() + 1;
            CSVRecord rec;
            try {
                if (!records.hasNext()) return null;
                rec = records.next();
            } catch (UncheckedIOException e) {
                throw new InputException(source.name() + ":" + line + ": malformed CSV ("
                        + e.getCause().getMessage() + "); check for an unbalanced quote near this line", e);
            }
            RawRow row = new RawRow(line, rec.values());
            SkippedLine skip = skip(row);
            if (skip != null) {
                skipped.add(skip);
                continue;
            }
            dataRows++;
            return row;
        }
    }

    /** The skipped line for a row that is not data (totals, footer, blank, repeated header), or null for data. */
    SkippedLine skip(RawRow row) {
        SkippedLine.Reason reason = classify(row);
        if (reason == null) return null;
        String[] cells = reason == SkippedLine.Reason.TOTAL ? row.cells() : null;
        return new SkippedLine(row.line(), label(row), reason, cells);
    }

    /** How a skipped row is named in reports: its first non-empty cell ("Total: Account"). */
    private static String label(RawRow row) {
        for (int i = 0; i < row.size(); i++) if (!row.isBlank(i)) return row.cell(i).strip();
        return "";
    }

    /**
     * Decides whether a row is data. Cells become strings only as far as a rule needs them, so a typical
     * data row of the fast reader costs one string (its first cell), or none when that cell starts with
     * a digit (a date or an id: never a label) and another cell has content.
     */
    SkippedLine.Reason classify(RawRow row) {
        int n = row.size();
        if (n == header.size() && n >= 2 && headerStartsWithLetter) {
            int b = row.firstAsciiByte(0);
            if (b >= '0' && b <= '9') {
                for (int i = 1; i < n; i++) if (!row.isBlank(i)) return null;
            }
        }
        int first = -1;
        int nonEmpty = 0;
        for (int i = 0; i < n; i++) {
            if (!row.isBlank(i)) {
                nonEmpty++;
                if (first < 0) first = i;
            }
        }
        if (nonEmpty == 0) return SkippedLine.Reason.BLANK;
        String firstCell = row.cell(first);
        String cell0 = row.cell(0);
        if (FooterRules.isTotalLabel(cell0.isBlank() ? firstCell : cell0)) return SkippedLine.Reason.TOTAL;
        if (nonEmpty == 1 && FooterRules.isFooterText(firstCell)) return SkippedLine.Reason.FOOTER;
        if (nonEmpty == 1 && n == 1 && header.size() >= 3) return SkippedLine.Reason.FOOTER;
        if (nonEmpty == 1 && firstCell.stripLeading().startsWith("#")) return SkippedLine.Reason.FOOTER;
        if (n == header.size() && isHeaderRepeat(row)) return SkippedLine.Reason.REPEATED_HEADER;
        return null;
    }

    private boolean isHeaderRepeat(RawRow row) {
        for (int i = 0; i < row.size(); i++) if (!Headers.normalizesTo(row.cell(i), normalizedHeader[i])) return false;
        return true;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // closing a reader we only read from cannot lose data
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to recover
        }
    }

    @Override public String toString() { return source.name() + " " + Arrays.asList(encoding, delimiter, headerLine); }
}
