package dev.adjointgreeks.product;

import java.util.Locale;

/** Direction and effect of a barrier. */
public enum BarrierKind {
    DOWN_OUT(true, true), UP_OUT(false, true), DOWN_IN(true, false), UP_IN(false, false);

    private final boolean down;
    private final boolean out;

    BarrierKind(boolean down, boolean out) {
        this.down = down;
        this.out = out;
    }

    public boolean down() {
        return down;
    }

    public boolean knockOut() {
        return out;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BarrierKind parse(String s) {
        for (BarrierKind k : values()) {
            if (k.word().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown barrier kind (expected down-out, up-out, down-in or up-in)");
    }
}
