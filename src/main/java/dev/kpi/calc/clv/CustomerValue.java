package dev.kpi.calc.clv;

/**
 * One customer of the probabilistic CLV output (the JSON contract row).
 *
 * @param expectedPurchases    expected purchases over the horizon (model time unit)
 * @param probabilityAlive     probability the customer is still active at the end of calibration
 * @param expectedAverageValue gamma-gamma E(M | x, m_x) in currency units; null without a gamma-gamma
 *                             model or when the model's mean is infinite
 * @param clv                  discounted expected value over the CLV months; null when
 *                             {@code expectedAverageValue} is null
 */
public record CustomerValue(String customerId, int frequency, double recency, double t, double monetaryValue,
                            double expectedPurchases, double probabilityAlive, Double expectedAverageValue,
                            Double clv) {}
