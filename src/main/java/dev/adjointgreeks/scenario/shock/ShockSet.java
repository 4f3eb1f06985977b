package dev.adjointgreeks.scenario.shock;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.adjointgreeks.scenario.Descriptors;
import dev.adjointgreeks.scenario.Text;

/**
 * The market scenarios of a shocks file, validated whole before anything is priced.
 *
 * <p>A scenario is every row that shares its {@code scenario} name; scenarios keep the file's
 * order. For a trade, a row naming its {@code underlying} and a {@code *} row for the same
 * (scenario, factor) would both apply, so that is an error, as is a repeated
 * (scenario, underlying, factor, bucket, market). Optional columns {@code bucket} (a curve pillar, for
 * {@code discount_curve} and {@code dividend_curve} only) and {@code market} (empty: any market).
 */
public final class ShockSet implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final List<String> COLUMNS = List.of("scenario", "underlying", "factor", "shift", "type");
    /** Columns a file may add: a curve pillar ({@code bucket}) and the trades' market ({@code market}). */
    static final List<String> OPTIONAL = List.of("bucket", "market");
    /** The curve factors: one input per pillar, so a shock may name a {@code bucket}. */
    public static final List<String> CURVE_FACTORS = List.of("discount_curve", "dividend_curve");

    /** Every problem of a shocks file, one {@code file:line: column: reason (value 'x')} per line (exit 2). */
    public static final class BadShocksException extends IOException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        BadShocksException(List<String> problems) {
            super(String.join(System.lineSeparator(), problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final String file;
    private final Map<String, List<Shock>> scenarios;

    private ShockSet(String file, Map<String, List<Shock>> scenarios) {
        this.file = file;
        this.scenarios = scenarios;
    }

    public String file() {
        return file;
    }

    /** Scenario names in the file's order. */
    public List<String> names() {
        return List.copyOf(scenarios.keySet());
    }

    public List<Shock> shocks(String scenario) {
        List<Shock> s = scenarios.get(scenario);
        if (s == null) {
            throw new IllegalArgumentException("no scenario '" + scenario + "' in " + file);
        }
        return s;
    }

    /**
     * The shocks of {@code scenario} that move a trade of {@code underlying}, one per factor at most
     * (a named row or a {@code *} row, never both: the file was refused otherwise).
     */
    public List<Shock> shocksFor(String scenario, String underlying) {
        List<Shock> out = new ArrayList<>();
        for (Shock s : shocks(scenario)) {
            if (s.matchesAll() || s.underlying().equals(underlying)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The underlyings the file names (not {@code *}). */
    public Set<String> underlyings() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (List<Shock> list : scenarios.values()) {
            for (Shock s : list) {
                if (!s.matchesAll()) {
                    out.add(s.underlying());
                }
            }
        }
        return out;
    }

    /** Named underlyings of the file that are not in {@code known}: each deserves a warning. */
    public List<Shock> unmatched(Set<String> known) {
        List<Shock> out = new ArrayList<>();
        for (List<Shock> list : scenarios.values()) {
            for (Shock s : list) {
                if (!s.matchesAll() && !known.contains(s.underlying())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The single-factor families of the file, for the P&amp;L chart: a scenario made of one row
     * belongs to the family of its (underlying, factor, type), at abscissa {@code shift}.
     */
    public Map<String, List<Shock>> families() {
        Map<String, List<Shock>> out = new LinkedHashMap<>();
        for (List<Shock> list : scenarios.values()) {
            if (list.size() == 1) {
                Shock s = list.get(0);
                String where = (s.market().isEmpty() ? "" : s.market() + " ") + s.underlying() + " " + s.factor()
                        + (s.bucket().isEmpty() ? "" : " " + s.bucket());
                out.computeIfAbsent(where + " (" + s.type().word() + ")",
                        k -> new ArrayList<>()).add(s);
            }
        }
        for (List<Shock> f : out.values()) {
            f.sort((a, b) -> Double.compare(a.shift(), b.shift()));
        }
        return out;
    }

    public static ShockSet read(Path path) throws IOException {
        String name = path.toString();
        if (Files.isDirectory(path) || !Files.isReadable(path)) {
            throw new BadShocksException(List.of(name + ": cannot read the shocks file"));
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(name, reader);
        }
    }

    public static ShockSet parse(String name, Reader in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<String> problems = new ArrayList<>();
        Map<String, List<Shock>> scenarios = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadShocksException(List.of(name + ": the shocks file is empty (a header row "
                        + String.join(",", COLUMNS) + " is required)"));
            }
            CSVRecord header = records.next();
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String c = stripBom(header.get(i)).trim().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(c) && !OPTIONAL.contains(c)) {
                    problems.add(name + ":" + header.getParser().getCurrentLineNumber() + ": header: unknown column ("
                            + "value '" + Text.oneLine(c) + "')");
                } else if (col.put(c, i) != null) {
                    problems.add(name + ":" + header.getParser().getCurrentLineNumber() + ": header: column appears twice"
                            + " (value '" + c + "')");
                }
            }
            for (String c : COLUMNS) {
                if (!col.containsKey(c)) {
                    problems.add(name + ":1: " + c + ": missing column (the header must name "
                            + String.join(", ", COLUMNS) + ")");
                }
            }
            if (!problems.isEmpty()) {
                throw new BadShocksException(problems);
            }
            // (scenario, factor) -> underlyings seen, to refuse duplicates and '*'/named clashes
            Map<String, Map<String, Long>> seen = new HashMap<>();
            Set<String> factors = new java.util.TreeSet<>(Descriptors.shockFactors());
            factors.addAll(CURVE_FACTORS);
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long line = firstLine(r);
                String where = name + ":" + line + ": ";
                if (r.size() != header.size()) {
                    problems.add(where + "row: the row has " + r.size() + " fields but the header names "
                            + header.size());
                    continue;
                }
                String scenario = r.get(col.get("scenario"));
                String underlying = r.get(col.get("underlying"));
                String factor = r.get(col.get("factor")).toLowerCase(Locale.ROOT);
                String shiftText = r.get(col.get("shift"));
                String typeText = r.get(col.get("type")).toLowerCase(Locale.ROOT);
                String bucket = col.containsKey("bucket") ? r.get(col.get("bucket")) : "";
                String market = col.containsKey("market") ? r.get(col.get("market")) : "";
                int before = problems.size();
                if (scenario.isEmpty()) {
                    problems.add(where + "scenario: must not be empty");
                }
                if (underlying.isEmpty()) {
                    problems.add(where + "underlying: must not be empty (use * for every trade)");
                }
                if (!factors.contains(factor)) {
                    problems.add(where + "factor: unknown factor, expected one of " + String.join(", ", sorted(factors))
                            + " (value '" + Text.oneLine(r.get(col.get("factor"))) + "')");
                }
                if (!bucket.isEmpty() && factors.contains(factor) && !CURVE_FACTORS.contains(factor)) {
                    problems.add(where + "bucket: only " + String.join(" and ", CURVE_FACTORS) + " have buckets; leave it"
                            + " empty for " + factor + " (value '" + Text.oneLine(bucket) + "')");
                } else if (!bucket.isEmpty()) {
                    try {
                        dev.adjointgreeks.curve.Pillar.parse("bucket", bucket);
                    } catch (dev.adjointgreeks.curve.CurveException e) {
                        problems.add(where + "bucket: " + e.error().reason() + " (value '" + Text.oneLine(bucket) + "')");
                    }
                }
                ShiftType type = ShiftType.parse(typeText);
                if (type == null) {
                    problems.add(where + "type: expected relative or absolute (value '"
                            + Text.oneLine(r.get(col.get("type"))) + "')");
                }
                double shift = Double.NaN;
                try {
                    shift = Double.parseDouble(shiftText);
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (!Double.isFinite(shift)) {
                    problems.add(where + "shift: not a finite number (value '" + Text.oneLine(shiftText) + "')");
                } else if (type == ShiftType.RELATIVE && shift <= -1.0) {
                    problems.add(where + "shift: a relative shift must be above -1, or the input changes sign (value '"
                            + Text.oneLine(shiftText) + "')");
                }
                if (problems.size() > before) {
                    continue;
                }
                Map<String, Long> underlyings = seen.computeIfAbsent(scenario + "\u0000" + factor + "\u0000" + bucket
                        + "\u0000" + market, k -> new HashMap<>());
                Long earlier = underlyings.get(underlying);
                if (earlier != null) {
                    problems.add(where + "underlying: scenario '" + Text.oneLine(scenario) + "' already shocks " + factor
                            + " of this underlying at line " + earlier + " (value '" + Text.oneLine(underlying) + "')");
                    continue;
                }
                boolean all = Shock.ALL.equals(underlying);
                Long clash = all ? underlyings.values().stream().findFirst().orElse(null) : underlyings.get(Shock.ALL);
                if (clash != null) {
                    problems.add(where + "underlying: scenario '" + Text.oneLine(scenario) + "' shocks " + factor
                            + " both for '*' and for a named underlying (line " + clash + "); use one or the other (value '"
                            + Text.oneLine(underlying) + "')");
                    continue;
                }
                underlyings.put(underlying, line);
                scenarios.computeIfAbsent(scenario, k -> new ArrayList<>())
                        .add(new Shock(scenario, underlying, factor, shift, type, name, line, bucket, market));
            }
        } catch (UncheckedIOException e) {
            problems.add(name + ": malformed CSV: " + Text.oneLine(String.valueOf(e.getCause().getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new BadShocksException(problems);
        }
        if (scenarios.isEmpty()) {
            throw new BadShocksException(List.of(name + ": the shocks file has no scenario rows"));
        }
        Map<String, List<Shock>> frozen = new LinkedHashMap<>();
        scenarios.forEach((k, v) -> frozen.put(k, Collections.unmodifiableList(v)));
        return new ShockSet(name, Collections.unmodifiableMap(frozen));
    }

    private static long firstLine(CSVRecord r) {
        return r.getParser().getCurrentLineNumber() - newlines(r);
    }

    /** Line breaks inside the record's quoted fields: the record starts that many lines earlier. */
    private static int newlines(CSVRecord r) {
        int n = 0;
        for (String v : r) {
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) == '\n') {
                    n++;
                }
            }
        }
        return n;
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        Collections.sort(l);
        return l;
    }
}
