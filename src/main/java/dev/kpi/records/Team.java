package dev.kpi.records;

import java.util.Locale;

/** Which budget a cost belongs to: the catalogue splits fully loaded CAC into sales and marketing costs. */
public enum Team {
    SALES, MARKETING;

    /** Accepts the usual spellings found in finance sheets; returns null when the value is not a team. */
    public static Team parse(String raw) {
        if (raw == null) return null;
        String s = raw.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "sales": case "s": case "sales team": case "vertrieb": case "ventes": case "ventas":
                return SALES;
            case "marketing": case "m": case "marketing team": case "mkt": case "mktg":
                return MARKETING;
            default:
                return null;
        }
    }

    public String json() { return name().toLowerCase(Locale.ROOT); }
}
