package dev.adjointgreeks.mc;

import java.nio.charset.StandardCharsets;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams. A trade's seed is derived from the run seed and the trade id (so
 * results do not depend on row order); each block of paths draws from its own generator seeded
 * by (trade seed, block index), so results do not depend on which thread ran the block.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** The default seed of a trade: a hash of (run seed, id), non-negative so it can be written and read back. */
    public static long tradeSeed(long runSeed, String id) {
        long h = mix(runSeed ^ 0x9E3779B97F4A7C15L);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return h & Long.MAX_VALUE;
    }

    /** The generator of one block (XoRoShiRo128++, seeded through SplitMix64 finalisers). */
    public static UniformRandomProvider block(long tradeSeed, long block) {
        long s0 = mix(tradeSeed + 0x632BE59BD9B4E019L * (block + 1));
        long s1 = mix(s0 ^ 0xBF58476D1CE4E5B9L);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1 == 0 ? 1 : s1});
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
