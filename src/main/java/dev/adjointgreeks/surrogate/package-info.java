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
 * <p>Pricing goes through the batch pipeline of {@code greeks price}
 * ({@link dev.adjointgreeks.surrogate.SurrogateExecutor}): same readers, rejections and columns;
 * {@code _stderr} cells are empty, since a network has no sampling error. A row whose terms differ
 * from the trained trade, or outside the trained domain (unless {@code --allow-extrapolation}), is
 * rejected naming the field. Specs are scenario JSON documents of one trade with a {@code surrogate}
 * object ({@code vary}, {@code labels}, {@code antithetic}, {@code hidden}, {@code test}); model files
 * are JSON of kind {@code adjoint-greeks-surrogate}, version 1, loaded strictly and written
 * atomically. Measurements: {@code benchmarks/results/surrogate.md}.
 */
package dev.adjointgreeks.surrogate;
