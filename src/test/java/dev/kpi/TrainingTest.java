package dev.kpi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The launcher's training run must stay representative: every command in it succeeds on the built-in samples. */
class TrainingTest {
    @Test void everyTrainingCommandSucceeds() throws IOException {
        List<String> failed = Training.run();
        assertEquals(List.of(), failed, "training commands that failed");
    }

    @Test void trainingFilesAreTheSamples() {
        for (String f : Training.FILES) assertTrue(Files.isRegularFile(Path.of("samples", f)), f);
    }

    @Test void launcherRunsTheTrainingClass() throws IOException {
        String launcher = Files.readString(Path.of("kpi"));
        assertTrue(launcher.contains(" " + Training.class.getName() + ";"), "./kpi must run " + Training.class.getName());
    }
}
