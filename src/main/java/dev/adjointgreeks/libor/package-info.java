/**
 * The LIBOR market model and its swaption book: Giles and Glasserman's "Smoking Adjoints" case
 * (Risk, 2006), a model and a product of the framework like any other.
 *
 * <p>80 forward rates of 5% and volatilities {@code lambda_k = 0.2}, accrual {@code delta = 0.25}, one
 * factor, spot measure, 40 log-Euler steps; 15 payer swaptions expiring at step 40 on swaps of 4, 8,
 * 20, 28 and 40 periods at strikes 4.5%, 5%, 5.5%, notional 100. The 161 sensitivities (80 initial
 * rates, 80 volatilities and the accrual) come from one sweep per block of paths.
 *
 * <ul>
 * <li>{@link dev.adjointgreeks.libor.LiborMarket} is a path model with input blocks
 * {@code forward_rate[80]}, {@code lambda[80]} and {@code accrual}; its numeraire, the discretely
 * compounded spot account, depends on the path. {@link dev.adjointgreeks.libor.SwaptionPortfolio} is a
 * product with no inputs of its own.</li>
 * <li>Every pricer carries {@code u_i = log(delta L_i)}: {@code delta L_i} is all the drift, the bonds and
 * the numeraire use, and in its logarithm a step is
 * {@code v += lambda_k sigmoid(u_i); u_i += delta lambda_k v + lambda_k sqrt(delta) z - delta lambda_k^2 / 2},
 * three tape nodes per rate and step (the {@code L_i} form records eight). The primal floor
 * ({@link dev.adjointgreeks.libor.LiborPrimal}) and the hand-written adjoint
 * ({@link dev.adjointgreeks.libor.LiborHandAdjoint}, Giles' reverse recursion extended to the
 * volatilities and the accrual) use the same variables, so every ratio compares like with like.</li>
 * <li>The engine's block width is the largest power of two up to 128 whose block fits 6 MB of tape:
 * 32 paths for this book.</li>
 * </ul>
 * Measurements: {@code benchmarks/results/libor.md}.
 */
package dev.adjointgreeks.libor;
