package dev.kpi.calc.clv;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over parameters that must be positive, working in log-parameter space
 * (θ = ln p) so every step stays feasible. The main method is BFGS with an Armijo backtracking line
 * search on the analytic gradient; when it stops without convergence, a
 * commons-math3 Nelder-Mead simplex restarts from the best point and BFGS polishes its result.
 * A point where some |θᵢ| exceeds {@value #BOUNDARY}, or where LL does not fall when one θᵢ moves by ±3,
 * is reported as not converged (a parameter ran off or is not identified by the data).
 * Convergence means max |∂LL/∂θᵢ| ≤ 1e-9 · max(1, |LL|) (relative, so the test does not depend on the
 * number of customers), or ≤ 1e-7 · max(1, |LL|) when no step can raise LL any more (the optimum is
 * reached to machine precision).
 */
final class LogLikelihoodMaximizer {

    /** A log-likelihood and its gradient, both with respect to θ = ln(parameters). */
    interface Objective {
        /**
         * Returns LL(θ); when {@code gradient} is non-null, fills it with ∂LL/∂θ. A non-finite value or an
         * {@link ArithmeticException} (a series that does not converge fast enough) marks θ infeasible.
         */
        double value(double[] theta, double[] gradient);
    }

    private static final double GRADIENT_TOLERANCE = 1e-9;
    private static final int MAX_BFGS_ITERATIONS = 500;

    private int evaluations;
    private int iterations;

    private LogLikelihoodMaximizer() {}

    /** Result in θ space. */
    record Result(double[] theta, double logLikelihood, boolean converged, int iterations, int evaluations,
                  String message) {}

    static Result maximize(Objective objective, double[] start) {
        LogLikelihoodMaximizer m = new LogLikelihoodMaximizer();
        return m.run(objective, start);
    }

    /**
     * |ln p| beyond this (p outside [3.1e-7, 3.3e6]) means a parameter ran off towards 0 or infinity: the
     * likelihood has no interior maximum (no repeat buyers, no dropout, …) and the fit is not converged.
     */
    static final double BOUNDARY = 15;

    private Result run(Objective objective, double[] start) {
        Result r = atBoundary(search(objective, start));
        return r.converged() ? identified(objective, r) : r;
    }

    /**
     * An interior maximum must fall off in every direction: moving any ln-parameter by ±3 (a factor of
     * 20) has to lower LL by more than 1e-6 · |LL|. Otherwise the likelihood is flat or still rising
     * towards 0 or infinity in that parameter and the point found is not a real optimum.
     */
    private Result identified(Objective objective, Result r) {
        double[] theta = r.theta();
        double drop = 1e-6 * Math.max(1.0, Math.abs(r.logLikelihood()));
        for (int i = 0; i < theta.length; i++) {
            for (double step : new double[] {-3, 3}) {
                double[] t = theta.clone();
                t[i] += step;
                double ll = eval(objective, t, null);
                if (ll >= r.logLikelihood() - drop) {
                    return new Result(theta, r.logLikelihood(), false, iterations, evaluations,
                            "parameter " + (i + 1) + " is not identified: the likelihood does not fall when it moves towards "
                                    + (step < 0 ? "0" : "infinity") + " (e.g. no repeat purchases, no dropout or no churn)");
                }
            }
        }
        return new Result(theta, r.logLikelihood(), true, iterations, evaluations, r.message());
    }

    /** A vanishing gradient far out in a flat direction is not an optimum: report it as not converged. */
    private static Result atBoundary(Result r) {
        for (int i = 0; i < r.theta().length; i++) {
            if (Math.abs(r.theta()[i]) > BOUNDARY) {
                return new Result(r.theta(), r.logLikelihood(), false, r.iterations(), r.evaluations(),
                        "parameter " + (i + 1) + " ran off to " + (r.theta()[i] < 0 ? "0" : "infinity")
                                + " (the data cannot identify it, e.g. no repeat purchases or no churn)");
            }
        }
        return r;
    }

    private Result search(Objective objective, double[] start) {
        Result r = bfgs(objective, start);
        if (r.converged()) return r;
        double[] best = r.theta();
        double bestLl = r.logLikelihood();
        if (!Double.isFinite(bestLl)) {
            best = start.clone();
        }
        double[] simplex = nelderMead(objective, best);
        Result polished = bfgs(objective, simplex);
        String msg = polished.converged() ? polished.message()
                : "the optimiser stopped without a vanishing gradient (" + polished.message() + ")";
        return new Result(polished.theta(), polished.logLikelihood(), polished.converged(), iterations, evaluations, msg);
    }

    private double eval(Objective o, double[] theta, double[] gradient) {
        evaluations++;
        double v;
        try {
            v = o.value(theta, gradient);
        } catch (ArithmeticException e) {
            return Double.NEGATIVE_INFINITY; // a series that cannot be summed here: treat the point as infeasible
        }
        if (gradient != null) {
            for (double g : gradient) if (!Double.isFinite(g)) return Double.NEGATIVE_INFINITY;
        }
        return Double.isFinite(v) ? v : Double.NEGATIVE_INFINITY;
    }

    private boolean small(double[] g, double f) {
        return small(g, f, GRADIENT_TOLERANCE);
    }

    private boolean small(double[] g, double f, double relative) {
        double tol = relative * Math.max(1.0, Math.abs(f));
        for (double v : g) if (!(Math.abs(v) <= tol)) return false;
        return true;
    }

    /** BFGS ascent on LL (minimising −LL) with an inverse-Hessian approximation. */
    private Result bfgs(Objective o, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = eval(o, x, g);
        if (f == Double.NEGATIVE_INFINITY) {
            return new Result(x, f, false, iterations, evaluations, "the log-likelihood is not finite at the start");
        }
        double[][] h = identity(n);
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        String why = "iteration limit reached";
        int stalls = 0;
        int flat = 0;
        for (int it = 0; it < MAX_BFGS_ITERATIONS; it++) {
            iterations++;
            if (small(g, f)) {
                return new Result(x, f, true, iterations, evaluations, "gradient vanished");
            }
            // ascent direction d = H g (H approximates the inverse of the negative Hessian)
            double[] d = multiply(h, g);
            double slope = dot(d, g);
            if (!(slope > 0)) {
                h = identity(n);
                d = g.clone();
                slope = dot(d, g);
            }
            double maxStep = 0;
            for (double v : d) maxStep = Math.max(maxStep, Math.abs(v));
            double step = maxStep > 5 ? 5 / maxStep : 1.0; // never move a log-parameter by more than 5
            double fNew = Double.NEGATIVE_INFINITY;
            boolean accepted = false;
            double noise = 1e-13 * Math.max(1.0, Math.abs(f)); // LL is only known to about this
            for (int ls = 0; ls < 60; ls++) {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = eval(o, xNew, gNew);
                // Armijo, or (near the optimum, where LL is flat within rounding) a smaller gradient
                if (fNew >= f + 1e-4 * step * slope || (fNew >= f - noise && maxAbs(gNew) < maxAbs(g))) {
                    accepted = true;
                    break;
                }
                step *= (fNew == Double.NEGATIVE_INFINITY) ? 0.1 : 0.5;
            }
            if (!accepted) {
                if (small(g, f, 100 * GRADIENT_TOLERANCE)) { // no further progress possible
                    return new Result(x, f, true, iterations, evaluations, "gradient vanished to machine precision");
                }
                if (++stalls > 2) {
                    why = "line search failed";
                    break;
                }
                h = identity(n);
                continue;
            }
            stalls = 0;
            flat = Math.abs(fNew - f) <= noise ? flat + 1 : 0;
            if (flat >= 5 && small(gNew, fNew, 100 * GRADIENT_TOLERANCE)) {
                System.arraycopy(xNew, 0, x, 0, n);
                return new Result(x, fNew, true, iterations, evaluations, "no further progress at machine precision");
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = -(gNew[i] - g[i]); // gradient of −LL changes by −(ΔgLL)
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (it == 0) { // scale the first approximation
                    double scale = sy / dot(y, y);
                    for (int i = 0; i < n; i++) h[i][i] = scale;
                }
                double[] hy = multiply(h, y);
                double yhy = dot(y, hy);
                double rho = 1 / sy;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        h[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
                    }
                }
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
        }
        return new Result(x, f, false, iterations, evaluations, why);
    }

    private double[] nelderMead(Objective o, double[] start) {
        MultivariateFunction fn = theta -> {
            double v = eval(o, theta, null);
            return v == Double.NEGATIVE_INFINITY ? -1e300 : v;
        };
        SimplexOptimizer opt = new SimplexOptimizer(1e-12, 1e-12);
        try {
            PointValuePair p = opt.optimize(new MaxEval(20_000), new MaxIter(20_000), new ObjectiveFunction(fn),
                    GoalType.MAXIMIZE, new InitialGuess(start), new NelderMeadSimplex(start.length, 0.5));
            iterations += opt.getIterations();
            return p.getPoint();
        } catch (TooManyEvaluationsException e) {
            return start.clone();
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) m[i][i] = 1;
        return m;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) s += m[i][j] * v[j];
            out[i] = s;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
