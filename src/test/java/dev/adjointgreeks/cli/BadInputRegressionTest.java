package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per failure of issue 14 (fuzzed scenario files), each as it was reproduced: a few
 * paths, one thread. Numbers in the names are the ({@code i23_} for the three classes of
 * issue 23). Every run must end with exit 0, 2 or 3, never a stack trace, and never write NaN or
 * Infinity.
 */
class BadInputRegressionTest {

    static final String HEADER = PriceCommandTest.HEADER;
    static final String GOOD = "good,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,";

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    Path csv(String name, String... rows) throws IOException {
        return file(name, HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    static CliRunner.Run price(Object... args) {
        List<String> a = new ArrayList<>(List.of("price", "--paths", "200", "--threads", "1", "--quiet"));
        for (Object o : args) {
            a.add(o.toString());
        }
        CliRunner.Run r = CliRunner.run(a.toArray(String[]::new));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace:\n" + r.err());
        assertTrue(r.exit() == 0 || r.exit() == 2 || r.exit() == 3, "exit " + r.exit() + "\n" + r.err());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), "a number that is not finite:\n" + r.out());
        return r;
    }

    static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void f01_anIdOfControlCharactersIsOneRejectionAndTheRowsAfterItArePriced() throws IOException {
        Path f = csv("f.csv", "\u0001,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,", GOOD);
        CliRunner.Run r = price(f);
        assertEquals(3, r.exit());
        assertTrue(r.err().contains(f + ":2: id: is empty once blanks and control characters are trimmed "
                + "(value '\\u0001')"), r.err());
        assertEquals(List.of("good"), records(r.out()).stream().map(x -> x.get("id")).toList());
    }

    @Test
    void f02_sizesHaveDocumentedUpperBounds() throws IOException {
        String h = HEADER + ",paths,steps";
        Path f = file("f.csv", h + "\n"
                + "s1,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,,2147483647\n"
                + "p1,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,9223372036854775807,\n"
                + "p2,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,4611686018427387904,\n"
                + "p3,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,100000000,\n"
                + "s2,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,,1000000\n"
                + "a1,asian,call,bs,100,100,1,0.05,0,0.2,,,,100000000,,,,,,,,,\n"
                + "w1,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,10000000,10000\n"
                + GOOD + ",,\n");
        CliRunner.Run r = price(f);
        assertEquals(3, r.exit());
        for (String s : List.of(":2: steps: must be between 1 and 10000 (value '2147483647')",
                ":3: paths: must be between 2 and 10000000 (value '9223372036854775807')",
                ":4: paths: must be between 2 and 10000000 (value '4611686018427387904')",
                ":5: paths: must be between 2 and 10000000 (value '100000000')",
                ":6: steps: must be between 1 and 10000", ":7: fixings: must be between 1 and 10000",
                ":8: paths: 10000000 paths of 10000 normals each pass the limit of 10000000000 normals per trade")) {
            assertTrue(r.err().contains(f + s), s + "\n" + r.err());
        }
        assertEquals(1, records(r.out()).size());
        Path j = file("s.json", "{\"settings\": {\"paths\": 1e30}, \"trades\": []}");
        CliRunner.Run js = price(j);
        assertEquals(2, js.exit());
        assertTrue(js.err().contains(j + ":1: settings.paths: must be a whole number (value '1.0E30')"), js.err());
        assertEquals(2, price(f, "--paths", "100000000").exit());
    }

    @Test
    void f03_jsonBeyondTheParsersLimitsIsAMalformedFile() throws IOException {
        Path digits = file("digits.json", "{\"trades\": [{\"id\": \"a\", \"spot\": 1" + "0".repeat(1_200) + "}]}");
        Path deep = file("deep.json", "{\"trades\": [" + "[".repeat(1_200) + "]".repeat(1_200) + "]}");
        Path longString = file("long.json", "{\"trades\": [{\"id\": \"" + "x".repeat(2_000_000) + "\"}]}");
        Path longKey = file("key.json", "{\"trades\": [{\"" + "k".repeat(60_000) + "\": 1}]}");
        List<String> expected = List.of(digits + ":1:33: trade: a number of 1,201 characters passes the limit of 1,000",
                deep + ":1:111: trade nests deeper than 100 levels",
                longString + ":1:20: trade: a string longer than 1,000,000 characters",
                longKey + ":1:14: trade: a key of 60,000 characters passes the limit of 50,000");
        List<Path> files = List.of(digits, deep, longString, longKey);
        for (int i = 0; i < files.size(); i++) {
            CliRunner.Run r = price(files.get(i));
            assertEquals(2, r.exit(), r.err());
            assertEquals("greeks: " + expected.get(i), r.err().strip());
        }
    }

    @Test
    void f04_outputPathsAreCheckedBeforeAnyWork() throws Exception {
        Path f = csv("f.csv", GOOD);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        CliRunner.Run onDir = price(f, "--out", sub);
        assertEquals(2, onDir.exit());
        assertTrue(onDir.err().contains("--out: " + sub + " is a directory"), onDir.err());
        assertEquals(2, price(f, "--out", "").exit());
        Path ro = Files.createDirectory(dir.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false));
        try {
            assumeFalse(Files.isWritable(ro), "running as root: every directory is writable");
            CliRunner.Run r = price(f, "--out", ro.resolve("out.csv"));
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("--out: " + ro.resolve("out.csv") + " cannot be written: no file can be "
                    + "created in " + ro + " (permission denied)"), r.err());
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    @Test
    void f04_nnOutputPathsAreCheckedBeforeTraining() throws Exception {
        Path data = file("d.csv", "x,y\n1,2\n2,3\n3,5\n");
        Path sub = Files.createDirectory(dir.resolve("m"));
        CliRunner.Run t = CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", "x", "--target", "y",
                "--model", sub.toString(), "--epochs", "1", "--quiet");
        assertEquals(2, t.exit(), t.err());
        assertTrue(t.err().contains("--model: " + sub + " is a directory"), t.err());
        Path model = dir.resolve("m.json");
        assertEquals(0, CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", "x", "--target", "y",
                "--model", model.toString(), "--epochs", "1", "--quiet", "--validation-fraction", "0").exit());
        CliRunner.Run p = CliRunner.run("nn", "predict", "--model", model.toString(), "--data", data.toString(),
                "--out", sub.toString());
        assertEquals(2, p.exit(), p.err());
        assertTrue(p.err().contains("--out: " + sub + " is a directory"), p.err());
    }

    @Test
    void f05_emptyInputNamesAreAUsageError() throws Exception {
        Path data = file("d.csv", "x,y\n1,2\n2,3\n");
        CliRunner.Run t = CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", ",,", "--target", "y",
                "--model", dir.resolve("m.json").toString());
        assertEquals(2, t.exit(), t.err());
        assertTrue(t.err().contains("--inputs"), t.err());
    }

    @Test
    void f06_inputsOutsideTheModelsRangeAreRejectedNotWrittenAsEmptyCells() throws IOException {
        Path f = csv("f.csv",
                "rho1,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,1",
                "rate,european,call,bs,100,100,1,1000,0,0.2,,,,,,,,,,,",
                "tiny,european,call,bs,1e-320,100,1,0.05,0,0.2,,,,,,,,,,,",
                "huge,european,call,bs,1e308,100,1,0.05,0,0.2,,,,,,,,,,,",
                "short,european,call,bs,100,100,1e-320,0.05,0,0.2,,,,,,,,,,,",
                "long,european,call,bs,100,100,1e15,0.05,0,0.2,,,,,,,,,,,",
                "payout,digital,call,bs,100,100,1,0.05,0,0.2,,,,,,1e308,,,,,",
                "div,european,call,bs,100,100,1,0.05,1000,0.2,,,,,,,,,,,",
                "rho-near,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.999",
                GOOD);
        CliRunner.Run r = price(f);
        assertEquals(3, r.exit());
        for (String s : List.of(":2: heston_rho: must be in (-1, 1) under the heston model",
                ":3: rate: must be in [-1, 1]", ":4: spot: must be in [1.0E-6, 1.0E12]",
                ":5: spot: must be in [1.0E-6, 1.0E12]", ":6: maturity: must be in [1.0E-4, 100]",
                ":7: maturity: must be in [1.0E-4, 100]", ":8: payout: must be in [-1.0E12, 1.0E12]",
                ":9: dividend: must be in [-1, 1]")) {
            assertTrue(r.err().contains(f + s), s + "\n" + r.err());
        }
        List<CSVRecord> rows = records(r.out());
        assertEquals(List.of("rho-near", "good"), rows.stream().map(x -> x.get("id")).toList());
        for (String c : List.of("price", "delta", "d_heston_rho", "d_heston_xi", "rho", "theta")) {
            assertFalse(rows.get(0).get(c).isEmpty(), c);
        }
    }

    @Test
    void f07_noInfinityIsWrittenAndTotalsHaveFiniteTimes() throws IOException {
        Path f = csv("f.csv", "zero-vol,european,call,bs,100,90,1,0.05,0,0,,,,,,,,,,,");
        CliRunner.Run compare = price(f, "--method", "compare");
        assertTrue(compare.exit() == 0 || compare.exit() == 3, compare.err());
        Path extreme = csv("x.csv", "far,european,call,bs,1e12,1e-6,100,-1,1,5,,,,,,,,,,,",
                "far2,digital,put,bs,1e-6,1e12,100,1,-1,5,,,,,,1e12,,,,,");
        price(extreme, "--sobol");
        price(extreme, "--method", "analytic");
        Path q = csv("q.csv", "big,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");
        Files.writeString(q, HEADER + ",quantity\n" + GOOD + ",1e308\n" + "g2,european,call,bs,100,100,1,0.05,0,0.2"
                + ",,,,,,,,,,,,2\n");
        CliRunner.Run t = price(q, "--totals");
        assertEquals(3, t.exit());
        assertTrue(t.err().contains(":2: quantity: must be in [-1.0E12, 1.0E12]"), t.err());
        CliRunner.Run jl = price(q, "--totals", "--format", "jsonl");
        assertFalse(jl.out().contains("\"NaN\""), jl.out());
        assertTrue(jl.out().lines().filter(l -> l.contains("\"TOTAL\"")).allMatch(l -> l.contains("\"time_ms\":")),
                jl.out());
    }

    @Test
    void f08_anIdHoldingACarriageReturnIsQuoted() throws IOException {
        Path f = csv("f.csv", "\"a\rb\",european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");
        CliRunner.Run r = price(f);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"a\rb\","), r.out());
        List<CSVRecord> rows = records(r.out());
        assertEquals(1, rows.size());
        assertEquals("a\rb", rows.get(0).get("id"));
    }

    @Test
    void f09_aMultiLineRecordIsReportedAtItsFirstLineOnOneLine() throws IOException {
        Path f = csv("f.csv", "\"x\ny\",european,call,bs,100,100,1,0.05,0,-1,,,,,,,,,,,", GOOD);
        CliRunner.Run r = price(f);
        assertEquals(3, r.exit());
        assertTrue(r.err().contains(f + ":2: vol: must be in [0, 5]"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("vol:")).count());
        Path g = csv("g.csv", "\"x\ny\",european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,extra", GOOD);
        CliRunner.Run s = price(g);
        assertTrue(s.err().contains(g + ":2: row: the row has 22 fields but the header names 21"), s.err());
    }

    @Test
    void f10_everyRejectionNamesAColumn() throws IOException {
        Path f = csv("f.csv", "a,european,call,bs", GOOD);
        CliRunner.Run r = price(f);
        assertTrue(r.err().contains(f + ":2: row: the row has 4 fields but the header names 21"), r.err());
        Path j = file("j.json", "{\"trades\": [\n  42,\n  {\"id\": \"v\", \"product\": \"european\", \"type\": \"put\","
                + " \"strike\": 100, \"maturity\": 1, \"spot\": 100, \"vol\": 0.2, \"rate\": 0.05, \"dividend\": 0}]}");
        CliRunner.Run js = price(j);
        assertEquals(3, js.exit());
        assertTrue(js.err().contains(j + ":2: row: a trade must be a JSON object (value '42')"), js.err());
    }

    @Test
    void f11_aByteOrderMarkIsAccepted() throws Exception {
        Path f = file("bom.csv", "\uFEFF" + HEADER + "\n" + GOOD + "\n");
        assertEquals(0, price(f).exit());
        Path j = file("bom.json", "\uFEFF{\"trades\": [{\"id\": \"v\", \"product\": \"european\", \"type\": \"put\","
                + " \"strike\": 100, \"maturity\": 1, \"spot\": 100, \"vol\": 0.2, \"rate\": 0.05, \"dividend\": 0}]}");
        assertEquals(0, price(j).exit());
        Path data = file("bom-data.csv", "\uFEFFx,y\n1,2\n2,3\n3,5\n4,4\n");
        CliRunner.Run t = CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", "x", "--target", "y",
                "--model", dir.resolve("m.json").toString(), "--epochs", "1", "--quiet", "--validation-fraction", "0");
        assertEquals(0, t.exit(), t.err());
    }

    @Test
    void f12_jsonIsStrict() throws IOException {
        String trades = "\"trades\": [{\"id\": \"v\", \"product\": \"european\", \"type\": \"put\", \"strike\": 100,"
                + " \"maturity\": 1, \"spot\": 100, \"vol\": 0.2, \"rate\": 0.05, \"dividend\": 0}]";
        for (String[] c : new String[][] {
            {"{" + trades + "} garbage", "malformed JSON: Unrecognized token 'garbage'"},
            {"{" + trades + "}\n{" + trades + "}", "content after the end of the root object"},
            {"{\"settings\": {\"seed\": \"abc\"}, " + trades + "}", "settings.seed: must be a whole number (value '\"abc\"')"},
            {"{\"settings\": {\"antithetic\": \"yes\"}, " + trades + "}", "settings.antithetic: must be true or false"},
            {"{\"settings\": {\"paths\": 2.5}, " + trades + "}", "settings.paths: must be a whole number (value '2.5')"},
            {"{\"settings\": {\"pathz\": 100}, " + trades + "}", "settings.pathz: unknown setting"},
            {"{\"settings\": [1], " + trades + "}", "settings: must be a JSON object"}}) {
            Path good = csv("first.csv", GOOD);
            Path j = file("s.json", c[0]);
            CliRunner.Run r = price(good, j);
            assertEquals(2, r.exit(), c[0] + "\n" + r.err());
            assertTrue(r.err().contains(j + ":") && r.err().contains(c[1]), c[1] + "\n" + r.err());
            assertEquals("", r.out(), "nothing is priced when any file is bad");
        }
    }

    @Test
    void f13_aCsvFileThatTurnsMalformedRejectsItsRemainderAndTheOtherFilesArePriced() throws IOException {
        Path broken = csv("broken.csv", GOOD, "\"open,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,",
                "never,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");
        Path other = csv("other.csv", "other,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");
        CliRunner.Run r = price(broken, other);
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains(broken + ":3: row: malformed CSV; the rest of the file is not read"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(List.of("good", "other"), records(r.out()).stream().map(x -> x.get("id")).toList());
    }

    @Test
    void f14_modelFilesAndTrainingDataAreStrict() throws Exception {
        Path data = file("d.csv", "x,c,y\n1,7,2\n2,7,3\n3,7,5\n4,7,4\n");
        Path model = dir.resolve("m.json");
        assertEquals(0, CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", "x", "--target", "y",
                "--model", model.toString(), "--epochs", "1", "--quiet", "--validation-fraction", "0").exit());
        String good = Files.readString(model);
        for (String[] c : new String[][] {
            {good.replace("\"version\" : 1", "\"version\" : \"1\""), "version"},
            {good.replace("\"version\" : 1", "\"version\" : 1.5"), "version"},
            {good.replaceFirst("\"sizes\" : \\[ 1", "\"sizes\" : [ \"1\""), "sizes"},
            {good.replaceFirst("\"sizes\" : \\[ 1", "\"sizes\" : [ 1.0"), "sizes"},
            {good.replaceFirst("\"parameters\" : \\[ [^,\\]]+", "\"parameters\" : [ 1e400"), "not finite"},
            {good.replace("\"inputs\" : [ \"x\" ]", "\"inputs\" : [ \"x\", \"x\" ]"), "twice"},
            {good + "\n{}", "malformed JSON"}}) {
            assertFalse(c[0].equals(good), "the mutation applies: " + c[1]);
            Path bad = file("bad.json", c[0]);
            CliRunner.Run r = CliRunner.run("nn", "predict", "--model", bad.toString(), "--data", data.toString());
            assertEquals(2, r.exit(), c[1] + "\n" + r.err());
            assertTrue(r.err().contains(c[1]), c[1] + "\n" + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        CliRunner.Run constant = CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", "x,c", "--target",
                "y", "--model", model.toString(), "--epochs", "1", "--quiet");
        assertEquals(2, constant.exit());
        assertTrue(constant.err().contains("c: the column is constant"), constant.err());
        CliRunner.Run self = CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", "x,y", "--target",
                "y", "--model", model.toString(), "--epochs", "1", "--quiet");
        assertEquals(2, self.exit());
        assertTrue(self.err().contains("--target: 'y' is also an input"), self.err());
    }

    @Test
    void f15_aRunKilledBySigtermLeavesNoTemporaryFile() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 2_000; i++) {
            sb.append("t").append(i).append(",european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,\n");
        }
        Path f = file("big.csv", sb.toString());
        Path out = dir.resolve("out.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GreeksCommand.class.getName(), "price", f.toString(), "--out", out.toString(), "--paths", "100000",
                "--threads", "1", "--quiet").redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temporaries().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(temporaries().isEmpty(), "the run opened its temporary file: " + Files.readString(dir.resolve("log")));
            p.destroy();   // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), temporaries());
        assertFalse(Files.exists(out));
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(x -> x.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void f16_anUnknownCommandWithHelpIsAUsageError() {
        CliRunner.Run r = CliRunner.run("surrogat", "--help");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'surrogat'"), r.err());
        assertEquals(0, CliRunner.run("price", "--help").exit());
    }

    /** Issue 23, class 1: a directory that exists and looks writable but takes no file (here /proc). */
    @Test
    void i23_1_anOutputDirectoryThatTakesNoFileIsExit2BeforeAnyWork() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        Path f = csv("f.csv", GOOD);
        CliRunner.Run r = price(f, "--out", "/proc/o.csv");
        assertEquals(2, r.exit(), r.err());
        assertEquals("greeks: --out: /proc/o.csv cannot be written: no file can be created in /proc "
                + "(the directory accepts no new file)", r.err().strip());
        Path data = file("d.csv", "x,y\n1,2\n2,3\n3,5\n");
        CliRunner.Run t = CliRunner.run("nn", "train", "--data", data.toString(), "--inputs", "x", "--target", "y",
                "--model", "/proc/m.json", "--epochs", "1", "--quiet");
        assertEquals(2, t.exit(), t.err());
        assertTrue(t.err().startsWith("greeks: --model: /proc/m.json cannot be written"), t.err());
        assertFalse(t.err().contains("Exception") || t.err().contains("\tat "), t.err());
        Path shocks = file("s.csv", "scenario,underlying,factor,shift,type\nup,*,spot,0.1,relative\n");
        CliRunner.Run c = price(f, "--shocks", shocks, "--chart", "/proc/c.png");
        assertEquals(2, c.exit(), c.err());
        assertTrue(c.err().startsWith("greeks: --chart: /proc/c.png cannot be written"), c.err());
    }

    /** Issue 23, class 2: the message names the path the user gave, not only its directory. */
    @Test
    void i23_2_anOutputBelowARegularFileNamesThePathGiven() throws Exception {
        Path f = csv("f.csv", GOOD);
        Path below = dir.resolve("f.csv").resolve("o.csv");
        CliRunner.Run r = price(f, "--out", below);
        assertEquals(2, r.exit(), r.err());
        assertEquals("greeks: --out: " + below + " cannot be written: " + f + " is a file, not a directory",
                r.err().strip());
        // the proof creates missing directories and removes them again when the run stops before writing
        Path deeper = dir.resolve("new").resolve("deeper").resolve("o.csv");
        CliRunner.Run missing = price(dir.resolve("no-such-input.csv"), "--out", deeper);
        assertEquals(2, missing.exit(), missing.err());
        assertFalse(Files.exists(dir.resolve("new")), "no directory left by the proof");
        assertEquals(0, price(f, "--out", deeper).exit());
        assertTrue(Files.readString(deeper).startsWith("id,"));
        try (Stream<Path> left = Files.list(deeper.getParent())) {
            assertEquals(List.of(deeper), left.toList(), "no probe or temporary file left");
        }
    }

    /** Issue 23, class 3: a JSON parser limit in the project's words, with file, line and column. */
    @Test
    void i23_3_jsonNestedTooDeepIsNamedWithLineAndColumn() throws IOException {
        Path deep = file("deep.json", "{\"trades\": [\n  " + GOOD_JSON + ",\n  {\"id\": \"d\", \"spot\": "
                + "[".repeat(200) + "]".repeat(200) + "}\n]}\n");
        CliRunner.Run r = price(deep);
        assertEquals(2, r.exit(), r.err());
        // depth: the root object 1, "trades" 2, the trade 3, so the 98th [ (column 23 + 97) is level 101
        assertEquals("greeks: " + deep + ":3:120: trade nests deeper than 100 levels", r.err().strip());
        Path model = file("m.json", "{\"format\": " + "[".repeat(1_200) + "]".repeat(1_200) + "}");
        CliRunner.Run m = CliRunner.run("nn", "predict", "--model", model.toString(), "--data", deep.toString());
        assertEquals(2, m.exit(), m.err());
        assertTrue(m.err().contains(model + ":1:") && m.err().contains(": \"format\" nests deeper than"), m.err());
        assertFalse(m.err().contains("StreamReadConstraints"), m.err());
    }

    static final String GOOD_JSON = "{\"id\": \"g\", \"product\": \"european\", \"type\": \"call\", \"spot\": 100, "
            + "\"strike\": 100, \"maturity\": 1, \"rate\": 0.05, \"dividend\": 0, \"vol\": 0.2}";
}
