package dev.adjointgreeks.batch;

import java.util.Iterator;
import java.util.List;

import dev.adjointgreeks.scenario.FileSettings;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * One source of rows for a batch: a file already opened and validated, or rows a program parsed
 * itself.
 *
 * @param name     the file name used in messages
 * @param rows     the rows, in order
 * @param known    all rows when they are in memory (their trades decide the output columns), or
 *                 null for a stream of single-asset rows
 * @param settings the source's own settings
 * @param closer   released when the batch closes, or null
 * @param buckets  for a stream, the bucket columns its rows may report besides the single-asset Greeks
 *                 (the curve pillars of the markets its rows name); empty for rows in memory
 */
public record BatchInput(String name, Iterator<ScenarioRow> rows, List<ScenarioRow> known, FileSettings settings,
        AutoCloseable closer, List<String> buckets) {

    /** Rows held in memory (JSON files, or a program's own trades). */
    public static BatchInput of(String name, List<ScenarioRow> rows, FileSettings settings) {
        return new BatchInput(name, rows.iterator(), List.copyOf(rows), settings, null, List.of());
    }

    /** A stream of single-asset rows (a CSV file). */
    public static BatchInput streaming(String name, Iterator<ScenarioRow> rows, AutoCloseable closer) {
        return streaming(name, rows, closer, List.of());
    }

    /** A stream of single-asset rows on markets whose curves give the bucket columns {@code buckets}. */
    public static BatchInput streaming(String name, Iterator<ScenarioRow> rows, AutoCloseable closer,
            List<String> buckets) {
        return new BatchInput(name, rows, null, FileSettings.NONE, closer, List.copyOf(buckets));
    }
}
