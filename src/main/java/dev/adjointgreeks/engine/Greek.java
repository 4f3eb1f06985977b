package dev.adjointgreeks.engine;

import dev.adjointgreeks.model.InputBlock;

/**
 * One sensitivity of a trade, as a value: an input (block and element) for first order, a pair of
 * inputs for second order. From it alone come its column name, its sign convention, its bump plan
 * and its standard-error column; the adjoint, bump, analytic and compare engines and the output
 * columns all read them here ({@link GreekCatalogue} lists a trade's Greeks).
 */
public sealed interface Greek {

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
            return familyOf(block);
        }

        @Override
        public double sign() {
            return block.name().equals("maturity") ? -1.0 : 1.0;
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
            boolean spotA = blockA.name().equals("spot");
            boolean spotB = blockB.name().equals("spot");
            if (spotA && spotB) {
                return blockA.size() == 1 ? "gamma"
                        : "gamma_" + (elementA + 1) + "_" + (elementB + 1);
            }
            return spotA || spotB ? "vanna" : "volga";
        }

        @Override
        public String family() {
            String c = column();
            return c.startsWith("gamma") ? "gamma" : c;
        }

        @Override
        public double sign() {
            return 1.0;
        }

        /** The second-order bump of input {@code a} or {@code b}: spots relative, vols absolute. */
        public static double bump(InputBlock block, RunSettings s, double value) {
            return block.name().equals("spot") ? s.spotBump2() * value : s.volBump2();
        }
    }

    /**
     * The Greek name of an input block: {@code spot} delta, {@code vol} vega, {@code rate} rho,
     * {@code dividend} dividend_rho, {@code maturity} theta, any other {@code x} {@code d_x}.
     */
    static String familyOf(InputBlock block) {
        switch (block.name()) {
            case "spot": return "delta";
            case "vol": return "vega";
            case "rate": return "rho";
            case "dividend": return "dividend_rho";
            case "maturity": return "theta";
            default: return "d_" + block.name();
        }
    }
}
