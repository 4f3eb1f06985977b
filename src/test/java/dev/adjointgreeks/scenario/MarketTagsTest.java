package dev.adjointgreeks.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trade's market name and CRIF tags reach its recorded fields, with their defaults and refusals. */
class MarketTagsTest {

    @TempDir
    Path dir;

    @Test
    void tagsComeFromTheMarketWithDefaultsAndAreCheckedPerRow() throws IOException {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\"markets\": {\n"
                + "\"usd\": {\"spot\": 100, \"vol\": 0.2, \"rate\": 0.03, \"dividend\": 0},\n"
                + "\"eur\": {\"spot\": 100, \"vol\": 0.2, \"rate\": 0.03, \"dividend\": 0, \"currency\": \"EUR\","
                + " \"usd_per_unit\": 1.08, \"subcurve\": \"Libor3m\", \"simm_ir_bucket\": \"1\", \"simm_bucket\": \"5\"},\n"
                + "\"gbp\": {\"spot\": 100, \"vol\": 0.2, \"rate\": 0.03, \"dividend\": 0, \"currency\": \"GBP\"}},\n"
                + "\"trades\": [\n"
                + "{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"market\": \"usd\"},\n"
                + "{\"id\": \"b\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"market\": \"eur\"},\n"
                + "{\"id\": \"c\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"market\": \"gbp\"}\n"
                + "]}");
        List<ScenarioRow> rows = JsonScenarioReader.read(f, false).rows();
        ScenarioRow.Parsed a = assertInstanceOf(ScenarioRow.Parsed.class, rows.get(0));
        assertEquals(new MarketTags("usd", "USD", 1.0, "OIS", "1", "Residual"), MarketTags.of(a.fields()));
        ScenarioRow.Parsed b = assertInstanceOf(ScenarioRow.Parsed.class, rows.get(1));
        assertEquals(new MarketTags("eur", "EUR", 1.08, "Libor3m", "1", "5"), MarketTags.of(b.fields()));
        ScenarioRow.Rejected c = assertInstanceOf(ScenarioRow.Rejected.class, rows.get(2));
        assertEquals(f + ":8: usd_per_unit: is required when the currency is not USD (currency GBP)", c.message());
    }
}
