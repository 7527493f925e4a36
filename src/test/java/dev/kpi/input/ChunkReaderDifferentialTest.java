package dev.kpi.input;

import dev.kpi.records.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential test of the fast reader: {@link ChunkReader} must produce exactly the records, line numbers and
 * skipped lines that Apache Commons CSV produces through {@link CsvTable}, for every number of threads and every
 * chunk size (tiny chunks put chunk edges inside quoted fields, CRLF pairs and multi-byte characters), whether it
 * starts right after the header or after Commons has already read some rows (as {@link RecordReader} does with its
 * sample).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChunkReaderDifferentialTest {
    static final int[] THREADS = {1, 2, 3};
    static final int[] CHUNKS = {64, 97, 1000, 1 << 20};
    /** What {@link ChunkReader} allocates per chunk: its read buffer is this much larger than a chunk. */
    static final int BUFFER_SLACK = 64 << 10;
    static final Path SHARED_SAMPLES = Path.of("..", "shared", "formats-samples");

    @TempDir Path tmp;

    // ------------------------------------------------------------------------------------------------------------
    // The two readers

    record Row(long line, List<String> cells) {
        @Override public String toString() { return "line " + line + " " + show(cells); }
    }

    record Skip(long line, SkippedLine.Reason reason, String text, List<String> cells) {
        @Override public String toString() {
            return "line " + line + " " + reason + " '" + escape(text) + "'" + (cells == null ? "" : " " + show(cells));
        }
    }

    /** What a reader made of a file: data rows and skipped lines, or the exception it failed with. */
    record Outcome(List<Row> rows, List<Skip> skipped, long dataRows, RuntimeException failure) {}

    /** Collects a chunk's rows (copied: a row is a reused view) and appends later parts in file order. */
    static final class CollectingPart implements ChunkReader.Part {
        final Diagnostics diagnostics;
        final List<Row> rows = new ArrayList<>();

        CollectingPart(Diagnostics diagnostics) { this.diagnostics = diagnostics; }

        @Override
        public void row(RawRow row) { rows.add(new Row(row.line(), copy(row.cells()))); }

        @Override
        public void merge(ChunkReader.Part later, long lineOffset) {
            for (Row r : ((CollectingPart) later).rows) rows.add(new Row(r.line() + lineOffset, r.cells()));
        }

        @Override
        public Diagnostics diagnostics() { return diagnostics; }
    }

    static List<String> copy(String[] cells) { return Collections.unmodifiableList(Arrays.asList(cells.clone())); }

    static List<Skip> skipped(CsvTable t) {
        List<Skip> out = new ArrayList<>();
        for (SkippedLine s : t.skipped()) out.add(new Skip(s.line(), s.reason(), s.text(), s.cells() == null ? null : copy(s.cells())));
        return out;
    }

    /** Commons CSV alone; null when the file cannot even be opened (empty, no header). */
    static Outcome oracle(Path file, CsvTable.Options options) {
        CsvTable t;
        try {
            t = CsvTable.open(InputSource.file(file), options);
        } catch (InputException e) {
            return null;
        }
        try (t) {
            List<Row> rows = new ArrayList<>();
            try {
                for (RawRow r : t) rows.add(new Row(r.line(), copy(r.cells())));
            } catch (InputException e) {
                return new Outcome(rows, skipped(t), t.dataRows(), e);
            }
            return new Outcome(rows, skipped(t), t.dataRows(), null);
        }
    }

    /** True when the fast reader would be used for this file (not gzip, not UTF-16, a plain file). */
    static boolean supported(Path file, CsvTable.Options options) {
        try (CsvTable t = CsvTable.open(InputSource.file(file), options)) {
            return ChunkReader.supports(t);
        }
    }

    /** Commons reads the first {@code k} data rows, the {@link ChunkReader} the rest of the file. */
    static Outcome fast(Path file, CsvTable.Options options, int threads, int chunkBytes, int k) {
        try (CsvTable t = CsvTable.open(InputSource.file(file), options)) {
            List<Row> rows = new ArrayList<>();
            try {
                if (k > 0) {
                    Iterator<RawRow> it = t.iterator();
                    for (int i = 0; i < k && it.hasNext(); i++) {
                        RawRow r = it.next();
                        rows.add(new Row(r.line(), copy(r.cells())));
                    }
                }
                long lines = t.linesConsumed();
                ChunkReader reader = new ChunkReader(t, threads, chunkBytes);
                long offset = reader.offsetAfterLines(lines);
                CollectingPart main = new CollectingPart(new Diagnostics());
                long read = reader.read(offset, lines + 1, main, CollectingPart::new, new Diagnostics(), ChunkReader.Progress.NONE);
                if (read != main.rows.size()) {
                    throw new AssertionError(file + " threads=" + threads + " chunkBytes=" + chunkBytes + " k=" + k
                            + ": ChunkReader.read returned " + read + " rows but its parts hold " + main.rows.size());
                }
                rows.addAll(main.rows);
            } catch (RuntimeException e) {
                return new Outcome(rows, skipped(t), t.dataRows(), e);
            }
            return new Outcome(rows, skipped(t), t.dataRows(), null);
        }
    }

    /** The first difference between the oracle and the fast reader, or null when they agree. */
    static String difference(Path file, Outcome expected, Outcome actual) {
        if (expected.failure() != null) {
            if (actual.failure() == null) {
                return "Commons failed (" + expected.failure().getMessage() + ") but the fast reader read "
                        + actual.rows().size() + " rows without error";
            }
            String m = String.valueOf(actual.failure().getMessage());
            if (!(actual.failure() instanceof InputException) || !m.contains(file.toString()) || !m.contains("malformed CSV")) {
                return "Commons failed (" + expected.failure().getMessage() + "); the fast reader failed differently: "
                        + actual.failure();
            }
            String want = linePrefix(expected.failure().getMessage());
            String got = linePrefix(m);
            if (!want.equals(got)) {
                return "both failed, but Commons names '" + want + "' and the fast reader '" + got + "': " + m;
            }
            return null;
        }
        if (actual.failure() != null) {
            StringBuilder sb = new StringBuilder("the fast reader failed where Commons read ")
                    .append(expected.rows().size()).append(" rows: ").append(actual.failure());
            StackTraceElement[] st = actual.failure().getStackTrace();
            for (int i = 0; i < Math.min(6, st.length); i++) sb.append("\n    at ").append(st[i]);
            return sb.toString();
        }
        String d = firstDifference("data row", expected.rows(), actual.rows());
        if (d != null) return d;
        d = firstDifference("skipped line", expected.skipped(), actual.skipped());
        if (d != null) return d;
        if (expected.dataRows() != actual.dataRows()) {
            return "dataRows(): Commons " + expected.dataRows() + ", fast " + actual.dataRows();
        }
        return null;
    }

    /** "file:12:" of an error message, which names the line of the malformed record. */
    static String linePrefix(String message) {
        int i = message.indexOf(": malformed CSV");
        return i < 0 ? message : message.substring(0, i);
    }

    static <T> String firstDifference(String what, List<T> expected, List<T> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return what + " #" + (i + 1) + " differs:\n  Commons: " + expected.get(i) + "\n  fast:    " + actual.get(i)
                        + (i > 0 ? "\n  (previous: " + expected.get(i - 1) + ")" : "");
            }
        }
        if (expected.size() != actual.size()) {
            return what + "s: Commons has " + expected.size() + ", fast " + actual.size() + "; first extra: "
                    + (expected.size() > n ? "Commons " + expected.get(n) : "fast " + actual.get(n));
        }
        return null;
    }

    /**
     * Compares the fast reader with Commons for every thread count and chunk size, starting right after the header
     * and after Commons has read some rows; returns the discrepancies (empty when none). Null when Commons cannot
     * open the file or the fast reader does not support it.
     */
    static List<String> compare(Path file, CsvTable.Options options) { return compare(file, options, CHUNKS); }

    static List<String> compare(Path file, CsvTable.Options options, int[] chunks) {
        Outcome expected = oracle(file, options);
        if (expected == null || !supported(file, options)) return null;
        List<String> problems = new ArrayList<>();
        int data = expected.rows().size();
        int config = 0;
        int configs = THREADS.length * chunks.length;
        for (int threads : THREADS) {
            for (int chunk : chunks) {
                config++;
                // k = 0 (the fast reader right after the header), and a prefix read by Commons that moves through
                // the file from config to config, up to all of it
                int[] ks = data == 0 ? new int[] {0, 1} : new int[] {0, Math.max(1, (int) ((long) data * config / configs))};
                for (int k : ks) {
                    Outcome actual = fast(file, options, threads, chunk, k);
                    String d = difference(file, expected, actual);
                    if (d != null) problems.add(file + " threads=" + threads + " chunkBytes=" + chunk + " k=" + k + ": " + d);
                }
            }
        }
        return problems;
    }

    static void assertSame(Path file, CsvTable.Options options) { assertSame(file, options, CHUNKS); }

    static void assertSame(Path file, CsvTable.Options options, int[] chunks) {
        List<String> problems = compare(file, options, chunks);
        if (problems == null) fail(file + ": not a case for the fast reader (Commons cannot open it, or it is not supported)");
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + (THREADS.length * chunks.length * 2) + " configurations differ for " + file
                    + ":\n" + String.join("\n", problems.subList(0, Math.min(8, problems.size()))));
        }
    }

    private static final Map<List<String>, Integer> KNOWN_HEADER_SCORES = new ConcurrentHashMap<>();

    /**
     * Any line whose cells include names of known export columns scores; the best one is the header (as
     * {@link RecordReader} decides, for any record type). Memoised: each file is opened many times.
     */
    static final ToIntFunction<List<String>> KNOWN_HEADERS = cells -> KNOWN_HEADER_SCORES.computeIfAbsent(List.copyOf(cells),
            c -> Presets.knownHeaderCount(c, (RecordType) null));

    // ------------------------------------------------------------------------------------------------------------
    // a, b: real exports

    static Stream<Path> realFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(SHARED_SAMPLES, Path.of("src", "test", "resources"), Path.of("samples"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    boolean text = n.endsWith(".csv") || n.endsWith(".tsv");
                    // the shared samples folder holds only exports; elsewhere .txt files are rendered tables
                    if (dir == SHARED_SAMPLES) text |= n.endsWith(".txt");
                    return text;
                }).sorted().forEach(out::add);
            }
        }
        return out.stream();
    }

    @Test
    void sharedSamplesArePresent() {
        assertTrue(Files.isDirectory(SHARED_SAMPLES), "the shared export samples " + SHARED_SAMPLES.toAbsolutePath()
                + " are missing: this test expects the shared folder beside the project");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realFiles")
    void realExportsReadTheSame(Path file) {
        for (CsvTable.Options options : List.of(CsvTable.Options.detect(null), CsvTable.Options.detect(KNOWN_HEADERS))) {
            List<String> problems = compare(file, options);
            if (problems == null) continue; // UTF-16, gzip, or not a table Commons can open
            assertTrue(problems.isEmpty(), () -> problems.size() + " configurations differ for " + file + ":\n"
                    + String.join("\n", problems.subList(0, Math.min(8, problems.size()))));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // c: generated files

    static final String[] HEADER_WORDS = {"Campaign", "Cost", "Clicks", "Impr.", "Day", "Account", "Currency code",
        "Conversions", "Deal Stage", "Amount", "Ad group", "Campaign status", "Close Date", "Owner"};
    static final Set<String> HEADER_SET = new HashSet<>();

    static {
        for (String w : HEADER_WORDS) HEADER_SET.add(Headers.normalize(w));
    }

    static final ToIntFunction<List<String>> GENERATED_HEADERS =
            cells -> (int) cells.stream().map(Headers::normalize).filter(HEADER_SET::contains).count();

    static final String[] WORDS = {"alpha", "Brand campaign", "search", "GA | Search | EMEA", "x", "total gym repair",
        "Gesamtpaket Brand", "Grand", "Totals", "summer sale", "id-42", "a b c", "Copyright", "N/A", "-", "0"};
    static final String[] UNICODE = {"é", "中文", "😀", "Größe €", "naïve café", "Итого", "合计", "日本語のキャンペーン",
        "emoji 🎉🚀 mix", "ñ", "Ω≈ç√"};
    static final String[] LATIN1 = {"é", "Größe €", "naïve café", "ñ", "£5", "Ærø"};

    /** 300 files by default; {@code -Dkpi.differentialSeeds=N} for a longer local run. */
    static IntStream seeds() { return IntStream.range(0, Integer.getInteger("kpi.differentialSeeds", 300)); }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedFilesReadTheSame(int seed) throws IOException {
        Generated g = generate(new Random(0x5eedL * 1_000_003L + seed));
        Path file = tmp.resolve("gen-" + seed + g.suffix);
        Files.write(file, g.bytes);
        List<String> problems = compare(file, g.options);
        if (problems == null) return; // nothing the fast reader would read (e.g. an empty table)
        assertTrue(problems.isEmpty(), () -> problems.size() + " configurations differ for seed " + seed + " (" + g.describe
                + "), " + file + ":\n" + String.join("\n", problems.subList(0, Math.min(8, problems.size())))
                + "\nfile content:\n" + abbreviate(escape(new String(g.bytes, g.charset)), 4000));
    }

    record Generated(byte[] bytes, Charset charset, CsvTable.Options options, String describe, String suffix) {}

    static Generated generate(Random r) {
        char[] delims = {',', ';', '\t', '|'};
        char d = delims[r.nextInt(delims.length)];
        int eolMode = r.nextInt(4); // LF, CRLF, CR, mixed
        boolean latin1 = r.nextInt(10) == 0;
        Charset cs = latin1 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        boolean bom = !latin1 && r.nextInt(5) == 0;
        boolean finalNewline = r.nextInt(10) < 7;
        boolean scoredHeader = r.nextInt(4) != 0;
        int cols = r.nextInt(12) == 0 ? 30 + r.nextInt(40) : 2 + r.nextInt(7); // wide rows grow the tokenizer's arrays
        int rows = r.nextInt(100) < 15 ? 100 + r.nextInt(300) : r.nextInt(40);

        List<String> header = new ArrayList<>(Arrays.asList(HEADER_WORDS));
        Collections.shuffle(header, r);
        for (int i = header.size(); i < cols; i++) header.add("Extra " + i);
        header = header.subList(0, cols);
        boolean quotedHeader = r.nextInt(10) < 3;
        String headerLine = join(header.stream().map(h -> quotedHeader ? "\"" + h + "\"" : h).toList(), d);

        StringBuilder sb = new StringBuilder();
        List<String> lines = new ArrayList<>();
        if (r.nextInt(5) == 0) { // a report preamble
            String[] pre = {"Campaign report", "\"All time\"", "", "Report generated 2024-05-01", "Account: Example Ltd"};
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) lines.add(pre[r.nextInt(pre.length)]);
        }
        lines.add(headerLine);
        for (int i = 0; i < rows; i++) lines.add(row(r, d, cols, header, latin1));
        for (int i = 0; i < lines.size(); i++) {
            sb.append(lines.get(i));
            if (i < lines.size() - 1 || finalNewline) sb.append(eol(r, eolMode));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(sb.toString().getBytes(cs));
        String describe = "delimiter '" + escape(String.valueOf(d)) + "', " + new String[] {"LF", "CRLF", "CR", "mixed"}[eolMode]
                + " line ends, " + cols + " columns, " + rows + " rows, " + cs + (bom ? " with BOM" : "")
                + (finalNewline ? "" : ", no final newline") + (scoredHeader ? "" : ", header by shape");
        String suffix = d == '\t' ? ".tsv" : r.nextBoolean() ? ".csv" : ".txt";
        CsvTable.Options options = CsvTable.Options.detect(scoredHeader ? GENERATED_HEADERS : null);
        int configured = r.nextInt(25);
        if (configured == 0) { // the delimiter from config, one the sniffer never picks
            options = new CsvTable.Options(null, ':', options.headerScore());
            describe += ", delimiter ':' from config";
        } else if (configured == 1) { // the charset from config, not the file's own
            Charset forced = r.nextBoolean() ? StandardCharsets.ISO_8859_1 : StandardCharsets.US_ASCII;
            options = new CsvTable.Options(forced, null, options.headerScore());
            describe += ", charset " + forced + " from config";
        }
        return new Generated(out.toByteArray(), cs, options, describe, suffix);
    }

    static String eol(Random r, int mode) {
        int m = mode == 3 ? r.nextInt(3) : mode;
        return m == 0 ? "\n" : m == 1 ? "\r\n" : "\r";
    }

    static String join(List<String> cells, char d) { return String.join(String.valueOf(d), cells); }

    static String row(Random r, char d, int cols, List<String> header, boolean latin1) {
        int kind = r.nextInt(100);
        String ds = String.valueOf(d);
        if (kind < 70) {
            int n = cols;
            int shape = r.nextInt(20);
            if (shape == 0) n = Math.max(1, cols - 1 - r.nextInt(cols));
            else if (shape == 1) n = cols + 1 + r.nextInt(3);
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) cells.add(cell(r, d, latin1));
            return join(cells, d);
        }
        switch (kind) {
            case 70: case 71: case 72: return "";
            case 73: return "   ";
            case 74: return ds.repeat(cols - 1);
            case 75: case 76: return "Total: Account" + ds + "1,234.56".replace(",", d == ',' ? "" : ",") + ds.repeat(Math.max(0, cols - 2));
            case 77: return ds + "Total: Campaign" + ds + "42" + ds.repeat(Math.max(0, cols - 3));
            case 78: return "\"Grand Totals (3 records)\"" + ds.repeat(Math.max(0, cols - 1));
            case 79: return "Grand Totals (3 records)";
            case 80: return "Copyright 2024 Example Inc. All rights reserved.";
            case 81: return "\"© 2024 Microsoft Corporation\"";
            case 82: return "# exported by a tool";
            case 83: case 84: return join(header, d);
            case 85: return "123" + ds.repeat(cols - 1);
            case 86: return "Total" + ds + "99";
            case 87: return "\"Total: Account\"" + ds + "\"1" + ds + "000\"" + ds.repeat(Math.max(0, cols - 2));
            case 88: return (latin1 ? "Gesamt: Konto" : "合计：账户") + ds + "7" + ds.repeat(Math.max(0, cols - 2));
            case 89: return "just one cell";
            case 90: return "\"Generated By: someone\"";
            case 91: return "  Total: Account  " + ds + " 5 ";
            case 92: return "2024-01-01" + ds + "Total: x" + ds.repeat(Math.max(0, cols - 2));
            default: {
                List<String> cells = new ArrayList<>();
                int n = 1 + r.nextInt(cols + 2);
                for (int i = 0; i < n; i++) cells.add(cell(r, d, latin1));
                return join(cells, d);
            }
        }
    }

    static String cell(Random r, char d, boolean latin1) {
        String ds = String.valueOf(d);
        String[] uni = latin1 ? LATIN1 : UNICODE;
        switch (r.nextInt(26)) {
            case 0: case 1: return "";
            case 2: case 3: case 4: return WORDS[r.nextInt(WORDS.length)];
            case 5: case 6: return String.valueOf(r.nextInt(100_000));
            case 7: return r.nextBoolean() ? "\"1,234.56\"" : "1,234.56";
            case 8: case 9: return uni[r.nextInt(uni.length)];
            case 10: return quote(WORDS[r.nextInt(WORDS.length)] + ds + WORDS[r.nextInt(WORDS.length)]);
            case 11: return quote("say \"hi\" \"\"twice\"\"");
            case 12: return quote(multiline(r, d, uni, 1 + r.nextInt(3)));
            case 13: return "ab\"c";
            case 14: return r.nextBoolean() ? "\"a\"b" : "\"a\"\"b\"c d\"";
            case 15: return " \"a\"";
            case 16: return "  ";
            case 17: return "2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10);
            case 18: return r.nextBoolean() ? "\"\"" : "\"\"\"\"";
            case 19: return quote(multiline(r, d, uni, 3 + r.nextInt(12)));
            case 20: return "#tag";
            case 21: return r.nextBoolean() ? "-$3.50" : "€1.234,56";
            case 22: return quote(uni[r.nextInt(uni.length)] + eolChar(r) + uni[r.nextInt(uni.length)]);
            case 23: return "5\" screen";
            case 24: return r.nextBoolean() ? quote("\r\n") : "ctl\u0000\u000b\f\u001f" + (r.nextBoolean() ? "" : "\u3000\u00a0");
            default: return quote(eolChar(r) + "\"\"" + eolChar(r)); // a quoted line break followed by a quote: guesses go wrong
        }
    }

    static String eolChar(Random r) { return new String[] {"\n", "\r", "\r\n"}[r.nextInt(3)]; }

    static String multiline(Random r, char d, String[] uni, int parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(6)) {
                case 0: sb.append(WORDS[r.nextInt(WORDS.length)]); break;
                case 1: sb.append(uni[r.nextInt(uni.length)]); break;
                case 2: sb.append(d); break;
                case 3: sb.append("\"\""); break;
                case 4: sb.append(eolChar(r)); break;
                default: sb.append(eolChar(r)).append(d).append("\"\"x").append(eolChar(r)); break;
            }
        }
        return sb.toString();
    }

    /** Quotes text for a CSV cell: the surrounding quotes are added; quotes inside must already be doubled. */
    static String quote(String inner) { return "\"" + inner + "\""; }

    // ------------------------------------------------------------------------------------------------------------
    // c: an unclosed quote fails both readers

    @Test
    void unclosedQuoteFailsBothReaders() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) many.append("row").append(i).append(",").append(i * 7).append(",x\n");
        String[] cases = {
            "h1,h2,h3\na,b,c\nc,\"unclosed,x\ny,z,w\n",
            "h1,h2,h3\na,b,\"c",
            "h1,h2,h3\na,b,\"c\"\"",
            "h1,h2,h3\na,b,c\r\nd,e,\"f\r\ng\r\n",
            "h1,h2,h3\n\"open,1,2\n" + many,
            "h1,h2,h3\n" + many + "z,\"open",
            "h1,h2,h3\n" + many + "z,\"open\n" + many,
            "h1,h2,h3\n" + many + "z,1,\"closed\"\"\n" + "é中文😀\n".repeat(50),
        };
        List<String> problems = new ArrayList<>();
        for (int c = 0; c < cases.length; c++) {
            Path file = tmp.resolve("unclosed-" + c + ".csv");
            Files.writeString(file, cases[c]);
            CsvTable.Options options = CsvTable.Options.detect(cells -> cells.get(0).equals("h1") ? 1 : 0);
            Outcome expected = oracle(file, options);
            assertTrue(expected != null && expected.failure() != null, file + ": Commons should fail on the unclosed quote");
            assertTrue(expected.failure().getMessage().contains("malformed CSV"), expected.failure().getMessage());
            for (int threads : THREADS) {
                for (int chunk : CHUNKS) {
                    for (int k : new int[] {0, 1}) {
                        Outcome actual = fast(file, options, threads, chunk, k);
                        String where = file + " threads=" + threads + " chunkBytes=" + chunk + " k=" + k + ": ";
                        if (actual.failure() == null) {
                            problems.add(where + "the fast reader read " + actual.rows().size() + " rows without error");
                        } else if (!(actual.failure() instanceof InputException)) {
                            problems.add(where + "the fast reader failed with " + actual.failure() + " instead of an InputException");
                        } else {
                            String d = difference(file, expected, actual);
                            if (d != null) problems.add(where + d);
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems.subList(0, Math.min(10, problems.size()))));
    }

    // ------------------------------------------------------------------------------------------------------------
    // d: handwritten edge cases

    Path write(String name, String content) throws IOException { return write(name, content.getBytes(StandardCharsets.UTF_8)); }

    Path write(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void quotedFieldWithLineBreaksSpanningChunkEdges() throws IOException {
        String header = "id,note,amount\n";
        StringBuilder sb = new StringBuilder(header);
        // row 1: a quoted note with line breaks of every kind around byte 64 of the data
        sb.append("1,\"line one\nline two, with a comma\r\nline three \"\"quoted\"\"\rline four\nline five\nline six\",10\n");
        // rows whose quoted content continues after a line break with an escaped quote: a reader guessing a record
        // start after that break opens a quoted field there that swallows the following lines
        for (int i = 2; i < 40; i++) {
            sb.append(i).append(",\"x").append("\n".repeat(i % 3 + 1)).append("\"\"\"").append(",").append(i).append("\n");
            sb.append(i).append("b,\"").append("y".repeat(i)).append("\n,\"\"not a field\"\",\n\",").append(i * 3).append("\n");
        }
        assertSame(write("quoted-newlines.csv", sb.toString()), CsvTable.Options.detect(null));
    }

    @Test
    void crOfCrlfIsTheLastByteOfAChunk() throws IOException {
        String header = "id,name,amount\r\n";
        int start = header.length();
        for (int chunk : CHUNKS) {
            if (chunk > 1000) continue; // the files below are read as one piece by the 1 MB chunk anyway
            for (String variant : new String[] {"CRLF", "quoted CRLF", "bare CR", "LF"}) {
                // every chunk's last byte is the CR of a CRLF (its LF the first byte of the next chunk), a CR alone,
                // or an LF; for "quoted CRLF" every other one is inside a quoted field
                StringBuilder sb = new StringBuilder(header);
                boolean inQuotes = false;
                for (int c = 1; c <= 20; c++) {
                    int edge = start + c * chunk - 1;
                    String tail;
                    if (variant.equals("quoted CRLF")) {
                        if (!inQuotes) sb.append(c).append(",\"");
                        tail = inQuotes ? "\",7" : "";
                        inQuotes = !inQuotes;
                    } else {
                        sb.append(c).append(',');
                        tail = ",42";
                    }
                    while (sb.length() + tail.length() < edge) sb.append(inQuotes ? 'q' : 'n');
                    sb.append(tail);
                    sb.append(variant.equals("bare CR") ? "\r" : variant.equals("LF") ? "\n" : "\r\n");
                }
                if (inQuotes) sb.append("\",8\r\n");
                sb.append("last,row,1\r\n");
                String text = sb.toString();
                for (int c = 1; c <= 20; c++) { // the construction puts the line breaks where intended
                    char expected = variant.equals("LF") ? '\n' : '\r';
                    assertTrue(text.charAt(start + c * chunk - 1) == expected, "construction: chunk " + chunk + ", edge " + c);
                }
                assertSame(write("edge-" + chunk + "-" + variant.replace(' ', '-') + ".csv", text), CsvTable.Options.detect(null));
            }
        }
    }

    /** Writes each text to its own file named {@code prefix-i.csv} and compares the two readers on it. */
    private void assertEachSame(String prefix, String... texts) throws IOException {
        for (int i = 0; i < texts.length; i++) {
            assertSame(write(prefix + "-" + i + ".csv", texts[i]), CsvTable.Options.detect(null));
        }
    }

    @Test
    void noFinalNewline() throws IOException {
        assertEachSame("no-final-newline",
            "Campaign,Cost\nBrand,1.00\nSearch,2.00",
            "Campaign,Cost\nBrand,1.00\nSearch,\"2.00\"",
            "Campaign,Cost\nBrand,1.00\nSearch,",
            "Campaign,Cost\nBrand,1.00\nSearch,\"2\"00",
            "Campaign,Cost\r\nBrand,1.00\r\n\"multi\r\nline\",\"2\"",
            "Campaign,Cost\rBrand,1.00\rTotal: Account,3.00",
            "Campaign,Cost\nBrand,1.00\n\"\"",
            "Campaign,Cost\nBrand,1.00\n   ",
            "Campaign,Cost",
            "Campaign,Cost\n",
            "\uFEFFCampaign;Cost\nBrand;1,00\nSearch;é中文😀");
    }

    @Test
    void onlyDataLineIsATotalsRow() throws IOException {
        assertEachSame("only-total",
            "Campaign,Cost,Clicks\nTotal: Account,12.00,5\n",
            "Campaign,Cost,Clicks\r\nTotal: Account,12.00,5",
            "Campaign,Cost,Clicks\n,Total: Campaign,\"1,000\"\n\n",
            "Opportunity Name,Amount\n\"Grand Totals (3 records)\",\"1,500.00\"\n");
    }

    @Test
    void hugeQuotedCellLargerThanAChunk() throws IOException {
        Random r = new Random(10_000);
        for (int size : new int[] {10_000, 70_000, 200_000}) {
            StringBuilder inner = new StringBuilder();
            while (inner.length() < size) {
                switch (r.nextInt(10)) {
                    case 0: inner.append('\n'); break;
                    case 1: inner.append('\r'); break;
                    case 2: inner.append("\r\n"); break;
                    case 3: inner.append("\"\""); break;
                    case 4: inner.append(','); break;
                    case 5: inner.append("é中😀"); break;
                    default: inner.append(WORDS[r.nextInt(WORDS.length)]); break;
                }
            }
            String text = "id,note,amount\n1,before,2\n2,\"" + inner + "\",3\n3,after,4\n4,\"" + inner.substring(0, size / 3)
                    + "\"trailing,5\n";
            assertSame(write("huge-cell-" + size + ".csv", text), CsvTable.Options.detect(null));
        }
    }

    /** Special bytes exactly at the end of the read buffer of the first chunk: the tokenizer must ask for more. */
    @Test
    void specialBytesAtTheReadBufferEdge() throws IOException {
        String header = "id,note\n";
        int start = header.length();
        for (int chunk : new int[] {64, 97, 1000}) {
            int edge = chunk + BUFFER_SLACK; // bytes in the first buffer, counted from the first data row
            String[][] variants = {
                // {text before the edge byte, text from the edge byte on}: the edge byte is the first of the second part
                {"1,\"", "\"\"x\",2\n"},      // a doubled quote split by the edge
                {"1,\"", "\",2\n"},           // the closing quote is the last byte of the buffer
                {"1,\"", "\r\nx\",2\n"},      // a quoted CRLF split by the edge
                {"1,", "\r\n2,b\n"},          // an unquoted record ending in CRLF split by the edge
                {"1,", ",\n"},                // a delimiter as the last byte of the buffer
                {"1,\"", "\"\n"},             // closing quote then LF
                {"1,", "\n"},                 // an unquoted record's LF just after the edge
            };
            for (int v = 0; v < variants.length; v++) for (int shift = 0; shift < 2; shift++) {
                // shift 0: the special byte is the last one in the buffer; 1: the first one after it
                StringBuilder sb = new StringBuilder(header).append(variants[v][0]);
                boolean quoted = variants[v][0].endsWith("\"");
                while (sb.length() - start < edge - 1 + shift) sb.append(quoted ? 'q' : 'u');
                sb.append(variants[v][1]);
                for (int i = 0; i < 30; i++) sb.append("r").append(i).append(",\"é\r\nx\"\n");
                String text = sb.toString();
                assertSame(write("buffer-edge-" + chunk + "-" + v + "-" + shift + ".csv", text), CsvTable.Options.detect(null),
                        new int[] {chunk, 1 << 20});
            }
        }
    }

    /** Lines longer than the read buffer without any line break: chunk starts are searched far ahead. */
    @Test
    void linesLongerThanTheReadBuffer() throws IOException {
        String header = "a,b\n";
        int start = header.length();
        // for chunk 64: the chunk starting at data byte 640 searches its buffer (from one byte before it) and meets
        // a CR as its very last byte, with the LF after it in the next read
        int cr = start + 640 + 64 + BUFFER_SLACK - 2;
        StringBuilder sb = new StringBuilder(header).append("x,");
        while (sb.length() < cr) sb.append('a');
        sb.append("\r\ny,z\r\n");
        sb.append("w,").append("b".repeat(3 * BUFFER_SLACK)).append("\nlast,1\n");
        sb.append("q,\"").append("c".repeat(2 * BUFFER_SLACK)).append("\"\r\nend,2");
        assertSame(write("long-lines.csv", sb.toString()), CsvTable.Options.detect(null));
    }

    @Test
    void multiByteCharactersAcrossChunkEdges() throws IOException {
        StringBuilder sb = new StringBuilder("Campaign,Cost,Note\n");
        String[] pieces = {"é", "中文", "😀", "🎉🚀", "Größe", "日本語"};
        for (int i = 0; i < 200; i++) {
            sb.append(pieces[i % pieces.length].repeat(1 + i % 7)).append(',').append(i).append(',')
                    .append(i % 3 == 0 ? "\"" + pieces[(i + 1) % pieces.length] + "\n" + pieces[(i + 2) % pieces.length] + "\"" : pieces[i % 5])
                    .append(i % 2 == 0 ? "\n" : "\r\n");
        }
        assertSame(write("multibyte.csv", sb.toString()), CsvTable.Options.detect(null));
    }

    /** The encoding is detected from the first 64 KB: later invalid UTF-8 is replaced the same way by both readers. */
    @Test
    void invalidUtf8AfterTheDetectionWindow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Campaign,Cost\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; out.size() < 70_000; i++) out.writeBytes(("row " + i + ",é" + i + "\n").getBytes(StandardCharsets.UTF_8));
        byte[][] bad = {
            {(byte) 0xE4, (byte) 0xB8},
            {(byte) 0xFF},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            {(byte) 0xC3},
            {(byte) 0x80, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        };
        for (int i = 0; i < 60; i++) {
            byte[] b = bad[i % bad.length];
            out.writeBytes(("bad" + i + ",").getBytes(StandardCharsets.UTF_8));
            if (i % 2 == 0) out.write('"');
            out.writeBytes(b);
            if (i % 2 == 0) out.write('"');
            out.writeBytes(("," + i).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(b);
            out.write('\n');
        }
        Path file = write("invalid-utf8.csv", out.toByteArray());
        assertSame(file, CsvTable.Options.detect(null));
    }

    /** A larger file read with the default-sized chunks too: records cross the 1 MB chunk and its read buffer. */
    @Test
    void largerFileAcrossTheBigChunk() throws IOException {
        Random r = new Random(77);
        StringBuilder sb = new StringBuilder("Day,Campaign,Cost,Clicks\r\n");
        while (sb.length() < (1 << 20) + BUFFER_SLACK + 50_000) {
            List<String> cells = List.of(cell(r, ',', false), cell(r, ',', false), cell(r, ',', false), cell(r, ',', false));
            sb.append(join(cells, ',')).append(r.nextInt(4) == 0 ? "\n" : "\r\n");
        }
        Path file = write("large.csv", sb.toString());
        Outcome expected = oracle(file, CsvTable.Options.detect(null));
        List<String> problems = new ArrayList<>();
        for (int threads : THREADS) {
            for (int chunk : new int[] {1000, 1 << 20}) {
                for (int k : new int[] {0, 200}) {
                    String d = difference(file, expected, fast(file, CsvTable.Options.detect(null), threads, chunk, k));
                    if (d != null) problems.add("threads=" + threads + " chunkBytes=" + chunk + " k=" + k + ": " + d);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> file + ":\n" + String.join("\n", problems));
    }

    // ------------------------------------------------------------------------------------------------------------

    static String show(List<String> cells) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(", ");
            String c = cells.get(i);
            if (c != null && c.length() > 120) c = c.substring(0, 60) + "…(" + c.length() + " chars)…" + c.substring(c.length() - 30);
            sb.append(c == null ? "null" : "'" + escape(c) + "'");
        }
        return sb.append(']').toString();
    }

    static String abbreviate(String s, int max) { return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)"; }

    static String escape(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
