package dev.kpi.calc.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates fractional credit (conversions and revenue) per channel, or per channel and campaign, and
 * turns it into {@link ChannelCredit}s whose sums equal the exact input totals.
 *
 * <p>Representation: weights are fractions of one conversion (time decay makes them irrational), so
 * credits are accumulated as doubles with compensated (Neumaier) summation, which keeps the error near
 * one unit in the last place of the total. At the end each credit is rounded half-even to 6 decimals
 * (micros, as money everywhere in kpi) and the rounding residual — the exact total minus the sum of the
 * rounded credits, a few millionths at most — is added to the credit with the largest magnitude. The
 * shown credits therefore add up to the real total conversions and revenue exactly. A residual larger
 * than {@code 1e-4 + 1e-9 × |total|} means an internal error and throws. When an input total has
 * more than 6 decimals (values such as 30.7346153846154), the credit that takes the residual carries
 * those decimals too, so that the sum stays exact.
 */
public final class CreditLedger {
    private record Key(String channel, String campaign) {}

    private static final class Sum {
        double conv, convComp, rev, revComp;
    }

    private final Map<Key, Sum> sums = new HashMap<>();
    private final Map<String, Sum> byChannel = new HashMap<>(); // fast path for campaign == null

    /** Adds {@code conversions} and {@code revenue} (currency units) of credit to a channel/campaign. */
    public void add(String channel, String campaign, double conversions, double revenue) {
        Sum s = campaign == null ? byChannel.get(channel) : null;
        if (s == null) {
            s = sums.computeIfAbsent(new Key(channel, campaign), k -> new Sum());
            if (campaign == null) byChannel.put(channel, s);
        }
        double t = s.conv + conversions;
        s.convComp += Math.abs(s.conv) >= Math.abs(conversions) ? (s.conv - t) + conversions : (conversions - t) + s.conv;
        s.conv = t;
        t = s.rev + revenue;
        s.revComp += Math.abs(s.rev) >= Math.abs(revenue) ? (s.rev - t) + revenue : (revenue - t) + s.rev;
        s.rev = t;
    }

    public boolean isEmpty() { return sums.isEmpty(); }

    /**
     * The credits sorted by channel then campaign ({@code (unattributed)} last), with residuals placed as
     * described above. {@code totalRevenue} null means no revenue: credits get a null revenue.
     * {@code removalEffects} (nullable) maps channel to the value of {@link ChannelCredit#removalEffect()}.
     */
    public List<ChannelCredit> credits(String model, Integer order, BigDecimal totalConversions,
                                       BigDecimal totalRevenue, Map<String, BigDecimal> removalEffects) {
        List<Key> keys = new ArrayList<>(sums.keySet());
        keys.sort(Comparator.comparing((Key k) -> k.channel().equals(PathTable.UNATTRIBUTED))
                .thenComparing(Key::channel)
                .thenComparing(Key::campaign, Comparator.nullsFirst(Comparator.naturalOrder())));
        BigDecimal[] conv = new BigDecimal[keys.size()];
        BigDecimal[] rev = new BigDecimal[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Sum s = sums.get(keys.get(i));
            conv[i] = round(s.conv + s.convComp);
            rev[i] = totalRevenue == null ? null : round(s.rev + s.revComp);
        }
        // (unattributed) sorts last and is exact (whole conversions): the rounding residual goes to a channel.
        int eligible = !keys.isEmpty() && keys.get(keys.size() - 1).channel().equals(PathTable.UNATTRIBUTED) && keys.size() > 1
                ? keys.size() - 1 : keys.size();
        placeResidual(conv, eligible, totalConversions, "conversions", model);
        if (totalRevenue != null) placeResidual(rev, eligible, totalRevenue, "revenue", model);
        List<ChannelCredit> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            BigDecimal re = removalEffects == null ? null : removalEffects.get(k.channel());
            out.add(new ChannelCredit(model, order, k.channel(), k.campaign(), conv[i], rev[i], re));
        }
        return out;
    }

    static BigDecimal round(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalStateException("credit is not a number: " + d);
        return new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN);
    }

    /** Adds the rounding residual to the largest of the first {@code eligible} values, so the credits add up exactly. */
    private static void placeResidual(BigDecimal[] values, int eligible, BigDecimal total, String what, String model) {
        if (values.length == 0) {
            if (total.signum() != 0) throw new IllegalStateException(model + ": " + what + " total " + total + " has no channel to go to");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < values.length; i++) {
            sum = sum.add(values[i]);
            if (i < eligible && values[i].abs().compareTo(values[largest].abs()) > 0) largest = i;
        }
        BigDecimal residual = total.subtract(sum);
        double limit = 1e-4 + 1e-9 * Math.abs(total.doubleValue());
        if (Math.abs(residual.doubleValue()) > limit) {
            throw new IllegalStateException(model + ": credited " + what + " " + sum + " differ from the total " + total);
        }
        values[largest] = values[largest].add(residual);
        if (values[largest].scale() < 6) values[largest] = values[largest].setScale(6, RoundingMode.UNNECESSARY);
    }
}
