package dev.adjointgreeks.scenario;

import java.io.Serializable;

/**
 * A JSON scenario file's {@code settings}, typed strictly: what a file says about its own run.
 * A null field: the file does not say. The command line takes precedence over all of them.
 */
public record FileSettings(Long paths, Long seed, Boolean antithetic, Boolean sobol) implements Serializable {

    public static final FileSettings NONE = new FileSettings(null, null, null, null);
}
