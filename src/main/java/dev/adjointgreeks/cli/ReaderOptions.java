package dev.adjointgreeks.cli;

import picocli.CommandLine.Option;

/** How {@code greeks price} and {@code greeks surrogate price} read scenario files: a picocli mixin. */
final class ReaderOptions {

    @Option(names = "--ignore-unknown-columns", description = "Skip columns (JSON keys) the reader does not know.")
    boolean ignoreUnknownColumns;
}
