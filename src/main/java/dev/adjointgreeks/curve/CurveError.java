package dev.adjointgreeks.curve;

/**
 * Why a curve was refused, as data: the column ({@code discount_curve}, {@code dividend_curve}), the
 * kind of fault, the reason and the offending value as written.
 *
 * <p>{@link Kind#STRUCTURE} is a fault of the file's shape (unsorted or duplicate pillars, lengths
 * that differ, an unknown tenor word): file-level, exit 2, as a JSON structure error is today.
 * {@link Kind#RANGE} is a value outside its documented range: every trade on that market is rejected,
 * each once, exit 3.
 *
 * <p>Switching to the project's typed field error (issue 18 moves {@code FieldException} below
 * model): {@code new FieldException(error.column(), error.reason(), error.value())}, the kind choosing
 * file-level or row-level as above.
 */
public record CurveError(String column, Kind kind, String reason, String value) {

    /** Where the fault is reported: the whole file, or the trades on the curve's market. */
    public enum Kind {
        STRUCTURE, RANGE
    }

    /** {@code column: reason (value 'x')}, the batch's rejection shape without {@code file:line}. */
    public String message() {
        return column + ": " + reason + " (value '" + value + "')";
    }
}
