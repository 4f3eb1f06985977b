package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The closed-form table lets each product pick its row; it never asks a product's class. */
class ClosedFormTablesTest {

    @Test
    void noInstanceofOnProducts() throws IOException {
        List<String> code = Files.readAllLines(Path.of("src/main/java/dev/adjointgreeks/engine/ClosedFormTables.java"))
                .stream()
                .map(String::trim)
                .filter(l -> !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("//"))
                .filter(l -> l.contains("instanceof"))
                .toList();
        assertEquals(List.of(), code);
    }
}
