package dev.adjointgreeks.engine;

import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.mc.RandomStreams;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.product.Product;

/**
 * One trade: a product under a model, with optional per-trade run settings (0 or null: use the
 * run's) and bookkeeping for portfolio totals.
 */
public record Trade(String id, Product product, PathModel model, long paths, int steps, Long seed, double quantity,
        String underlying) {

    public Trade {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        if (!Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be a finite number (value " + quantity + ")");
        }
        if (paths < 0) {
            throw new IllegalArgumentException("paths must be > 0 (value " + paths + ")");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be > 0 (value " + steps + ")");
        }
    }

    public Trade(String id, Product product, PathModel model) {
        this(id, product, model, 0, 0, null, 1.0, null);
    }

    /** The model's scenario word. */
    public String modelName() {
        return model.name();
    }

    public PricingProblem problem() {
        return new PricingProblem(model, product, steps);
    }

    public long seedFor(long runSeed) {
        return seed != null ? seed : RandomStreams.tradeSeed(runSeed, id);
    }

    public long pathsFor(long runPaths) {
        return paths > 0 ? paths : runPaths;
    }
}
