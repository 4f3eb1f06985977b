package dev.adjointgreeks.surface;

import java.util.List;

/** A hand-written equity-like skew: 4 expiries x 7 absolute strikes, spot 100, r 3%, q 1%. */
final class SkewFixture {

    static final List<String> EXPIRIES = List.of("3M", "6M", "1Y", "2Y");
    static final List<String> STRIKES = List.of("70", "80", "90", "100", "110", "120", "130");
    static final double SPOT = 100.0;
    static final double RATE = 0.03;
    static final double DIVIDEND = 0.01;
    static final double[][] VOLS = {
        {0.320, 0.270, 0.225, 0.190, 0.165, 0.155, 0.158},
        {0.300, 0.260, 0.222, 0.192, 0.172, 0.162, 0.162},
        {0.280, 0.250, 0.220, 0.196, 0.180, 0.170, 0.167},
        {0.265, 0.242, 0.220, 0.201, 0.188, 0.179, 0.174},
    };

    private SkewFixture() {
    }

    static SurfaceAxes axes(StrikeKind kind) {
        if (kind == StrikeKind.ABSOLUTE) {
            return SurfaceAxes.parse(EXPIRIES, STRIKES, kind);
        }
        return SurfaceAxes.parse(EXPIRIES, List.of("0.7", "0.8", "0.9", "1.0", "1.1", "1.2", "1.3"), kind);
    }
}
