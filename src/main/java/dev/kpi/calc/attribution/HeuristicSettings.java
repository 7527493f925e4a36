package dev.kpi.calc.attribution;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Weights of the rule-based models. Shares are fractions of one conversion.
 *
 * @param positionFirst  position (U-shaped): share of the first touch (default 0.4)
 * @param positionLast   position: share of the last touch (default 0.4); the rest is spread evenly over
 *                       the touches in between
 * @param jFirst         J-shaped: first-touch share (default 0.2)
 * @param jLast          J-shaped: last-touch share (default 0.6)
 * @param inverseJFirst  inverse J: first-touch share (default 0.6)
 * @param inverseJLast   inverse J: last-touch share (default 0.2)
 * @param wAnchor        W-shaped: share of each of the three anchors (default 0.3)
 * @param fullPathAnchor full path / Z-shaped: share of each of the four anchors (default 0.225)
 * @param halfLife       time decay: a touch this long before the conversion weighs half as much as one
 *                       at the conversion (default 7 days)
 * @param directChannels channel names treated as direct by last-non-direct, compared case-insensitively
 *                       (default {@code Direct}, {@code Direct Traffic}, {@code (direct)})
 */
public record HeuristicSettings(double positionFirst, double positionLast, double jFirst, double jLast,
                                double inverseJFirst, double inverseJLast, double wAnchor, double fullPathAnchor,
                                Duration halfLife, Set<String> directChannels) {

    public HeuristicSettings {
        checkPair("position", positionFirst, positionLast);
        checkPair("j-shaped", jFirst, jLast);
        checkPair("inverse-j", inverseJFirst, inverseJLast);
        if (!(wAnchor >= 0 && 3 * wAnchor <= 1 + 1e-12)) throw new IllegalArgumentException("w-shaped anchor share must be in [0, 1/3]");
        if (!(fullPathAnchor >= 0 && 4 * fullPathAnchor <= 1 + 1e-12)) throw new IllegalArgumentException("full-path anchor share must be in [0, 1/4]");
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) throw new IllegalArgumentException("half-life must be positive");
        Set<String> lower = new TreeSet<>();
        for (String d : directChannels) lower.add(d.toLowerCase(Locale.ROOT));
        directChannels = Set.copyOf(lower);
    }

    private static void checkPair(String model, double first, double last) {
        if (!(first >= 0 && last >= 0 && first + last <= 1 + 1e-12)) {
            throw new IllegalArgumentException(model + " shares must be non-negative and add up to at most 1");
        }
    }

    public static HeuristicSettings defaults() {
        return new HeuristicSettings(0.4, 0.4, 0.2, 0.6, 0.6, 0.2, 0.3, 0.225, Duration.ofDays(7),
                Set.of("Direct", "Direct Traffic", "(direct)"));
    }

    public HeuristicSettings withPosition(double first, double last) {
        return new HeuristicSettings(first, last, jFirst, jLast, inverseJFirst, inverseJLast, wAnchor, fullPathAnchor, halfLife, directChannels);
    }

    public HeuristicSettings withJShaped(double first, double last) {
        return new HeuristicSettings(positionFirst, positionLast, first, last, inverseJFirst, inverseJLast, wAnchor, fullPathAnchor, halfLife, directChannels);
    }

    public HeuristicSettings withInverseJ(double first, double last) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, first, last, wAnchor, fullPathAnchor, halfLife, directChannels);
    }

    public HeuristicSettings withHalfLife(Duration h) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, inverseJFirst, inverseJLast, wAnchor, fullPathAnchor, h, directChannels);
    }

    public HeuristicSettings withDirectChannels(Set<String> names) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, inverseJFirst, inverseJLast, wAnchor, fullPathAnchor, halfLife, names);
    }

    public boolean isDirect(String channel) { return directChannels.contains(channel.toLowerCase(Locale.ROOT)); }
}
