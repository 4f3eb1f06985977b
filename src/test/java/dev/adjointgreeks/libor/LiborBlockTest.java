package dev.adjointgreeks.libor;

import static dev.adjointgreeks.libor.LiborFixtures.BOOK;
import static dev.adjointgreeks.libor.LiborFixtures.INPUTS;
import static dev.adjointgreeks.libor.LiborFixtures.MARKET;
import static dev.adjointgreeks.libor.LiborFixtures.N;
import static dev.adjointgreeks.libor.LiborFixtures.maxAbs;
import static dev.adjointgreeks.libor.LiborFixtures.normals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;

/** The same field-generic LIBOR path on the block scalar: W paths per tape node. */
class LiborBlockTest {

    @Test
    void everyLaneOfABlockEqualsTheHandWrittenAdjointOfItsPath() {
        double[] x = MARKET.inputValues();
        int width = 8;
        BlockTape tape = new BlockTape(width);
        LiborPathFunction<Block> f = new LiborPathFunction<>(N, BOOK, tape.inputs(x));
        int mark = tape.mark();
        LiborHandAdjoint hand = new LiborHandAdjoint(N, BOOK, x);
        double[][] z = normals(51, 0, 3 * width);
        double[][] lanes = new double[BOOK.expiry()][width];
        Block[] normals = new Block[BOOK.expiry()];
        double[] ones = new double[width];
        Arrays.fill(ones, 1.0);
        double[][] byInput = new double[INPUTS][width];
        double[] gh = new double[INPUTS];
        for (int block = 0; block < 3; block++) {
            for (int s = 0; s < normals.length; s++) {
                for (int l = 0; l < width; l++) {
                    lanes[s][l] = z[block * width + l][s];
                }
                normals[s] = tape.view(lanes[s]);
            }
            Block y = f.discountedPayoff(normals);
            double[] prices = y.laneValues();
            tape.sweepPath(y, ones, mark);
            tape.backward(0);
            tape.drainLaneAdjoints(byInput, 0, 0, width);
            tape.clearAdjoints();
            for (int l = 0; l < width; l++) {
                Arrays.fill(gh, 0.0);
                double v = hand.payoffAndGradient(z[block * width + l], 1.0, gh, 0);
                assertEquals(v, prices[l], 1e-13 * Math.max(1, v));
                double scale = maxAbs(gh);
                for (int i = 0; i < INPUTS; i++) {
                    assertEquals(gh[i], byInput[i][l], 1e-10 * scale, "lane " + l + " " + MARKET.inputNames()[i]);
                }
                assertEquals(0.0, byInput[2 * N - 1][l], 0.0, "d_lambda_80");
            }
        }
        assertTrue(tape.highWaterBytes() > 0);
    }
}
