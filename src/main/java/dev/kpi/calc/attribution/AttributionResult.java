package dev.kpi.calc.attribution;

import java.math.BigDecimal;
import java.util.List;

/**
 * The credits of one model. {@code totalConversions} and {@code totalRevenue} are the exact totals of
 * the input; the credits add up to them exactly (see {@link CreditLedger} for how rounding residuals
 * are placed). {@code totalRevenue} is null when the input carried no values. {@code notes} says how the
 * result was computed where that is not obvious (sampling, fallbacks).
 */
public record AttributionResult(String model, Integer order, List<ChannelCredit> credits,
                                BigDecimal totalConversions, BigDecimal totalRevenue, List<String> notes) {
    public AttributionResult {
        credits = List.copyOf(credits);
        notes = List.copyOf(notes);
    }

    /** The credit of a channel (summed over campaigns), or null when the model gave it none. */
    public ChannelCredit credit(String channel) {
        for (ChannelCredit c : credits) if (c.channel().equals(channel) && c.campaign() == null) return c;
        return null;
    }

    /** Sum of attributed conversions over the channels of {@code channel} (all campaigns). */
    public BigDecimal conversionsOf(String channel) {
        BigDecimal s = BigDecimal.ZERO;
        for (ChannelCredit c : credits) if (c.channel().equals(channel)) s = s.add(c.attributedConversions());
        return s;
    }

    /** Sum of attributed revenue over the channels of {@code channel}; null when there is no revenue. */
    public BigDecimal revenueOf(String channel) {
        if (totalRevenue == null) return null;
        BigDecimal s = BigDecimal.ZERO;
        for (ChannelCredit c : credits) if (c.channel().equals(channel)) s = s.add(c.attributedRevenue());
        return s;
    }
}
