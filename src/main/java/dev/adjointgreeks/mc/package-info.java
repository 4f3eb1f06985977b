/**
 * Monte Carlo: pricing problems, random streams, Sobol points with a Brownian bridge, evaluators and
 * the block runner.
 *
 * <p>A {@link dev.adjointgreeks.mc.PricingProblem} is a trade as a function from inputs to a discounted
 * payoff per path. Evaluators run it on the block scalar (adjoint and passive) or, as references, on
 * the per-path tape. Paths run in blocks whose size depends only on the number of paths; block
 * {@code b} draws from XoRoShiRo128++ seeded by (trade seed, b), and blocks are combined in order, so
 * a seed gives the same numbers, to the last bit, on any number of threads. Each worker has its own
 * tape with the same inputs and setup; input adjoints are summed at the end.
 *
 * <p>Standard errors come from per-path values; from pair means with antithetic variates; from 16
 * randomisations with Sobol points; and from block means for gradients that pass through a large
 * setup section (many-asset Cholesky factors), where sweeping the setup per path would cost more
 * than the path. An adjoint evaluator widens its lanes by up to a quarter to take a whole block
 * (10,000 paths: one block of 157 lanes, not 128 + 29). Blocks smaller than half a lane block
 * (2,000 paths: 32 samples) run several to one lane block: the lanes are independent, so each
 * block's per-sample statistics are the same to the last bit, and a node's fixed cost is shared by
 * four times the lanes (the 1,200-trade portfolio at 2,000 paths used about half the CPU,
 * benchmarks/results/2026-12-06-replay-fusion.md). Gradients known per block only keep their
 * blocks apart by segmented sums ({@link dev.adjointgreeks.mc.Evaluator#endBlocks}): each block's
 * lanes of every setup node are summed into one lane, and one lane-by-lane sweep of the setup on
 * as many lanes as blocks gives each block's sums (equal to the separate runs to rounding; the
 * conditioned basket-10 at 2,000 paths with second order: 77 -> 35 ms, 2026-12-06-night.md).
 */
package dev.adjointgreeks.mc;
