package dev.adjointgreeks.engine;

import java.util.function.Function;

import dev.adjointgreeks.model.MarketData;
import dev.adjointgreeks.model.PathModel;

/**
 * A model as the scenario files name it: its word ({@code "model"} column or JSON key), how it is
 * built from a row's market fields, for single-asset products and for baskets (either may be
 * null: not offered), and its closed forms. {@link ModelTypes} holds them; adding a model is one
 * {@link ModelTypes#register} call.
 */
public record ModelType(String word, Function<MarketData, PathModel> singleAsset,
        Function<MarketData, PathModel> multiAsset, Analytic analytic) {

    public ModelType {
        if (word == null || !word.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("a model word is lower-case letters, digits, '-' or '_' (value " + word + ")");
        }
        if (analytic == null) {
            analytic = Analytic.NONE;
        }
    }

    /** True if {@code model} is of this type: its name is the word, or the word and a suffix ({@code bs-multi}). */
    public boolean describes(PathModel model) {
        String n = model.name();
        return n.equals(word) || n.startsWith(word + "-");
    }
}
