package dev.kpi.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Whole-output cases: each folder under src/test/resources/golden/&lt;command&gt;/&lt;case&gt;/ holds {@code cmd}
 * (the arguments, shell-quoted, run from the project root), and the expected {@code stdout},
 * {@code stderr} and {@code exit}. A case's {@code README} says how its numbers were checked.
 * Rewrite them on purpose with {@code -Dkpi.updateGolden=true} and review the diff.
 */
class GoldenCasesTest {
    static final Path ROOT = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ROOT)) {
            s.filter(p -> Files.isRegularFile(p.resolve("cmd"))).sorted().forEach(dirs::add);
        }
        assertFalse(dirs.isEmpty(), "no golden cases");
        return dirs.stream().map(d -> DynamicTest.dynamicTest(ROOT.relativize(d).toString(), () -> check(d)));
    }

    static void check(Path dir) throws IOException {
        String cmd = Files.readString(dir.resolve("cmd"), StandardCharsets.UTF_8).strip();
        KpiRun r = KpiRun.in(Path.of("").toAbsolutePath(), new byte[0], Map.of(), ReadmeExamplesTest.split(cmd));
        String out = r.out.replace("\r\n", "\n");
        if (Boolean.getBoolean("kpi.updateGolden")) {
            Files.writeString(dir.resolve("stdout"), out, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("stderr"), r.err, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("exit"), r.exit + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(dir.resolve("exit")).strip(), Integer.toString(r.exit), "exit code\n" + r);
        assertEquals(Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8), out, "stdout");
        assertEquals(Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8), r.err, "stderr");
    }
}
