package dev.adjointgreeks.engine;

import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.PathModel;

/**
 * A registered model: its {@link ModelDescriptor} (word, fields, ranges, shock factors, factory)
 * and its closed forms ({@link Analytic#NONE} if it has none). {@link ModelTypes} holds them.
 */
public record ModelType(ModelDescriptor descriptor, Analytic analytic) {

    public ModelType {
        if (descriptor == null) {
            throw new IllegalArgumentException("a model type needs a descriptor");
        }
        dev.adjointgreeks.spec.Descriptor.checkWord(descriptor.word());
        if (analytic == null) {
            analytic = Analytic.NONE;
        }
    }

    /** The scenario word. */
    public String word() {
        return descriptor.word();
    }

    /** True if {@code model} is of this type. */
    public boolean describes(PathModel model) {
        return descriptor.describes(model);
    }
}
