package dev.kpi.cli;

import dev.kpi.config.InputConfig;
import dev.kpi.config.KpiConfig;
import dev.kpi.input.InputSource;
import dev.kpi.input.InputSpec;
import dev.kpi.records.RecordType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which files a command reads for a record type and with which config block. Files on the
 * command line replace the config's files for that type. A command-line file uses the config block that
 * names the same file, else the type's only block (its preset, columns and locale), else detection.
 * Relative paths in the config are relative to the config file's folder.
 */
final class InputResolver {
    private final KpiConfig config;
    private final Env env;

    InputResolver(KpiConfig config, Env env) {
        this.config = config;
        this.env = env;
    }

    List<InputSpec> resolve(RecordType type, List<String> cliFiles) {
        List<InputConfig> blocks = config.inputs(type);
        Path base = config.file() == null || config.file().toAbsolutePath().getParent() == null
                ? env.cwd() : config.file().toAbsolutePath().getParent();
        List<InputSpec> out = new ArrayList<>();
        long stdin = cliFiles.stream().filter("-"::equals).count();
        if (stdin > 1) throw KpiException.usage("standard input (-) can be read only once");
        if (!cliFiles.isEmpty()) {
            for (String f : cliFiles) {
                InputSource src = InputSource.of(f, env.cwd(), env.in());
                out.add(new InputSpec(src, blockFor(blocks, src, base)));
            }
            return out;
        }
        for (InputConfig b : blocks) {
            for (String f : b.files()) out.add(new InputSpec(InputSource.of(f, base, env.in()), b));
        }
        return out;
    }

    private static InputConfig blockFor(List<InputConfig> blocks, InputSource src, Path base) {
        if (src.path() != null) {
            Path want = src.path().toAbsolutePath().normalize();
            for (InputConfig b : blocks) {
                for (String f : b.files()) {
                    Path p = Path.of(f);
                    Path abs = (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
                    if (abs.equals(want)) return b;
                }
            }
        }
        if (blocks.size() == 1) return blocks.get(0);
        return null;
    }
}
