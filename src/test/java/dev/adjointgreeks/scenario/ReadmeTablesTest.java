package dev.adjointgreeks.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The README's table of input ranges is generated from the descriptors
 * ({@link Descriptors}); this test keeps the README's copy identical. On a mismatch it prints
 * the block to paste between the markers.
 */
class ReadmeTablesTest {

    static final Path README = Path.of("README.md");

    /** The text between {@code <!-- BEGIN generated:name -->} and {@code <!-- END generated:name -->}, or null. */
    static String block(String readme, String name) {
        String begin = "<!-- BEGIN generated:" + name + " -->\n";
        String end = "<!-- END generated:" + name + " -->";
        int b = readme.indexOf(begin);
        if (b < 0) {
            return null;
        }
        int e = readme.indexOf(end, b);
        assertTrue(e > 0, "README.md: " + begin.trim() + " has no " + end);
        assertEquals(-1, readme.indexOf(begin, e), "README.md: " + begin.trim() + " appears twice");
        return readme.substring(b + begin.length(), e);
    }

    private static void check(String name, String generated) throws IOException {
        String readme = Files.readString(README);
        String found = block(readme, name);
        String paste = "<!-- BEGIN generated:" + name + " -->\n" + generated + "<!-- END generated:" + name + " -->";
        assertTrue(found != null, "README.md has no generated " + name + " table; add:\n" + paste);
        assertEquals(generated, found, "README.md's " + name + " table differs from the descriptors; replace it with:\n"
                + paste + "\n");
    }

    @Test
    void theInputRangesTableIsTheDescriptors() throws IOException {
        check("input-ranges", Descriptors.markdownInputTable());
    }

    /**
     * The CSV-columns table carries prose the descriptors do not hold, so it is not generated; but
     * its first column names exactly the columns a CSV header may carry, no more and no fewer.
     */
    @Test
    void theCsvColumnsTableNamesExactlyTheDescriptorsColumns() throws IOException {
        String found = block(Files.readString(README), "csv-columns");
        assertTrue(found != null, "README.md has no generated csv-columns block");
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (String line : found.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 2 || !cells[1].contains("`")) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z0-9_]+)`").matcher(cells[1]);
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertEquals(new java.util.TreeSet<>(Descriptors.csvColumns()), named,
                "README.md's CSV-columns table (first column) must name exactly the CSV columns of the registered descriptors");
    }
}
