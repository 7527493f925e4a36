package dev.kpi.calc.conversion;

import dev.kpi.calc.funnel.Durations;
import dev.kpi.calc.funnel.Minutes;

/** The counts behind one row of {@code kpi cvr} (one {@code --by} group, or the total). */
final class CvrGroup {
    long leads;
    /** Leads created in a month the traffic export covers (the numerator of trafficToLeadRatio). */
    long leadsInTrafficMonths;
    /** Latest creation (minutes) among the group's leads, for maturity. */
    int latestCreated = Minutes.NONE;
    long cohortCustomers;
    long existingCustomers;
    long periodCustomers;
    long originated;
    long influenced;
    long mqls;
    long sqls;
    final Durations responseSeconds = new Durations();
    long respondedWithinTarget;
    long meetingsBooked;
    long meetingsAttended;
    long won;
    long lost;
    long dealsCreated;
    long dealsCreatedWon;
    long matchFrom;
    long matchTo;
    long closingFrom;
    long closingTo;
    long sessions;
    boolean sessionsUnplaced;
    long delivered;
    long opens;
    long clicks;
    long forwards;

    void addWeb(CvrGroup o) {
        sessions += o.sessions;
        delivered += o.delivered;
        opens += o.opens;
        clicks += o.clicks;
        forwards += o.forwards;
    }
}
