package dev.adjointgreeks.ad;

/**
 * One binary operation {@code f(x, y)}, written once on doubles: its value, both first partials and
 * the three second partials. Read by every scalar as {@link Rule} is; the rules are {@link Binary}.
 */
interface Rule2 {

    double value(double x, double y);

    /** {@code df/dx} at {@code (x, y)}, value {@code v}. */
    double dx(double x, double y, double v);

    double dy(double x, double y, double v);

    /** Second partials at {@code (x, y)}, value {@code v}: the curvature terms. */
    double dxx(double x, double y, double v);

    double dxy(double x, double y, double v);

    double dyy(double x, double y, double v);
}
