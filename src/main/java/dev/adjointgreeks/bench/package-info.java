/**
 * Benchmark cases shared by {@code greeks bench} and the JMH project under {@code benchmarks/}: the
 * hand-written primal loops ({@link dev.adjointgreeks.bench.PrimalKernels}, the floor every ratio is
 * taken against, normals included), the generic pricers on each scalar type, and the engine end to
 * end. Every method of a case runs on the same seed and normals, and ratios are reported from the
 * same run. Results: {@code benchmarks/results/}.
 *
 * <p>The LIBOR case lives here with the others: benchmarks use the models, a model package never
 * depends on its benchmarks.
 */
package dev.adjointgreeks.bench;
