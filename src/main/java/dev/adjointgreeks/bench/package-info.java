/**
 * The benchmark cases behind {@code greeks bench} and the JMH project under {@code benchmarks/}:
 * each case prices the same thing several ways on the same random numbers and returns numbers that
 * depend on all its work. The LIBOR case lives here with the others: benchmarks use the models, a
 * model package never depends on its benchmarks.
 */
package dev.adjointgreeks.bench;
