package dev.kpi.calc.attribution;

import java.math.BigDecimal;

/**
 * The credit one model gives one channel (and campaign, when attributing by campaign).
 * {@code attributedConversions} is a fractional count and {@code attributedRevenue} an amount in the
 * reporting currency, both with 6 decimals; revenue is null when the input had no values.
 * {@code order} and {@code removalEffect} (a fraction in [0, 1]: the share of conversion probability
 * lost when the channel is removed) are set for {@code markov} only.
 */
public record ChannelCredit(String model, Integer order, String channel, String campaign,
                            BigDecimal attributedConversions, BigDecimal attributedRevenue,
                            BigDecimal removalEffect) {}
