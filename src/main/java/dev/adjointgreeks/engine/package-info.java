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
 * Compare is built from the adjoint, bump and analytic parts, not a fourth copy of them.
 *
 * <p>Depends on ad, mc, model, product and closedform; knows nothing of files, the command line or
 * executors.
 */
package dev.adjointgreeks.engine;
