package dev.adjointgreeks.crif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CrifWriterTest {

    @Test
    void writesExactlyTheCrifColumnsAndPlainAmounts() throws Exception {
        StringWriter out = new StringWriter();
        try (CrifWriter w = new CrifWriter(out)) {
            w.write(new CrifRow("eq1", "Equity", "Risk_IRCurve", "USD", "1", "5y", "OIS", -1.2e-4, "USD", -1.2e-4));
            w.write(new CrifRow("eq1", "Equity", "Risk_Equity", "SPX", "Residual", "", "", 61.25, "USD", 61.25));
            w.write(new CrifRow("eq,2", "Equity", "Risk_Equity", "#SX5E", "Residual", "", "", 1e22, "EUR", -0.0));
        }
        assertEquals("TradeID,ProductClass,RiskType,Qualifier,Bucket,Label1,Label2,Amount,AmountCurrency,AmountUSD\n"
                + "eq1,Equity,Risk_IRCurve,USD,1,5y,OIS,-0.00012,USD,-0.00012\n"
                + "eq1,Equity,Risk_Equity,SPX,Residual,,,61.25,USD,61.25\n"
                + "\"eq,2\",Equity,Risk_Equity,\"#SX5E\",Residual,,,10000000000000000000000,EUR,0\n", out.toString());
    }

    @Test
    void whatItWritesReadsBackToTheSameRows() throws Exception {
        List<CrifRow> rows = List.of(
                new CrifRow("a \"quoted\" id", "Equity", "Risk_IRCurve", "EUR", "1", "10y", "OIS", 0.1 + 0.2, "EUR",
                        (0.1 + 0.2) * 1.08),
                new CrifRow(" lead", "Equity", "Risk_Equity", "X\nY", "Residual", "", "", -Math.PI * 1e-9, "EUR",
                        Double.MIN_NORMAL));
        StringWriter out = new StringWriter();
        try (CrifWriter w = new CrifWriter(out)) {
            w.writeAll(rows);
        }
        try (CSVParser p = CSVParser.parse(new StringReader(out.toString()),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').build())) {
            assertEquals(CrifRow.COLUMNS, p.getHeaderNames());
            List<CSVRecord> back = p.getRecords();
            assertEquals(rows.size(), back.size());
            for (int i = 0; i < rows.size(); i++) {
                CrifRow r = rows.get(i);
                CSVRecord b = back.get(i);
                CrifRow read = new CrifRow(b.get(0), b.get(1), b.get(2), b.get(3), b.get(4), b.get(5), b.get(6),
                        Double.parseDouble(b.get(7)), b.get(8), Double.parseDouble(b.get(9)));
                assertEquals(r, read, "every field, and every amount to the last bit");
            }
        }
    }
}
