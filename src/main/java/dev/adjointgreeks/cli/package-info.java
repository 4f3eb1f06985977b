/**
 * The {@code greeks} command line (picocli), the only package that knows picocli. One file per
 * command and subcommand; each is a thin shell that parses options, checks output paths before any
 * work (a bad one is exit 2, not a lost run) and calls the library. Options that two commands share
 * are mixins ({@code OutputOptions}: {@code --out}, {@code --format}; {@code ReaderOptions}:
 * {@code --ignore-unknown-columns}), so they are spelled, checked and documented once.
 *
 * <p>Commands: {@code price}, {@code bench}, {@code bench-report}, {@code nn}, {@code surrogate} and
 * {@code demo}. Exit codes: 0 ok, 1 internal error, 2 usage or file-level input error, 3 rows rejected.
 */
package dev.adjointgreeks.cli;
