package dev.kpi.calc.clv;

/**
 * A model could not be fitted or used on the data given (the optimiser did not converge, there are too
 * few repeat purchases, a retention series is not a retention series). The message says what happened
 * and what to try; it is a data problem, not a bug.
 */
public final class ModelFitException extends RuntimeException {
    public ModelFitException(String message) {
        super(message);
    }
}
