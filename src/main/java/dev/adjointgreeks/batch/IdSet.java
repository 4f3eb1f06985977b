package dev.adjointgreeks.batch;

import dev.adjointgreeks.mc.RandomStreams;

/** Ids seen in this run, as 64-bit hashes in an open-addressing table: memory ~16 bytes per trade. */
final class IdSet {
    private long[] table = new long[1024];
    private int size;

    /** False when {@code id} was added before. */
    boolean add(String id) {
        long h = RandomStreams.tradeSeed(0x5EED, id) | 1L;   // never 0, which marks an empty slot
        if (2 * (size + 1) > table.length) {
            long[] old = table;
            table = new long[2 * old.length];
            size = 0;
            for (long x : old) {
                if (x != 0) {
                    insert(x);
                }
            }
        }
        return insert(h);
    }

    private boolean insert(long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }
}
