package dev.kpi.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file or standard input ({@code -}). Gzip is recognised by its magic bytes, so {@code .csv.gz}
 * (or a gzipped stream on stdin) is read transparently.
 */
public final class InputSource {
    private final String name;
    private final Path path;
    private final InputStream stdin;
    private boolean gzip;
    /** Bytes taken from the file (or stdin) since the last {@link #open}, before un-gzipping: for progress. */
    private long consumed;

    private InputSource(String name, Path path, InputStream stdin) {
        this.name = name;
        this.path = path;
        this.stdin = stdin;
    }

    public static InputSource file(Path path) { return new InputSource(path.toString(), path, null); }

    public static InputSource stdin(InputStream in) { return new InputSource("<stdin>", null, in); }

    /** Resolves a command-line argument: {@code -} is stdin, anything else a path relative to {@code cwd}. */
    public static InputSource of(String arg, Path cwd, InputStream stdin) {
        if ("-".equals(arg)) return stdin(stdin);
        Path p = Path.of(arg);
        return new InputSource(arg, p.isAbsolute() || cwd == null ? p : cwd.resolve(p), null);
    }

    /** How messages name this input: the path as the user wrote it, or {@code <stdin>}. */
    public String name() { return name; }

    public Path path() { return path; }

    public boolean isStdin() { return path == null; }

    /** Size in bytes on disk, or -1 for stdin. */
    public long size() {
        try {
            return path == null ? -1 : Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    /** True when the last {@link #open} found gzip-compressed bytes (and un-gzipped them). */
    public boolean wasGzip() { return gzip; }

    /** Opens the raw bytes, un-gzipped. Throws {@link InputException} with advice when the file is missing. */
    public InputStream open() {
        try {
            InputStream raw = path == null ? stdin : Files.newInputStream(path);
            consumed = 0;
            BufferedInputStream in = new BufferedInputStream(new Counting(raw), 1 << 16);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            gzip = b1 == 0x1f && b2 == 0x8b;
            if (gzip) return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            return in;
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file (check the path; use - to read standard input)");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Bytes read from the source since it was last opened (compressed bytes for gzip): how far a sequential read is. */
    public long consumed() { return consumed; }

    /** Counts the bytes read through it into {@link #consumed}. */
    private final class Counting extends java.io.FilterInputStream {
        Counting(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) consumed++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) consumed += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            if (k > 0) consumed += k;
            return k;
        }
    }

    @Override public String toString() { return name; }
}
