package dev.kpi.calc.conversion;

import dev.kpi.calc.funnel.LeadField;
import dev.kpi.calc.funnel.Stage;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a lead qualified. A lead is marketing-qualified when it has a date in one of
 * {@code mqlFields} or its lifecycle stage (lead status) is one of {@code mqlStages}; likewise for
 * sales-qualified. The defaults count a later lifecycle stage as having passed the earlier ones: an SQL,
 * an opportunity or a customer is also an MQL. Stage names compare in {@link Stage#norm} form.
 */
public record Qualification(Set<LeadField> mqlFields, Set<String> mqlStages, Set<LeadField> sqlFields, Set<String> sqlStages) {

    public Qualification {
        mqlFields = Set.copyOf(mqlFields);
        sqlFields = Set.copyOf(sqlFields);
        mqlStages = normalised(mqlStages);
        sqlStages = normalised(sqlStages);
    }

    private static Set<String> normalised(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) if (!Stage.norm(n).isEmpty()) out.add(Stage.norm(n));
        return Set.copyOf(out);
    }

    /** HubSpot lifecycle stages (labels and internal names) and Salesforce lead statuses. */
    public static final List<String> DEFAULT_SQL_STAGES = List.of("Sales Qualified Lead", "salesqualifiedlead", "SQL",
            "Opportunity", "Customer", "Evangelist", "Qualified", "Converted");
    public static final List<String> DEFAULT_MQL_STAGES = List.of("Marketing Qualified Lead", "marketingqualifiedlead", "MQL",
            "Sales Qualified Lead", "salesqualifiedlead", "SQL", "Opportunity", "Customer", "Evangelist", "Qualified",
            "Converted");

    public static Qualification defaults() {
        return new Qualification(Set.of(LeadField.MQL, LeadField.SQL, LeadField.OPPORTUNITY, LeadField.CUSTOMER),
                new LinkedHashSet<>(DEFAULT_MQL_STAGES), Set.of(LeadField.SQL, LeadField.OPPORTUNITY, LeadField.CUSTOMER),
                new LinkedHashSet<>(DEFAULT_SQL_STAGES));
    }

    public boolean isMqlStage(String lifecycle) { return lifecycle != null && mqlStages.contains(Stage.norm(lifecycle)); }

    public boolean isSqlStage(String lifecycle) { return lifecycle != null && sqlStages.contains(Stage.norm(lifecycle)); }
}
