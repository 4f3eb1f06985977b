package dev.adjointgreeks.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.adjointgreeks.engine.TradeResult;

/**
 * Writes one row per priced trade: {@code id, product, model, method, paths, seed}, the value
 * columns, {@code time_ms}. Numbers in full precision ({@link Double#toString}, '.' whatever the
 * locale); a value a trade does not have, or one the README lists as undefined, is an empty CSV
 * cell and an absent JSON key. CSV follows RFC 4180.
 */
public abstract class ResultWriter implements AutoCloseable {

    public static final List<String> KEY_COLUMNS = List.of("id", "product", "model", "method", "paths", "seed");

    protected final List<String> valueColumns;

    protected ResultWriter(List<String> valueColumns) {
        this.valueColumns = valueColumns;
    }

    public abstract void write(TradeResult r) throws IOException;

    @Override
    public abstract void close() throws IOException;

    public static ResultWriter csv(OutputStream out, List<String> valueColumns) throws IOException {
        return new Csv(out, valueColumns);
    }

    public static ResultWriter jsonLines(OutputStream out, List<String> valueColumns) throws IOException {
        return new JsonLines(out, valueColumns);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static final class Csv extends ResultWriter {
        private final Writer w;

        Csv(OutputStream out, List<String> valueColumns) throws IOException {
            super(valueColumns);
            this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(String.join(",", KEY_COLUMNS));
            for (String c : valueColumns) {
                sb.append(',').append(c);
            }
            sb.append(",time_ms\n");
            w.write(sb.toString());
        }

        @Override
        public void write(TradeResult r) throws IOException {
            StringBuilder sb = new StringBuilder(256);
            sb.append(quote(r.id())).append(',').append(r.product()).append(',').append(r.model()).append(',')
                    .append(r.method()).append(',').append(r.paths()).append(',').append(r.seed());
            for (String c : valueColumns) {
                Double v = r.values().get(c);
                sb.append(',');
                if (v != null) {
                    sb.append(number(v));
                }
            }
            sb.append(',').append(number(r.timeMs())).append('\n');
            w.write(sb.toString());
        }

        private static String quote(String s) {
            return dev.adjointgreeks.io.CsvText.field(s);
        }

        @Override
        public void close() throws IOException {
            w.flush();
        }
    }

    private static final class JsonLines extends ResultWriter {
        private final Writer w;
        private final JsonFactory factory = new JsonFactory();

        JsonLines(OutputStream out, List<String> valueColumns) {
            super(valueColumns);
            this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        public void write(TradeResult r) throws IOException {
            java.io.StringWriter line = new java.io.StringWriter();
            try (JsonGenerator g = factory.createGenerator(line)) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("product", r.product());
                g.writeStringField("model", r.model());
                g.writeStringField("method", r.method());
                g.writeNumberField("paths", r.paths());
                g.writeNumberField("seed", r.seed());
                for (String c : valueColumns) {
                    Double v = r.values().get(c);
                    if (v != null && !v.isNaN()) {
                        g.writeNumberField(c, v);
                    }
                }
                if (Double.isFinite(r.timeMs())) {
                    g.writeNumberField("time_ms", r.timeMs());
                }
                g.writeEndObject();
            }
            w.write(line.toString());
            w.write('\n');
        }

        @Override
        public void close() throws IOException {
            w.flush();
        }
    }
}
