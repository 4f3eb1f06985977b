package dev.adjointgreeks.scenario;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.FieldException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.io.Bom;

/**
 * Streams trades from a single-asset CSV scenario file: a header row naming the columns in any
 * order, one trade per line, blank lines and {@code #} comment lines skipped. Rows are parsed one
 * at a time, so memory does not grow with the file. A bad row becomes a {@link ScenarioRow.Rejected}
 * naming file, the first line of its record, column and value; the rest of the file is still read.
 * If the file turns malformed partway (an unclosed quote), its remainder is one rejection at the
 * line where it broke, and the reader ends. A UTF-8 byte-order mark is skipped. With a markets file
 * (see {@link #CsvScenarioReader(Path, boolean, Markets)}) a {@code market} column puts rows on shared
 * markets, curves included; a name the file lacks rejects the row ({@code market: unknown market}).
 */
public final class CsvScenarioReader implements Iterator<ScenarioRow>, Closeable {

    /** A problem with the whole file (exit code 2): empty, unreadable, malformed, unknown column. */
    public static final class BadFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public BadFileException(String message) {
            super(message);
        }
    }

    private final String name;
    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    /** The markets a row's {@code market} cell names ({@code --market}), or null. */
    private final Markets markets;
    /** The header's known columns: a row on a market carries these cells over its market's fields. */
    private final List<String> knownColumns = new ArrayList<>();

    public CsvScenarioReader(Path file, boolean ignoreUnknownColumns) throws IOException {
        this(file, ignoreUnknownColumns, null);
    }

    /**
     * A CSV book whose rows may name a market of {@code markets} in a {@code market} column: a row
     * takes its market's fields (spots, vols, curves, currency and SIMM tags) and its own non-empty
     * cells override them, as a JSON trade overrides its market ({@link Markets#merge}). An empty
     * cell names no market. Without {@code markets}, a {@code market} column is a file-level error.
     */
    public CsvScenarioReader(Path file, boolean ignoreUnknownColumns, Markets markets) throws IOException {
        this.name = file.toString();
        this.markets = markets;
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new BadFileException(name + ": cannot read the file");
        }
        this.reader = Bom.skip(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        try {
            this.parser = CSVParser.parse(reader, format);
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadFileException(name + ": the file is empty (a header row naming the columns is required)");
            }
            CSVRecord header = records.next();
            this.lastLine = header.getParser().getCurrentLineNumber();
            if (header.size() > Limits.MAX_COLUMNS) {
                throw new BadFileException(name + ":" + lineOf(header) + ": header: " + header.size()
                        + " columns, more than the limit of " + Limits.MAX_COLUMNS);
            }
            List<String> unknown = new ArrayList<>();
            java.util.Set<String> known = Descriptors.csvColumns();
            if (markets != null) {
                known.add(Descriptors.MARKET_KEY);
            }
            for (int i = 0; i < header.size(); i++) {
                String col = header.get(i).trim().toLowerCase(Locale.ROOT);
                if (col.isEmpty()) {
                    throw new BadFileException(name + ":" + lineOf(header) + ": header: column " + (i + 1) + " has no name");
                }
                if (columns.put(col, i) != null) {
                    throw new BadFileException(name + ":" + lineOf(header) + ": header: column '" + col + "' appears twice");
                }
                if (col.equals(Descriptors.MARKET_KEY) && markets == null) {
                    throw new BadFileException(name + ":" + lineOf(header) + ": header: the column 'market' names a market "
                            + "of a markets file: give the file with --market FILE");
                }
                if (!known.contains(col)) {
                    unknown.add(col);
                } else {
                    knownColumns.add(col);
                }
            }
            if (!unknown.isEmpty() && !ignoreUnknownColumns) {
                throw new BadFileException(name + ":" + lineOf(header) + ": header: unknown column" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + " (use --ignore-unknown-columns to skip them)");
            }
            if (!columns.containsKey("id") || !columns.containsKey("product")) {
                throw new BadFileException(name + ":" + lineOf(header) + ": header: the columns 'id' and 'product' are required");
            }
        } catch (UncheckedIOException e) {
            close();
            throw new BadFileException(name + ": malformed CSV: " + e.getCause().getMessage());
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * The first line of a record: the parser has counted the line breaks up to the record's end;
     * the breaks inside its quoted values are the lines it spans beyond its first.
     */
    private static long lineOf(CSVRecord r) {
        long breaks = 0;
        for (String v : r) {
            if (v == null) {
                continue;
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return r.getParser().getCurrentLineNumber() - breaks;
    }

    /** Set when the file turned malformed: its remainder, as one rejection still to hand out. */
    private ScenarioRow.Rejected remainder;
    private boolean broken;
    private long lastLine = 1;

    @Override
    public boolean hasNext() {
        if (remainder != null) {
            return true;
        }
        if (broken) {
            return false;
        }
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            breakOff(e);
            return true;
        }
    }

    /** A file that turns malformed partway: the rest of it is one rejection, and reading stops. */
    private void breakOff(UncheckedIOException e) {
        broken = true;
        String why = e.getCause() == null ? String.valueOf(e.getMessage()) : e.getCause().getMessage();
        remainder = new ScenarioRow.Rejected(new ScenarioRow.Source(name, lastLine + 1), null, "row",
                "malformed CSV; the rest of the file is not read: " + why, null);
    }

    @Override
    public ScenarioRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (remainder != null) {
            ScenarioRow.Rejected r = remainder;
            remainder = null;
            return r;
        }
        CSVRecord r;
        try {
            r = records.next();
        } catch (UncheckedIOException e) {
            breakOff(e);
            return next();
        }
        lastLine = r.getParser().getCurrentLineNumber();
        ScenarioRow.Source source = new ScenarioRow.Source(name, lineOf(r));
        Fields fields = column -> {
            Integer i = columns.get(column);
            if (i == null || i >= r.size()) {
                return null;
            }
            String v = r.get(i);
            return v == null || v.isBlank() ? null : v;
        };
        String id = fields.text("id");
        if (r.size() != columns.size()) {
            return new ScenarioRow.Rejected(source, id, "row", "the row has " + r.size() + " fields but the header names "
                    + columns.size(), null);
        }
        String marketName = markets == null ? null : fields.text(Descriptors.MARKET_KEY);
        if (marketName != null) {
            ObjectNode market = markets.market(marketName);
            if (market == null) {
                return new ScenarioRow.Rejected(source, id, Descriptors.MARKET_KEY, "unknown market", marketName);
            }
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (String c : knownColumns) {
                String v = fields.text(c);
                if (v != null) {
                    row.put(c, v);
                }
            }
            fields = new JsonFields(Markets.merge(market, row));
        }
        try {
            RecordedFields recorded = RecordedFields.recording(fields);
            return new ScenarioRow.Parsed(source, TradeFactory.create(recorded), recorded.freeze());
        } catch (FieldException e) {
            return new ScenarioRow.Rejected(source, id, e.column(), e.reason(), e.value());
        } catch (IllegalArgumentException e) {
            // a refusal TradeFactory did not turn into a field error: still this row's, never the batch's
            return new ScenarioRow.Rejected(source, id, "row", String.valueOf(e.getMessage()), null);
        }
    }

    /** The bucket columns a row may report beyond the single-asset Greeks: its markets' pillars. */
    public List<String> bucketColumns() {
        return markets == null ? List.of() : markets.bucketColumns();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
