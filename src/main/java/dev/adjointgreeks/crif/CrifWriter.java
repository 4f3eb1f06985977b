package dev.adjointgreeks.crif;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CRIF rows as CSV: a header of exactly {@link CrifRow#COLUMNS}, one line per row, '\n' line
 * ends, RFC 4180 quoting (commons-csv's minimal mode, which also quotes a field that starts with
 * '#' or a space, so no reader takes it for a comment). Amounts in plain decimal notation
 * ({@code 0.00012}, never {@code 1.2E-4}) with the shortest digits that read back to the same double,
 * since CRIF consumers are not all Java.
 *
 * <p>The writer does not own file handling: the command line writes through the project's atomic
 * file helper, so a failed run leaves no half-written CRIF file.
 */
public final class CrifWriter implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private final CSVPrinter printer;

    public CrifWriter(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(CrifRow.COLUMNS);
    }

    public void write(CrifRow r) throws IOException {
        printer.printRecord(r.tradeId(), r.productClass(), r.riskType(), r.qualifier(), r.bucket(), r.label1(),
                r.label2(), plain(r.amount()), r.amountCurrency(), plain(r.amountUsd()));
    }

    public void writeAll(Iterable<CrifRow> rows) throws IOException {
        for (CrifRow r : rows) {
            write(r);
        }
    }

    /** Shortest round-tripping digits in plain notation; -0 as 0. */
    static String plain(double v) {
        if (v == 0.0) {
            return "0";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
