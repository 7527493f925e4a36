package dev.kpi.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code qualified:} section: which lifecycle stages (or lead statuses) and which lead dates make a
 * lead marketing- or sales-qualified. Each level is a list of stage values, or
 * {@code { stages: [ … ], fields: [ … ] }}; what a level leaves out keeps its default.
 *
 * <pre>
 * qualified:
 *   mql: [ "Marketing Qualified Lead", "Working" ]
 *   sql: { stages: [ Qualified ], fields: [ sqlDate, opportunityDate ] }
 * </pre>
 */
public record QualifiedConfig(Level mql, Level sql) {
    public static final List<String> FIELDS = List.of("mqlDate", "sqlDate", "opportunityDate", "customerDate");

    /** null lists mean "not set: keep the default". */
    public record Level(List<String> stages, List<String> fields) {}

    static QualifiedConfig bind(ConfigNode n) {
        if (!n.isMap()) throw n.error("expected { mql: [ … ], sql: [ … ] }");
        n.allowOnly(List.of("mql", "sql"));
        return new QualifiedConfig(level(n.get("mql")), level(n.get("sql")));
    }

    private static Level level(ConfigNode n) {
        if (n == null) return null;
        if (n.isScalar() || n.isList()) return new Level(n.texts(), null);
        if (!n.isMap()) throw n.error("expected a list of lifecycle stages or { stages: [ … ], fields: [ … ] }");
        n.allowOnly(List.of("stages", "fields"));
        List<String> stages = n.get("stages") == null ? null : n.get("stages").texts();
        List<String> fields = null;
        if (n.get("fields") != null) {
            fields = new ArrayList<>(n.get("fields").texts());
            for (String f : fields) {
                if (!FIELDS.contains(f)) {
                    String hint = Suggestions.closest(FIELDS, f);
                    throw n.get("fields").error("unknown field '" + f + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                            + "; qualifying dates: " + String.join(", ", FIELDS));
                }
            }
        }
        return new Level(stages, fields);
    }
}
