package dev.adjointgreeks.scenario;

import java.util.List;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.FieldException;

/**
 * Upper bounds on the sizes a scenario may ask for, so that no row can exhaust memory or run for
 * days. Each bound admits every real use with room to spare (README, "Limits"); a row over a
 * bound is rejected with the bound in the message.
 */
public final class Limits {

    /** Paths per trade: 10^7, ten times the largest test (10^6 paths) and 1,000 times the benchmarks. */
    public static final long MAX_PATHS = 10_000_000L;
    /**
     * Normal draws per trade (paths times normals per path): 10^10, about an hour of one core; the
     * benchmarks draw 10^8 at most. Caps a row that is within each bound but not within all at once.
     */
    public static final long MAX_NORMALS = 10_000_000_000L;
    /** Time steps per path: 10,000, daily steps over 40 years (the benchmarks use 100). */
    public static final int MAX_STEPS = 10_000;
    /** Asian fixings: 10,000, daily fixings over 40 years (the benchmarks use 52). */
    public static final int MAX_FIXINGS = 10_000;
    /** Assets of a multi-asset trade, and entries of any JSON list: 250 (benchmarks go to 100-asset baskets). */
    public static final int MAX_ASSETS = 250;
    /** Entries of a JSON list (LIBOR's 80 rates and 161 sensitivities fit many times over). */
    public static final int MAX_LIST = 1_000;
    /** Columns of a CSV header (the schema has 26; --ignore-unknown-columns admits more). */
    public static final int MAX_COLUMNS = 1_000;
    /** Characters of one field (an id, an underlying, a number's text). */
    public static final int MAX_FIELD_CHARS = 1_000;

    /** Scalar fields whose size is checked. */
    private static final List<String> SIZES = List.of("paths", "steps", "fixings");

    private Limits() {
    }

    /** Refuses a row over a bound, naming the column and the bound; also an id that is only blanks. */
    public static void check(Fields f) {
        for (String c : Descriptors.csvColumns()) {
            String t = f.text(c);
            if (t != null && t.length() > MAX_FIELD_CHARS) {
                throw new FieldException(c, "is longer than " + MAX_FIELD_CHARS + " characters", t);
            }
        }
        String id = f.text("id");
        if (id != null && id.trim().isEmpty()) {
            throw new FieldException("id", "is empty once blanks and control characters are trimmed", id);
        }
        for (String c : SIZES) {
            if (!f.has(c)) {
                continue;
            }
            long v = f.whole(c, 0);
            long max = c.equals("paths") ? MAX_PATHS : c.equals("steps") ? MAX_STEPS : MAX_FIXINGS;
            long min = c.equals("paths") ? 2 : 1;
            if (v < min || v > max) {
                throw new FieldException(c, "must be between " + min + " and " + max, f.text(c));
            }
        }
    }
}
