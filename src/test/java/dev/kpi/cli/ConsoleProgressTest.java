package dev.kpi.cli;

import dev.kpi.input.ChunkReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line: only on a terminal, only after two seconds, rate-limited, cleared at the end. */
class ConsoleProgressTest {
    private static Env env(StringWriter err, boolean tty) {
        return new Env(new PrintWriter(new StringWriter()), new PrintWriter(err), new ByteArrayInputStream(new byte[0]),
                Map.of(), Path.of("."), tty, tty);
    }

    @Test
    void silentWhenStderrIsNotATerminalOrQuiet() {
        StringWriter err = new StringWriter();
        assertSame(ChunkReader.Progress.NONE, new Console(env(err, false), false, true).progress("a.csv"));
        assertSame(ChunkReader.Progress.NONE, new Console(env(err, true), true, true).progress("a.csv"));
    }

    @Test
    void showsBytesAndRateAfterTwoSecondsThenClears() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        ChunkReader.Progress p = new Console(env(err, true), false, true).progress("spend.csv", () -> now[0]);
        long mb = 1 << 20;
        now[0] = 1_000_000_000L;         // 1 s: too early
        p.update(100 * mb, 800 * mb);
        assertEquals("", err.toString());
        now[0] = 4_000_000_000L;         // 4 s, 400 MB of 800: 100 MB/s
        p.update(400 * mb, 800 * mb);
        assertEquals("\rkpi: reading spend.csv: 400 of 800 MB (100 MB/s)\u001b[K", err.toString());
        now[0] = 4_100_000_000L;         // 0.1 s later: rate-limited
        p.update(410 * mb, 800 * mb);
        assertEquals("\rkpi: reading spend.csv: 400 of 800 MB (100 MB/s)\u001b[K", err.toString());
        now[0] = 8_000_000_000L;         // done: the line is cleared
        p.update(800 * mb, 800 * mb);
        assertTrue(err.toString().endsWith("\r\u001b[2K"), err.toString());
    }

    @Test
    void standardInputShowsBytesWithoutATotal() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        ChunkReader.Progress p = new Console(env(err, true), false, true).progress("<stdin>", () -> now[0]);
        long mb = 1 << 20;
        now[0] = 3_000_000_000L;         // 3 s, 150 MB: 50 MB/s
        p.update(150 * mb, Long.MAX_VALUE);
        assertEquals("\rkpi: reading <stdin>: 150 MB (50 MB/s)\u001b[K", err.toString());
        now[0] = 5_000_000_000L;
        p.update(Long.MAX_VALUE, Long.MAX_VALUE);
        assertTrue(err.toString().endsWith("\r\u001b[2K"), err.toString());
    }
}
