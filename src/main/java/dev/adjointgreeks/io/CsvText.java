package dev.adjointgreeks.io;

/** RFC 4180 output: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled. */
public final class CsvText {

    private CsvText() {
    }

    public static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
