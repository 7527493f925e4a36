package dev.kpi.calc.clv;

/**
 * A fitted model with what the optimiser says about it.
 *
 * @param model         the model at the maximum-likelihood parameters found
 * @param logLikelihood total log-likelihood of the data at those parameters (natural log)
 * @param converged     true when the gradient of the log-likelihood (in log-parameter space) vanished to
 *                      the tolerance; a fit that did not converge must not be reported as a result
 * @param iterations    optimiser iterations used (all starts together)
 * @param evaluations   log-likelihood evaluations used
 * @param message       why the optimiser stopped, for an error with advice when it did not converge
 */
public record ModelFit<M>(M model, double logLikelihood, boolean converged, int iterations, int evaluations,
                          String message) {}
