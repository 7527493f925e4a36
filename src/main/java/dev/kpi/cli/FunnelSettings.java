package dev.kpi.cli;

import dev.kpi.calc.conversion.Qualification;
import dev.kpi.calc.funnel.Funnel;
import dev.kpi.calc.funnel.LeadField;
import dev.kpi.calc.funnel.Stage;
import dev.kpi.config.ConfigException;
import dev.kpi.config.FunnelConfig;
import dev.kpi.config.KpiConfig;
import dev.kpi.config.QualifiedConfig;
import dev.kpi.input.StageRules;
import dev.kpi.records.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the config's {@code funnel:} and {@code qualified:} sections into the calculators' terms, checking them. */
final class FunnelSettings {
    private FunnelSettings() {}

    /** The configured funnel, or null when the config lists no stages (the built-in funnels apply). */
    static Funnel funnel(KpiConfig config) {
        FunnelConfig fc = config.funnel();
        if (fc == null || fc.stages().isEmpty()) {
            if (fc != null && (fc.matchRate() != null || fc.closingRate() != null)) {
                throw new ConfigException(fc.where() + ": funnel: matchRate and closingRate name stages of funnel.stages;"
                        + " list the stages too, e.g. stages: [ Appointment Scheduled, Contract Sent, Closed Won ]");
            }
            return null;
        }
        StageRules rules = new StageRules(config.wonStages(), config.lostStages());
        List<Stage> stages = new ArrayList<>();
        for (FunnelConfig.StageConfig s : fc.stages()) {
            if (rules.classify(s.name()) == Outcome.LOST) {
                throw new ConfigException(s.where() + ": funnel.stages: '" + s.name() + "' is an outcome, not a stage:"
                        + " lost deals count at every stage they reached and as 'lost' at the furthest one; remove it");
            }
            for (String v : s.values()) {
                if (rules.classify(v) == Outcome.LOST) {
                    throw new ConfigException(s.where() + ": funnel.stages: value '" + v + "' of stage '" + s.name()
                            + "' is the lost outcome, not a stage; remove it");
                }
            }
            Stage st;
            if (s.byNameOnly()) {
                st = Stage.named(s.name(), config.wonStages());
            } else {
                Set<LeadField> fields = new LinkedHashSet<>();
                boolean anyDeal = false;
                boolean won = s.won();
                for (String f : s.fields()) {
                    if ("dealCreated".equals(f)) anyDeal = true;
                    else if ("dealWon".equals(f)) won = true;
                    else fields.add(LeadField.fromKey(f));
                }
                st = Stage.of(s.name(), fields, s.values(), anyDeal, won);
            }
            if (!st.won() && rules.classify(s.name()) == Outcome.WON) {
                st = new Stage(st.name(), st.leadFields(), st.values(), st.anyDeal(), true);
            }
            stages.add(st);
        }
        Funnel f = new Funnel("configured funnel", stages, null, null, null, null);
        String[] match = pair(f, fc.matchRate(), "matchRate");
        String[] closing = pair(f, fc.closingRate(), "closingRate");
        return f.withRates(match[0], match[1], closing[0], closing[1]);
    }

    private static String[] pair(Funnel f, FunnelConfig.RatePair p, String key) {
        if (p == null) return new String[2];
        int from = f.indexOf(p.from());
        int to = f.indexOf(p.to());
        for (String[] x : new String[][] {{p.from(), String.valueOf(from)}, {p.to(), String.valueOf(to)}}) {
            if (Integer.parseInt(x[1]) < 0) {
                throw new ConfigException(p.where() + ": funnel." + key + ": '" + x[0] + "' is not a stage of funnel.stages ("
                        + String.join(", ", f.names()) + ")");
            }
        }
        if (from >= to) {
            throw new ConfigException(p.where() + ": funnel." + key + ": 'from' (" + p.from() + ") must come before 'to' ("
                    + p.to() + ") in funnel.stages");
        }
        return new String[] {p.from(), p.to()};
    }

    /** The built-in qualification with what the config's {@code qualified:} section sets. */
    static Qualification qualification(KpiConfig config) {
        Qualification d = Qualification.defaults();
        QualifiedConfig q = config.qualified();
        if (q == null) return d;
        Set<LeadField> mqlFields = d.mqlFields();
        Set<String> mqlStages = d.mqlStages();
        Set<LeadField> sqlFields = d.sqlFields();
        Set<String> sqlStages = d.sqlStages();
        if (q.mql() != null) {
            if (q.mql().stages() != null) mqlStages = new LinkedHashSet<>(q.mql().stages());
            if (q.mql().fields() != null) mqlFields = fields(q.mql().fields());
        }
        if (q.sql() != null) {
            if (q.sql().stages() != null) sqlStages = new LinkedHashSet<>(q.sql().stages());
            if (q.sql().fields() != null) sqlFields = fields(q.sql().fields());
        }
        return new Qualification(mqlFields, mqlStages, sqlFields, sqlStages);
    }

    private static Set<LeadField> fields(List<String> keys) {
        Set<LeadField> out = new LinkedHashSet<>();
        for (String k : keys) out.add(LeadField.fromKey(k));
        return out;
    }
}
