package dev.kpi.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Finds the config: {@code --config FILE}, else {@code $KPI_CONFIG}, else {@code ./kpi.yaml} (or .yml/.json) when present. */
public final class ConfigLocator {
    private ConfigLocator() {}

    public static KpiConfig locate(String explicit, Map<String, String> env, Path cwd) {
        if (explicit != null) return KpiConfig.load(resolve(explicit, cwd));
        String fromEnv = env.get("KPI_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) return KpiConfig.load(resolve(fromEnv, cwd));
        for (String name : List.of("kpi.yaml", "kpi.yml", "kpi.json")) {
            Path p = cwd.resolve(name);
            if (Files.isRegularFile(p)) return KpiConfig.load(p);
        }
        return KpiConfig.empty();
    }

    private static Path resolve(String p, Path cwd) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : cwd.resolve(path);
    }
}
