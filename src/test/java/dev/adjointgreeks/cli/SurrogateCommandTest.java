package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;

/** {@code greeks surrogate} end to end on temporary files: train, report, price, and bad input. */
class SurrogateCommandTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void train() {
        model = dir.resolve("bs.json");
        CliRunner.Run r = CliRunner.run("surrogate", "train", "--example", "bs-call", "--samples", "1024", "--seed", "11",
                "--epochs", "60", "--gradient", "twin", "--out", model.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("differential training on 1024 samples"), r.err());
    }

    @Test
    void reportGivesTheTestErrorsAndAChart() throws Exception {
        Path png = dir.resolve("chart.png");
        CliRunner.Run r = CliRunner.run("surrogate", "report", "--model", model.toString(), "--format", "json", "--png",
                png.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(100, j.get("test_points").asInt());
        assertEquals("differential", j.get("mode").asText());
        assertTrue(j.get("price_rmse").asDouble() < 0.6, r.out());
        assertEquals(j.get("price_rmse").asDouble(), j.get("price_rmse_percent").asDouble(), 1e-12);
        assertTrue(j.get("greek_rmse").get("delta").asDouble() < 0.03, r.out());
        assertTrue(j.get("price_max_error").asDouble() >= j.get("price_rmse").asDouble());
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
        CliRunner.Run text = CliRunner.run("surrogate", "report", "--model", model.toString(), "--png",
                dir.resolve("t.png").toString());
        assertTrue(text.out().contains("price RMSE") && text.out().contains("delta RMSE"), text.out());
    }

    @Test
    void secondOrderLabelsTrainOnTheConditionedPayoffAndTheReportGivesGamma() throws Exception {
        Path m2 = dir.resolve("bs-gamma.json");
        CliRunner.Run r = CliRunner.run("surrogate", "train", "--example", "bs-call", "--samples", "256", "--seed", "3",
                "--epochs", "5", "--second-order-labels", "--out", m2.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("second-order labels, weight 0.1"), r.err());
        CliRunner.Run j = CliRunner.run("surrogate", "report", "--model", m2.toString(), "--format", "json", "--png",
                dir.resolve("g.png").toString());
        assertEquals(0, j.exit(), j.err());
        JsonNode o = new ObjectMapper().readTree(j.out());
        assertEquals(0.1, o.get("second_order_weight").asDouble());
        assertTrue(o.get("second_order_rmse").get("gamma").asDouble() > 0, j.out());
        CliRunner.Run text = CliRunner.run("surrogate", "report", "--model", model.toString(), "--png",
                dir.resolve("t2.png").toString());
        assertTrue(text.out().contains("gamma RMSE"), text.out());
        CliRunner.Run twin = CliRunner.run("surrogate", "train", "--example", "bs-call", "--samples", "16", "--epochs",
                "1", "--second-order-labels", "--gradient", "twin", "--out", dir.resolve("no.json").toString());
        assertEquals(2, twin.exit(), twin.err());
        assertTrue(twin.err().contains("--gradient lanes or tape"), twin.err());
        CliRunner.Run alone = CliRunner.run("surrogate", "train", "--example", "bs-call", "--samples", "16", "--epochs",
                "1", "--second-order-weight", "0.5", "--out", dir.resolve("no.json").toString());
        assertEquals(2, alone.exit(), alone.err());
        assertTrue(alone.err().contains("with --second-order-labels"), alone.err());
    }

    @Test
    void priceReadsScenarioFilesWritesTheColumnsOfGreeksPriceAndRejectsOtherTrades() throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, String.join("\n",
                "id,product,type,model,spot,strike,maturity,rate,dividend,vol",
                "a,european,call,bs,100,110,1,0,0,0.2",
                "b,european,call,bs,130,110,1,0,0,0.2",
                "put,european,put,bs,100,110,1,0,0,0.2",
                "k,european,call,bs,100,100,1,0,0,0.2",
                "far,european,call,bs,300,110,1,0,0,0.2",
                "dig,digital,call,bs,100,110,1,0,0,0.2", ""));
        Path out = dir.resolve("out.csv");
        CliRunner.Run r = CliRunner.run("surrogate", "price", "--model", model.toString(), csv.toString(), "--out",
                out.toString());
        assertEquals(3, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,product,model,method,paths,seed,price,price_stderr,delta,delta_stderr,time_ms", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        for (int i = 1; i <= 2; i++) {
            String[] c = lines.get(i).split(",", -1);
            double spot = i == 1 ? 100 : 130;
            assertEquals("surrogate", c[3]);
            assertEquals("", c[7], "empty price_stderr");
            assertEquals("", c[9], "empty delta_stderr");
            assertEquals(BlackScholesFormula.price(CallPut.CALL, spot, 110, 1, 0, 0, 0.2), Double.parseDouble(c[6]), 1.0);
            assertEquals(BlackScholesFormula.greeks(CallPut.CALL, spot, 110, 1, 0, 0, 0.2).delta(),
                    Double.parseDouble(c[8]), 0.05);
        }
        assertTrue(r.err().contains(":4: type: the surrogate was trained with type CALL (value 'PUT')"), r.err());
        assertTrue(r.err().contains(":5: strike: fixed at 110.0"), r.err());
        assertTrue(r.err().contains(":6: spot: outside the trained domain"), r.err());
        assertTrue(r.err().contains(":7: product: the surrogate was trained on product 'european' (value 'digital')"),
                r.err());
        CliRunner.Run x = CliRunner.run("surrogate", "price", "--model", model.toString(), csv.toString(),
                "--allow-extrapolation", "--format", "jsonl");
        assertTrue(x.err().contains(":6: warning: extrapolating: spot 300.0 outside [30.0, 260.0]"), x.err());
        assertTrue(x.out().contains("\"id\":\"far\""), x.out());
        assertFalse(x.out().contains("stderr"), x.out());
    }

    @Test
    void badInputExitsTwoNamingTheFieldWithoutAStackTraceAndLeavesTheModelAlone() throws Exception {
        Path keep = dir.resolve("keep.json");
        Files.writeString(keep, "precious");
        Path badSpec = dir.resolve("bad-spec.json");
        Files.writeString(badSpec, "{\"surrogate\": {\"vary\": [{\"input\": \"spot\", \"lower\": 300, \"upper\": 260}]}, "
                + "\"trades\": [{\"id\": \"t\", \"product\": \"european\", \"type\": \"call\", \"model\": \"bs\", "
                + "\"spot\": 100, \"strike\": 110, \"maturity\": 1, \"rate\": 0, \"dividend\": 0, \"vol\": 0.2}]}");
        Path closed = dir.resolve("no-closed-form.json");
        Files.writeString(closed, "{\"surrogate\": {\"vary\": [{\"input\": \"spot\", \"lower\": 50, \"upper\": 150}], "
                + "\"labels\": \"closed-form\"}, \"trades\": [{\"id\": \"t\", \"product\": \"asian\", \"type\": \"call\", "
                + "\"model\": \"bs\", \"spot\": 100, \"strike\": 110, \"maturity\": 1, \"rate\": 0, \"dividend\": 0, "
                + "\"vol\": 0.2, \"fixings\": 12, \"averaging\": \"arithmetic\"}]}");
        Path nnModel = dir.resolve("nn.json");
        Files.writeString(nnModel, "{\"format\": \"adjoint-greeks-mlp\", \"version\": 1}");
        String[][] cases = {
            {"--samples", "train", "--example", "bs-call", "--samples", "0"},
            {"--samples", "train", "--example", "bs-call", "--samples", "-5"},
            {"--example: unknown example 'heston-call'", "train", "--example", "heston-call", "--samples", "10"},
            {"surrogate.vary[0].lower", "train", "--spec", badSpec.toString(), "--samples", "10"},
            {"labels: no closed form", "train", "--spec", closed.toString(), "--samples", "10"},
            {"--epochs", "train", "--example", "bs-call", "--samples", "10", "--epochs", "0"},
        };
        CliRunner.Run dirOut = CliRunner.run("surrogate", "train", "--example", "bs-call", "--samples", "10", "--out",
                dir.toString());
        assertEquals(2, dirOut.exit(), dirOut.err());
        assertTrue(dirOut.err().contains("--out: ") && dirOut.err().contains("is a directory"), dirOut.err());
        for (String[] c : cases) {
            String[] args = new String[c.length + 2];
            args[0] = "surrogate";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            args[c.length] = "--out";
            args[c.length + 1] = keep.toString();
            CliRunner.Run r = CliRunner.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(c[0]), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertEquals("precious", Files.readString(keep), "a failed run leaves the model file alone");
        }
        CliRunner.Run r = CliRunner.run("surrogate", "report", "--model", nnModel.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("kind: not a surrogate model file") && r.err().contains("'greeks nn' model"), r.err());
        r = CliRunner.run("surrogate", "price", "--model", keep.toString(), "whatever.csv");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("malformed JSON"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aBasketSurrogatePricesJsonTradesOfItsMarketAndRejectsOtherModelsAndTerms() throws Exception {
        Path basket = dir.resolve("basket.json");
        CliRunner.Run t = CliRunner.run("surrogate", "train", "--example", "bachelier-basket-7", "--samples", "512",
                "--epochs", "10", "--gradient", "twin", "--out", basket.toString(), "--quiet");
        assertEquals(0, t.exit(), t.err());
        String trades = Files.readString(Path.of("scenarios/surrogate/bachelier-basket-7-trades.json"));
        Path file = dir.resolve("trades.json");
        // one more trade on the lognormal model and one with other weights
        String other = trades.replace("\"trades\": [", "\"trades\": [\n    {\"id\": \"bs\", \"product\": \"basket\", "
                + "\"type\": \"call\", \"market\": \"basket7\", \"strike\": 110, \"maturity\": 1, "
                + "\"weights\": [0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.2], \"model\": \"bachelier\"},\n"
                + "    {\"id\": \"lognormal\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 110, "
                + "\"maturity\": 1, \"weights\": [0.5, 0.5], \"spots\": [100, 100], \"vols\": [0.2, 0.2], "
                + "\"dividends\": [0, 0], \"rate\": 0, \"correlation\": [[1, 0], [0, 1]]},");
        Files.writeString(file, other);
        CliRunner.Run r = CliRunner.run("surrogate", "price", "--model", basket.toString(), file.toString(), "--format",
                "jsonl");
        assertEquals(3, r.exit(), r.err());
        String[] rows = r.out().trim().split("\n");
        assertEquals(3, rows.length, r.out());
        for (String row : rows) {
            JsonNode j = new ObjectMapper().readTree(row);
            assertEquals("surrogate", j.get("method").asText());
            for (int i = 1; i <= 7; i++) {
                assertTrue(j.has("delta_" + i), row);
            }
            assertFalse(j.has("gamma_1_1"), row);
        }
        assertTrue(r.err().contains("weights: the surrogate was trained with weights"), r.err());
        assertTrue(r.err().contains("model: the surrogate was trained on model 'bachelier'"), r.err());
        assertTrue(r.err().contains("spot_4: outside the trained domain: spot_4 160.0 outside [50.0, 150.0]"), r.err());
    }
}
