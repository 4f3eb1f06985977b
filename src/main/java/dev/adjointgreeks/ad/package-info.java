/**
 * Reverse-mode automatic differentiation: the chain rule lives here and nowhere else.
 *
 * <p>{@link dev.adjointgreeks.ad.Tape} records every operation of a program on {@link dev.adjointgreeks.ad.Adj}
 * scalars into arrays (no node objects) and sweeps them backwards once, giving the derivative of one
 * output with respect to every input. {@link dev.adjointgreeks.ad.Block} on
 * {@link dev.adjointgreeks.ad.BlockTape} records one node per operation for a whole block of paths
 * (lanes): values that are the same on every lane are held once, the others as lane arrays, and the
 * backward sweep runs once per block in loops the JIT vectorises. {@link dev.adjointgreeks.ad.Dual} is
 * forward mode (dual numbers). All of them implement commons-math3 {@code RealFieldElement}, so
 * field-generic code (pricers, networks, commons-math3's own) runs on them unchanged, as it does on
 * {@code Decimal64} and {@code DerivativeStructure}. {@link dev.adjointgreeks.ad.Fn} adds what pricers
 * and networks need: {@code max}, {@code min}, branch-free {@code select}, the normal CDF and density,
 * {@code erf}, {@code sigmoid}, {@code softplus}, {@code tanh}, {@code relu}, weighted sums as one node.
 *
 * <p><b>Each derivative rule written once.</b> {@link dev.adjointgreeks.ad.Unary},
 * {@link dev.adjointgreeks.ad.Binary} and {@link dev.adjointgreeks.ad.Special} give every
 * operation's value, first and second partials on doubles, side by side. {@code Adj} records the
 * partial, {@code Dual} takes one chain-rule step, {@code Block} maps the rule lane by lane (with
 * its curvature for second order) and {@code BlockProgram} replays it. Only the block scalar's hot
 * lane loops (sums, products, constants, {@code sqrt}, {@code exp}, {@code log}, max/min/select)
 * are written out, for the JIT; {@code RulesConsistencyTest} holds every scalar and every such loop
 * to the rules, edges included; the lane decisions of max/min/select are branch-free
 * ({@code LaneChoice}: a kink splits a block's lanes at random, and a compare
 * per lane mispredicted on half of them). {@code Fn} is one line per function with no type ladder: it asks the
 * value for its {@link dev.adjointgreeks.ad.Ops} (this package's scalars are their own; values of
 * other fields get {@code Ops.foreign}: {@code Decimal64} the double rule, {@code DerivativeStructure}
 * the closed-form series, any other field a composition of its own operations).
 *
 * <p><b>Second order.</b> A {@link dev.adjointgreeks.ad.BlockTape} told to
 * {@code recordCurvature} keeps, beside each local partial, how it moves with the operands (each
 * operation's second derivatives, from its rule, or, for the n-ary nodes and the written-out loops,
 * next to the first in {@code Block} and {@code BlockOps});
 * {@link dev.adjointgreeks.ad.TangentAdjoint} then carries tangent directions through one forward
 * and one reverse sweep (tangent-over-adjoint): the gradient and one Hessian row per direction,
 * per lane. Checked against {@code DerivativeStructure} of order 2 on random programs.
 *
 * <p><b>Record once, replay per block.</b> The Monte Carlo engines record a trade's path section on
 * its first block as a {@link dev.adjointgreeks.ad.BlockProgram} and replay it on every later one
 * (the default; {@code -Dadjointgreeks.replay=false} records every block): the same numbers to the
 * last bit, nothing allocated per block (benchmarks/results/2026-12-06-late.md).
 *
 * <p><b>Monte Carlo reuse of a tape.</b> Register the inputs, record the setup (drifts, Cholesky
 * factor), take {@code int mark = tape.mark()}; per path record the payoff and call
 * {@code tape.sweepPath(y, weight, mark)} (seed, sweep back to the mark, rewind: memory stays flat);
 * at the end {@code tape.backward(0)} carries the accumulated adjoints through the setup into the
 * inputs. A tape belongs to one thread; generation stamps refuse a scalar used after a rewind or on
 * another tape.
 *
 * <p><b>Edge conventions.</b> {@code sqrt'(0) = +inf}, {@code log'(0) = +inf}, {@code abs'(0) = 0},
 * {@code max(x, y)} at {@code x == y} takes the derivative of {@code x}, {@code d/dy 0^y = 0} for
 * {@code y > 0}, a product with a passive zero is passive. In the backward sweep a zero adjoint
 * contributes nothing, so {@code 0 * inf} never turns a path's sensitivities into NaN, and a NaN in
 * one output never reaches the adjoints of another. The block sweeps keep this by checking per-lane
 * partials finite before the plain loop; the replay's sweep instead multiplies unchecked and redoes a
 * block with the checks when a NaN reaches the setup ({@code BlockTape.optimisticSweep}): the same
 * bits, without the checks' cost on kinked payoffs, whose out-of-the-money lanes are zero at every
 * node (Heston's adjoint 21.5 -> 16 ms, benchmarks/results/2026-12-07.md).
 *
 * <p>This package depends on nothing else in the project.
 */
package dev.adjointgreeks.ad;
