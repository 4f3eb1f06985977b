/**
 * Trades to prices and Greeks. A {@link dev.adjointgreeks.engine.Trade} (product, model, run
 * settings) goes to the {@link dev.adjointgreeks.engine.PricingEngine} of its
 * {@link dev.adjointgreeks.engine.Method}: one class per method (adjoint, bump, analytic, compare),
 * chosen in one place, {@code PricingEngine.of}. {@link dev.adjointgreeks.engine.GreeksEngine} is
 * the entry point for single trades and for a trade's market scenarios, so the batch and scenario
 * paths run the same engines.
 *
 * <p>The two Monte Carlo methods share {@code MonteCarloEngine}: each only adds its evaluators and
 * outputs to a {@code Plan}, where every reported number is a linear functional of per-path values;
 * standard errors, compare z-scores and scenario P&amp;L (common random numbers) follow from that.
 * A standard error below 1e-12 times |value| is written as 0: a 0 means exact to rounding.
 * Compare is built from the adjoint, bump and analytic parts, not a fourth copy of them.
 *
 * <p>Depends on ad, mc, model, product and closedform; knows nothing of files, the command line or
 * executors.
 *
 * <ul>
 * <li><b>adjoint</b>: one sweep gives every first-order Greek. Second order (gamma, cross gammas,
 * vanna, volga): where the trade's estimator is smooth path by path
 * ({@code PricingProblem.smoothPathwise}: a model with smooth paths and a conditioned payoff, the
 * European, digital and barrier over the last step, the Asian on the terminal normal, the basket on
 * the one normal that moves every asset), by tangent-over-adjoint in the same sweep
 * ({@code HessianEvaluator}): exact pathwise second derivatives, unbiased, their standard error the
 * sampling error alone. Elsewhere (Heston's truncated variance, local vol's piecewise-linear grid,
 * a knock-out rebate's discounting from the step of the hit, kinked payoffs) by central differences of adjoint gradients on common
 * random numbers, spot bumped by 1% (relative) and vol by 0.01 (absolute), whose bias of order
 * bump squared is estimated from the same paths at half the bump: the reported standard error
 * includes it, and the value is the Richardson combination where that has the smaller total error
 * ({@code SecondOrderError}). {@code SecondOrderMethod.DIFFERENCES} asks for differences everywhere
 * (the comparison).</li>
 * <li><b>bump</b>: central differences of the same generic pricer on the passive scalar, on common
 * random numbers.</li>
 * <li><b>analytic</b>: the closed form on commons-math3 derivative structures of order 2 (exact
 * derivatives of the formula); Heston by central differences of its Fourier price.</li>
 * <li><b>compare</b>: adjoint and bump on the same paths, each difference as a z-score against the
 * standard error of the per-path difference, beside the analytic value.</li>
 * </ul>
 *
 * <p>{@link dev.adjointgreeks.engine.GreekCatalogue} is the one place that decides which Greeks a trade
 * has; {@link dev.adjointgreeks.engine.ModelTypes} maps a scenario's model word to its factories and
 * closed forms.
 */
package dev.adjointgreeks.engine;
