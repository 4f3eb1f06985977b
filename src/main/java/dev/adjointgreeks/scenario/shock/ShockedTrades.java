package dev.adjointgreeks.scenario.shock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.ModelType;
import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.MarketInputs;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.scenario.Text;
import dev.adjointgreeks.scenario.TradeFactory;

/**
 * A trade in each scenario of a shocks file: its row's fields with the shocked inputs written in,
 * rebuilt by {@link TradeFactory}, so a shocked trade is exactly the trade of the shocked row and
 * passes the same input checks (a shock that makes a vol negative is refused like a row with a
 * negative vol).
 *
 * <p>A factor is an input block of the trade's model: {@code spot}, {@code vol}, {@code dividend}
 * (one value, or one per asset of a multi-asset trade: every asset moves), {@code rate},
 * {@code heston_*}. A factor the model lacks leaves the trade unshocked by that row.
 *
 * <p>A curve ({@code discount_curve}, {@code dividend_curve}: one input per pillar) moves whole,
 * or at the one pillar its {@code bucket} names; {@code rate} and {@code dividend} move a trade's
 * curve whole when the trade has a curve instead of the flat value. A multi-asset trade's
 * {@code dividend_curves} (one per asset) move whole, every asset's every pillar, on a
 * {@code dividend} or {@code dividend_curve} shock without a bucket (as a flat {@code dividends}
 * list moves every asset); a bucket is refused for them. A bucket the trade's curve lacks,
 * or two rows of a scenario moving the same pillar, rejects that (scenario, trade) naming it. A
 * shock with a {@code market} moves only the trades of that market.
 */
public final class ShockedTrades {

    /** One scenario of one trade: the shocked trade (null: nothing moved), or why it cannot be priced. */
    public record Outcome(GreeksEngine.Scenario scenario, FieldException rejection) {
    }

    private ShockedTrades() {
    }

    /** The trade of {@code fields} in every scenario of {@code set}, in the file's order. */
    public static List<Outcome> of(Fields fields, Trade base, ShockSet set) {
        InputLayout layout = base.problem().layout();
        String market = fields.text(dev.adjointgreeks.scenario.Descriptors.MARKET_KEY);
        List<Outcome> out = new ArrayList<>();
        for (String name : set.names()) {
            List<Shock> shocks = new ArrayList<>();
            for (Shock s : set.shocksFor(name, base.underlying())) {
                if (s.matchesMarket(market)) {
                    shocks.add(s);
                }
            }
            out.add(one(fields, base, layout, name, shocks));
        }
        return out;
    }

    /**
     * The curve field a shock moves on this trade: a curve factor, or {@code rate} ({@code dividend})
     * on a trade whose model reads a discount (dividend) curve instead, or {@code vol} on a trade whose
     * model reads a volatility surface (every quote moves); null: none.
     */
    /** A multi-asset row's per-asset dividend curves (flattened, every yield asset after asset). */
    private static final String PER_ASSET = "dividend_curves";

    private static String curveField(Shock s, InputLayout layout, Fields fields) {
        String f = s.factor();
        if ((f.equals("dividend_curve") || f.equals("dividend")) && fields.has(PER_ASSET)
                && fields.has(PER_ASSET + "_pillars")) {
            return PER_ASSET;   // a multi-asset row's dividend curves, one per asset: moved together
        }
        if (ShockSet.CURVE_FACTORS.contains(f)) {
            return fields.has(f) && fields.has(f + "_pillars") ? f : null;
        }
        String curve = f.equals("rate") ? "discount_curve" : f.equals("dividend") ? "dividend_curve"
                : f.equals("vol") ? SURFACE : null;
        if (curve != null && layout.block(f) == null && layout.block(curve) != null && fields.has(curve)
                && labels(fields, curve) != null) {
            return curve;
        }
        return null;
    }

    private static final String SURFACE = MarketInputs.VOL_SURFACE.field();

    /** The labels of a curve's pillars as written, or of a surface's quotes ({@code 1Y/90}); null if absent. */
    private static String[] labels(Fields fields, String curve) {
        if (!curve.equals(SURFACE)) {
            String pillars = fields.text(curve + "_pillars");
            return pillars == null ? null : pillars.split("[,;]", -1);
        }
        String expiries = fields.text(MarketInputs.VOL_SURFACE_EXPIRIES.field());
        String strikes = fields.text(MarketInputs.VOL_SURFACE_STRIKES.field());
        if (expiries == null || strikes == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String e : expiries.split(",", -1)) {
            for (String k : strikes.split(",", -1)) {
                out.add(e + "/" + k);
            }
        }
        return out.toArray(new String[0]);
    }

    private static Outcome one(Fields fields, Trade base, InputLayout layout, String name, List<Shock> shocks) {
        ModelType type = ModelTypes.of(base.model());
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, double[]> lists = new LinkedHashMap<>();
        Map<String, Shock> by = new LinkedHashMap<>();   // shocked column -> the row that moved it
        Map<String, double[]> before = new LinkedHashMap<>();
        Map<String, Shock> pillarsMoved = new LinkedHashMap<>();   // curve + pillar -> the row that moved it
        for (Shock s : shocks) {
            String curve = curveField(s, layout, fields);
            if (curve != null) {
                FieldException bad = moveCurve(fields, name, s, curve, lists, texts, before, pillarsMoved);
                if (bad != null) {
                    return new Outcome(null, bad);
                }
                by.put(curve, s);
                continue;
            }
            InputBlock block = layout.block(s.factor());
            if (block == null) {
                continue;   // the model has no such input: this row leaves the trade alone
            }
            // the row's field that holds the block: spot for one asset, spots (a JSON list) for several
            Input field = type == null ? null : type.descriptor().fieldOf(s.factor(),
                    block.shape() == InputBlock.Shape.SCALAR ? Input.Shape.SCALAR : Input.Shape.LIST);
            if (field == null) {
                continue;   // not a field of the row: this row leaves the trade alone
            }
            if (field.shape() == Input.Shape.SCALAR) {
                String c = field.field();
                double x = fields.number(c);
                texts.put(c, Double.toString(s.apply(x)));
                before.put(c, new double[] {x});
                by.put(c, s);
            } else {
                String c = field.field();
                double[] x = fields.has(c) ? fields.numbers(c) : new double[block.size()];
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = s.apply(x[i]);
                }
                lists.put(c, y);
                texts.put(c, Arrays.toString(y));
                before.put(c, x);
                by.put(c, s);
            }
        }
        if (by.isEmpty()) {
            return new Outcome(new GreeksEngine.Scenario(name, null), null);
        }
        Fields shocked = new Shocked(fields, texts, lists);
        try {
            return new Outcome(new GreeksEngine.Scenario(name, TradeFactory.create(shocked)), null);
        } catch (FieldException e) {
            return new Outcome(null, reason(e, name, by, before, lists, texts, fields));
        } catch (IllegalArgumentException e) {
            return new Outcome(null, new FieldException("row", "scenario '" + Text.oneLine(name) + "': "
                    + e.getMessage(), null));
        }
    }

    /**
     * Moves the curve {@code curve} of the row by {@code s}: every pillar, or the one its bucket names.
     * Null, or why the (scenario, trade) cannot be priced.
     */
    private static FieldException moveCurve(Fields fields, String name, Shock s, String curve,
            Map<String, double[]> lists, Map<String, String> texts, Map<String, double[]> before,
            Map<String, Shock> pillarsMoved) {
        String[] pillars = labels(fields, curve);
        String scenario = "scenario '" + Text.oneLine(name) + "' (" + s.where() + ")";
        int only = -1;
        if (!s.bucket().isEmpty() && curve.equals(PER_ASSET)) {
            return new FieldException("bucket", scenario + ": the trade's dividend curves (one per asset) move whole;"
                    + " leave the bucket empty", s.bucket());
        }
        if (!s.bucket().isEmpty()) {
            for (int i = 0; i < pillars.length && only < 0; i++) {
                if (pillars[i].trim().equals(s.bucket())) {
                    only = i;
                }
            }
            if (only < 0) {
                return new FieldException("bucket", scenario + ": the trade's " + curve + " has no pillar "
                        + Text.oneLine(s.bucket()) + " (its pillars: " + String.join(", ", pillars) + ")", s.bucket());
            }
        }
        double[] x = before.containsKey(curve) ? lists.get(curve) : fields.numbers(curve);
        if (!before.containsKey(curve)) {
            before.put(curve, x.clone());
        }
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            if (only >= 0 && i != only) {
                continue;
            }
            Shock earlier = pillarsMoved.put(curve + "\u0000" + i, s);
            if (earlier != null) {
                return new FieldException(curve, scenario + " and line " + earlier.line() + " both move pillar "
                        + pillars[i].trim() + " of the trade's " + curve + "; give one", Text.oneLine(s.bucket()));
            }
            y[i] = s.apply(x[i]);
        }
        lists.put(curve, y);
        texts.put(curve, Arrays.toString(y));
        return null;
    }

    /**
     * {@code vol: scenario 'crash' (s.csv:6) makes vol -0.05 (value '0.25')}: the column, the
     * scenario and the shock's line, the shocked value and the row's own value.
     */
    private static FieldException reason(FieldException e, String name, Map<String, Shock> by,
            Map<String, double[]> before, Map<String, double[]> lists, Map<String, String> texts, Fields fields) {
        String column = e.column() == null ? "row" : e.column();
        String plain = column.replaceAll("\\[.*", "");
        Shock s = by.get(plain);
        String scenario = "scenario '" + Text.oneLine(name) + "'";
        if (s == null) {
            return new FieldException(column, scenario + ": " + e.reason(), e.value());
        }
        String now;
        String was;
        // messages show the shocked value rounded to 12 digits: 0.25 - 0.30 is -0.05, not -0.04999999999999999
        int bracket = column.indexOf('[');
        if (bracket >= 0 && lists.containsKey(plain)) {
            int i = Integer.parseInt(column.substring(bracket + 1, column.indexOf(']'))) - 1;
            now = shown(lists.get(plain)[i]);
            was = Double.toString(before.get(plain)[i]);
        } else if (lists.containsKey(plain)) {
            now = Arrays.toString(Arrays.stream(lists.get(plain)).mapToObj(ShockedTrades::shown).toArray());
            was = Arrays.toString(before.get(plain));
        } else {
            now = shown(Double.parseDouble(texts.get(plain)));
            was = fields.text(plain);
        }
        return new FieldException(column, scenario + " (" + s.where() + ") makes " + column + " " + now, was);
    }

    static String shown(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toString();
    }

    /** A row's fields with some inputs replaced. */
    private static final class Shocked implements Fields {
        private final Fields row;
        private final Map<String, String> texts;
        private final Map<String, double[]> lists;

        Shocked(Fields row, Map<String, String> texts, Map<String, double[]> lists) {
            this.row = row;
            this.texts = texts;
            this.lists = lists;
        }

        @Override
        public String text(String column) {
            String t = texts.get(column);
            return t != null ? t : row.text(column);
        }

        @Override
        public double[] numbers(String column) {
            double[] v = lists.get(column);
            return v != null ? v.clone() : row.numbers(column);
        }

        @Override
        public double[][] matrix(String column) {
            return row.matrix(column);
        }
    }
}
