package dev.kpi.calc.attribution;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The rule-based models (first, last, last-non-direct, linear, position, w-shaped, full-path,
 * time-decay, j-shaped, inverse-j) as one streaming accumulator over journeys, or in one pass over a
 * {@link PathTable}.
 *
 * <p>Per converting journey with n touches, touch i gets {@code w_i} of the conversion and
 * {@code w_i × value} of its revenue, with the shares of {@link TouchWeights}:
 * <ul>
 * <li>first / last: 1 to the first / last touch;</li>
 * <li>last-non-direct: 1 to the last touch whose channel is not direct (names from
 * {@link HeuristicSettings#directChannels()}, case-insensitive); all touches direct → the last one;</li>
 * <li>linear: 1/n each;</li>
 * <li>position: 40 % first, 40 % last, 20 % over the middle (two touches: 50/50); j-shaped 20/60 and
 * inverse-j 60/20 follow the same rule with their shares (two touches: 30/70 and 70/30);</li>
 * <li>w-shaped: 30 % each to the first touch, the lead-creation touch and the last touch, 10 % over the
 * others; the lead-creation touch is the last touch at or before the journey's {@code leadAt} (or
 * {@code opportunityAt} when {@link HeuristicSettings#wMiddle()} says so), or
 * without one (and always on path tables) the touch nearest the middle, ties to the earlier;</li>
 * <li>full-path: 22.5 % each to first, lead-creation, opportunity-creation and last touch, 10 % over the
 * others; default anchors the touches nearest 1/3 and 2/3 of the path;</li>
 * <li>time-decay: {@code 2^(-(conversion - touch)/halfLife)} normalised; journeys only.</li>
 * </ul>
 * Anchors that coincide add up; when every touch is an anchor the rest goes evenly to the anchors; a
 * two-touch path splits 50/50 in w-shaped and full-path. One-touch paths give the whole conversion to
 * the touch in every model. Repeated touches of a channel each get their own share, summed per channel.
 * Conversions without touches go to {@link PathTable#UNATTRIBUTED}. Non-converting journeys carry no
 * credit. With {@code byCampaign} credit is kept per channel and campaign (campaign may be null).
 *
 * <p>Empty input gives results with no credits and zero totals.
 */
public final class HeuristicAttribution {
    private final List<AttributionModel> models;
    private final HeuristicSettings settings;
    private final boolean byCampaign;
    private final double[] wShares;
    private final double[] fullPathShares;
    private final CreditLedger[] ledgers;
    private long conversions;
    private long valueMicros;
    private boolean hasValue;

    private double[] w = new double[16];
    private LocalDateTime[] times = new LocalDateTime[16];
    private boolean[] direct = new boolean[16];
    private final java.util.Map<String, Boolean> directByChannel = new java.util.HashMap<>();

    public HeuristicAttribution(Collection<AttributionModel> models, HeuristicSettings settings, boolean byCampaign) {
        this.models = new ArrayList<>(models);
        for (AttributionModel m : this.models) {
            if (!m.isHeuristic()) throw new IllegalArgumentException(m.key() + " is not a rule-based model");
        }
        this.settings = Objects.requireNonNull(settings);
        this.wShares = settings.wShares();
        this.fullPathShares = settings.fullPathShares();
        this.byCampaign = byCampaign;
        this.ledgers = new CreditLedger[this.models.size()];
        for (int i = 0; i < ledgers.length; i++) ledgers[i] = new CreditLedger();
    }

    /** Credits one journey under every model (non-converting journeys are ignored). */
    public void accept(Journey j) {
        if (!j.converted()) return;
        conversions++;
        if (j.hasValue()) { hasValue = true; valueMicros = Math.addExact(valueMicros, j.valueMicros()); }
        double value = j.hasValue() ? j.valueMicros() / 1e6 : 0;
        List<Touch> touches = j.touches();
        int n = touches.size();
        if (n == 0) {
            for (CreditLedger l : ledgers) l.add(PathTable.UNATTRIBUTED, null, 1, value);
            return;
        }
        ensure(n);
        for (int i = 0; i < n; i++) {
            times[i] = touches.get(i).at();
            direct[i] = directByChannel.computeIfAbsent(touches.get(i).channel(), settings::isDirect);
        }
        for (int m = 0; m < models.size(); m++) {
            AttributionModel model = models.get(m);
            if (model == AttributionModel.TIME_DECAY) {
                TouchWeights.timeDecay(times, n, j.conversionAt(), settings.halfLife(), w);
            } else {
                positional(model, n, j.leadAt(), j.opportunityAt());
            }
            for (int i = 0; i < n; i++) {
                if (w[i] == 0) continue;
                Touch t = touches.get(i);
                ledgers[m].add(t.channel(), byCampaign ? t.campaign() : null, w[i], w[i] * value);
            }
        }
    }

    /** One result per model, in the order the models were given. */
    public List<AttributionResult> results() {
        List<AttributionResult> out = new ArrayList<>();
        BigDecimal total = BigDecimal.valueOf(conversions);
        BigDecimal revenue = hasValue ? BigDecimal.valueOf(valueMicros, 6) : null;
        for (int m = 0; m < models.size(); m++) {
            String key = models.get(m).key();
            out.add(new AttributionResult(key, null, ledgers[m].credits(key, null, total, revenue, null), total, revenue, List.of()));
        }
        return out;
    }

    /**
     * The position-only models on a path table (time-decay needs timestamps and is rejected). W-shaped
     * and full-path use the default positional anchors.
     */
    public static List<AttributionResult> onPaths(PathTable table, Collection<AttributionModel> models, HeuristicSettings settings) {
        HeuristicAttribution h = new HeuristicAttribution(models, settings, false);
        for (AttributionModel m : models) {
            if (m.needsTimestamps()) throw new IllegalArgumentException(m.key() + " needs touch timestamps: it runs on journeys, not on a path table");
        }
        List<String> names = table.channels();
        for (PathTable.Row row : table.rows()) {
            if (row.conversions() == 0) continue;
            double conv = row.conversions();
            double value = row.value().doubleValue();
            int n = row.path().length;
            if (n == 0) {
                for (CreditLedger l : h.ledgers) l.add(PathTable.UNATTRIBUTED, null, conv, value);
                continue;
            }
            h.ensure(n);
            for (int i = 0; i < n; i++) h.direct[i] = settings.isDirect(names.get(row.path()[i]));
            for (int m = 0; m < h.models.size(); m++) {
                h.positional(h.models.get(m), n, null, null);
                for (int i = 0; i < n; i++) {
                    if (h.w[i] != 0) h.ledgers[m].add(names.get(row.path()[i]), null, conv * h.w[i], value * h.w[i]);
                }
            }
        }
        BigDecimal total = BigDecimal.valueOf(table.totalConversions());
        BigDecimal revenue = table.hasValue() ? table.totalValue() : null;
        List<AttributionResult> out = new ArrayList<>();
        for (int m = 0; m < h.models.size(); m++) {
            String key = h.models.get(m).key();
            out.add(new AttributionResult(key, null, h.ledgers[m].credits(key, null, total, revenue, null), total, revenue, List.of()));
        }
        return out;
    }

    /**
     * The shares a model gives the touches of one converting journey (for documentation and tests).
     */
    public static double[] shares(AttributionModel model, Journey journey, HeuristicSettings settings) {
        HeuristicAttribution h = new HeuristicAttribution(List.of(model), settings, false);
        int n = journey.touches().size();
        if (n == 0) return new double[0];
        h.ensure(n);
        for (int i = 0; i < n; i++) {
            h.times[i] = journey.touches().get(i).at();
            h.direct[i] = settings.isDirect(journey.touches().get(i).channel());
        }
        if (model == AttributionModel.TIME_DECAY) TouchWeights.timeDecay(h.times, n, journey.conversionAt(), settings.halfLife(), h.w);
        else h.positional(model, n, journey.leadAt(), journey.opportunityAt());
        double[] out = new double[n];
        System.arraycopy(h.w, 0, out, 0, n);
        return out;
    }

    private void positional(AttributionModel model, int n, LocalDateTime leadAt, LocalDateTime opportunityAt) {
        switch (model) {
            case FIRST: TouchWeights.first(n, w); break;
            case LAST: TouchWeights.last(n, w); break;
            case LAST_NON_DIRECT: TouchWeights.lastNonDirect(direct, n, w); break;
            case LINEAR: TouchWeights.linear(n, w); break;
            case POSITION: TouchWeights.position(n, settings.positionFirst(), settings.positionLast(), w); break;
            case J_SHAPED: TouchWeights.position(n, settings.jFirst(), settings.jLast(), w); break;
            case INVERSE_J: TouchWeights.position(n, settings.inverseJFirst(), settings.inverseJLast(), w); break;
            case W_SHAPED: {
                LocalDateTime middleAt = settings.wMiddle() == HeuristicSettings.MiddleAnchor.OPPORTUNITY ? opportunityAt : leadAt;
                int middle = middleAt != null ? TouchWeights.indexAt(times, n, middleAt) : TouchWeights.nearestIndex(n, 1, 2);
                TouchWeights.anchored(n, new int[] {0, middle, n - 1}, wShares, w);
                break;
            }
            case FULL_PATH: {
                int lead = leadAt != null ? TouchWeights.indexAt(times, n, leadAt) : TouchWeights.nearestIndex(n, 1, 3);
                int opp = opportunityAt != null ? TouchWeights.indexAt(times, n, opportunityAt) : TouchWeights.nearestIndex(n, 2, 3);
                if (opp < lead) opp = lead; // an opportunity is never created before its lead
                TouchWeights.anchored(n, new int[] {0, lead, opp, n - 1}, fullPathShares, w);
                break;
            }
            default: throw new IllegalArgumentException(model.key() + " is not positional");
        }
    }

    private void ensure(int n) {
        if (w.length < n) {
            int size = Math.max(n, w.length * 2);
            w = new double[size];
            times = new LocalDateTime[size];
            direct = new boolean[size];
        }
    }
}
