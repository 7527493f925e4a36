package dev.kpi.input;

import dev.kpi.config.ConfigException;
import dev.kpi.config.InputConfig;
import dev.kpi.config.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which columns of one file feed which canonical fields. Config {@code columns:} wins, then the preset's
 * aliases, then the canonical field names themselves. A field may read several columns (first non-empty
 * cell wins), e.g. Pipedrive's won time and lost time both feeding {@code closed}.
 */
public final class ColumnMapping {
    private final Schema schema;
    private final Preset preset;
    private final List<String> header;
    private final Map<String, int[]> columns = new LinkedHashMap<>();
    private final Map<String, String> origin = new LinkedHashMap<>();

    private ColumnMapping(Schema schema, Preset preset, List<String> header) {
        this.schema = schema;
        this.preset = preset;
        this.header = header;
    }

    public static ColumnMapping resolve(Schema schema, Preset preset, List<String> header, InputConfig cfg, String fileName) {
        ColumnMapping m = new ColumnMapping(schema, preset, header);
        Map<String, List<String>> configured = cfg == null ? Map.of() : cfg.columns();
        List<String> fieldNames = schema.fields().stream().map(FieldDef::name).collect(Collectors.toList());
        for (Map.Entry<String, List<String>> e : configured.entrySet()) {
            if (schema.field(e.getKey()) == null) {
                String hint = Suggestions.closest(fieldNames, e.getKey());
                throw new ConfigException(cfg.where() + ": " + cfg.path() + ".columns: unknown field '" + e.getKey() + "'"
                        + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; fields of " + schema.type().key() + ": " + String.join(", ", fieldNames));
            }
            List<Integer> idx = Preset.findAll(header, e.getValue());
            if (idx.isEmpty()) {
                String wanted = e.getValue().size() == 1 ? "'" + e.getValue().get(0) + "'" : e.getValue().toString();
                String hint = e.getValue().isEmpty() ? null : Headers.closest(header, e.getValue().get(0));
                throw new ConfigException(cfg.where() + ": " + cfg.path() + ".columns." + e.getKey() + ": " + fileName
                        + " has no column " + wanted + (hint == null ? "" : " (closest: '" + hint + "')")
                        + "; its headers are: " + String.join(", ", header));
            }
            m.put(e.getKey(), idx, "config");
        }
        Preset generic = Presets.generic(schema.type().key());
        for (FieldDef f : schema.fields()) {
            if (m.columns.containsKey(f.name())) continue;
            if (preset != null && !preset.aliases(f.name()).isEmpty()) {
                List<Integer> idx = preset.coalesces(f.name())
                        ? Preset.findAll(header, preset.aliases(f.name()))
                        : single(Preset.find(header, preset.aliases(f.name())));
                if (!idx.isEmpty()) {
                    m.put(f.name(), idx, "preset " + preset.name());
                    continue;
                }
            }
            if (generic != null && generic != preset) {
                int i = Preset.find(header, generic.aliases(f.name()));
                if (i >= 0) m.put(f.name(), List.of(i), "field name");
            }
        }
        return m;
    }

    private static List<Integer> single(int i) { return i < 0 ? List.of() : List.of(i); }

    private void put(String field, List<Integer> idx, String how) {
        columns.put(field, idx.stream().mapToInt(Integer::intValue).toArray());
        origin.put(field, how);
    }

    public Schema schema() { return schema; }

    public Preset preset() { return preset; }

    public List<String> header() { return header; }

    public boolean has(String field) { return columns.containsKey(field); }

    /** Column indexes read for {@code field} (empty when unmapped). */
    public int[] columns(String field) { return columns.getOrDefault(field, NONE); }

    private static final int[] NONE = new int[0];

    /** The header of the first column mapped to {@code field}, or null. */
    public String headerOf(String field) {
        int[] c = columns.get(field);
        return c == null || c.length == 0 ? null : header.get(c[0]);
    }

    /** Field → "Header" (how it was found), for {@code kpi inspect}. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach((f, idx) -> {
            List<String> hs = new ArrayList<>();
            for (int i : idx) hs.add(header.get(i));
            out.put(f, String.join(" | ", hs) + "  (" + origin.get(f) + ")");
        });
        return out;
    }

    public Map<String, int[]> all() { return columns; }
}
