package dev.kpi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Keeps the layers honest by reading the sources: every reference to another kpi package (import or
 * fully qualified name) must follow the allowed directions, and the pure layers must not use picocli,
 * Jackson or file I/O.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java/dev/kpi");
    static final Pattern REF = Pattern.compile("\\bdev\\.kpi\\.([a-z]+)\\b");

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "records", Set.of("records"),
            "calc", Set.of("calc", "records"),
            "config", Set.of("config", "records"),
            "input", Set.of("input", "config", "records"),
            "render", Set.of("render", "calc", "records"),
            "cli", Set.of("cli", "calc", "config", "input", "records", "render"));

    static final Map<String, List<String>> FORBIDDEN_LIBRARIES = Map.of(
            "records", List.of("picocli", "com.fasterxml", "java.io.File", "java.nio.file", "org.apache.commons.csv"),
            "calc", List.of("picocli", "com.fasterxml", "java.io.File", "java.nio.file", "org.apache.commons.csv"),
            "render", List.of("picocli", "com.fasterxml.jackson.databind", "java.nio.file", "org.apache.commons.csv"),
            "input", List.of("picocli", "com.fasterxml.jackson.databind"),
            "config", List.of("picocli", "com.fasterxml.jackson.databind"));

    @Test void dependenciesPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Path rel = MAIN.relativize(f);
                if (rel.getNameCount() < 2) continue; // Main.java sits on top and may use everything
                String layer = rel.getName(0).toString();
                Set<String> allowed = ALLOWED.get(layer);
                assertNotNull(allowed, "no rule for package dev.kpi." + layer + " (add it to ArchitectureTest)");
                String text = Files.readString(f);
                Matcher m = REF.matcher(text);
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) violations.add(rel + " uses dev.kpi." + m.group(1));
                }
                for (String lib : FORBIDDEN_LIBRARIES.getOrDefault(layer, List.of())) {
                    if (text.contains("import " + lib)) violations.add(rel + " imports " + lib);
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
