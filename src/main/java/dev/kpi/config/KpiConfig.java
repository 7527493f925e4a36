package dev.kpi.config;

import dev.kpi.records.RecordType;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kpi config ({@code kpi.yaml}, or JSON). Keys are a public contract, documented in the README:
 * {@code currency, fx, timezone, inputs, channels, marketingChannels, stages, funnel, qualified, attribution}. Unknown
 * keys are errors
 * that name the file, line and closest valid key.
 */
public final class KpiConfig {
    static final List<String> TOP_KEYS = List.of("currency", "fx", "timezone", "inputs", "channels",
            "marketingChannels", "stages", "funnel", "qualified", "attribution");

    private final Path file;
    private String currency;
    private final Map<String, BigDecimal> fx = new LinkedHashMap<>();
    private ZoneId timezone = ZoneId.of("UTC");
    private final Map<RecordType, List<InputConfig>> inputs = new LinkedHashMap<>();
    private final Map<String, List<String>> channels = new LinkedHashMap<>();
    private final List<String> marketingChannels = new ArrayList<>();
    private final List<String> wonStages = new ArrayList<>();
    private final List<String> lostStages = new ArrayList<>();
    private AttributionConfig attribution = AttributionConfig.empty();
    private FunnelConfig funnel;
    private QualifiedConfig qualified;

    private KpiConfig(Path file) { this.file = file; }

    /** No config file: everything detected, reporting currency from the data. */
    public static KpiConfig empty() { return new KpiConfig(null); }

    /** The config file in use, or null. */
    public Path file() { return file; }
    /** Reporting currency (ISO code) or null when the config does not set one. */
    public String currency() { return currency; }
    /** 1 unit of the key currency = value units of the reporting currency. */
    public Map<String, BigDecimal> fx() { return fx; }
    public ZoneId timezone() { return timezone; }
    public List<InputConfig> inputs(RecordType type) { return inputs.getOrDefault(type, List.of()); }
    /** Channel name → raw values that mean it (case-insensitive). */
    public Map<String, List<String>> channels() { return channels; }
    public List<String> marketingChannels() { return marketingChannels; }
    public List<String> wonStages() { return wonStages; }
    public List<String> lostStages() { return lostStages; }
    /** The {@code attribution:} section (defaults of {@code kpi attribution}); empty when absent. */
    public AttributionConfig attribution() { return attribution; }
    /** The {@code funnel:} section, or null when the config has none. */
    public FunnelConfig funnel() { return funnel; }
    /** The {@code qualified:} section, or null when the config has none. */
    public QualifiedConfig qualified() { return qualified; }

    public static KpiConfig load(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(name + ": config file not found (give --config FILE, or run 'kpi init' to write one)");
        }
        boolean json = path.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return bind(ConfigNode.parse(r, name, json), path);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static KpiConfig parse(Reader r, String name, boolean json) {
        return bind(ConfigNode.parse(r, name, json), Path.of(name));
    }

    static KpiConfig bind(ConfigNode root, Path file) {
        KpiConfig c = new KpiConfig(file);
        root.allowOnly(TOP_KEYS);
        ConfigNode n;
        if ((n = root.get("currency")) != null) c.currency = currencyCode(n);
        if ((n = root.get("fx")) != null) {
            if (!n.isMap()) throw n.error("expected a mapping of currency to rate, e.g. fx: { EUR: 1.08 }");
            for (Map.Entry<String, ConfigNode> e : n.map().entrySet()) {
                String code = e.getKey().toUpperCase(Locale.ROOT);
                if (!code.matches("[A-Z]{3}")) throw e.getValue().error("'" + e.getKey() + "' is not a 3-letter currency code");
                c.fx.put(code, positiveDecimal(e.getValue()));
            }
        }
        if ((n = root.get("timezone")) != null) c.timezone = zone(n);
        if ((n = root.get("inputs")) != null) bindInputs(c, n);
        if ((n = root.get("channels")) != null) {
            if (!n.isMap()) throw n.error("expected a mapping of channel name to the raw values that mean it");
            for (Map.Entry<String, ConfigNode> e : n.map().entrySet()) c.channels.put(e.getKey(), e.getValue().texts());
        }
        if ((n = root.get("marketingChannels")) != null) c.marketingChannels.addAll(n.texts());
        if ((n = root.get("stages")) != null) {
            if (!n.isMap()) throw n.error("expected { won: [...], lost: [...] }");
            n.allowOnly(List.of("won", "lost"));
            if (n.get("won") != null) c.wonStages.addAll(n.get("won").texts());
            if (n.get("lost") != null) c.lostStages.addAll(n.get("lost").texts());
        }
        if ((n = root.get("attribution")) != null) c.attribution = AttributionConfig.bind(n);
        if ((n = root.get("funnel")) != null) c.funnel = FunnelConfig.bind(n);
        if ((n = root.get("qualified")) != null) c.qualified = QualifiedConfig.bind(n);
        return c;
    }

    private static void bindInputs(KpiConfig c, ConfigNode inputs) {
        if (!inputs.isMap()) throw inputs.error("expected one block per record type: " + RecordType.allKeys());
        List<String> types = new ArrayList<>();
        for (RecordType t : RecordType.values()) types.add(t.key());
        inputs.allowOnly(types);
        for (Map.Entry<String, ConfigNode> e : inputs.map().entrySet()) {
            RecordType type = RecordType.fromKey(e.getKey());
            ConfigNode v = e.getValue();
            List<InputConfig> blocks = new ArrayList<>();
            if (v.isList()) {
                for (ConfigNode b : v.list()) blocks.add(bindInput(type, b));
            } else if (v.isMap()) {
                blocks.add(bindInput(type, v));
            } else if (v.isScalar()) {
                blocks.add(InputConfig.empty(type).withFiles(List.of(v.text())));
            } else {
                continue;
            }
            c.inputs.put(type, blocks);
        }
    }

    private static InputConfig bindInput(RecordType type, ConfigNode b) {
        if (b.isScalar()) return InputConfig.empty(type).withFiles(List.of(b.text()));
        if (!b.isMap()) throw b.error("expected an input block (file:, preset:, columns:, …)");
        b.allowOnly(InputConfig.KEYS);
        List<String> files = new ArrayList<>();
        if (b.get("file") != null) files.addAll(b.get("file").texts());
        if (b.get("files") != null) files.addAll(b.get("files").texts());
        Map<String, List<String>> columns = new LinkedHashMap<>();
        ConfigNode cols = b.get("columns");
        if (cols != null) {
            if (!cols.isMap()) throw cols.error("expected a mapping of field to header, e.g. columns: { cost: \"Cost\" }");
            for (Map.Entry<String, ConfigNode> e : cols.map().entrySet()) columns.put(e.getKey(), e.getValue().texts());
        }
        Character delimiter = null;
        ConfigNode d = b.get("delimiter");
        if (d != null) {
            String t = d.text();
            if ("\\t".equals(t) || "tab".equalsIgnoreCase(t)) t = "\t";
            if (t == null || t.length() != 1) throw d.error("a delimiter is one character: \",\", \";\", \"\\t\" or \"|\"");
            delimiter = t.charAt(0);
        }
        String encoding = text(b, "encoding");
        if (encoding != null) {
            try {
                java.nio.charset.Charset.forName(encoding);
            } catch (IllegalArgumentException ex) {
                throw b.get("encoding").error("unknown encoding '" + encoding + "' (try UTF-8, UTF-16LE, UTF-16BE, windows-1252)");
            }
        }
        String locale = text(b, "locale");
        if (locale != null && !locale.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            throw b.get("locale").error("'" + locale + "' is not a locale tag such as en-US, de-DE or nl-NL");
        }
        String dateFormat = text(b, "dateFormat");
        if (dateFormat != null) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(dateFormat);
            } catch (IllegalArgumentException ex) {
                throw b.get("dateFormat").error("not a date pattern: " + ex.getMessage() + " (example: dd.MM.yyyy)");
            }
        }
        String tz = null;
        if (b.get("timezone") != null) tz = zone(b.get("timezone")).getId();
        String currency = b.get("currency") == null ? null : currencyCode(b.get("currency"));
        return new InputConfig(type, b.path(), b.where(), files, text(b, "preset"), columns, locale, dateFormat,
                delimiter, encoding, text(b, "channel"), text(b, "platform"), currency, tz);
    }

    private static String text(ConfigNode b, String key) {
        ConfigNode n = b.get(key);
        return n == null ? null : n.text();
    }

    private static String currencyCode(ConfigNode n) {
        String t = n.text();
        if (t == null || !t.trim().matches("[A-Za-z]{3}")) throw n.error("expected a 3-letter currency code such as USD or EUR");
        return t.trim().toUpperCase(Locale.ROOT);
    }

    private static BigDecimal positiveDecimal(ConfigNode n) {
        try {
            BigDecimal v = new BigDecimal(n.text().trim());
            if (v.signum() <= 0) throw n.error("a rate must be positive");
            return v;
        } catch (NumberFormatException | NullPointerException e) {
            throw n.error("expected a number such as 1.08");
        }
    }

    private static ZoneId zone(ConfigNode n) {
        try {
            return ZoneId.of(n.text().trim());
        } catch (DateTimeException | NullPointerException e) {
            throw n.error("unknown time zone '" + n.text() + "' (examples: UTC, Europe/Berlin, America/New_York)");
        }
    }

    @Override public String toString() { return "KpiConfig" + Arrays.asList(file, currency, fx, inputs.keySet()); }
}
