/**
 * Surrogate pricing networks (Huge and Savine, "Differential Machine Learning", 2020): a network that
 * prices one trade across a domain of its inputs, trained on simulated payoffs and their pathwise
 * derivatives.
 *
 * <p>Per sample the varying inputs are drawn from their domain, the trade's own pricing problem records
 * one antithetic pair of paths on the tape, and one sweep gives the discounted payoff and its
 * derivative with respect to every input. Their conditional expectations are the price and its
 * gradient, so the training set costs about one Monte Carlo price. Training follows Huge and Savine's
 * defaults (4 x 20 softplus, Adam, a one-cycle learning rate, 100 epochs) with the loss
 * {@code alpha MSE(values) + beta MSE(lambda_j derivatives_j)}; the network's input gradient is
 * backpropagation recorded and differentiated once more: on the block scalar with a chunk of samples
 * as lanes and the parameters uniform ({@code --gradient lanes}, the default: one recorded node per
 * operation per chunk, 3 to 4 times faster than the per-path tape), on the per-path tape
 * ({@code --gradient tape}), or by the same second pass written by hand ({@code --gradient twin}); all
 * three equal to rounding. Each batch's gradient is
 * summed over four fixed chunks, so results are bit-identical on any number of threads.
 *
 * <p>Second-order labels ({@code --second-order-labels}, off by default) add each sample's pathwise
 * {@code d2 y / dx_0^2} (gamma for a spot) by tangent-over-adjoint on the block scalar, and the loss a
 * term {@code w mean((lambda2 (d2yhat/dx_0^2 - c))^2)}, {@code w = 0.2/(1+n)}, the network's second
 * derivative by two forward input tangents. They need a payoff smooth path by path, so the labels
 * take the payoff as priced (conditioned), never {@code pathwise()}: the kinked payoff's second
 * derivative is zero almost everywhere and misses gamma. Measured on bs-call
 * ({@code benchmarks/results/2026-12-06-surrogate-gamma.md}, 1,024 and 8,192 samples, several
 * seeds): on the same labels the network's gamma error falls by 29-50% (23-87% at weight 0.5), also
 * against first-order training for three times the epochs; delta mostly improves; the price does not
 * at equal time on noisy labels. It stays an option: it trains on the conditioned estimator rather
 * than the simulated payoff (for bs-call's one exact step, the closed form), triples training time,
 * has no hand-written twin, and on a digital it did not clearly help.
 *
 * <p>Pricing goes through the batch pipeline of {@code greeks price}
 * ({@link dev.adjointgreeks.surrogate.SurrogateExecutor}): same readers, rejections and columns;
 * {@code _stderr} cells are empty, since a network has no sampling error. A row whose terms differ
 * from the trained trade, or outside the trained domain (unless {@code --allow-extrapolation}), is
 * rejected naming the field. Specs are scenario JSON documents of one trade with a {@code surrogate}
 * object ({@code vary}, {@code labels}, {@code antithetic}, {@code hidden}, {@code test}); model files
 * are JSON of kind {@code adjoint-greeks-surrogate}, version 1, loaded strictly (every key present
 * but {@code training.second_order}, written only when used) and written atomically. Measurements: {@code benchmarks/results/surrogate.md}.
 */
package dev.adjointgreeks.surrogate;
