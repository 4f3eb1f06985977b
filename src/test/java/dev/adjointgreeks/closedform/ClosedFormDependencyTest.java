package dev.adjointgreeks.closedform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code closedform/} holds formulas only: it may use the AD helpers ({@code ad}) and itself, never
 * the products, the Monte Carlo code, the models or the engine that call it.
 */
class ClosedFormDependencyTest {

    private static final Set<String> ALLOWED = Set.of("ad", "closedform");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.adjointgreeks\\.(\\w+)");

    @Test
    void closedFormSourcesReferenceOnlyAdAndThemselves() throws IOException {
        Path dir = Path.of("src/main/java/dev/adjointgreeks/closedform");
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no sources found under " + dir.toAbsolutePath());
        List<String> offending = new ArrayList<>();
        for (Path p : sources) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = REFERENCE.matcher(lines.get(i));
                while (m.find()) {
                    if (!ALLOWED.contains(m.group(1))) {
                        offending.add(p.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), offending, "closedform/ must not depend on product, mc, model or engine");
    }
}
