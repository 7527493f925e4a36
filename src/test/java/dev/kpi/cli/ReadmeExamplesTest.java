package dev.kpi.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every example in README.md marked {@code <!-- example: kpi ARGS -->} is followed by a code block
 * holding {@code $ kpi ARGS} and the output; this test reruns each command in-process and fails when
 * the README shows output the program no longer prints. Refresh on purpose with
 * {@code mvn -B test -Dtest=ReadmeExamplesTest -Dkpi.updateReadme=true}, then review the diff.
 */
class ReadmeExamplesTest {
    static final Path README = Path.of("README.md");
    static final Pattern EXAMPLE = Pattern.compile("<!-- example: kpi (.+?) -->\\n```text\\n(.*?)```\\n", Pattern.DOTALL);

    @Test void examplesShowWhatKpiPrints() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = EXAMPLE.matcher(text);
        StringBuilder updated = new StringBuilder();
        List<String> stale = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            String args = m.group(1);
            KpiRun r = KpiRun.in(Path.of("").toAbsolutePath(), new byte[0], Map.of("COLUMNS", "200"), split(args));
            String block = "$ kpi " + args + "\n" + r.out.replace("\r\n", "\n");
            if (r.exit != 0) block += "$ echo $?\n" + r.exit + "\n";
            if (!block.equals(m.group(2))) stale.add(args);
            m.appendReplacement(updated, Matcher.quoteReplacement("<!-- example: kpi " + args + " -->\n```text\n" + block + "```\n"));
        }
        m.appendTail(updated);
        assertTrue(count > 0, "no examples found in README.md");
        if (Boolean.getBoolean("kpi.updateReadme")) {
            Files.writeString(README, updated.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertTrue(stale.isEmpty(), "README examples are stale (rerun with -Dkpi.updateReadme=true and review): " + stale);
    }

    /** Splits like a shell: spaces separate, single or double quotes group. */
    static String[] split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0; else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (c == ' ') {
                if (cur.length() > 0 || any) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || any) out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
