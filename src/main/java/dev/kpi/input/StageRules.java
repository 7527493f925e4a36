package dev.kpi.input;

import dev.kpi.records.Outcome;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies deal stages as won, lost or open. Built-in names cover the CRMs' defaults in their label
 * and internal forms (HubSpot {@code closedwon}, Salesforce {@code Closed Won}, Pipedrive status
 * {@code won}); config {@code stages: { won: […], lost: […] }} adds more.
 */
public final class StageRules {
    private static final List<String> WON = List.of("closed won", "closedwon", "closed-won", "closed_won", "won",
            "closed & won", "closed/won", "gewonnen", "ganado", "gagné", "vinta", "ganho", "wygrana");
    private static final List<String> LOST = List.of("closed lost", "closedlost", "closed-lost", "closed_lost", "lost",
            "closed & lost", "closed/lost", "verloren", "perdido", "perdu", "persa", "przegrana");

    private final Set<String> won = new HashSet<>();
    private final Set<String> lost = new HashSet<>();

    public StageRules(List<String> extraWon, List<String> extraLost) {
        for (String s : WON) won.add(s);
        for (String s : LOST) lost.add(s);
        if (extraWon != null) for (String s : extraWon) won.add(key(s));
        if (extraLost != null) for (String s : extraLost) lost.add(key(s));
    }

    private static String key(String s) { return s.strip().toLowerCase(Locale.ROOT); }

    public Outcome classify(String stage) {
        if (stage == null) return Outcome.OPEN;
        String k = key(stage);
        if (won.contains(k)) return Outcome.WON;
        if (lost.contains(k)) return Outcome.LOST;
        return Outcome.OPEN;
    }

    public boolean isWon(String stage) { return classify(stage) == Outcome.WON; }
}
