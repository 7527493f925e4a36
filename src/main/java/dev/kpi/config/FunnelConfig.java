package dev.kpi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code funnel:} section: the stages in order and the stage pairs of the match and closing rates.
 *
 * <pre>
 * funnel:
 *   stages:                       # a name (built-in meaning or a stage value), or a definition
 *     - Lead
 *     - MQL
 *     - { name: Demo, values: [ "Demo Scheduled", "Presentation Scheduled" ] }
 *     - { name: Proposal, values: [ "Contract Sent" ] }
 *     - Closed Won
 *   matchRate: { from: Demo, to: Proposal }          # proposals / sales conversations
 *   closingRate: { from: Proposal, to: Closed Won }  # signed / proposals sent
 * </pre>
 *
 * A definition's {@code field}/{@code fields} name dates that prove the stage ({@link #FIELDS}); {@code values}
 * are lifecycle or deal stage values (also matched against HubSpot's "Date entered …" columns); {@code won:
 * true} makes won deals reach it.
 */
public record FunnelConfig(List<StageConfig> stages, RatePair matchRate, RatePair closingRate, String where) {

    /** Date fields a stage can be proven by: the lead lifecycle dates, a deal's creation, a won deal's close. */
    public static final List<String> FIELDS = List.of("created", "mqlDate", "sqlDate", "opportunityDate", "customerDate",
            "dealCreated", "dealWon");

    /** One stage: {@code fields} and {@code values} are empty for a stage given by name only. */
    public record StageConfig(String name, List<String> fields, List<String> values, boolean won, boolean byNameOnly,
                              String where) {}

    public record RatePair(String from, String to, String where) {}

    static FunnelConfig bind(ConfigNode n) {
        if (!n.isMap()) throw n.error("expected { stages: [ … ], matchRate: { from, to }, closingRate: { from, to } }");
        n.allowOnly(List.of("stages", "matchRate", "closingRate"));
        List<StageConfig> stages = new ArrayList<>();
        ConfigNode s = n.get("stages");
        if (s != null) {
            if (!s.isList()) throw s.error("expected a list of stages, e.g. stages: [ Lead, MQL, SQL, Opportunity, Customer ]");
            if (s.list().isEmpty()) throw s.error("a funnel needs at least one stage");
            for (ConfigNode st : s.list()) stages.add(stage(st));
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                String key = stages.get(i).name().strip().toLowerCase(java.util.Locale.ROOT);
                if (seen.contains(key)) throw s.list().get(i).error("stage '" + stages.get(i).name() + "' appears twice");
                seen.add(key);
            }
        }
        return new FunnelConfig(stages, pair(n.get("matchRate")), pair(n.get("closingRate")), n.where());
    }

    private static StageConfig stage(ConfigNode st) {
        if (st.isScalar()) {
            String name = st.text();
            if (name == null || name.isBlank()) throw st.error("a stage needs a name");
            return new StageConfig(name.strip(), List.of(), List.of(), false, true, st.where());
        }
        if (!st.isMap()) throw st.error("a stage is a name or { name: …, field: …, values: [ … ] }");
        st.allowOnly(List.of("name", "field", "fields", "values", "won"));
        ConfigNode name = st.get("name");
        if (name == null || name.text() == null || name.text().isBlank()) throw st.error("a stage definition needs a name");
        List<String> fields = new ArrayList<>();
        if (st.get("field") != null) fields.addAll(st.get("field").texts());
        if (st.get("fields") != null) fields.addAll(st.get("fields").texts());
        for (String f : fields) {
            if (!FIELDS.contains(f)) {
                String hint = Suggestions.closest(FIELDS, f);
                throw st.error("unknown field '" + f + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; a stage can be proven by: " + String.join(", ", FIELDS));
            }
        }
        List<String> values = st.get("values") == null ? List.of() : st.get("values").texts();
        boolean won = false;
        if (st.get("won") != null) {
            String w = st.get("won").text();
            if (!"true".equalsIgnoreCase(w) && !"false".equalsIgnoreCase(w)) throw st.get("won").error("expected true or false");
            won = Boolean.parseBoolean(w);
        }
        if (fields.isEmpty() && values.isEmpty() && !won) {
            throw st.error("stage '" + name.text() + "' needs a field, values or won: true (or give just its name)");
        }
        return new StageConfig(name.text().strip(), fields, values, won, false, st.where());
    }

    private static RatePair pair(ConfigNode p) {
        if (p == null) return null;
        if (!p.isMap()) throw p.error("expected { from: <stage>, to: <stage> }");
        p.allowOnly(List.of("from", "to"));
        Map<String, ConfigNode> m = p.map();
        if (m.get("from") == null || m.get("to") == null) throw p.error("expected both from: and to: stage names");
        return new RatePair(m.get("from").text(), m.get("to").text(), p.where());
    }
}
