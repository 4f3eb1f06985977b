/**
 * The vocabulary models and products describe themselves with, below every concrete model,
 * product and reader: a {@link dev.adjointgreeks.spec.Descriptor} (a word and its
 * {@link dev.adjointgreeks.spec.Input fields}), each field's {@link dev.adjointgreeks.spec.Input.Shape shape},
 * {@link dev.adjointgreeks.spec.Role role} and {@link dev.adjointgreeks.spec.Range plausible range},
 * typed access to a row ({@link dev.adjointgreeks.spec.Fields}) and a refusal as a value
 * ({@link dev.adjointgreeks.spec.FieldException}: column, reason, value).
 *
 * <p>Why a package of its own: the check that refuses a field is made where the knowledge is (a
 * model's constructor knows a vol must be {@code >= 0}, a product's that a barrier must be
 * positive), and it must name its column there, as a value, not as text another layer parses.
 * So the exception and the descriptor types sit below {@code model}, {@code product} and
 * {@code libor}, which throw and implement them, and below {@code scenario}, which reads rows and
 * derives from the registered descriptors everything that used to be a parallel list: the CSV
 * columns, the JSON keys, the range checks, the shock factors, the Greek columns and the README's
 * table of input ranges.
 *
 * <p>Shapes are data-dependent by design: a {@link dev.adjointgreeks.spec.Input.Shape#LIST} is as
 * long as the row makes it (assets, curve pillars, forward rates) and a
 * {@link dev.adjointgreeks.spec.Input.Shape#MATRIX} as wide and tall (a correlation, a volatility
 * surface's expiries x strikes). Roles decide Greek names and conventions (the spot's Greek is
 * {@code delta}, the maturity's {@code theta = -dV/dT}, anything without a name of its own
 * {@code d_<block>}), so no code compares a block's name with a word.
 *
 * <p>This package depends on nothing else in the project.
 */
package dev.adjointgreeks.spec;
