package dev.adjointgreeks.sensitivity;

/**
 * The long layout's (factor, bucket) of a wide-layout value column, so that both layouts name the
 * same numbers. One rule per column shape, applied in this order:
 * <ul>
 * <li>{@code price}: factor {@code price}, no bucket;
 * <li>{@code d_discount_curve_<pillar>}, {@code d_dividend_curve_<pillar>}: factor {@code discount_curve}
 *     or {@code dividend_curve}, bucket the pillar as written; a multi-asset row's per-asset dividend
 *     curve ({@code d_dividend_curve_2_6M}, asset 2's pillar 6M): bucket {@code 2/6M} (no pillar word
 *     holds {@code _}, so a single curve's bucket never splits);
 * <li>{@code d_vol_surface_<expiry>_<strike>}: factor {@code vol_surface}, bucket {@code <expiry>/<strike>};
 * <li>a per-asset Greek, a family with asset indices ({@code delta_2}, {@code gamma_1_2},
 *     {@code d_corr_1_3}, LIBOR's {@code d_forward_rate_4}): factor the family ({@code delta},
 *     {@code gamma}, {@code d_corr}, {@code d_forward_rate}), bucket the indices joined by {@code /}
 *     ({@code 2}, {@code 1/2});
 * <li>any other Greek ({@code delta}, {@code vega}, {@code d_strike}, {@code d_heston_v0}): factor the
 *     column, no bucket.
 * </ul>
 * First- and second-order Greeks have different families ({@code delta} and {@code gamma}, {@code vega}
 * and {@code volga}), so a second-order row never takes a first-order row's (factor, bucket).
 */
public final class WideColumns {

    public static final String PRICE = "price";
    public static final String DISCOUNT_CURVE = "discount_curve";
    public static final String DIVIDEND_CURVE = "dividend_curve";
    public static final String VOL_SURFACE = "vol_surface";

    private static final String[] CURVES = {DISCOUNT_CURVE, DIVIDEND_CURVE};

    private WideColumns() {
    }

    /** A sensitivity's factor and bucket (empty if none). */
    public record Factor(String factor, String bucket) {
    }

    /** The factor and bucket of the wide value column {@code column} (not a {@code _stderr} column). */
    public static Factor of(String column) {
        if (column == null || column.isEmpty()) {
            throw new IllegalArgumentException("a value column needs a name");
        }
        for (String curve : CURVES) {
            String prefix = "d_" + curve + "_";
            if (column.startsWith(prefix) && column.length() > prefix.length()) {
                // a per-asset curve's pillar (d_dividend_curve_2_6M): asset and pillar, as per-asset Greeks join them
                return new Factor(curve, column.substring(prefix.length()).replaceFirst("^(\\d+)_", "$1/"));
            }
        }
        String surface = "d_" + VOL_SURFACE + "_";
        if (column.startsWith(surface) && column.indexOf('_', surface.length()) > surface.length()) {
            String rest = column.substring(surface.length());
            int cut = rest.indexOf('_');
            return new Factor(VOL_SURFACE, rest.substring(0, cut) + "/" + rest.substring(cut + 1));
        }
        java.util.regex.Matcher m = INDICES.matcher(column);
        if (m.find() && m.start() > 0) {
            return new Factor(column.substring(0, m.start()), m.group().substring(1).replace('_', '/'));
        }
        return new Factor(column, "");
    }

    private static final java.util.regex.Pattern INDICES = java.util.regex.Pattern.compile("(_\\d+)+$");
}
