package dev.adjointgreeks.scenario;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.FieldException;

/**
 * The fields a trade was built from, recorded while {@link TradeFactory} read them, so that the
 * trade can be rebuilt bit for bit elsewhere (on a cluster executor): texts, lists and matrices,
 * nothing else. Built by {@link #recording(Fields)}; a recorded row replays only what was read.
 */
public final class RecordedFields implements Fields, Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> texts = new HashMap<>();
    private final HashMap<String, double[]> lists = new HashMap<>();
    private final HashMap<String, double[][]> matrices = new HashMap<>();
    private transient Fields source;

    private RecordedFields(Fields source) {
        this.source = source;
    }

    /** Wraps {@code source}: every value read through the wrapper is recorded. */
    public static RecordedFields recording(Fields source) {
        return new RecordedFields(source);
    }

    /** Stops recording: later reads see only what was recorded. */
    public RecordedFields freeze() {
        source = null;
        return this;
    }

    @Override
    public String text(String column) {
        if (source == null) {
            return texts.get(column);
        }
        String v = source.text(column);
        texts.put(column, v);
        return v;
    }

    @Override
    public double[] numbers(String column) {
        if (source == null) {
            double[] v = lists.get(column);
            if (v == null) {
                throw new FieldException(column, "was not recorded", null);
            }
            return v.clone();
        }
        double[] v = source.numbers(column);
        lists.put(column, v.clone());
        return v;
    }

    @Override
    public double[][] matrix(String column) {
        if (source == null) {
            double[][] v = matrices.get(column);
            if (v == null) {
                throw new FieldException(column, "was not recorded", null);
            }
            return deepCopy(v);
        }
        double[][] v = source.matrix(column);
        matrices.put(column, deepCopy(v));
        return v;
    }

    /** The recorded texts that were present (for tests and messages). */
    public Map<String, String> texts() {
        Map<String, String> m = new HashMap<>();
        texts.forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return Map.copyOf(m);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
