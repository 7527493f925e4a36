package dev.kpi.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The committed completion scripts must equal a fresh generation from the picocli model, so a new
 * option can never ship without completions. To refresh them on purpose:
 * {@code mvn -B test -Dtest=CompletionScriptsTest -Dkpi.updateCompletions=true}.
 */
class CompletionScriptsTest {
    static final Path DIR = Path.of("completions");

    @Test void bashIsFresh() throws IOException { check(CompletionScripts.BASH_FILE, CompletionScripts.bash()); }

    @Test void zshIsFresh() throws IOException { check(CompletionScripts.ZSH_FILE, CompletionScripts.zsh()); }

    @Test void zshOffersEveryCommandAndItsOptions() {
        String z = CompletionScripts.zsh();
        for (String cmd : new String[] {"cac", "ads", "inspect", "init"}) assertTrue(z.contains("    " + cmd + ")\n"), cmd);
        assertTrue(z.contains("(table json jsonl csv markdown)"), "format values");
        assertTrue(z.contains("'*'--spend"), "repeatable file option");
    }

    private static void check(String name, String fresh) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("kpi.updateCompletions")) {
            Files.createDirectories(DIR);
            Files.writeString(file, fresh, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), file + " is missing; run with -Dkpi.updateCompletions=true to create it");
        assertEquals(fresh, Files.readString(file, StandardCharsets.UTF_8),
                file + " is stale: regenerate with mvn -B test -Dtest=CompletionScriptsTest -Dkpi.updateCompletions=true");
    }
}
