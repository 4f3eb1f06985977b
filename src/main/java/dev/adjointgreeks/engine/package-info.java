/**
 * Trades, run settings, the model registry, the Greek catalogue and the engines that turn a trade
 * into its price and Greeks.
 *
 * <ul>
 * <li><b>adjoint</b>: one sweep gives every first-order Greek; second order (gamma, cross gammas,
 * vanna, volga) by central differences of adjoint gradients on common random numbers, spot bumped by
 * 1% (relative) and vol by 0.01 (absolute), with a bias of order bump squared.</li>
 * <li><b>bump</b>: central differences of the same generic pricer on the passive scalar, on common
 * random numbers.</li>
 * <li><b>analytic</b>: the closed form on commons-math3 derivative structures of order 2 (exact
 * derivatives of the formula); Heston by central differences of its Fourier price.</li>
 * <li><b>compare</b>: adjoint and bump on the same paths, each difference as a z-score against the
 * standard error of the per-path difference, beside the analytic value.</li>
 * </ul>
 *
 * <p>{@link dev.adjointgreeks.engine.Plan} makes every reported number a linear functional of per-path
 * values, so standard errors, compare z-scores, market scenarios on common random numbers and second
 * differences all come out the same way. {@link dev.adjointgreeks.engine.GreekCatalogue} is the one
 * place that decides which Greeks a trade has; {@link dev.adjointgreeks.engine.ModelTypes} maps a
 * scenario's model word to its factories and closed forms.
 */
package dev.adjointgreeks.engine;
