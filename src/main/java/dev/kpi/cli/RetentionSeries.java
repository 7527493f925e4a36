package dev.kpi.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code --retention}: customers still active at the start of periods 0, 1, 2, … either inline
 * ({@code 100,63.1,46.8}; {@code %} signs are ignored) or from a file. In a file each line is one cohort:
 * an optional label first, then its values separated by commas, semicolons or tabs; lines without a
 * number (a header) are skipped. A file with one number per line is a single series, top to bottom.
 */
final class RetentionSeries {
    private RetentionSeries() {}

    static List<double[]> parse(String value, Path cwd) {
        String v = value.strip();
        if (v.matches("[0-9.,;%\\s]+") && v.chars().anyMatch(Character::isDigit) && (v.contains(",") || v.contains(";"))) {
            return List.of(numbers(v.split("[,;]"), "--retention", 0));
        }
        Path p = Path.of(v);
        if (!p.isAbsolute()) p = cwd.resolve(p);
        if (!Files.isRegularFile(p)) {
            throw KpiException.usage("--retention: '" + value + "' is neither a list of numbers (100,63.1,46.8,…) nor a file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw KpiException.usage("--retention: cannot read " + p + ": " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        boolean allSingle = true;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] cells = l.split("[,;\\t]");
            List<String> nums = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                String c = cells[i].strip().replace("%", "").replace("\"", "");
                if (c.isEmpty()) continue;
                if (i == 0 && !c.matches("[-+0-9.eE]+")) continue; // a label
                nums.add(c);
            }
            if (nums.isEmpty()) continue;
            if (!nums.stream().allMatch(c -> c.matches("[-+0-9.eE]+"))) {
                if (rows.isEmpty()) continue; // a header whose first cell is numeric-looking
                throw new KpiException(ExitCode.DATA, p.getFileName() + ":" + lineNo + ": not a number in '" + l + "'");
            }
            rows.add(numbers(nums.toArray(new String[0]), p.getFileName().toString(), lineNo));
            if (nums.size() != 1) allSingle = false;
        }
        if (rows.isEmpty()) throw new KpiException(ExitCode.DATA, p.getFileName() + ": no retention values in the file");
        if (allSingle) {
            double[] s = new double[rows.size()];
            for (int i = 0; i < s.length; i++) s[i] = rows.get(i)[0];
            return List.of(s);
        }
        return rows;
    }

    private static double[] numbers(String[] cells, String where, int line) {
        List<Double> out = new ArrayList<>();
        for (String c : cells) {
            String t = c.strip().replace("%", "");
            if (t.isEmpty()) continue;
            try {
                double d = Double.parseDouble(t);
                if (!(d >= 0) || !Double.isFinite(d)) throw new NumberFormatException();
                out.add(d);
            } catch (NumberFormatException e) {
                String at = line > 0 ? where + ":" + line : where;
                throw line > 0 ? new KpiException(ExitCode.DATA, at + ": '" + c.strip() + "' is not a number of customers")
                        : KpiException.usage(at + ": '" + c.strip() + "' is not a number of customers (use 100,63.1,46.8,…)");
            }
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }
}
