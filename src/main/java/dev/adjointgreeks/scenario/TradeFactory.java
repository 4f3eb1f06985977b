package dev.adjointgreeks.scenario;

import java.util.Set;

import dev.adjointgreeks.engine.ModelType;
import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.libor.LiborMarket;
import dev.adjointgreeks.libor.LiborScenario;
import dev.adjointgreeks.libor.SwaptionPortfolio;
import dev.adjointgreeks.model.MarketData;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Exchange;
import dev.adjointgreeks.product.OptionType;
import dev.adjointgreeks.product.Product;

/**
 * Maps a scenario row's words to a {@link Trade}: the one place that knows the scenario schema.
 * Every refusal is a {@link FieldException} naming the column.
 */
public final class TradeFactory {

    /** Columns of the single-asset CSV format. */
    public static final Set<String> CSV_COLUMNS = Set.of("id", "product", "type", "model", "spot", "strike",
            "maturity", "rate", "dividend", "vol", "barrier", "barrier_kind", "rebate", "fixings", "averaging", "payout",
            "heston_v0", "heston_kappa", "heston_theta", "heston_xi", "heston_rho", "quantity", "underlying", "paths",
            "steps", "seed");

    static {
        LiborScenario.registerRanges();   // the LIBOR model's input ranges, before the first check
    }

    private TradeFactory() {
    }

    public static Trade create(Fields f) {
        Limits.check(f);          // sizes and field lengths (helper C)
        MarketRanges.check(f);    // plausible inputs per model (helper C)
        String id = f.requiredText("id").trim();
        String productWord = f.word("product", null);
        if (productWord == null) {
            throw new FieldException("product", "is required", null);
        }
        PathModel model;
        Product product;
        try {
            switch (productWord) {
                case "basket":
                case "exchange":
                    model = multiAsset(f);
                    product = multiAssetProduct(f, productWord, model.assets());
                    break;
                case "european":
                case "digital":
                case "asian":
                case "barrier":
                    model = singleAsset(f);
                    product = singleAssetProduct(f, productWord);
                    break;
                case SwaptionPortfolio.KIND: {
                    // the LIBOR market model and its swaption book (dev.adjointgreeks.libor owns the schema)
                    String modelWord = f.word("model", LiborMarket.NAME);
                    if (!modelWord.equals(LiborMarket.NAME)) {
                        throw new FieldException("model", "a swaption portfolio is priced under the libor model only",
                                f.text("model"));
                    }
                    LiborMarket market = LiborScenario.market(f);
                    model = market;
                    product = LiborScenario.portfolio(f, market);
                    break;
                }
                default:
                    throw new FieldException("product",
                            "unknown product (expected european, digital, asian, barrier, basket, exchange or "
                                    + SwaptionPortfolio.KIND + ")",
                            f.text("product"));
            }
        } catch (FieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw fromValidation(f, e);
        }
        long paths = f.whole("paths", 0);
        if (f.has("paths") && paths < 2) {
            throw new FieldException("paths", "must be >= 2", f.text("paths"));
        }
        int steps = f.positiveInt("steps", 0);
        Long seed = f.has("seed") ? f.whole("seed", 0) : null;
        double quantity = f.number("quantity", 1.0);
        String underlying = f.text("underlying");
        Trade trade = new Trade(id, product, model, paths, steps, seed, quantity, underlying == null ? null : underlying.trim());
        try {
            trade.problem();   // the model supports the product, the steps fit the fixings
        } catch (IllegalArgumentException e) {
            throw fromValidation(f, e);
        }
        return trade;
    }

    /** Turns a model or product refusal ("vol must be >= 0 (value -0.2)") into a field error. */
    private static FieldException fromValidation(Fields f, IllegalArgumentException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int space = msg.indexOf(' ');
        String first = space > 0 ? msg.substring(0, space) : msg;
        String column = first.replaceAll("[\\[:].*", "");
        if (msg.startsWith("product '")) {
            return new FieldException("model", msg, f.text("model"));
        }
        String rest = space > 0 ? msg.substring(space + 1) : msg;
        int v = rest.lastIndexOf(" (value ");
        if (v >= 0) {
            rest = rest.substring(0, v);
        }
        if (f.has(column) || CSV_COLUMNS.contains(column)) {
            return new FieldException(first.endsWith(":") ? column : first, rest, f.text(column));
        }
        return new FieldException(null, msg, null);
    }

    /** The registered model named by the row's {@code model} word (default {@code bs}). */
    private static ModelType modelType(Fields f) {
        String modelWord = f.word("model", "bs");
        ModelType type = ModelTypes.forWord(modelWord);
        if (type == null) {
            throw new FieldException("model", "unknown model (expected " + ModelTypes.list(ModelTypes.words()) + ")",
                    f.text("model"));
        }
        return type;
    }

    private static PathModel singleAsset(Fields f) {
        ModelType type = modelType(f);
        if (type.singleAsset() == null) {
            throw new FieldException("model", "the " + type.word() + " model prices multi-asset products only",
                    f.text("model"));
        }
        return type.singleAsset().apply(market(f));
    }

    /** The row's fields as a model factory reads them. */
    private static MarketData market(Fields f) {
        return new MarketData() {
            @Override
            public boolean has(String column) {
                return f.has(column);
            }

            @Override
            public double number(String column) {
                return f.number(column);
            }

            @Override
            public double number(String column, double fallback) {
                return f.number(column, fallback);
            }

            @Override
            public double[] numbers(String column) {
                return f.numbers(column);
            }

            @Override
            public double[][] matrix(String column) {
                return f.matrix(column);
            }
        };
    }

    private static OptionType type(Fields f) {
        String t = f.requiredText("type");
        try {
            return OptionType.parse(t);
        } catch (IllegalArgumentException e) {
            throw new FieldException("type", e.getMessage(), t);
        }
    }

    private static Product singleAssetProduct(Fields f, String word) {
        OptionType type = type(f);
        double strike = f.number("strike");
        double maturity = f.number("maturity");
        switch (word) {
            case "european":
                return new European(type, strike, maturity);
            case "digital":
                return new Digital(type, strike, maturity, f.number("payout", 1.0));
            case "asian": {
                int fixings = f.positiveInt("fixings", -1);
                if (fixings < 0) {
                    throw new FieldException("fixings", "is required for an Asian option", null);
                }
                Averaging averaging;
                try {
                    averaging = Averaging.parse(f.word("averaging", "arithmetic"));
                } catch (IllegalArgumentException e) {
                    throw new FieldException("averaging", e.getMessage(), f.text("averaging"));
                }
                return new Asian(type, strike, maturity, fixings, averaging);
            }
            case "barrier": {
                double barrier = f.number("barrier");
                if (!(barrier > 0)) {
                    throw new FieldException("barrier", "must be > 0", f.text("barrier"));
                }
                String kindText = f.text("barrier_kind");
                if (kindText == null) {
                    throw new FieldException("barrier_kind", "is required (down-out, up-out, down-in or up-in)", null);
                }
                BarrierKind kind;
                try {
                    kind = BarrierKind.parse(kindText);
                } catch (IllegalArgumentException e) {
                    throw new FieldException("barrier_kind", e.getMessage(), kindText);
                }
                return new Barrier(type, strike, maturity, barrier, kind, f.number("rebate", 0.0));
            }
            default:
                throw new AssertionError(word);
        }
    }

    private static PathModel multiAsset(Fields f) {
        ModelType type = modelType(f);
        if (type.multiAsset() == null) {
            throw new FieldException("model", "multi-asset products are priced under the "
                    + ModelTypes.list(ModelTypes.multiAssetWords()) + " model only", f.text("model"));
        }
        return type.multiAsset().apply(market(f));
    }

    private static Product multiAssetProduct(Fields f, String word, int assets) {
        double maturity = f.number("maturity");
        if (word.equals("exchange")) {
            return new Exchange(maturity);
        }
        return new Basket(type(f), f.number("strike"), maturity, f.numbers("weights"));
    }
}
