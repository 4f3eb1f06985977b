package dev.adjointgreeks.libor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;

/** The LIBOR scenario schema: the published file reads back as the published case; bad fields are named. */
class LiborScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The trade of scenarios/libor-swaptions.json with its market's fields merged in. */
    private static ObjectNode publishedTrade() throws IOException {
        JsonNode doc = JSON.readTree(Path.of("scenarios/libor-swaptions.json").toFile());
        ObjectNode t = JSON.createObjectNode();
        t.setAll((ObjectNode) doc.get("markets").get("smoking-adjoints"));
        t.setAll((ObjectNode) doc.get("trades").get(0));
        return t;
    }

    /** Fields over a JSON object, as the JSON scenario reader offers them. */
    private static Fields fields(ObjectNode node) {
        return new Fields() {
            @Override
            public String text(String column) {
                JsonNode v = node.get(column);
                return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
            }

            @Override
            public double[] numbers(String column) {
                JsonNode v = node.get(column);
                if (v == null) {
                    throw new FieldException(column, "is required", null);
                }
                double[] out = new double[v.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = v.get(i).asDouble();
                }
                return out;
            }

            @Override
            public double[][] matrix(String column) {
                JsonNode v = node.get(column);
                if (v == null) {
                    throw new FieldException(column, "must be a list of rows", null);
                }
                double[][] m = new double[v.size()][];
                for (int i = 0; i < m.length; i++) {
                    m[i] = new double[v.get(i).size()];
                    for (int j = 0; j < m[i].length; j++) {
                        m[i][j] = v.get(i).get(j).asDouble();
                    }
                }
                return m;
            }
        };
    }

    @Test
    void thePublishedScenarioFileIsThePublishedCase() throws IOException {
        Fields f = fields(publishedTrade());
        LiborMarket m = LiborDescriptor.market(f);
        assertEquals(LiborMarket.published(), m);
        assertEquals(SwaptionPortfolio.published(), SwaptionPortfolioDescriptor.portfolio(f, m));
    }

    private static String rejected(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode t = publishedTrade();
        edit.accept(t);
        Fields f = fields(t);
        FieldException e = assertThrows(FieldException.class, () -> SwaptionPortfolioDescriptor.portfolio(f, LiborDescriptor.market(f)));
        return e.column();
    }

    @Test
    void aBadFieldIsRejectedByName() throws IOException {
        assertEquals("forward_rate[3]", rejected(t -> ((ArrayNode) t.get("forward_rate")).set(2, -0.01)));
        assertEquals("lambda[80]", rejected(t -> ((ArrayNode) t.get("lambda")).set(79, 0.0)));
        assertEquals("lambda", rejected(t -> ((ArrayNode) t.get("lambda")).remove(0)));
        assertEquals("accrual", rejected(t -> t.put("accrual", -0.25)));
        assertEquals("accrual", rejected(t -> t.remove("accrual")));
        assertEquals("expiry", rejected(t -> t.put("expiry", 80)));
        assertEquals("expiry", rejected(t -> t.put("expiry", 0)));
        assertEquals("swaptions[13][1]", rejected(t -> ((ArrayNode) t.get("swaptions").get(12)).set(0, 41)));
        assertEquals("swaptions[2][1]", rejected(t -> ((ArrayNode) t.get("swaptions").get(1)).set(0, 2.5)));
        assertEquals("swaptions[4]", rejected(t -> ((ArrayNode) t.get("swaptions").get(3)).remove(1)));
        assertEquals("swaptions", rejected(t -> t.putArray("swaptions")));
        assertEquals("notional", rejected(t -> t.put("notional", 0)));
    }
}
