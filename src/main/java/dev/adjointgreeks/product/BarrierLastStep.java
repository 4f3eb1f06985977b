package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/**
 * The last step of a Brownian-bridge barrier path in closed form: given the log-spot before it,
 * the expectation over the step's normal law {@code X ~ N(m, s^2)} of what {@link Barrier} pays
 * path by path. With it the Monte Carlo payoff has no kink (the vanilla's kink at the strike and
 * the survival factor's at the barrier are both integrated out), so gamma, vanna and volga are
 * exact pathwise second derivatives (tangent-over-adjoint) instead of differences of adjoint deltas.
 *
 * <p>Over the last step the bridge survives with probability {@code 1 - e^{c (X - b)}} on the live
 * side of the barrier {@code b = ln B} and 0 beyond it, where {@code c = -2 d side / v} for the
 * distance {@code d} before the step and the step's variance {@code v}. The payoff times survival
 * is, on an interval of {@code X} (in the money and alive), a sum of exponentials {@code e^{e0 + a
 * (X - m)}}, and each has the lognormal partial moment
 * {@code E[e^{e0 + a (X - m)} 1{lo < X < hi}] = e^{e0 + a^2 s^2 / 2} (Phi(u_hi - a s) - Phi(u_lo - a s))}
 * with {@code u = (bound - m) / s} (Reiner and Rubinstein's formulas are this integral over one step
 * from today; with one step it is their price exactly). The exponents are grouped so that the two
 * large terms of order {@code d^2 / v} cancel before {@code exp}: {@code c (m - b + c s^2 / 2)} is of
 * order {@code d} times the step's drift over its variance.
 */
final class BarrierLastStep<T extends RealFieldElement<T>> {

    private final OptionType type;
    private final boolean down;
    private final T strike;
    private final T logStrike;
    private final T logBarrier;
    /** Bounds in log-spot of the region in the money and alive; null: infinite. */
    private final T lo;
    private final T hi;
    private final boolean empty;
    /** And of the region in the money and beyond the barrier (knocked at the step's end). */
    private final T beyondLo;
    private final T beyondHi;
    private final boolean beyondEmpty;
    private final T zero;

    BarrierLastStep(OptionType type, boolean down, T strike, T logStrike, T logBarrier) {
        this.type = type;
        this.down = down;
        this.strike = strike;
        this.logStrike = logStrike;
        this.logBarrier = logBarrier;
        this.zero = Fn.constant(strike, 0.0);
        // strike and barrier are trade values: which is the nearer bound is decided once per trade
        boolean strikeAbove = logStrike.getReal() >= logBarrier.getReal();
        T nearer = strikeAbove ? logStrike : logBarrier;   // max(k, b)
        T further = strikeAbove ? logBarrier : logStrike;  // min(k, b)
        if (type == OptionType.CALL) {             // in the money: X > k
            lo = down ? nearer : logStrike;        // alive: X > b (down) or X < b (up)
            hi = down ? null : logBarrier;
            empty = !down && strikeAbove;
            beyondLo = down ? logStrike : nearer;  // beyond: X < b (down) or X > b (up)
            beyondHi = down ? logBarrier : null;
            beyondEmpty = down && strikeAbove;
        } else {                                   // in the money: X < k
            lo = down ? logBarrier : null;
            hi = down ? logStrike : further;
            empty = down && !strikeAbove;
            beyondLo = down ? null : logBarrier;
            beyondHi = down ? further : logStrike;
            beyondEmpty = !down && !strikeAbove;
        }
    }

    /** The step's terms that the three expectations share. */
    final class Step {
        final T m;
        final T s;
        /** {@code c s}, and the exponent of {@code E[e^{c (X - b)}]}: {@code c (m - b + c s^2 / 2)}. */
        final T cs;
        final T crossingExponent;
        final T invS;

        Step(T m, T s, T c) {
            this.m = m;
            this.s = s;
            this.cs = c.multiply(s);
            this.invS = s.reciprocal();
            this.crossingExponent = c.multiply(m.subtract(logBarrier).add(cs.multiply(s).multiply(0.5)));
        }

        /** {@code (bound - m) / s}, or null for an infinite bound. */
        T standardised(T bound) {
            return bound == null ? null : bound.subtract(m).multiply(invS);
        }
    }

    /**
     * The step's law and {@code c = scale d side}, from the distance {@code d} before the step and
     * {@code scale = -2 / v}, the factor {@link Barrier} puts in its crossing probabilities.
     */
    Step step(T m, T s, T distanceBefore, T scale) {
        return new Step(m, s, distanceBefore.multiply(scale).multiply(down ? 1.0 : -1.0));
    }

    /** {@code E[max(sign (e^X - K), 0) survival(X)]}: the vanilla, knocked out over the step. */
    T knockOut(Step st) {
        if (empty) {
            return zero;
        }
        T aboveStrike = aboveStrike(st);
        // sign K E[(e^{X-k} - 1)(1 - e^{c (X - b)}) 1{lo < X < hi}]: in the money and alive, less crossed
        T sum = inTheMoney(st, lo, hi, aboveStrike).subtract(crossed(st, aboveStrike));
        return sum.multiply(strike).multiply(type.sign());
    }

    /**
     * {@code E[max(sign (e^X - K), 0) (1 - survival(X))]}: the vanilla, knocked in over the step.
     * Written as its two nonnegative parts (in the money beyond the barrier, and alive but crossed
     * on the way), not as the vanilla less {@link #knockOut}: far from the barrier that difference
     * would be rounding of the vanilla's size, of either sign.
     */
    T knockIn(Step st) {
        T aboveStrike = aboveStrike(st);
        T sum = beyondEmpty ? zero : inTheMoney(st, beyondLo, beyondHi, aboveStrike);
        return (empty ? sum : sum.add(crossed(st, aboveStrike))).multiply(strike).multiply(type.sign());
    }

    /** {@code m - k + s^2 / 2}, the exponent of {@code E[e^{X - k}]}. */
    private T aboveStrike(Step st) {
        return st.m.subtract(logStrike).add(st.s.multiply(st.s).multiply(0.5));
    }

    /** {@code E[(e^{X-k} - 1) 1{lo < X < hi}]}. */
    private T inTheMoney(Step st, T from, T to, T aboveStrike) {
        T uLo = st.standardised(from);
        T uHi = st.standardised(to);
        return probability(uLo, uHi, st.s).multiply(aboveStrike.exp()).subtract(probability(uLo, uHi, null));
    }

    /** {@code E[(e^{X-k} - 1) e^{c (X - b)} 1{in the money and alive}]}: crossed on the way. */
    private T crossed(Step st, T aboveStrike) {
        T uLo = st.standardised(lo);
        T uHi = st.standardised(hi);
        return probability(uLo, uHi, st.s.add(st.cs))
                .multiply(aboveStrike.add(st.crossingExponent).add(st.cs.multiply(st.s)).exp())
                .subtract(probability(uLo, uHi, st.cs).multiply(st.crossingExponent.exp()));
    }

    /** {@code E[1 - survival(X)]}: the probability of a hit during the step (the barrier crossed, or X beyond it). */
    T hit(Step st) {
        T uB = st.standardised(logBarrier);
        T beyond = Fn.normCdf(down ? uB : uB.negate());
        return beyond.add(liveCrossing(st, uB));
    }

    /** {@code E[survival(X)]}: the probability of no hit during the step. */
    T survival(Step st) {
        T uB = st.standardised(logBarrier);
        T live = Fn.normCdf(down ? uB.negate() : uB);
        return live.subtract(liveCrossing(st, uB));
    }

    /** {@code E[e^{c (X - b)} 1{X on the live side}]}. */
    private T liveCrossing(Step st, T uB) {
        T p = down ? probability(uB, null, st.cs) : probability(null, uB, st.cs);
        return p.multiply(st.crossingExponent.exp());
    }

    /**
     * {@code P(u_lo < Z + a s < u_hi)} for a standard normal Z, written so that an infinite bound
     * takes no difference ({@code 1 - Phi(x)} as {@code Phi(-x)}); {@code as} null stands for 0.
     */
    private T probability(T uLo, T uHi, T as) {
        T h = uHi == null ? null : (as == null ? uHi : uHi.subtract(as));
        T l = uLo == null ? null : (as == null ? uLo : uLo.subtract(as));
        if (l == null) {
            return Fn.normCdf(h);
        }
        if (h == null) {
            return Fn.normCdf(l.negate());
        }
        return Fn.normCdf(h).subtract(Fn.normCdf(l));
    }
}
