package dev.kpi.calc.attribution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Groups touchpoints by journey id, joins the conversions of each id and emits {@link Journey}s in one
 * pass.
 *
 * <p>Rules, in order, for each journey id:
 * <ol>
 * <li>Touches are sorted by time with a stable sort: touches with equal timestamps keep their input
 * order.</li>
 * <li>With conversions (sorted by time), each conversion becomes one converting journey made of the
 * touches after the previous conversion of the same id (if any) and at or before its own time
 * (a touch at exactly the conversion time counts). Touches after the last conversion are dropped.
 * Ids with several conversions get journey ids {@code id#1}, {@code id#2}, …</li>
 * <li>Lookback: a touch of a converting journey counts when
 * {@code conversionTime - lookback <= touchTime}. A non-converting journey is anchored at
 * {@code asOf} when given (touches after {@code asOf} are dropped) and otherwise at its own last
 * touch; touches older than {@code anchor - lookback} are dropped. A null lookback keeps all.</li>
 * <li>A conversion with no touch left (no touches at all, or all outside the window) is still emitted,
 * with an empty touch list: models credit it to {@link PathTable#UNATTRIBUTED}.</li>
 * <li>A non-converting id whose touches are all dropped emits nothing.</li>
 * </ol>
 *
 * <p>Input order: {@link InputOrder#GROUPED} expects all touches of an id to be adjacent and keeps only
 * the current id in memory, plus a compact set of the ids already closed ({@link SeenIds}, 16 to 32
 * bytes per id) so that an id that comes back fails with {@link NotGroupedException} instead of being
 * split silently into two journeys; {@link InputOrder#SORTED} checks instead that ids ascend (String
 * order), which needs no memory, and fails on the first id out of order; {@link InputOrder#ANY} holds every journey in a map until
 * {@link #finish()} (memory grows with the touches). Conversions are given up front as a map, since
 * there are far fewer of them than touches.
 */
public final class JourneyBuilder {

    /** How the touch stream is arranged by journey id. */
    public enum InputOrder { GROUPED, SORTED, ANY }

    /** Grouped or sorted input whose journey ids turn out not to be grouped or sorted. */
    public static final class NotGroupedException extends IllegalStateException {
        private final String journeyId;

        NotGroupedException(String journeyId, String message) {
            super(message);
            this.journeyId = journeyId;
        }

        /** The id that came out of order. */
        public String journeyId() { return journeyId; }
    }

    private final Map<String, List<Conversion>> conversions;
    private final Duration lookback;
    private final LocalDateTime asOf;
    private final InputOrder order;
    private final Consumer<Journey> sink;

    private String currentId;
    private List<Touch> current = new ArrayList<>();
    private final Map<String, List<Touch>> pending = new LinkedHashMap<>();
    private final Set<String> convertedIdsSeen = new HashSet<>();
    private final SeenIds closedIds = new SeenIds();
    private boolean finished;

    private long touchesRead;
    private long touchesKept;
    private long journeysEmitted;
    private long conversionsUnattributed;

    /**
     * @param conversions conversions by journey id (may be empty; lists need not be sorted)
     * @param lookback    how far before the anchor a touch may be; null = unlimited
     * @param asOf        anchor of non-converting journeys (e.g. the end of the report period); null = each
     *                    journey's last touch
     * @param order       how the touches arrive
     * @param sink        receives each journey as soon as it is complete
     */
    public JourneyBuilder(Map<String, List<Conversion>> conversions, Duration lookback, LocalDateTime asOf,
                          InputOrder order, Consumer<Journey> sink) {
        this.conversions = new HashMap<>();
        conversions.forEach((id, list) -> {
            List<Conversion> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(Conversion::at));
            this.conversions.put(id, sorted);
        });
        if (lookback != null && lookback.isNegative()) throw new IllegalArgumentException("lookback must not be negative");
        this.lookback = lookback;
        this.asOf = asOf;
        this.order = Objects.requireNonNull(order);
        this.sink = Objects.requireNonNull(sink);
    }

    /** Adds one touchpoint of journey {@code journeyId}. */
    public void accept(String journeyId, Touch touch) {
        if (finished) throw new IllegalStateException("builder already finished");
        Objects.requireNonNull(journeyId, "journey id");
        Objects.requireNonNull(touch, "touch");
        touchesRead++;
        if (order == InputOrder.ANY) {
            pending.computeIfAbsent(journeyId, k -> new ArrayList<>()).add(touch);
            return;
        }
        if (!journeyId.equals(currentId)) {
            if (currentId != null) {
                if (order == InputOrder.SORTED && journeyId.compareTo(currentId) < 0) {
                    throw new NotGroupedException(journeyId, "touchpoints are not sorted by journey id: '" + journeyId
                            + "' comes after '" + currentId + "'");
                }
                if (order == InputOrder.GROUPED) {
                    closedIds.add(currentId);
                    if (closedIds.contains(journeyId)) {
                        throw new NotGroupedException(journeyId, "touchpoints are not grouped by journey id: journey '"
                                + journeyId + "' appears again after other journeys");
                    }
                }
                emit(currentId, current);
            }
            currentId = journeyId;
            current = new ArrayList<>();
        }
        current.add(touch);
    }

    /** Emits the remaining journeys, then the conversions of ids that had no touch at all. */
    public void finish() {
        if (finished) return;
        finished = true;
        if (currentId != null) emit(currentId, current);
        for (Map.Entry<String, List<Touch>> e : pending.entrySet()) emit(e.getKey(), e.getValue());
        pending.clear();
        List<String> untouched = new ArrayList<>();
        for (String id : conversions.keySet()) if (!convertedIdsSeen.contains(id)) untouched.add(id);
        untouched.sort(null);
        for (String id : untouched) emit(id, List.of());
    }

    private void emit(String id, List<Touch> touches) {
        List<Touch> sorted = touches;
        if (!isSorted(touches)) {
            sorted = new ArrayList<>(touches);
            sorted.sort(Comparator.comparing(Touch::at)); // List.sort is stable: equal times keep input order
        }
        List<Conversion> convs = conversions.get(id);
        if (convs == null || convs.isEmpty()) {
            emitNonConverting(id, sorted);
            return;
        }
        convertedIdsSeen.add(id);
        int from = 0;
        LocalDateTime previous = null;
        for (int k = 0; k < convs.size(); k++) {
            Conversion c = convs.get(k);
            List<Touch> kept = new ArrayList<>();
            LocalDateTime earliest = lookback == null ? null : c.at().minus(lookback);
            int i = from;
            for (; i < sorted.size(); i++) {
                Touch t = sorted.get(i);
                if (t.at().isAfter(c.at())) break;
                if (previous != null && !t.at().isAfter(previous)) continue;
                if (earliest != null && t.at().isBefore(earliest)) continue;
                kept.add(t);
            }
            from = i;
            previous = c.at();
            touchesKept += kept.size();
            if (kept.isEmpty()) conversionsUnattributed++;
            String jid = convs.size() == 1 ? id : id + "#" + (k + 1);
            journeysEmitted++;
            sink.accept(new Journey(jid, kept, true, c.at(), c.valueMicros(), c.hasValue(), c.leadAt(), c.opportunityAt()));
        }
    }

    private static boolean isSorted(List<Touch> touches) {
        for (int i = 1; i < touches.size(); i++) if (touches.get(i).at().isBefore(touches.get(i - 1).at())) return false;
        return true;
    }

    private void emitNonConverting(String id, List<Touch> sorted) {
        if (sorted.isEmpty()) return;
        List<Touch> kept = new ArrayList<>(sorted.size());
        LocalDateTime anchor = asOf != null ? asOf : sorted.get(sorted.size() - 1).at();
        LocalDateTime earliest = lookback == null ? null : anchor.minus(lookback);
        for (Touch t : sorted) {
            if (asOf != null && t.at().isAfter(asOf)) break;
            if (earliest != null && t.at().isBefore(earliest)) continue;
            kept.add(t);
        }
        if (kept.isEmpty()) return;
        touchesKept += kept.size();
        journeysEmitted++;
        sink.accept(Journey.nonConverting(id, kept));
    }

    public long touchesRead() { return touchesRead; }

    /** Touches that ended up in an emitted journey. */
    public long touchesKept() { return touchesKept; }

    public long journeysEmitted() { return journeysEmitted; }

    /** Conversions emitted with no touch in their window (credited to {@code (unattributed)}). */
    public long conversionsUnattributed() { return conversionsUnattributed; }
}
