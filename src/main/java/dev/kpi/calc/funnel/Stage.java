package dev.kpi.calc.funnel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One step of a funnel and the evidence that an entity reached it: any of the lead dates in
 * {@code leadFields}; a current or historical stage value (lead lifecycle stage, deal stage, HubSpot
 * "Date entered …" column) among {@code values}; having a deal at all ({@code anyDeal}, dated by the deal's
 * creation); a won deal ({@code won}, dated by its close date). Values are compared in {@link #norm}
 * form, so "Decision Maker Bought-In" and HubSpot's internal {@code decisionmakerboughtin} are one value.
 */
public record Stage(String name, Set<LeadField> leadFields, Set<String> values, boolean anyDeal, boolean won) {

    public Stage {
        leadFields = Set.copyOf(leadFields);
        values = Set.copyOf(values);
    }

    /** A value in comparison form: lower case, letters and digits only ("Proposal/Price Quote" → "proposalpricequote"). */
    public static String norm(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) sb.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * A stage given by name only. Built-in names: Lead (lead created), MQL / Marketing Qualified Lead,
     * SQL / Sales Qualified Lead, Opportunity (opportunity date or any deal), Proposal (the proposal stages of
     * HubSpot, Salesforce and Pipedrive), Customer / Closed Won / Won (customer date or a won deal). Any
     * other name is a stage value matched against the deal stage and lifecycle stage columns; a name in
     * {@code wonNames} (normalised) also counts won deals.
     */
    public static Stage named(String name, Collection<String> wonNames) {
        String n = norm(name);
        switch (n) {
            case "lead": case "leads": case "newlead":
                return new Stage(name, Set.of(LeadField.CREATED), Set.of("lead"), false, false);
            case "mql": case "mqls": case "marketingqualifiedlead":
                return new Stage(name, Set.of(LeadField.MQL), Set.of("mql", "marketingqualifiedlead"), false, false);
            case "sql": case "sqls": case "salesqualifiedlead":
                return new Stage(name, Set.of(LeadField.SQL), Set.of("sql", "salesqualifiedlead", "qualified"), false, false);
            case "opportunity": case "opportunities": case "opp":
                return new Stage(name, Set.of(LeadField.OPPORTUNITY), Set.of("opportunity"), true, false);
            case "proposal": case "proposals":
                return new Stage(name, Set.of(), Set.of("proposal", "proposalpricequote", "contractsent", "proposalmade",
                        "proposalsent"), false, false);
            case "customer": case "customers": case "closedwon": case "won":
                return new Stage(name, Set.of(LeadField.CUSTOMER), Set.of("customer", "closedwon", "won"), false, true);
            default:
                boolean won = wonNames != null && wonNames.stream().anyMatch(w -> norm(w).equals(n));
                return new Stage(name, Set.of(), Set.of(n), false, won);
        }
    }

    /** A stage from explicit parts (config {@code { name, field(s), values, won }}). */
    public static Stage of(String name, Collection<LeadField> fields, Collection<String> values, boolean anyDeal, boolean won) {
        Set<String> v = new LinkedHashSet<>();
        for (String s : values) if (!norm(s).isEmpty()) v.add(norm(s));
        return new Stage(name, new LinkedHashSet<>(fields), v, anyDeal, won);
    }

    public static Stage values(String name, String... values) {
        return of(name, List.of(), List.of(values), false, false);
    }
}
