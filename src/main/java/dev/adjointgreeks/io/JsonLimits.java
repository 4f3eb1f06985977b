package dev.adjointgreeks.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The limits a JSON reader puts on a file (nesting, number digits, string and key lengths), and
 * what a user is told when a file passes one: {@code file.json:3:412: trade nests deeper than 100
 * levels}, in this project's words with file, line and column, never Jackson's (which names a
 * Java method and no place).
 *
 * <p>Jackson enforces the limits while parsing but its exception says neither where nor, as a
 * value, which limit. So after it refuses a file, {@link #describe} reads the file again token
 * by token and makes the checks itself, where each token is: the first START token deeper than
 * the limit, the first number or key longer than its limit, the first string Jackson refuses to
 * buffer. That second pass runs only on a refused file; its own parser keeps a backstop (four
 * times the number and key limits) so it cannot buffer without bound either.
 */
public final class JsonLimits {

    /** Scenario files: a trade needs 4 levels; numbers of at most 1,000 digits; strings of at most 1 MB. */
    public static final JsonLimits SCENARIO = new JsonLimits(StreamReadConstraints.builder().maxNumberLength(1_000)
            .maxNestingDepth(100).maxStringLength(1_000_000).build());

    /** Jackson's defaults, as used by the model and spec files. */
    public static final JsonLimits DEFAULTS = new JsonLimits(StreamReadConstraints.defaults());

    private final StreamReadConstraints constraints;
    private final JsonFactory rescan;

    private JsonLimits(StreamReadConstraints c) {
        this.constraints = c;
        this.rescan = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(c.getMaxNestingDepth() + 1)
                .maxNumberLength(backstop(c.getMaxNumberLength()))
                .maxNameLength(backstop(c.getMaxNameLength()))
                .maxStringLength(c.getMaxStringLength())
                .build()).build();
    }

    private static int backstop(int limit) {
        return (int) Math.min(Integer.MAX_VALUE, 4L * limit);
    }

    /** The constraints to build the reader's parser with. */
    public StreamReadConstraints constraints() {
        return constraints;
    }

    /**
     * What a user is told about a file Jackson refused with a {@link StreamConstraintsException}:
     * {@code file:line:column: what} where {@code what} names the part of the document (a trade in
     * {@code "trades"}, else the root key) and the limit it passes.
     */
    public String describe(Path file) {
        String name = file.toString();
        String key = null;
        try (JsonParser p = rescan.createParser(file.toFile())) {
            JsonToken t;
            while (true) {
                try {
                    t = p.nextToken();
                } catch (StreamConstraintsException e) {
                    return at(name, p.currentLocation()) + part(key) + ": a number or key longer than "
                            + n(backstop(Math.max(constraints.getMaxNumberLength(), constraints.getMaxNameLength())))
                            + " characters";
                }
                if (t == null) {
                    break;
                }
                int depth = p.getParsingContext().getNestingDepth();
                JsonLocation at = p.currentTokenLocation();
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if (depth > constraints.getMaxNestingDepth()) {
                            return at(name, at) + part(key) + " nests deeper than "
                                    + n(constraints.getMaxNestingDepth()) + " levels";
                        }
                    }
                    case FIELD_NAME -> {
                        if (p.currentName().length() > constraints.getMaxNameLength()) {
                            return at(name, at) + part(key) + ": a key of " + n(p.currentName().length())
                                    + " characters passes the limit of " + n(constraints.getMaxNameLength());
                        }
                        if (depth == 1) {
                            key = p.currentName();
                        }
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        if (p.getTextLength() > constraints.getMaxNumberLength()) {
                            return at(name, at) + part(key) + ": a number of " + n(p.getTextLength())
                                    + " characters passes the limit of " + n(constraints.getMaxNumberLength());
                        }
                    }
                    case VALUE_STRING -> {
                        try {
                            p.getTextLength();
                        } catch (StreamConstraintsException e) {
                            return at(name, at) + part(key) + ": a string longer than "
                                    + n(constraints.getMaxStringLength()) + " characters";
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            return name + ": malformed JSON: " + e.getClass().getSimpleName();
        }
        return name + ": the JSON passes a limit of the reader";
    }

    private static String at(String file, JsonLocation l) {
        return file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
    }

    /** "trade" inside "trades", else the root key in quotes, else "the document". */
    private static String part(String rootKey) {
        if (rootKey == null) {
            return "the document";
        }
        return rootKey.equals("trades") ? "trade" : "\"" + rootKey + "\"";
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
