package dev.adjointgreeks.nn;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.adjointgreeks.io.Bom;

/** Numeric columns read from a CSV file for training or prediction, with errors naming file, line and column. */
public record DataTable(double[][] inputs, double[] target) {

    /** A data file that cannot be used. */
    public static final class BadDataException extends IOException {
        private static final long serialVersionUID = 1L;

        public BadDataException(String message) {
            super(message);
        }
    }

    /**
     * Reads the named input columns and, if {@code target} is not null, the target column. For
     * training (a target given), the names must be unique and not include the target, and no input
     * column may be constant (it carries nothing to learn and cannot be normalised).
     */
    public static DataTable read(Path file, String[] inputNames, String target) throws IOException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new BadDataException(file + ": cannot read the data file");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : inputNames) {
            String k = n.trim().toLowerCase(Locale.ROOT);
            if (k.isEmpty()) {
                throw new BadDataException("--inputs: an input name is empty");
            }
            if (!seen.add(k)) {
                throw new BadDataException("--inputs: '" + n + "' is named twice");
            }
        }
        if (target != null && seen.contains(target.trim().toLowerCase(Locale.ROOT))) {
            throw new BadDataException("--target: '" + target + "' is also an input");
        }
        try (Reader r = Bom.skip(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setCommentMarker('#')
                        .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get())) {
            var it = p.iterator();
            if (!it.hasNext()) {
                throw new BadDataException(file + ": the file is empty (a header row is required)");
            }
            CSVRecord header = it.next();
            Map<String, Integer> cols = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cols.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            int[] idx = new int[inputNames.length];
            for (int i = 0; i < idx.length; i++) {
                Integer c = cols.get(inputNames[i].toLowerCase(Locale.ROOT));
                if (c == null) {
                    throw new BadDataException(file + ": no column '" + inputNames[i] + "' (columns: "
                            + String.join(", ", cols.keySet()) + ")");
                }
                idx[i] = c;
            }
            Integer t = null;
            if (target != null) {
                t = cols.get(target.toLowerCase(Locale.ROOT));
                if (t == null) {
                    throw new BadDataException(file + ": no target column '" + target + "'");
                }
            }
            List<double[]> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                long line = p.getCurrentLineNumber();
                double[] x = new double[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    x[i] = cell(file, line, rec, idx[i], inputNames[i]);
                }
                xs.add(x);
                if (t != null) {
                    ys.add(cell(file, line, rec, t, target));
                }
            }
            if (xs.isEmpty()) {
                throw new BadDataException(file + ": no data rows");
            }
            if (target != null) {
                for (int i = 0; i < idx.length; i++) {
                    final int c = i;
                    double first = xs.get(0)[c];
                    if (xs.stream().allMatch(x -> x[c] == first)) {
                        throw new BadDataException(file + ": " + inputNames[i] + ": the column is constant (every row "
                                + first + "): nothing to learn from, and it cannot be normalised");
                    }
                }
            }
            double[] y = new double[ys.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = ys.get(i);
            }
            return new DataTable(xs.toArray(new double[0][]), t == null ? null : y);
        } catch (UncheckedIOException e) {
            throw new BadDataException(file + ": malformed CSV: " + e.getCause().getMessage());
        }
    }

    private static double cell(Path file, long line, CSVRecord rec, int i, String name) throws BadDataException {
        if (i >= rec.size() || rec.get(i).isBlank()) {
            throw new BadDataException(file + ":" + line + ": " + name + ": is missing");
        }
        String s = rec.get(i);
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new BadDataException(file + ":" + line + ": " + name + ": is not a number (value '" + s + "')");
        }
        if (!Double.isFinite(v)) {
            throw new BadDataException(file + ":" + line + ": " + name + ": is " + (Double.isNaN(v) ? "NaN" : "not finite")
                    + " (value '" + s + "')");
        }
        return v;
    }
}
