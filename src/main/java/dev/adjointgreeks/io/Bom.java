package dev.adjointgreeks.io;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/** Drops a UTF-8 byte-order mark at the start of a text input, which editors on Windows write. */
public final class Bom {

    private Bom() {
    }

    public static Reader skip(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int c = r.read();
        if (c != -1 && c != '\uFEFF') {
            r.unread(c);
        }
        return r;
    }
}
