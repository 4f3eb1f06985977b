package dev.adjointgreeks.engine;

import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.spec.Role;

/**
 * One sensitivity of a trade, as a value: an input (block and element) for first order, a pair of
 * inputs for second order. From it alone come its column name, its sign convention, its bump plan
 * and its standard-error column; the adjoint, bump, analytic and compare engines and the output
 * columns all read them here ({@link GreekCatalogue} lists a trade's Greeks).
 */
public sealed interface Greek {

    /** The second-order Greeks' names: the only Greek names not derived from a {@link Role}. */
    String GAMMA = "gamma";
    String VANNA = "vanna";
    String VOLGA = "volga";

    /** The output column, e.g. {@code delta}, {@code vega_2}, {@code d_corr_1_2}, {@code gamma_1_2}, {@code vanna}. */
    String column();

    /** The column of its Monte Carlo standard error. */
    default String stderrColumn() {
        return column() + "_stderr";
    }

    /**
     * The name that selects it with {@code --greeks} together with its siblings: the column
     * without its asset indices ({@code delta} for {@code delta_2}, {@code gamma} for {@code gamma_1_2}).
     */
    String family();

    /** Reported value = sign x partial derivative (theta = -dV/dT, everything else +1). */
    double sign();

    /**
     * {@code dV / d input}, with {@code input} the flat index of element {@code element} of
     * {@code block} in the pricing problem.
     */
    record FirstOrder(InputBlock block, int element, int input) implements Greek {
        @Override
        public String column() {
            return familyOf(block) + block.suffix(element);
        }

        @Override
        public String family() {
            // a per-asset curve's bucket (dividend_curve_2) belongs to its curve's family, d_dividend_curve
            return block.role().curve() ? GreekCatalogue.family(column()) : familyOf(block);
        }

        @Override
        public double sign() {
            return block.role().greekSign();
        }

        /** The bump of bump-and-revalue: the run's bump size for the input's value. */
        public double bump(RunSettings s, double value) {
            return s.bumpFor(value);
        }
    }

    /**
     * {@code d^2 V / d a d b}: gamma ({@code a = b} a spot, named {@code gamma} for one asset and
     * {@code gamma_i_j} for several), vanna (spot and vol) or volga (vol twice).
     */
    record SecondOrder(InputBlock blockA, int elementA, int inputA, InputBlock blockB, int elementB, int inputB)
            implements Greek {
        @Override
        public String column() {
            boolean spotA = blockA.role() == Role.SPOT;
            boolean spotB = blockB.role() == Role.SPOT;
            if (spotA && spotB) {
                return blockA.size() == 1 ? GAMMA
                        : GAMMA + "_" + (elementA + 1) + "_" + (elementB + 1);
            }
            return spotA || spotB ? VANNA : VOLGA;
        }

        @Override
        public String family() {
            String c = column();
            return c.startsWith(GAMMA) ? GAMMA : c;
        }

        @Override
        public double sign() {
            return 1.0;
        }

        /** The second-order bump of input {@code a} or {@code b}: spots relative, vols absolute. */
        public static double bump(InputBlock block, RunSettings s, double value) {
            return block.role().relativeBump() ? s.spotBump2() * value : s.volBump2();
        }

        /** Whether it is the second derivative in one spot (a gamma's diagonal). */
        public boolean isSpotDiagonal() {
            return inputA == inputB && blockA.role() == Role.SPOT;
        }
    }

    /**
     * The parallel sensitivity to a curve, {@code rho} or {@code dividend_rho}: the sum of the
     * partial derivatives in each pillar of {@code block}, whose flat indices are {@code inputs}.
     * A linear functional of per-path values, so its standard error comes with it.
     */
    record Parallel(InputBlock block, int[] inputs) implements Greek {
        /**
         * {@code rho}, {@code dividend_rho}, {@code vega} (a surface's quotes); a per-asset curve's
         * ({@code dividend_curve_2}) {@code dividend_rho_2}.
         */
        @Override
        public String column() {
            String family = block.greekFamily();
            for (String bucketed : GreekCatalogue.BUCKET_FAMILIES) {
                if (family.startsWith(bucketed)) {
                    family = family.substring(bucketed.length());
                }
            }
            return block.role().parallel().greekFamily(null) + family;
        }

        @Override
        public String family() {
            return block.role().parallel().greekFamily(null);
        }

        @Override
        public double sign() {
            return 1.0;
        }
    }

    /** The Greek name of an input block: its role's ({@code delta}, {@code theta}), or {@code d_} and its name. */
    static String familyOf(InputBlock block) {
        return block.greekFamily();
    }
}
