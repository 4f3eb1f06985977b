package dev.adjointgreeks.scenario;

import java.util.ArrayList;
import java.util.List;

import dev.adjointgreeks.engine.ModelType;
import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.model.MarketInputs;
import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.SurfaceInput;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.product.Product;
import dev.adjointgreeks.product.ProductDescriptor;
import dev.adjointgreeks.product.ProductInputs;
import dev.adjointgreeks.product.ProductTypes;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Input.Shape;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/**
 * Maps a scenario row to a {@link Trade} through the descriptors of its product and model: the
 * product word picks a {@link ProductDescriptor}, what the product is written on and the
 * {@code model} word pick a {@link ModelDescriptor}, each checks the ranges of its own fields and
 * builds its part. This class knows only the trade's own fields (id, quantity, run settings).
 * Every refusal is a {@link FieldException} naming the column.
 */
public final class TradeFactory {

    /** The fields of the trade itself, besides its product's and model's. */
    public static final List<Input> TRADE_INPUTS = List.of(
            Input.term("id", Shape.SCALAR, Role.TRADE),
            Input.term("product", Shape.SCALAR, Role.TRADE),
            Input.term("model", Shape.SCALAR, Role.TRADE),
            Input.term("quantity", Shape.SCALAR, Role.TRADE).range(Range.closed(-1e12, 1e12), ProductInputs.AMOUNT_WHY),
            Input.term("underlying", Shape.SCALAR, Role.TRADE),
            Input.term("paths", Shape.SCALAR, Role.TRADE),
            Input.term("steps", Shape.SCALAR, Role.TRADE),
            Input.term("seed", Shape.SCALAR, Role.TRADE));

    private TradeFactory() {
    }

    public static Trade create(Fields f) {
        Limits.check(f);          // sizes and field lengths
        String productWord = f.word("product", null);
        ProductDescriptor pd = ProductTypes.forWord(productWord);
        Underlying u = pd == null ? Underlying.SINGLE_ASSET : pd.underlying();
        List<String> offering = ModelTypes.wordsFor(u);
        String modelWord = f.word("model", offering.isEmpty() ? null : offering.get(0));
        ModelType type = ModelTypes.forWord(modelWord);
        checkRanges(f, type, u, pd, modelWord);
        return build(f, productWord, pd, u, offering, type);
    }

    /** Refuses a field of the row outside its plausible range (what {@link #create} checks first). */
    public static void checkRanges(Fields f) {
        ProductDescriptor pd = ProductTypes.forWord(f.word("product", null));
        Underlying u = pd == null ? Underlying.SINGLE_ASSET : pd.underlying();
        List<String> offering = ModelTypes.wordsFor(u);
        String modelWord = f.word("model", offering.isEmpty() ? null : offering.get(0));
        checkRanges(f, ModelTypes.forWord(modelWord), u, pd, modelWord);
    }

    private static Trade build(Fields f, String productWord, ProductDescriptor pd, Underlying u, List<String> offering,
            ModelType type) {
        String id = f.requiredText("id").trim();
        if (productWord == null) {
            throw new FieldException("product", "is required", null);
        }
        if (pd == null) {
            List<String> words = new ArrayList<>();
            for (ProductDescriptor d : ProductTypes.all()) {
                words.add(d.word());
            }
            throw new FieldException("product", "unknown product (expected " + ModelTypes.list(words) + ")",
                    f.text("product"));
        }
        if (type == null) {
            throw new FieldException("model", "unknown model (expected " + ModelTypes.list(offering) + ")",
                    f.text("model"));
        }
        ModelDescriptor md = type.descriptor();
        if (!md.underlyings().contains(u)) {
            throw new FieldException("model", refusal(md, u, offering), f.text("model"));
        }
        MarketTags.of(f);   // a bad currency or SIMM tag rejects the row; read once, the tags are among its recorded fields
        for (Input curve : List.of(MarketInputs.DISCOUNT_CURVE, MarketInputs.DIVIDEND_CURVE)) {
            if (f.has(curve.field()) && !md.inputs(u).contains(curve)) {
                // never price a row as if its market's curve were not there
                throw new FieldException(curve.field(), "the " + md.word() + " model takes no curve (yet) for "
                        + u.products() + "; give a flat " + (curve == MarketInputs.DISCOUNT_CURVE ? "rate" : "dividend"),
                        null);
            }
        }
        if (SurfaceInput.has(f) && !md.inputs(u).contains(MarketInputs.VOL_SURFACE)) {
            // never price a row as if its market's surface were not there
            throw new FieldException(MarketInputs.VOL_SURFACE.field(), "the " + md.word() + " model takes no"
                    + " volatility surface for " + u.products() + "; give a flat vol", null);
        }
        PathModel model;
        Product product;
        try {
            model = md.create(f, u);
            product = pd.create(f, model);
        } catch (FieldException e) {
            throw e.quoting(f);
        }
        long paths = f.whole("paths", 0);
        if (f.has("paths") && paths < 2) {
            throw new FieldException("paths", "must be >= 2", f.text("paths"));
        }
        int steps = f.positiveInt("steps", 0);
        Long seed = f.has("seed") ? f.whole("seed", 0) : null;
        double quantity = f.number("quantity", 1.0);
        String underlying = f.text("underlying");
        f.text(Descriptors.MARKET_KEY);   // recorded, so the long layout and CRIF can name the trade's market
        Trade trade = new Trade(id, product, model, paths, steps, seed, quantity, underlying == null ? null : underlying.trim());
        try {
            trade.problem();   // the model supports the product, the steps fit the fixings
        } catch (FieldException e) {
            throw e.quoting(f);
        }
        return trade;
    }

    /** Why model {@code md} cannot price a product on {@code u}. */
    private static String refusal(ModelDescriptor md, Underlying u, List<String> offering) {
        if (u == Underlying.SINGLE_ASSET || offering.isEmpty()) {
            List<String> what = new ArrayList<>();
            for (Underlying o : md.underlyings()) {
                what.add(o.products());
            }
            return "the " + md.word() + " model prices " + ModelTypes.list(what) + " only";
        }
        return u.products() + " are priced under the " + ModelTypes.list(offering) + " model only";
    }

    /**
     * Refuses a field outside its plausible range: the model's fields (for the product's
     * underlying), then the product's, then the trade's, each naming the column, the range and the
     * value. An unknown word is refused afterwards, with its own message.
     */
    private static void checkRanges(Fields f, ModelType type, Underlying u, ProductDescriptor pd, String modelWord) {
        String shown = modelWord == null ? "" : modelWord;
        if (type != null && type.descriptor().underlyings().contains(u)) {
            for (Input i : type.descriptor().inputs(u)) {
                i.check(f, shown, Limits.MAX_ASSETS);
            }
        }
        if (pd != null) {
            for (Input i : pd.inputs()) {
                i.check(f, shown, Limits.MAX_ASSETS);
            }
        }
        for (Input i : TRADE_INPUTS) {
            i.check(f, shown, Limits.MAX_ASSETS);
        }
    }
}
