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
    /** A scenario run ({@code --shocks}): a first column {@code scenario}. */
    protected final boolean scenarios;

    protected ResultWriter(List<String> valueColumns, boolean scenarios) {
        this.valueColumns = valueColumns;
        this.scenarios = scenarios;
    }

    public abstract void write(TradeResult r) throws IOException;

    @Override
    public abstract void close() throws IOException;

    public static ResultWriter csv(OutputStream out, List<String> valueColumns) throws IOException {
        return new Csv(out, valueColumns, false);
    }

    public static ResultWriter jsonLines(OutputStream out, List<String> valueColumns) throws IOException {
        return new JsonLines(out, valueColumns, false);
    }

    /** With {@code scenarios}, rows of a scenario run: the first column (key) is {@code scenario}. */
    public static ResultWriter csv(OutputStream out, List<String> valueColumns, boolean scenarios) throws IOException {
        return new Csv(out, valueColumns, scenarios);
    }

    public static ResultWriter jsonLines(OutputStream out, List<String> valueColumns, boolean scenarios) {
        return new JsonLines(out, valueColumns, scenarios);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static final class Csv extends ResultWriter {
        private final Writer w;

        Csv(OutputStream out, List<String> valueColumns, boolean scenarios) throws IOException {
            super(valueColumns, scenarios);
            this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(scenarios ? "scenario," : "").append(String.join(",", KEY_COLUMNS));
            for (String c : valueColumns) {
                sb.append(',').append(c);
            }
            sb.append(",time_ms\n");
            w.write(sb.toString());
        }

        @Override
        public void write(TradeResult r) throws IOException {
            StringBuilder sb = new StringBuilder(256);
            if (scenarios) {
                sb.append(quote(r.scenario() == null ? "" : r.scenario())).append(',');
            }
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

        JsonLines(OutputStream out, List<String> valueColumns, boolean scenarios) {
            super(valueColumns, scenarios);
            this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        public void write(TradeResult r) throws IOException {
            java.io.StringWriter line = new java.io.StringWriter();
            try (JsonGenerator g = factory.createGenerator(line)) {
                g.writeStartObject();
                if (scenarios) {
                    g.writeStringField("scenario", r.scenario());
                }
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
