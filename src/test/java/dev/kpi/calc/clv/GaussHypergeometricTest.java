package dev.kpi.calc.clv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GaussHypergeometricTest {
    @Test void closedForms() {
        // 2F1(1, 1; 2; z) = −ln(1 − z) / z
        for (double z : new double[] {-0.9, -0.3, 0.1, 0.5, 0.9, 0.99}) {
            assertEquals(-Math.log1p(-z) / z, GaussHypergeometric.value(1, 1, 2, z), 1e-13, "z=" + z);
        }
        // 2F1(a, b; b; z) = (1 − z)^(−a)
        assertEquals(Math.pow(1 - 0.7, -2.5), GaussHypergeometric.value(2.5, 3.1, 3.1, 0.7), 1e-11);
        // 2F1(1/2, 1; 3/2; −z²) = atan(z) / z
        assertEquals(Math.atan(0.8) / 0.8, GaussHypergeometric.value(0.5, 1, 1.5, -0.64), 1e-14);
        // a polynomial when a is a non-positive integer: 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
        double b = 1.3, c = 2.2, z = 0.4;
        assertEquals(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)),
                GaussHypergeometric.value(-2, b, c, z), 1e-15);
    }

    @Test void eulerTransformationAgrees() {
        // 2F1(a, b; c; z) = (1 − z)^(c − a − b) 2F1(c − a, c − b; c; z), the identity the models rely on
        double a = 20.24, b = 22.43, c = 42.2, z = 0.45;
        double direct = GaussHypergeometric.value(a, b, c, z);
        double euler = Math.pow(1 - z, c - a - b) * GaussHypergeometric.value(c - a, c - b, c, z);
        assertEquals(direct, euler, 1e-11 * direct);
    }

    @Test void unitSeriesAndItsDerivatives() {
        double b = 2.3, c = 4.1, z = 0.6;
        double[] out = new double[4];
        GaussHypergeometric.unitSeries(b, c, z, out);
        assertEquals(GaussHypergeometric.value(1, b, c, z), out[0], 1e-14);
        double h = 1e-6;
        assertEquals((GaussHypergeometric.value(1, b + h, c, z) - GaussHypergeometric.value(1, b - h, c, z)) / (2 * h), out[1], 1e-8);
        assertEquals((GaussHypergeometric.value(1, b, c + h, z) - GaussHypergeometric.value(1, b, c - h, z)) / (2 * h), out[2], 1e-8);
        assertEquals((GaussHypergeometric.value(1, b, c, z + h) - GaussHypergeometric.value(1, b, c, z - h)) / (2 * h), out[3], 1e-8);
        // z = 0: G = 1, ∂G/∂z = b / c
        GaussHypergeometric.unitSeries(b, c, 0, out);
        assertEquals(1.0, out[0]);
        assertEquals(b / c, out[3], 1e-15);
        // terms falling like k^−1.1 near z = 1 would need far more than the cap: an error, not a wrong value
        assertThrows(ArithmeticException.class, () -> GaussHypergeometric.unitSeries(0.5, 1.6, 1 - 1e-9, new double[4]));
    }

    @Test void outsideTheDiscIsAnError() {
        assertThrows(ArithmeticException.class, () -> GaussHypergeometric.value(1, 1, 2, 1.0));
        assertThrows(ArithmeticException.class, () -> GaussHypergeometric.value(1, 1, -2, 0.5));
    }
}
