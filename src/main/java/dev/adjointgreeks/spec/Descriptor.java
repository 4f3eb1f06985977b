package dev.adjointgreeks.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a model or a product tells the rest of the code about itself: the word a scenario names it
 * by and the fields it reads, each with its shape, role and range. The CSV header check, the JSON
 * keys, the range checks, the shock factors, the Greek columns and the README's tables derive
 * from these; nothing else lists them.
 */
public interface Descriptor {

    /** The scenario word: {@code bs}, {@code heston}, {@code european}, {@code swaption-portfolio}. */
    String word();

    /** Every field it reads, in the order its checks run. */
    List<Input> inputs();

    /** The fields that are CSV columns. */
    default Set<String> csvColumns() {
        Set<String> out = new LinkedHashSet<>();
        for (Input i : inputs()) {
            if (i.csv()) {
                out.add(i.field());
            }
        }
        return out;
    }

    /** The fields that are JSON keys: all of them. */
    default Set<String> jsonKeys() {
        Set<String> out = new LinkedHashSet<>();
        for (Input i : inputs()) {
            out.add(i.field());
        }
        return out;
    }

    /** The shock factors it offers, by block name: {@code spot}, {@code vol}, {@code heston_v0}. */
    default List<String> shockFactors() {
        List<String> out = new ArrayList<>();
        for (Input i : inputs()) {
            if (i.shockFactor() && !out.contains(i.block())) {
                out.add(i.block());
            }
        }
        return out;
    }

    /** The field that holds block {@code block} in the given shape, or null. */
    default Input fieldOf(String block, Input.Shape shape) {
        for (Input i : inputs()) {
            if (block.equals(i.block()) && i.shape() == shape) {
                return i;
            }
        }
        return null;
    }

    /** A word: lower-case letters, digits, '-' or '_'. */
    static String checkWord(String word) {
        if (word == null || !word.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("a word is lower-case letters, digits, '-' or '_' (value " + word + ")");
        }
        return word;
    }
}
