package dev.kpi.calc.clv;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) = Σₖ (a)ₖ (b)ₖ / ((c)ₖ k!) zᵏ for |z| < 1, summed as a
 * power series (as lifetimes does through scipy). Summation stops when the last term and a geometric
 * bound on the remaining tail are both below 1e-15 of the sum; if that does not happen within
 * {@value #MAX_TERMS} terms an {@link ArithmeticException} is thrown rather than returning an
 * unconverged value. Callers use Euler's transformation 2F1(a, b; c; z) = (1 − z)^(c − a − b)
 * 2F1(c − a, c − b; c; z) where it turns large parameters into small ones.
 */
public final class GaussHypergeometric {
    static final int MAX_TERMS = 2_000_000;
    /** Cap for {@link #unitSeries}: it runs inside likelihood evaluations, where a slow point is better skipped. */
    static final int MAX_UNIT_TERMS = 200_000;
    private static final double EPS = 1e-15;

    private GaussHypergeometric() {}

    public static double value(double a, double b, double c, double z) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(z)) return Double.NaN;
        if (!(Math.abs(z) < 1)) {
            throw new ArithmeticException("2F1 series needs |z| < 1, got z = " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new ArithmeticException("2F1 is undefined for c = " + c);
        }
        double sum = 1.0;
        double term = 1.0;
        double az = Math.abs(z);
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
            term *= ratio;
            sum += term;
            if (term == 0.0) return sum; // a or b is a non-positive integer: a polynomial
            double rho = Math.max(Math.abs(ratio), az);
            if (Math.abs(ratio) < 1 && Math.abs(term) <= EPS * Math.abs(sum)
                    && Math.abs(term) * rho / (1 - rho) <= EPS * Math.abs(sum)) {
                return sum;
            }
            if (!Double.isFinite(sum)) {
                throw new ArithmeticException("2F1 series overflowed for a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
            }
        }
        throw new ArithmeticException("2F1 series did not converge in " + MAX_TERMS + " terms for a=" + a
                + ", b=" + b + ", c=" + c + ", z=" + z);
    }

    /**
     * G = 2F1(1, b; c; z) for 0 ≤ z &lt; 1 and b, c &gt; 0 (every term positive, term ratio below z), with its
     * partial derivatives: out = {G, ∂G/∂b, ∂G/∂c, ∂G/∂z}. Used by the Pareto/NBD likelihood. Throws
     * {@link ArithmeticException} past {@value #MAX_UNIT_TERMS} terms (z very close to 1).
     */
    static void unitSeries(double b, double c, double z, double[] out) {
        if (!(z >= 0 && z < 1) || !(b > 0) || !(c > 0)) {
            throw new ArithmeticException("2F1(1, b; c; z) series needs b, c > 0 and 0 <= z < 1: b=" + b + ", c=" + c + ", z=" + z);
        }
        double sum = 1, sb = 0, sc = 0, sz = 0;
        if (z == 0) {
            out[0] = 1;
            out[1] = 0;
            out[2] = 0;
            out[3] = b / c;
            return;
        }
        double term = 1, hb = 0, hc = 0;
        double tailFactor = 1 / ((1 - z) * (1 - z));
        for (int k = 0; k < MAX_UNIT_TERMS; k++) {
            term *= (b + k) / (c + k) * z;
            hb += 1 / (b + k);
            hc += 1 / (c + k);
            sum += term;
            sb += term * hb;
            sc -= term * hc;
            sz += (k + 1) * term;
            if (term * (k + 1 + hb + hc) * tailFactor <= EPS * sum) {
                out[0] = sum;
                out[1] = sb;
                out[2] = sc;
                out[3] = sz / z;
                return;
            }
        }
        throw new ArithmeticException("2F1(1, b; c; z) series did not converge for b=" + b + ", c=" + c + ", z=" + z);
    }
}
