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
 * @param wShares        W-shaped: shares of the first, middle (lead-creation) and last touch (default 0.3 each);
 *                       the rest (0.1) is spread over the other touches
 * @param wMiddle        which time makes the W-shaped middle anchor: the lead's or the opportunity's creation
 * @param fullPathShares full path / Z-shaped: shares of the first, lead-creation, opportunity-creation and last
 *                       touch (default 0.225 each); the rest (0.1) is spread over the other touches
 * @param halfLife       time decay: a touch this long before the conversion weighs half as much as one
 *                       at the conversion (default 7 days)
 * @param directChannels channel names treated as direct by last-non-direct, compared case-insensitively
 *                       (default {@code Direct}, {@code Direct Traffic}, {@code (direct)})
 */
public record HeuristicSettings(double positionFirst, double positionLast, double jFirst, double jLast,
                                double inverseJFirst, double inverseJLast, double[] wShares, MiddleAnchor wMiddle,
                                double[] fullPathShares, Duration halfLife, Set<String> directChannels) {

    /** The event whose touch is the W-shaped model's middle anchor. */
    public enum MiddleAnchor { LEAD, OPPORTUNITY }

    public HeuristicSettings {
        checkPair("position", positionFirst, positionLast);
        checkPair("j-shaped", jFirst, jLast);
        checkPair("inverse-j", inverseJFirst, inverseJLast);
        wShares = checkAnchors("w-shaped", wShares, 3);
        fullPathShares = checkAnchors("full-path", fullPathShares, 4);
        if (wMiddle == null) wMiddle = MiddleAnchor.LEAD;
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

    private static double[] checkAnchors(String model, double[] shares, int n) {
        if (shares == null || shares.length != n) throw new IllegalArgumentException(model + " needs " + n + " anchor shares");
        double sum = 0;
        for (double s : shares) {
            if (!(s >= 0)) throw new IllegalArgumentException(model + " anchor shares must be non-negative");
            sum += s;
        }
        if (sum > 1 + 1e-12) throw new IllegalArgumentException(model + " anchor shares must add up to at most 1");
        return shares.clone();
    }

    public static HeuristicSettings defaults() {
        return new HeuristicSettings(0.4, 0.4, 0.2, 0.6, 0.6, 0.2, new double[] {0.3, 0.3, 0.3}, MiddleAnchor.LEAD,
                new double[] {0.225, 0.225, 0.225, 0.225}, Duration.ofDays(7), Set.of("Direct", "Direct Traffic", "(direct)"));
    }

    @Override public double[] wShares() { return wShares.clone(); }

    @Override public double[] fullPathShares() { return fullPathShares.clone(); }

    public HeuristicSettings withPosition(double first, double last) {
        return new HeuristicSettings(first, last, jFirst, jLast, inverseJFirst, inverseJLast, wShares, wMiddle, fullPathShares, halfLife, directChannels);
    }

    public HeuristicSettings withJShaped(double first, double last) {
        return new HeuristicSettings(positionFirst, positionLast, first, last, inverseJFirst, inverseJLast, wShares, wMiddle, fullPathShares, halfLife, directChannels);
    }

    public HeuristicSettings withInverseJ(double first, double last) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, first, last, wShares, wMiddle, fullPathShares, halfLife, directChannels);
    }

    /** W-shaped shares of first, middle and last touch; the rest goes to the other touches. */
    public HeuristicSettings withWShaped(double first, double middle, double last) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, inverseJFirst, inverseJLast,
                new double[] {first, middle, last}, wMiddle, fullPathShares, halfLife, directChannels);
    }

    public HeuristicSettings withWMiddle(MiddleAnchor m) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, inverseJFirst, inverseJLast, wShares, m, fullPathShares, halfLife, directChannels);
    }

    /** Full-path shares of first, lead-creation, opportunity-creation and last touch. */
    public HeuristicSettings withFullPath(double first, double lead, double opportunity, double last) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, inverseJFirst, inverseJLast, wShares, wMiddle,
                new double[] {first, lead, opportunity, last}, halfLife, directChannels);
    }

    public HeuristicSettings withHalfLife(Duration h) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, inverseJFirst, inverseJLast, wShares, wMiddle, fullPathShares, h, directChannels);
    }

    public HeuristicSettings withDirectChannels(Set<String> names) {
        return new HeuristicSettings(positionFirst, positionLast, jFirst, jLast, inverseJFirst, inverseJLast, wShares, wMiddle, fullPathShares, halfLife, names);
    }

    public boolean isDirect(String channel) { return directChannels.contains(channel.toLowerCase(Locale.ROOT)); }
}
