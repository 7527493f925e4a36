package dev.kpi;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Public reference data sets with published results live beside the project in {@code ../shared/data}
 * (read-only, present for developers and CI); tests read them from there instead of keeping copies.
 * {@code -Dkpi.sharedData=DIR} points elsewhere.
 */
public final class SharedData {
    private SharedData() {}

    public static Path file(String name) {
        String override = System.getProperty("kpi.sharedData");
        Path dir = override != null ? Path.of(override) : Path.of("..", "shared", "data");
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("reference data " + p.toAbsolutePath() + " is missing: the tests expect the"
                    + " shared reference data folder beside the project (or -Dkpi.sharedData=DIR)");
        }
        return p;
    }
}
