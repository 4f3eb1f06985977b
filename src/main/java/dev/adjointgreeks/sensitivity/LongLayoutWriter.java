package dev.adjointgreeks.sensitivity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.adjointgreeks.io.CsvText;

/**
 * Writes the long layout, one row per (trade, sensitivity): {@code id, market, factor, bucket,
 * value, stderr}. CSV follows the wide layout's conventions (RFC 4180 via {@link CsvText}, numbers
 * by {@link Double#toString}, '\n' line ends, a missing standard error as an empty cell); JSON lines
 * have one object per row, with {@code stderr} absent where there is none.
 *
 * <p>The writer owns no file: the caller decides where the stream goes (stdout, or a file written
 * atomically).
 */
public abstract class LongLayoutWriter implements AutoCloseable {

    protected final Writer out;

    private LongLayoutWriter(Writer out) {
        this.out = out;
    }

    /** CSV, with its header line written now. */
    public static LongLayoutWriter csv(Writer out) throws IOException {
        return new Csv(out);
    }

    public static LongLayoutWriter jsonLines(Writer out) {
        return new JsonLines(out);
    }

    public abstract void write(SensitivityRow row) throws IOException;

    public void writeAll(Iterable<SensitivityRow> rows) throws IOException {
        for (SensitivityRow r : rows) {
            write(r);
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private static final class Csv extends LongLayoutWriter {
        Csv(Writer out) throws IOException {
            super(out);
            out.write(String.join(",", SensitivityRow.COLUMNS) + "\n");
        }

        @Override
        public void write(SensitivityRow r) throws IOException {
            StringBuilder sb = new StringBuilder(96);
            sb.append(CsvText.field(r.id())).append(',').append(CsvText.field(r.market())).append(',')
                    .append(CsvText.field(r.factor())).append(',').append(CsvText.field(r.bucket())).append(',')
                    .append(Double.toString(r.value())).append(',');
            if (!Double.isNaN(r.stderr())) {
                sb.append(Double.toString(r.stderr()));
            }
            out.write(sb.append('\n').toString());
        }
    }

    private static final class JsonLines extends LongLayoutWriter {
        private final JsonFactory factory = new JsonFactory();

        JsonLines(Writer out) {
            super(out);
        }

        @Override
        public void write(SensitivityRow r) throws IOException {
            StringWriter line = new StringWriter();
            try (JsonGenerator g = factory.createGenerator(line)) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("market", r.market());
                g.writeStringField("factor", r.factor());
                g.writeStringField("bucket", r.bucket());
                g.writeNumberField("value", r.value());
                if (!Double.isNaN(r.stderr())) {
                    g.writeNumberField("stderr", r.stderr());
                }
                g.writeEndObject();
            }
            out.write(line.toString());
            out.write('\n');
        }
    }
}
