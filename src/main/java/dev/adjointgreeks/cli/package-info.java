/**
 * The {@code greeks} command line (picocli): {@code price}, {@code bench}, {@code bench-report},
 * {@code nn}, {@code surrogate} and {@code demo}. Commands parse options, check output paths before any
 * work and map outcomes to exit codes (0 ok, 2 usage or file-level input error, 3 rows rejected,
 * 1 internal error); the work itself is done by the batch API and the packages below. Only this
 * package uses picocli.
 */
package dev.adjointgreeks.cli;
