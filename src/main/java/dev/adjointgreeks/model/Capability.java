package dev.adjointgreeks.model;

/**
 * What a model's paths offer beyond spots in price units and a discount factor. A product states
 * the capabilities it needs ({@code Product.checkModel}); a model lists the ones it has. No product
 * asks which model it is.
 */
public enum Capability {
    /** {@link PathModel.PathGenerator#logSpot}: spots are positive and their logarithms are states. */
    LOG_SPOTS("log-spots (positive prices)"),
    /**
     * {@link PathModel.PathGenerator#stepVariance}: the log-spot is Brownian with a constant
     * variance per step, so a Brownian bridge between dates is exact (barrier monitoring).
     */
    LOGNORMAL_STEPS("lognormal steps"),
    /**
     * Any step size is exact in distribution (no discretisation bias), so a product may simulate
     * only its own dates (Asian fixings).
     */
    EXACT_STEPS("steps exact in distribution"),
    /**
     * {@link PathModel.PathGenerator#lastStep}: given the state one step before the horizon, the
     * final coordinate (log-spot, or spot in price units) is normal with known mean and deviation.
     * Conditional expectations over the last step (the unbiased digital) need it.
     */
    NORMAL_LAST_STEP("a normal last step"),
    /**
     * {@link PathModel.PathGenerator#stepVariance(int, int)}: within each step the log-spot is
     * Brownian with that step's own variance on each path (log-Euler with the local vol at the
     * step's start), so a Brownian bridge per step and path is exact for the scheme (barrier
     * monitoring under local vol).
     */
    LOCAL_STEP_VARIANCE("a lognormal variance per step and path"),
    /**
     * Paths are discretised on the product's step count, which may be any multiple of its dates:
     * a product with dates (Asian fixings) may simulate steps between them.
     */
    STEPS_BETWEEN_DATES("time steps between a product's dates"),
    /**
     * {@link PathModel.PathGenerator#terminal}: the log-spot is a Brownian motion with drift and a
     * constant variance per step, and the law of the final log-spot given today's is known, so a
     * path splits into its terminal normal and an independent Brownian bridge (the conditioned Asian).
     */
    BROWNIAN_LOG_SPOT("a Brownian log-spot with a known terminal law"),
    /**
     * The inputs {@code spot, vol, rate, dividend} are a flat Black-Scholes market: closed forms
     * of that market (the geometric Asian control variate) apply.
     */
    BLACK_SCHOLES_MARKET("a Black-Scholes market"),
    /**
     * Every path is a smooth function of every input: no truncation (Heston's variance), no
     * piecewise-linear table (local vol), so a payoff that is smooth path by path has unbiased
     * pathwise second derivatives (tangent-over-adjoint gamma, vanna and volga).
     */
    SMOOTH_PATHS("paths smooth in every input"),
    /**
     * {@link PathModel.PathGenerator#lastStepLoadings}: the last step of every asset is a linear map of
     * the step's own normals with loadings known at setup, so a basket's last step can be conditioned
     * on one normal that moves every asset (the conditioned basket).
     */
    JOINT_NORMAL_LAST_STEP("a jointly normal last step with known loadings");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
