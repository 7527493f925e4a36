package dev.kpi.input;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * One data record as text cells, with the physical line it starts on (1-based, counting preamble lines).
 *
 * <p>A row comes in one of two forms. Commons CSV rows hold their cells as strings. Rows of the fast
 * reader ({@link ChunkReader}) point into a byte buffer: a cell becomes a {@code String} only when a
 * mapper asks for text, and numeric and date cells are parsed straight from the bytes through
 * {@link #seq(int)}. Such a row is a view that the reader reuses for the next record, so it is valid only
 * while the mapper handles it.
 */
public final class RawRow {
    private long line;
    private boolean lineExact = true;
    private String[] cells;
    // byte form
    private byte[] buf;
    private int[] starts;
    private int[] ends;
    private byte[] kinds;
    private int size;
    private Charset charset;
    private ByteSeq[] views;
    private boolean decoded;

    /** A cell is plain ASCII bytes, readable as a view without decoding. */
    static final byte ASCII = 0;
    /** A cell with bytes ≥ 0x80: decoded with the file's charset. */
    static final byte HIGH = 1;
    /** A quoted cell: decoded, with doubled quotes undone. */
    static final byte QUOTED = 2;

    public RawRow(long line, String[] cells) {
        this.line = line;
        this.cells = cells;
        this.size = cells.length;
    }

    private RawRow() {}

    /** A reusable view for the fast reader. */
    static RawRow view(Charset charset) {
        RawRow r = new RawRow();
        r.charset = charset;
        return r;
    }

    /** Points this view at the next record; {@code lineExact} is false while lines are relative to a chunk. */
    void set(long line, boolean lineExact, byte[] buf, int[] starts, int[] ends, byte[] kinds, int size) {
        this.line = line;
        this.lineExact = lineExact;
        this.buf = buf;
        this.starts = starts;
        this.ends = ends;
        this.kinds = kinds;
        this.size = size;
        if (cells == null || cells.length < size) {
            cells = new String[Math.max(size, 16)];
        } else if (decoded) {
            Arrays.fill(cells, null);
        }
        decoded = false;
    }

    /**
     * The line for messages and diagnostics. Rows read in parallel chunks may carry a line relative to
     * their chunk; {@link Diagnostics} fixes such lines up when the chunk is merged.
     */
    public long line() { return line; }

    /**
     * The line as part of a record's content (a generated id such as {@code deals.csv:42}). In a chunk
     * whose position in the file is not known yet this aborts the chunk, which is then read again once
     * it is.
     */
    public long exactLine() {
        if (!lineExact) throw ChunkReader.NeedsExactLines.INSTANCE;
        return line;
    }

    public int size() { return size; }

    /** All cells as strings (a copy for byte rows). */
    public String[] cells() {
        if (buf == null) return cells;
        String[] out = new String[size];
        for (int i = 0; i < size; i++) out[i] = cell(i);
        return out;
    }

    public String cell(int index) {
        if (index < 0 || index >= size) return null;
        if (buf == null) return cells[index];
        String s = cells[index];
        if (s == null) {
            s = decode(index);
            cells[index] = s;
            decoded = true;
        }
        return s;
    }

    /** The cell as characters, without creating a string when its bytes are plain ASCII; null when absent. */
    public CharSequence seq(int index) {
        if (index < 0 || index >= size) return null;
        if (buf == null || kinds[index] != ASCII || cells[index] != null) return cell(index);
        if (views == null) views = new ByteSeq[Math.max(size, 16)];
        else if (views.length < size) views = Arrays.copyOf(views, size);
        ByteSeq v = views[index];
        if (v == null) views[index] = v = new ByteSeq();
        v.set(buf, starts[index], ends[index]);
        return v;
    }

    /** True when the cell is empty or only whitespace, as {@link String#isBlank()} decides. */
    boolean isBlank(int index) {
        if (index < 0 || index >= size) return true;
        if (buf == null || kinds[index] != ASCII) {
            String s = cell(index);
            return s == null || s.isBlank();
        }
        for (int i = starts[index], e = ends[index]; i < e; i++) {
            if (!Character.isWhitespace((char) buf[i])) return false;
        }
        return true;
    }

    /** First byte of an ASCII cell, or -1 (empty, not ASCII, or a string row). */
    int firstAsciiByte(int index) {
        if (buf == null || index >= size || kinds[index] != ASCII || starts[index] == ends[index]) return -1;
        return buf[starts[index]];
    }

    // raw access for the typed fast lanes
    boolean isBytes() { return buf != null; }

    byte[] bytes() { return buf; }

    int start(int i) { return starts[i]; }

    int end(int i) { return ends[i]; }

    byte kind(int i) { return kinds[i]; }

    private String decode(int i) {
        int s = starts[i];
        int e = ends[i];
        if (kinds[i] != QUOTED) return new String(buf, s, e - s, charset);
        // quoted: skip the opening quote, "" inside stands for one quote, and whatever follows the
        // closing quote up to the delimiter (trailing data) is kept as written
        byte[] tmp = new byte[e - s];
        int n = 0;
        int k = s + 1;
        while (k < e) {
            byte c = buf[k];
            if (c == '"') {
                if (k + 1 < e && buf[k + 1] == '"') {
                    tmp[n++] = '"';
                    k += 2;
                    continue;
                }
                k++;
                while (k < e) tmp[n++] = buf[k++];
                break;
            }
            tmp[n++] = c;
            k++;
        }
        return new String(tmp, 0, n, charset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRow && ((RawRow) o).line == line && Arrays.equals(((RawRow) o).cells(), cells());
    }

    @Override
    public int hashCode() { return Long.hashCode(line) * 31 + Arrays.hashCode(cells()); }

    @Override
    public String toString() { return "RawRow[line=" + line + ", cells=" + Arrays.toString(cells()) + "]"; }

    /** A reusable ASCII window on a byte buffer. */
    static final class ByteSeq implements CharSequence {
        private byte[] b;
        private int from;
        private int to;

        void set(byte[] b, int from, int to) {
            this.b = b;
            this.from = from;
            this.to = to;
        }

        @Override public int length() { return to - from; }

        @Override public char charAt(int index) { return (char) b[from + index]; }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, from + start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() { return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1); }
    }
}
