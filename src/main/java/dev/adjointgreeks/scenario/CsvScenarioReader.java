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

/**
 * Streams trades from a single-asset CSV scenario file: a header row naming the columns in any
 * order, one trade per line, blank lines and {@code #} comment lines skipped. Rows are parsed one
 * at a time, so memory does not grow with the file. A bad row becomes a {@link ScenarioRow.Rejected}
 * naming file, line, column and value; the rest of the file is still read.
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

    public CsvScenarioReader(Path file, boolean ignoreUnknownColumns) throws IOException {
        this.name = file.toString();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new BadFileException(name + ": cannot read the file");
        }
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        try {
            this.parser = CSVParser.parse(reader, format);
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadFileException(name + ": the file is empty (a header row naming the columns is required)");
            }
            CSVRecord header = records.next();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String col = header.get(i).trim().toLowerCase(Locale.ROOT);
                if (col.isEmpty()) {
                    throw new BadFileException(name + ":" + lineOf(header) + ": header: column " + (i + 1) + " has no name");
                }
                if (columns.put(col, i) != null) {
                    throw new BadFileException(name + ":" + lineOf(header) + ": header: column '" + col + "' appears twice");
                }
                if (!TradeFactory.CSV_COLUMNS.contains(col)) {
                    unknown.add(col);
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

    private static long lineOf(CSVRecord r) {
        // the parser counts the line breaks it has consumed; a record starts after them
        return r.getParser().getCurrentLineNumber();
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(new BadFileException(name + ":" + (parser.getCurrentLineNumber() + 1)
                    + ": malformed CSV: " + e.getCause().getMessage()));
        }
    }

    @Override
    public ScenarioRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord r;
        try {
            r = records.next();
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(new BadFileException(name + ":" + (parser.getCurrentLineNumber() + 1)
                    + ": malformed CSV: " + e.getCause().getMessage()));
        }
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
            return new ScenarioRow.Rejected(source, id, null, "the row has " + r.size() + " fields but the header names "
                    + columns.size(), null);
        }
        try {
            return new ScenarioRow.Parsed(source, TradeFactory.create(fields));
        } catch (FieldException e) {
            return new ScenarioRow.Rejected(source, id, e.column(), e.getMessage(), e.value());
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
