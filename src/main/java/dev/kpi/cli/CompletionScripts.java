package dev.kpi.cli;

import dev.kpi.Main;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shell completion scripts generated from the picocli model: bash by picocli's {@link AutoComplete},
 * zsh by {@link #zsh} (native {@code _arguments} specs with option descriptions). The build runs
 * {@link #main} to write them into {@code target/completions}; the committed copies in
 * {@code completions/} are checked against a fresh generation by a test.
 */
public final class CompletionScripts {
    private CompletionScripts() {}

    public static final String BASH_FILE = "kpi.bash";
    public static final String ZSH_FILE = "_kpi";

    /** Writes both scripts into the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/completions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(BASH_FILE), bash(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ZSH_FILE), zsh(), StandardCharsets.UTF_8);
    }

    static CommandLine model() {
        StringWriter sink = new StringWriter();
        Env env = new Env(new PrintWriter(sink), new PrintWriter(sink), new ByteArrayInputStream(new byte[0]), Map.of(),
                Path.of("."), false, false);
        return Main.commandLine(env);
    }

    public static String bash() {
        return AutoComplete.bash("kpi", model());
    }

    public static String zsh() {
        CommandLine root = model();
        StringBuilder z = new StringBuilder();
        z.append("#compdef kpi\n");
        z.append("# zsh completion for kpi, generated from its picocli model by dev.kpi.cli.CompletionScripts.\n");
        z.append("# Do not edit: run `mvn -B package` and copy target/completions/_kpi here.\n");
        z.append("# Install: put this file in a folder on $fpath (e.g. ~/.zsh/completions) and run compinit.\n\n");
        z.append("_kpi() {\n");
        z.append("  local -a commands\n");
        z.append("  commands=(\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            z.append("    '").append(e.getKey()).append(':').append(quote(summary(e.getValue().getCommandSpec()))).append("'\n");
        }
        z.append("  )\n");
        z.append("  if (( CURRENT == 2 )); then\n");
        z.append("    _describe -t commands 'kpi command' commands\n");
        z.append("    _arguments '(- *)'{-h,--help}'[Show help]' '(- *)'{-V,--version}'[Print version]'\n");
        z.append("    return\n");
        z.append("  fi\n");
        z.append("  local cmd=${words[2]}\n");
        z.append("  shift words\n");
        z.append("  (( CURRENT-- ))\n");
        z.append("  case $cmd in\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            z.append("    ").append(e.getKey()).append(")\n");
            z.append("      _arguments -s -S \\\n");
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                z.append("        ").append(optionSpec(o)).append(" \\\n");
            }
            if (!spec.positionalParameters().isEmpty()) z.append("        '*:file:_files' \\\n");
            z.append("        && return 0\n");
            z.append("      ;;\n");
        }
        z.append("  esac\n");
        z.append("}\n\n");
        z.append("_kpi \"$@\"\n");
        return z.toString();
    }

    private static String summary(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        return d.length == 0 ? "" : d[0];
    }

    private static String optionSpec(OptionSpec o) {
        String desc = o.description().length == 0 ? "" : o.description()[0].replace("%%", "%")
                .replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))
                .replace("${COMPLETION-CANDIDATES}", candidates(o).isEmpty() ? "" : String.join(", ", candidates(o)));
        String names = o.names().length == 1 ? o.names()[0] : "{" + String.join(",", o.names()) + "}";
        String exclusion = o.names().length == 1 ? "" : "'(" + String.join(" ", o.names()) + ")'";
        boolean repeat = o.isMultiValue();
        StringBuilder s = new StringBuilder();
        if (repeat) s.append("'*'");
        else s.append(exclusion);
        s.append(names);
        if (o.usageHelp() || o.versionHelp() || o.typeInfo().isBoolean()) {
            s.append("'[").append(quote(bracketSafe(desc))).append("]'");
            return s.toString();
        }
        s.append("'[").append(quote(bracketSafe(desc))).append("]:").append(quote(o.paramLabel())).append(':');
        List<String> values = candidates(o);
        if (!values.isEmpty()) {
            if (o.paramLabel().contains(",")) {
                s.append("_values -s , value");
                for (String v : values) s.append(' ').append(v);
            } else {
                s.append('(').append(String.join(" ", values)).append(')');
            }
        } else if (o.paramLabel().contains("FILE")) {
            s.append("_files");
        } else {
            s.append(' ');
        }
        s.append('\'');
        return s.toString();
    }

    private static List<String> candidates(OptionSpec o) {
        List<String> out = new ArrayList<>();
        if (o.completionCandidates() != null) for (String c : o.completionCandidates()) out.add(c);
        return out;
    }

    private static String bracketSafe(String s) { return s.replace("[", "(").replace("]", ")").replace(":", "\\:"); }

    /** Quotes for a single-quoted zsh word: ' becomes '\''. */
    private static String quote(String s) { return s.replace("'", "'\\''"); }
}
