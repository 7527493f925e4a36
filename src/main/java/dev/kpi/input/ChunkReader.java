package dev.kpi.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The fast reader for large files: a byte-level, quote-aware CSV tokenizer that reads a file in chunks
 * on several threads, with exactly the record syntax of the Commons CSV format {@link CsvTable} uses
 * (RFC 4180 quotes, {@code ""} inside quotes, trailing data after a closing quote kept, CR, LF and CRLF
 * line breaks, empty lines as records).
 *
 * <p>Splitting: chunk {@code k} covers the records that <em>start</em> in the byte range
 * {@code [e(k), e(k+1))}. A thread cannot know whether {@code e(k)} falls inside a quoted field, so it
 * guesses: its first record starts after the first line break at or after {@code e(k) - 1}. Every chunk
 * also reports where its last record really ended. Chunks are merged in file order, and a chunk whose
 * guessed start differs from where the previous chunk ended (a quoted line break near the edge) is
 * discarded and read again from the right place. Records, their order and their line numbers are
 * therefore exactly those of a sequential read.
 *
 * <p>Each chunk maps its rows into its own partial result ({@link Part}); parts are merged in file
 * order. Line numbers inside a chunk are relative until the chunk is merged; diagnostics and skipped
 * lines are shifted then. A mapper that needs an exact line in a record's content throws
 * {@link NeedsExactLines}, and the chunk is read again once its first line is known.
 */
public final class ChunkReader {
    /**
     * Files smaller than this are read by Commons CSV alone (system property {@code kpi.fastReaderMinBytes};
     * tests lower it to run small fixtures through the fast reader).
     */
    static long minBytes = Long.getLong("kpi.fastReaderMinBytes", 8L << 20);
    /** Bytes per chunk (system property {@code kpi.chunkBytes}; tests use tiny chunks to hit the chunk edges). */
    static int defaultChunkBytes = Integer.getInteger("kpi.chunkBytes", 4 << 20);

    /** Thrown by a mapper that needs the exact line of a row; the chunk is read again when that is known. */
    static final class NeedsExactLines extends RuntimeException {
        static final NeedsExactLines INSTANCE = new NeedsExactLines();

        private NeedsExactLines() { super(null, null, false, false); }
    }

    /** What a chunk produces from its data rows, merged in file order. */
    public interface Part {
        /** Handles one data row (a reused view: valid only during the call). */
        void row(RawRow row);

        /**
         * Adds a later part into this one. Lines of the later part's rows were relative to its chunk when
         * {@code lineOffset} is not 0: add it to get the line in the file.
         */
        void merge(Part later, long lineOffset);

        /** Line-bearing diagnostics of this part, shifted by {@code offset} when merged. */
        Diagnostics diagnostics();

        /**
         * Called in file order just before the part is merged: publishes what the chunk learned that later
         * chunks depend on (first spellings of channel names). False when the chunk contradicts an earlier
         * one; it is then read again, in order.
         */
        default boolean commit() { return true; }
    }

    /** Creates the part for a chunk; {@code diagnostics} is the chunk's own collector. */
    public interface PartFactory {
        Part create(Diagnostics diagnostics);
    }

    /**
     * Progress callback: bytes done of total, called from the thread that merges chunks (or reads the file, for
     * the sequential reader). {@code done >= total} means finished; a total of {@link Long#MAX_VALUE} means
     * unknown (standard input).
     */
    public interface Progress {
        void update(long done, long total);

        Progress NONE = (d, t) -> {};
    }

    private final Path path;
    private final String name;
    private final CsvTable table;
    private final int threads;
    private final long size;
    private final int chunkBytes;

    ChunkReader(CsvTable table, int threads) {
        this(table, threads, defaultChunkBytes);
    }

    ChunkReader(CsvTable table, int threads, int chunkBytes) {
        this.table = table;
        this.path = table.source().path();
        this.name = table.source().name();
        this.threads = Math.max(1, threads);
        this.size = table.source().size();
        this.chunkBytes = Math.max(64, chunkBytes);
    }

    /** True when the fast reader can read this table: a plain file in an ASCII-compatible encoding. */
    static boolean supports(CsvTable table) {
        if (table.source().isStdin() || table.gzip() || table.charset() == null) return false;
        String cs = table.charset().name();
        boolean asciiCompatible = cs.equals("UTF-8") || cs.equals("windows-1252") || cs.equals("ISO-8859-1")
                || cs.equals("US-ASCII");
        return asciiCompatible && table.delimiter() < 128 && table.delimiter() != '"' && table.delimiter() != '\n'
                && table.delimiter() != '\r';
    }

    /** The byte offset just after {@code lineBreaks} line breaks (CR, LF or CRLF each count once), from the file start. */
    long offsetAfterLines(long lineBreaks) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            long pos = 0;
            long seen = 0;
            int prev = -1;
            while (seen < lineBreaks) {
                int b = in.read();
                if (b < 0) return pos;
                pos++;
                if (b == '\n') {
                    if (prev != '\r') seen++;
                } else if (b == '\r') {
                    seen++;
                }
                prev = b;
            }
            if (prev == '\r') { // the break may be CRLF: its LF belongs to it
                in.mark(1);
                if (in.read() == '\n') pos++;
            }
            return pos;
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the records from byte {@code start} (the start of line {@code firstLine}) to the end of the
     * file into {@code main}, chunk by chunk. Returns the number of data rows.
     */
    long read(long start, long firstLine, Part main, PartFactory parts, Diagnostics diagnostics, Progress progress) {
        if (start >= size) return 0;
        long chunks = Math.max(1, (size - start + chunkBytes - 1) / chunkBytes);
        BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(threads + 2);
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemon());
        try {
            ArrayDeque<Future<Result>> inFlight = new ArrayDeque<>();
            long next = 0;
            long end = start; // where the records merged so far end
            long line = firstLine;
            long rows = 0;
            List<SkippedLine> skipped = new ArrayList<>();
            for (long k = 0; k < chunks; k++) {
                while (pool != null && next < chunks && inFlight.size() < threads + 1) {
                    final long c = next++;
                    final long from = c == 0 ? start : start + c * chunkBytes;
                    final long to = c == chunks - 1 ? size : start + (c + 1) * chunkBytes;
                    final boolean exact = c == 0;
                    final long base = exact ? firstLine : 0;
                    inFlight.add(pool.submit(() -> parse(from, c != 0, to, base, exact, parts, buffers)));
                }
                long to = k == chunks - 1 ? size : start + (k + 1) * chunkBytes;
                Result r;
                boolean inOrder = pool == null;
                if (pool == null) {
                    r = parse(end, false, to, line, true, parts, buffers);
                } else {
                    r = await(inFlight.removeFirst());
                    if (r.start != end || r.retry || !r.part.commit()) {
                        // the guess was inside a quoted field, a row needs its real line, or the chunk named a
                        // channel differently from an earlier one: read it again, in order
                        r = parse(end, false, to, line, true, parts, buffers);
                        inOrder = true;
                    }
                }
                if (inOrder && !r.part.commit()) throw new IllegalStateException("a chunk read in order contradicts");
                long offset = r.exact ? 0 : line;
                main.merge(r.part, offset);
                diagnostics.absorb(r.part.diagnostics(), offset);
                for (SkippedLine s : r.skipped) {
                    skipped.add(offset == 0 ? s : new SkippedLine(s.line() + offset, s.text(), s.reason(), s.cells()));
                }
                rows += r.rows;
                line += r.lines;
                end = r.end;
                progress.update(end, size);
            }
            table.addRead(rows, skipped);
            return rows;
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "kpi-reader");
            t.setDaemon(true);
            return t;
        };
    }

    private Result await(Future<Result> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(name + ": interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            if (c instanceof Error) throw (Error) c;
            throw new InputException(name + ": " + c.getMessage(), c);
        }
    }

    /** One chunk's outcome. */
    private static final class Result {
        long start;
        long end;
        long lines;
        long rows;
        boolean exact;
        /** A chunk read ahead that must be read again in order (it needs exact lines, or failed). */
        boolean retry;
        Part part;
        final List<SkippedLine> skipped = new ArrayList<>();
    }

    /**
     * Parses the records starting in {@code [from, to)}. With {@code guess}, {@code from} is a nominal
     * boundary and the first record is taken to start after the first line break at or after
     * {@code from - 1}.
     */
    private Result parse(long from, boolean guess, long to, long lineBase, boolean exact, PartFactory parts,
                         BlockingQueue<byte[]> buffers) {
        Result res = new Result();
        res.exact = exact;
        byte[] buf = buffers.poll();
        if (buf == null) buf = new byte[chunkBytes + (64 << 10)];
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long bufStart = guess ? guessStart(ch, from - 1) : from;
            int len = fill(ch, buf, 0, bufStart);
            int pos = 0;
            res.start = bufStart;
            Diagnostics diag = new Diagnostics();
            res.part = parts.create(diag);
            if (res.start >= to) {
                res.end = res.start;
                return res;
            }
            Tokenizer tok = new Tokenizer(table.delimiter());
            RawRow row = RawRow.view(table.charset());
            long line = 0;
            while (bufStart + pos < to) {
                int next = tok.next(buf, pos, len, bufStart + len >= size);
                if (next == Tokenizer.MORE) {
                    // the record runs past the buffer: move it to the front (growing the buffer if needed)
                    int keep = len - pos;
                    if (keep > buf.length / 2) buf = Arrays.copyOf(buf, buf.length * 2);
                    System.arraycopy(buf, pos, buf, 0, keep);
                    bufStart += pos;
                    pos = 0;
                    len = keep + fill(ch, buf, keep, bufStart + keep);
                    continue;
                }
                if (next == Tokenizer.UNCLOSED) {
                    if (!exact) throw NeedsExactLines.INSTANCE; // perhaps only a wrong guess of the chunk start
                    throw new InputException(name + ":" + (lineBase + line) + ": malformed CSV (EOF reached before"
                            + " encapsulated token finished); check for an unbalanced quote near this line");
                }
                if (next == Tokenizer.END) break;
                row.set(exact ? lineBase + line : line, exact, buf, tok.starts, tok.ends, tok.kinds, tok.count);
                SkippedLine skip = table.skip(row);
                if (skip != null) {
                    res.skipped.add(skip);
                } else {
                    res.rows++;
                    res.part.row(row);
                }
                line += tok.lines;
                pos = next;
            }
            res.end = bufStart + pos;
            res.lines = line;
            return res;
        } catch (UncheckedIOException e) {
            throw new InputException(name + ": cannot read: " + e.getCause().getMessage(), e);
        } catch (RuntimeException e) {
            if (exact) throw e;
            // NeedsExactLines, or a failure that may come only from a wrong guess of the start: the chunk is
            // read again, in order, when its turn to be merged comes (and fails then if the failure is real)
            res.retry = true;
            return res;
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        } finally {
            if (buf.length == chunkBytes + (64 << 10)) buffers.offer(buf);
        }
    }

    /**
     * Where a chunk's first record starts if byte {@code at} is not inside a quoted field: just past the
     * first line break at or after it (a CRLF counts whole), else the end of the file. Reads a small
     * window, not the chunk.
     */
    private long guessStart(FileChannel ch, long at) throws IOException {
        byte[] b = new byte[8192];
        while (at < size) {
            int len = fill(ch, b, 0, at);
            if (len == 0) break;
            int i = 0;
            while (i < len && b[i] != '\n' && b[i] != '\r') i++;
            if (i == len) {
                at += len; // a very long line: search on
            } else if (b[i] == '\n') {
                return at + i + 1;
            } else if (i + 1 < len) {
                return at + i + (b[i + 1] == '\n' ? 2 : 1);
            } else if (at + len >= size) {
                return at + i + 1; // a CR that ends the file
            } else {
                at += i; // a CR that ends the window: read again from it, to see the byte after it
            }
        }
        return size;
    }

    /** Reads from file position {@code at} into {@code buf[off..]}; returns the bytes read (short only at the end). */
    private static int fill(FileChannel ch, byte[] buf, int off, long at) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, off, buf.length - off);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, at + total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    /**
     * Splits records in a byte buffer. {@link #next} parses one record and returns the position after
     * it, leaving the cell boundaries in {@link #starts}, {@link #ends} and {@link #kinds} and the line
     * breaks it spans in {@link #lines}.
     */
    static final class Tokenizer {
        static final int MORE = -1;
        static final int END = -2;
        static final int UNCLOSED = -3;

        private static final long ONES = 0x0101010101010101L;
        private static final long HIGH_BITS = 0x8080808080808080L;
        private static final long LF_WORD = ONES * '\n';
        private static final long CR_WORD = ONES * '\r';

        /** The high bit of each byte of {@code w} equal to the byte repeated in {@code pattern}; exact up to the first one. */
        private static long match(long w, long pattern) {
            long v = w ^ pattern;
            return (v - ONES) & ~v & HIGH_BITS;
        }

        private final byte delim;
        private final long delimWord;
        /** 1 for the bytes that end a plain field: the delimiter, CR and LF. */
        private final byte[] stop = new byte[256];
        int[] starts = new int[32];
        int[] ends = new int[32];
        byte[] kinds = new byte[32];
        int count;
        int lines;

        Tokenizer(char delimiter) {
            this.delim = (byte) delimiter;
            this.delimWord = ONES * (delimiter & 0xff);
            stop[delimiter & 0xff] = 1;
            stop['\n'] = 1;
            stop['\r'] = 1;
        }

        /**
         * Parses the record at {@code pos}. {@code eof} says whether {@code limit} is the end of the file.
         * Returns the position after the record, {@link #MORE} when the buffer ends inside it,
         * {@link #END} at the end of the file, or {@link #UNCLOSED} for a quote left open at the end.
         */
        int next(byte[] b, int pos, int limit, boolean eof) {
            if (pos >= limit) return eof ? END : MORE;
            int fast = plainRow(b, pos, limit);
            if (fast >= 0) return fast;
            final byte d = delim;
            int p = pos;
            int f = 0;
            int nl = 0;
            while (true) {
                if (f == starts.length) grow();
                int fs = p;
                byte kind = RawRow.ASCII;
                if (p < limit && b[p] == '"') {
                    kind = RawRow.QUOTED;
                    p++;
                    while (true) {
                        if (p >= limit) return eof ? UNCLOSED : MORE;
                        byte c = b[p];
                        if (c == '"') {
                            if (p + 1 >= limit && !eof) return MORE;
                            if (p + 1 < limit && b[p + 1] == '"') {
                                p += 2;
                                continue;
                            }
                            p++;
                            break;
                        }
                        if (c == '\n') {
                            nl++;
                        } else if (c == '\r') {
                            if (p + 1 >= limit && !eof) return MORE;
                            if (p + 1 < limit && b[p + 1] == '\n') p++;
                            nl++;
                        }
                        p++;
                    }
                    while (p < limit) { // trailing data after the closing quote, kept as written
                        byte c = b[p];
                        if (c == d || c == '\n' || c == '\r') break;
                        p++;
                    }
                } else {
                    int hi = 0;
                    long hiWords = 0;
                    // eight bytes at a time until a word holds the delimiter, CR or LF
                    while (p + 8 <= limit) {
                        long w = (long) ByteRanges.LONG.get(b, p);
                        long m = match(w, delimWord) | match(w, LF_WORD) | match(w, CR_WORD);
                        if (m != 0) {
                            int k = Long.numberOfTrailingZeros(m) >>> 3; // the first stop byte (lower bits are exact)
                            if (k > 0) hiWords |= w & (-1L >>> (64 - 8 * k));
                            p += k;
                            break;
                        }
                        hiWords |= w;
                        p += 8;
                    }
                    final byte[] st = stop;
                    while (p < limit) {
                        byte c = b[p];
                        if (st[c & 0xff] != 0) break;
                        hi |= c;
                        p++;
                    }
                    if (hi < 0 || (hiWords & HIGH_BITS) != 0) kind = RawRow.HIGH;
                }
                if (p >= limit && !eof) return MORE;
                starts[f] = fs;
                ends[f] = p;
                kinds[f] = kind;
                f++;
                if (p >= limit) break; // end of file ends the record
                byte c = b[p];
                if (c == d) {
                    p++;
                    continue;
                }
                if (c == '\r') {
                    if (p + 1 >= limit && !eof) return MORE;
                    if (p + 1 < limit && b[p + 1] == '\n') p++;
                }
                p++;
                nl++;
                break;
            }
            count = f;
            lines = nl;
            return p;
        }

        /**
         * The common record, read a word at a time: ASCII only, no field starting with a quote, ended by LF,
         * CRLF or CR well inside the buffer. Every delimiter and LF of a word is handled from one match, so short fields
         * cost no loop of their own. Returns the position after the record, or -1 (nothing kept) for any
         * other record, which {@link #next} then reads byte by byte rules and all. The records it accepts are
         * read exactly as that path reads them: plain fields between delimiters, the line break ending the record.
         */
        private int plainRow(byte[] b, int pos, int limit) {
            final byte d = delim;
            if (b[pos] == '"') return -1;
            int f = 0;
            int fs = pos;
            for (int p = pos; p + 8 <= limit; p += 8) {
                long w = (long) ByteRanges.LONG.get(b, p);
                if ((w & HIGH_BITS) != 0) return -1; // a non-ASCII byte (perhaps in the next record)
                // Candidates: a byte equal to the delimiter, LF or CR gives 0 in the matching xor, and 0 - 1
                // borrows into the high bit. The words are ASCII, so no byte of an xor has its high bit set and
                // no other byte can set it, except by a borrow from a lower candidate: exact up to the first,
                // and every later one is checked against the byte itself.
                long m = ((w ^ delimWord) - ONES | (w ^ LF_WORD) - ONES | (w ^ CR_WORD) - ONES) & HIGH_BITS;
                while (m != 0) {
                    int q = p + (Long.numberOfTrailingZeros(m) >>> 3);
                    m &= m - 1;
                    byte c = b[q];
                    if (c == d) {
                        if (f == starts.length) grow();
                        starts[f] = fs;
                        ends[f] = q;
                        kinds[f] = RawRow.ASCII;
                        f++;
                        fs = q + 1;
                        if (fs < limit && b[fs] == '"') return -1;
                    } else if (c == '\n' || c == '\r') {
                        // a record ends at LF, CRLF or a bare CR, as in the byte path; a CR at the end of the buffer
                        // may be the first half of a CRLF: the byte path asks for more
                        if (c == '\r' && q + 1 >= limit) return -1;
                        if (f == starts.length) grow();
                        starts[f] = fs;
                        ends[f] = q;
                        kinds[f] = RawRow.ASCII;
                        count = f + 1;
                        lines = 1;
                        return c == '\r' && b[q + 1] == '\n' ? q + 2 : q + 1;
                    }
                }
            }
            return -1;
        }

        private void grow() {
            int n = starts.length * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            kinds = Arrays.copyOf(kinds, n);
        }
    }
}
