package dev.kpi.calc.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of stages, with the stage pairs behind the match rate (proposals / sales
 * conversations) and the closing rate (signed / proposals sent) when the funnel has them.
 *
 * <p>Built-in funnels, used when the config has no {@code funnel.stages}: the lead lifecycle (Lead →
 * MQL → SQL → Opportunity → Customer) when leads are given, else the deal pipeline whose stage names
 * the deals use most: HubSpot's default pipeline, Salesforce's standard opportunity stages or Pipedrive's
 * default pipeline.
 */
public record Funnel(String name, List<Stage> stages, String matchFrom, String matchTo, String closingFrom,
                     String closingTo) {

    public Funnel {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("a funnel needs at least one stage");
    }

    public int indexOf(String stageName) {
        String n = Stage.norm(stageName);
        for (int i = 0; i < stages.size(); i++) if (Stage.norm(stages.get(i).name()).equals(n)) return i;
        return -1;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Stage s : stages) out.add(s.name());
        return out;
    }

    public Funnel withRates(String mFrom, String mTo, String cFrom, String cTo) {
        return new Funnel(name, stages, mFrom, mTo, cFrom, cTo);
    }

    private static Stage won(String name) {
        Set<String> values = new java.util.LinkedHashSet<>(List.of(Stage.norm(name), "closedwon", "won"));
        return new Stage(name, Set.of(LeadField.CUSTOMER), values, false, true);
    }

    public static Funnel leadLifecycle() {
        return new Funnel("lead lifecycle", List.of(Stage.named("Lead", null), Stage.named("MQL", null),
                Stage.named("SQL", null), Stage.named("Opportunity", null), Stage.named("Customer", null)),
                null, null, null, null);
    }

    public static Funnel hubspotDeals() {
        return new Funnel("HubSpot default pipeline", List.of(
                Stage.values("Appointment Scheduled", "appointmentscheduled"),
                Stage.values("Qualified To Buy", "qualifiedtobuy"),
                Stage.values("Presentation Scheduled", "presentationscheduled"),
                Stage.values("Decision Maker Bought-In", "decisionmakerboughtin"),
                Stage.values("Contract Sent", "contractsent"),
                won("Closed Won")),
                "Appointment Scheduled", "Contract Sent", "Contract Sent", "Closed Won");
    }

    public static Funnel salesforceOpportunities() {
        return new Funnel("Salesforce standard stages", List.of(
                Stage.values("Prospecting", "prospecting"),
                Stage.values("Qualification", "qualification"),
                Stage.values("Needs Analysis", "needsanalysis"),
                Stage.values("Value Proposition", "valueproposition"),
                Stage.values("Id. Decision Makers", "iddecisionmakers", "identifydecisionmakers"),
                Stage.values("Perception Analysis", "perceptionanalysis"),
                Stage.values("Proposal/Price Quote", "proposalpricequote"),
                Stage.values("Negotiation/Review", "negotiationreview"),
                won("Closed Won")),
                "Qualification", "Proposal/Price Quote", "Proposal/Price Quote", "Closed Won");
    }

    public static Funnel pipedriveDeals() {
        return new Funnel("Pipedrive default pipeline", List.of(
                Stage.values("Qualified", "qualified", "leadin"),
                Stage.values("Contact Made", "contactmade"),
                Stage.values("Demo Scheduled", "demoscheduled", "needsdefined"),
                Stage.values("Proposal Made", "proposalmade"),
                Stage.values("Negotiations Started", "negotiationsstarted"),
                won("Won")),
                "Contact Made", "Proposal Made", "Proposal Made", "Won");
    }

    /** Every deal with the won ones as the only later step: the fallback when no pipeline's names match. */
    public static Funnel dealsOnly() {
        return new Funnel("deals (stage names not recognised)", List.of(
                new Stage("Deal", Set.of(), Set.of(), true, false), won("Closed Won")), null, null, null, null);
    }

    /** The built-in deal pipelines, in tie-break order. */
    public static List<Funnel> dealDefaults() {
        return List.of(hubspotDeals(), salesforceOpportunities(), pipedriveDeals());
    }
}
