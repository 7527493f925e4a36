package dev.kpi.calc.clv;

/**
 * A fitted model of repeat purchases for non-contractual customers (BG/NBD, Pareto/NBD). Times are in
 * the unit of the RFM table the model was fitted on. Predictions throw {@link ArithmeticException} only
 * when a hypergeometric series cannot be summed (parameters or horizons far outside the data's range).
 */
public interface TransactionModel {
    /** Expected purchases in the next {@code horizon} time units of a customer with history (x, t_x, T). */
    double expectedPurchases(double horizon, double x, double tx, double t);

    /** Probability that a customer with history (x, t_x, T) is still alive at T. */
    double probabilityAlive(double x, double tx, double t);

    /** Expected purchases of a newly acquired customer in their first {@code t} time units. */
    double expectedPurchasesNewCustomer(double t);
}
