package dev.adjointgreeks.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;

/**
 * Fields of one JSON object: a trade merged with its market ({@link Markets#merge}), from a JSON
 * scenario file or a CSV row on a market of a markets file. A value node is read as its text, so a
 * number parses as {@code Fields} parses a CSV cell; lists and matrices are JSON arrays.
 */
final class JsonFields implements Fields {
    private final JsonNode node;

    JsonFields(JsonNode node) {
        this.node = node;
    }

    @Override
    public String text(String column) {
        JsonNode v = node.get(column);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.isBlank() ? null : s;
    }

    @Override
    public double[] numbers(String column) {
        JsonNode v = node.get(column);
        if (v == null || v.isNull()) {
            throw new FieldException(column, "is required", null);
        }
        if (!v.isArray()) {
            throw new FieldException(column, "must be a list of numbers", v.toString());
        }
        if (v.size() > Limits.MAX_LIST) {
            throw new FieldException(column, "has more than " + Limits.MAX_LIST + " entries", null);
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber()) {
                throw new FieldException(column + "[" + (i + 1) + "]", "is not a number", e.asText());
            }
            out[i] = e.asDouble();
            if (!Double.isFinite(out[i])) {
                throw new FieldException(column + "[" + (i + 1) + "]", "is not finite", e.asText());
            }
        }
        return out;
    }

    @Override
    public double[][] matrix(String column) {
        JsonNode v = node.get(column);
        if (v == null || !v.isArray()) {
            throw new FieldException(column, "must be a list of rows", v == null ? null : v.toString());
        }
        if (v.size() > Limits.MAX_ASSETS) {
            throw new FieldException(column, "has more than " + Limits.MAX_ASSETS + " rows", null);
        }
        double[][] m = new double[v.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = v.get(i);
            if (!row.isArray()) {
                throw new FieldException(column + "[" + (i + 1) + "]", "must be a list of numbers", row.toString());
            }
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                if (!row.get(j).isNumber()) {
                    throw new FieldException(column + "[" + (i + 1) + "][" + (j + 1) + "]", "is not a number",
                            row.get(j).asText());
                }
                m[i][j] = row.get(j).asDouble();
                if (!Double.isFinite(m[i][j])) {
                    throw new FieldException(column + "[" + (i + 1) + "][" + (j + 1) + "]", "is not finite",
                            row.get(j).asText());
                }
            }
        }
        return m;
    }
}
