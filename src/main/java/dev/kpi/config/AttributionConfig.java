package dev.kpi.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code attribution:} section of the config: defaults for {@code kpi attribution}, each one
 * overridden by its command-line option. Every key is optional (null here = not set).
 *
 * <pre>
 * attribution:
 *   models: [first, last, linear, markov]   # or all
 *   order: 1                                # markov order 1..4
 *   lookback: 90d                           # touches older than this before the conversion do not count
 *   halfLife: 7d                            # time decay
 *   join: account                           # account | contact: how touchpoints meet deals
 *   conversions: deals                      # deals | leads
 *   touchOrder: any                         # any | grouped | sorted (by journey id)
 *   directChannels: [Direct, Direct Traffic, (direct)]
 *   wShapedMiddle: lead                     # lead | opportunity
 *   weights:                                # percentages (adding up to 100) or fractions (to 1)
 *     position: [40, 20, 40]                # first, middle, last
 *     jShaped: [20, 20, 60]
 *     inverseJ: [60, 20, 20]
 *     wShaped: [30, 30, 30, 10]             # first, lead, last, rest
 *     fullPath: [22.5, 22.5, 22.5, 22.5, 10] # first, lead, opportunity, last, rest
 *   shapley: { players: unordered, game: auto, exactLimit: 15, samples: 2000, seed: 1 }
 *   grossMargin: 0.8                        # for ROMI, or 80% (or cogs: 12000)
 *   cogs: 12000
 * </pre>
 */
public record AttributionConfig(
        String models,
        Integer order,
        Duration lookback,
        Duration halfLife,
        String join,
        String conversions,
        String touchOrder,
        List<String> directChannels,
        String wShapedMiddle,
        double[] position,
        double[] jShaped,
        double[] inverseJ,
        double[] wShaped,
        double[] fullPath,
        String shapleyPlayers,
        String shapleyGame,
        Integer shapleyExactLimit,
        Integer shapleySamples,
        Long shapleySeed,
        BigDecimal grossMargin,
        BigDecimal cogs) {

    static final List<String> KEYS = List.of("models", "order", "lookback", "halfLife", "join", "conversions", "touchOrder",
            "directChannels", "wShapedMiddle", "weights", "shapley", "grossMargin", "cogs");
    static final List<String> WEIGHT_KEYS = List.of("position", "jShaped", "inverseJ", "wShaped", "fullPath");
    static final List<String> SHAPLEY_KEYS = List.of("players", "game", "exactLimit", "samples", "seed");

    /** Nothing set. */
    public static AttributionConfig empty() {
        return new AttributionConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    static AttributionConfig bind(ConfigNode n) {
        if (!n.isMap()) throw n.error("expected a mapping (models:, order:, lookback:, weights:, …)");
        n.allowOnly(KEYS);
        String models = null;
        if (n.get("models") != null) models = String.join(",", n.get("models").texts());
        Integer order = n.get("order") == null ? null : integer(n.get("order"), 1, 4);
        Duration lookback = duration(n.get("lookback"));
        Duration halfLife = duration(n.get("halfLife"));
        String join = choice(n.get("join"), "account", "contact");
        String conversions = choice(n.get("conversions"), "deals", "leads");
        String touchOrder = choice(n.get("touchOrder"), "any", "grouped", "sorted");
        List<String> direct = n.get("directChannels") == null ? null : n.get("directChannels").texts();
        String middle = choice(n.get("wShapedMiddle"), "lead", "opportunity");
        double[][] w = new double[5][];
        ConfigNode weights = n.get("weights");
        if (weights != null) {
            if (!weights.isMap()) throw weights.error("expected weights per model, e.g. weights: { position: [40, 20, 40] }");
            weights.allowOnly(WEIGHT_KEYS);
            int[] counts = {3, 3, 3, 4, 5};
            for (int i = 0; i < WEIGHT_KEYS.size(); i++) {
                ConfigNode wn = weights.get(WEIGHT_KEYS.get(i));
                if (wn == null) continue;
                try {
                    w[i] = shares(String.join(",", wn.texts()), counts[i]);
                } catch (IllegalArgumentException e) {
                    throw wn.error(e.getMessage());
                }
            }
        }
        String players = null, game = null;
        Integer exactLimit = null, samples = null;
        Long seed = null;
        ConfigNode s = n.get("shapley");
        if (s != null) {
            if (!s.isMap()) throw s.error("expected { players: unordered|ordered, game: auto|conversions|probability, … }");
            s.allowOnly(SHAPLEY_KEYS);
            players = choice(s.get("players"), "unordered", "ordered");
            game = choice(s.get("game"), "auto", "conversions", "probability");
            exactLimit = s.get("exactLimit") == null ? null : integer(s.get("exactLimit"), 1, 20);
            samples = s.get("samples") == null ? null : integer(s.get("samples"), 1, 10_000_000);
            if (s.get("seed") != null) {
                try {
                    seed = Long.parseLong(s.get("seed").text().strip());
                } catch (NumberFormatException | NullPointerException e) {
                    throw s.get("seed").error("expected a whole number");
                }
            }
        }
        BigDecimal margin = null;
        if (n.get("grossMargin") != null) {
            try {
                margin = fraction(n.get("grossMargin").text());
            } catch (IllegalArgumentException e) {
                throw n.get("grossMargin").error(e.getMessage());
            }
        }
        BigDecimal cogs = null;
        if (n.get("cogs") != null) {
            try {
                cogs = new BigDecimal(n.get("cogs").text().strip());
                if (cogs.signum() < 0) throw n.get("cogs").error("cost of goods cannot be negative");
            } catch (NumberFormatException | NullPointerException e) {
                throw n.get("cogs").error("expected an amount such as 12000");
            }
        }
        return new AttributionConfig(models, order, lookback, halfLife, join, conversions, touchOrder, direct, middle,
                w[0], w[1], w[2], w[3], w[4], players, game, exactLimit, samples, seed, margin, cogs);
    }

    /**
     * Shares written as percentages adding up to 100 ({@code 40,20,40} or {@code 40/20/40}) or fractions
     * adding up to 1 ({@code 0.4,0.2,0.4}), as fractions. {@code count} values are required.
     */
    public static double[] shares(String text, int count) {
        String[] parts = text.strip().split("\\s*[,/]\\s*");
        if (parts.length != count) {
            throw new IllegalArgumentException("expected " + count + " shares (percentages adding up to 100), got '" + text + "'");
        }
        BigDecimal[] v = new BigDecimal[count];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            try {
                v[i] = new BigDecimal(parts[i].strip().replace("%", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not a number in '" + text + "'");
            }
            if (v[i].signum() < 0) throw new IllegalArgumentException("shares cannot be negative: '" + text + "'");
            sum = sum.add(v[i]);
        }
        BigDecimal scale;
        if (sum.compareTo(BigDecimal.valueOf(100)) == 0) scale = BigDecimal.valueOf(100);
        else if (sum.compareTo(BigDecimal.ONE) == 0) scale = BigDecimal.ONE;
        else throw new IllegalArgumentException("shares must add up to 100 (or to 1): '" + text + "' adds up to " + sum.toPlainString());
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = v[i].divide(scale, MathContext.DECIMAL64).doubleValue();
        return out;
    }

    /** {@code 0.8} or {@code 80%} as a fraction in [0, 1]. */
    public static BigDecimal fraction(String text) {
        if (text == null) throw new IllegalArgumentException("expected a fraction such as 0.8 or 80%");
        String t = text.strip();
        boolean percent = t.endsWith("%");
        BigDecimal v;
        try {
            v = new BigDecimal(percent ? t.substring(0, t.length() - 1).strip() : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction such as 0.8 or 80%");
        }
        if (percent) v = v.movePointLeft(2);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("'" + text + "' is not between 0 and 1 (or 0% and 100%)");
        return v;
    }

    private static Duration duration(ConfigNode n) {
        if (n == null) return null;
        try {
            return DurationParser.parse(n.text());
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    private static Integer integer(ConfigNode n, int min, int max) {
        try {
            int v = Integer.parseInt(n.text().strip());
            if (v < min || v > max) throw n.error("must be between " + min + " and " + max);
            return v;
        } catch (NumberFormatException | NullPointerException e) {
            throw n.error("expected a whole number between " + min + " and " + max);
        }
    }

    private static String choice(ConfigNode n, String... allowed) {
        if (n == null) return null;
        String v = n.text() == null ? "" : n.text().strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) if (a.equals(v)) return a;
        String hint = Suggestions.closest(List.of(allowed), v);
        throw n.error("'" + n.text() + "' is not one of " + String.join(", ", allowed) + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }
}
