package dev.adjointgreeks.crif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.curve.Pillar;

class SimmAllocationTest {

    private static final double EPS = Math.ulp(1.0);

    private static double[] one(String pillar, double amount) {
        return SimmAllocation.allocate(new double[] {Pillar.parse("c", pillar).years()}, new double[] {amount});
    }

    private static double[] at(SimmTenor a, double x, SimmTenor b, double y) {
        double[] r = new double[12];
        r[a.ordinal()] += x;
        r[b.ordinal()] += y;
        return r;
    }

    @Test
    void theTwelveTenorsAndTheirLabels() {
        assertEquals(List.of("2w", "1m", "3m", "6m", "1y", "2y", "3y", "5y", "10y", "15y", "20y", "30y"),
                Arrays.stream(SimmTenor.values()).map(SimmTenor::label).toList());
        assertEquals(14.0 / 365, SimmTenor.W2.years(), 0.0);
        assertEquals(1.0 / 12, SimmTenor.M1.years(), 0.0);
        assertEquals(0.25, SimmTenor.M3.years(), 0.0);
        assertEquals(30.0, SimmTenor.Y30.years(), 0.0);
        for (SimmTenor t : SimmTenor.values()) {
            assertEquals(t, SimmTenor.ofLabel(t.label()));
        }
        assertThrows(IllegalArgumentException.class, () -> SimmTenor.ofLabel("2Y"));
    }

    @Test
    void aPillarBetweenTwoTenorsIsSplitLinearlyInTime() {
        assertArrayEquals(at(SimmTenor.Y3, 50, SimmTenor.Y5, 50), one("4Y", 100), 1e-13);
        assertArrayEquals(at(SimmTenor.Y5, 60, SimmTenor.Y10, 40), one("7Y", 100), 1e-13);
        // 9M: halfway from 6m to 1y; 18M: halfway from 1y to 2y; 0.125: a quarter of the way from 1m to 3m
        assertArrayEquals(at(SimmTenor.M6, -5, SimmTenor.Y1, -5), one("9M", -10), 1e-15);
        assertArrayEquals(at(SimmTenor.Y1, 1.5, SimmTenor.Y2, 1.5), one("18M", 3), 1e-15);
        double w = (0.125 - 1.0 / 12) / (0.25 - 1.0 / 12);
        assertArrayEquals(at(SimmTenor.M1, (1 - w) * 8, SimmTenor.M3, w * 8), one("0.125", 8), 1e-15);
        assertEquals(0.25, w, 1e-15);
    }

    @Test
    void aPillarOnATenorMapsToItAlone() {
        for (SimmTenor t : SimmTenor.values()) {
            String word = t.label().toUpperCase(java.util.Locale.ROOT);
            double[] r = one(word, 7.0);
            for (SimmTenor u : SimmTenor.values()) {
                assertEquals(u == t ? 7.0 : 0.0, r[u.ordinal()], 0.0, word + " -> " + u.label());
            }
        }
        assertEquals(7.0, one("0.25", 7.0)[SimmTenor.M3.ordinal()], 0.0, "a year fraction on 3m");
        assertEquals(7.0, one("12M", 7.0)[SimmTenor.Y1.ordinal()], 0.0);
    }

    @Test
    void beyondTheEndsAllGoesToTheEndTenor() {
        assertArrayEquals(at(SimmTenor.W2, 3, SimmTenor.W2, 0), one("1D", 3), 0.0);
        assertArrayEquals(at(SimmTenor.W2, 3, SimmTenor.W2, 0), one("1W", 3), 0.0);
        assertArrayEquals(at(SimmTenor.Y30, 3, SimmTenor.Y30, 0), one("40Y", 3), 0.0);
        assertArrayEquals(at(SimmTenor.Y30, 3, SimmTenor.Y30, 0), one("50", 3), 0.0);
    }

    @Test
    void theAllocationConservesTheTotalAndTouchesAtMostTwoNeighbours() {
        SplittableRandom rng = new SplittableRandom(19);
        for (int k = 0; k < 500; k++) {
            int n = 1 + rng.nextInt(20);
            double[] t = new double[n];
            double[] a = new double[n];
            double total = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                t[i] = Math.exp(rng.nextDouble(Math.log(1.0 / 365), Math.log(60)));
                a[i] = rng.nextDouble(-1000, 1000);
                total += a[i];
                size += Math.abs(a[i]);
                double[] single = SimmAllocation.allocate(new double[] {t[i]}, new double[] {a[i]});
                int first = -1;
                int count = 0;
                for (int j = 0; j < 12; j++) {
                    if (single[j] != 0.0) {
                        first = first < 0 ? j : first;
                        count++;
                        assertTrue(j - first <= 1, "neighbouring tenors only, t = " + t[i]);
                        assertTrue(Math.signum(single[j]) == Math.signum(a[i]), "weights in [0, 1]");
                    }
                }
                assertTrue(count >= 1 && count <= 2);
            }
            double allocated = Arrays.stream(SimmAllocation.allocate(t, a)).sum();
            // each pillar's two parts sum to it within one rounding; the sums' own rounding on top
            assertEquals(total, allocated, 4 * (n + 12) * EPS * size, "trial " + k);
        }
    }

    @Test
    void refusesWhatIsNotATime() {
        assertThrows(IllegalArgumentException.class, () -> SimmAllocation.allocate(new double[] {0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SimmAllocation.allocate(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> SimmAllocation.allocate(new double[] {Double.NaN}, new double[] {1}));
    }
}
