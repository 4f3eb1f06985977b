package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.spec.FieldException;

/**
 * Continuously monitored single barrier option (Black-Scholes, and local vol with each step's own
 * variance in the bridge), with an optional rebate.
 *
 * <p>Between two simulated dates the log-spot is a Brownian bridge, whose probability of having
 * crossed the barrier is {@code p = exp(-2 d_{k-1} d_k / (vol^2 dt))}, with {@code d} the log
 * distance to the barrier on the live side (and {@code p = 1} once a date is on the other side).
 * Weighting the payoff by the survival probability {@code prod (1 - p_k)} is unbiased for
 * continuous monitoring under GBM whatever the step count, and continuous in every input, so its
 * pathwise derivatives are the derivatives of the price.
 *
 * <p>With {@code conditioned} (the default) and a model with {@link Capability#NORMAL_LAST_STEP},
 * the last step is integrated in closed form ({@link BarrierLastStep}): the payoff is then smooth
 * in the path. The survival factor's kink where a date touches the barrier is multiplied by the next
 * step's crossing probability, which is 1 there, so no kink is left once the last step is
 * integrated; gamma, vanna and volga are exact pathwise derivatives on a model with smooth paths.
 * A knock-out's rebate is the exception: discounted from the end of the step of the hit, it keeps
 * a kink of size {@code rebate (df_k - df_{k+1})}, so those trades keep differences of adjoints.
 * Without {@code conditioned} ({@link #pathwise()}) every step is simulated and the vanilla paid
 * on the simulated spot.
 *
 * <p>Rebates: a knock-out rebate is paid at the hit, discounted here from the end of the step in
 * which the hit happens (bias at most {@code rebate (1 - e^{-r dt})} times the hit probability;
 * more steps shrink it); a knock-in rebate is paid at expiry if the barrier was never hit.
 * A barrier already breached today: a knock-out pays its rebate at once, a knock-in is the
 * vanilla.
 */
public record Barrier(OptionType type, double strike, double maturity, double barrier, BarrierKind barrierKind,
        double rebate, boolean conditioned) implements Product {

    /** Default number of bridge intervals: the hit-time discounting bias shrinks with it. */
    public static final int DEFAULT_STEPS = 32;

    public Barrier {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
        if (!Double.isFinite(barrier) || !(barrier > 0)) {
            throw new FieldException("barrier", "must be > 0");
        }
        if (barrierKind == null) {
            throw new FieldException("barrier_kind", "is required (down-out, up-out, down-in or up-in)");
        }
        if (!Double.isFinite(rebate) || rebate < 0) {
            throw new FieldException("rebate", "must be >= 0");
        }
    }

    public Barrier(OptionType type, double strike, double maturity, double barrier, BarrierKind barrierKind,
            double rebate) {
        this(type, strike, maturity, barrier, barrierKind, rebate, true);
    }

    @Override
    public Product pathwise() {
        return new Barrier(type, strike, maturity, barrier, barrierKind, rebate, false);
    }

    @Override
    public boolean smoothPathwise(PathModel model, PathGenerator<?> gen) {
        return conditioned && model.offers(Capability.NORMAL_LAST_STEP) && !(barrierKind.knockOut() && rebate != 0.0);
    }

    @Override
    public String kind() {
        return BarrierDescriptor.WORD;
    }

    @Override
    public <R> R match(ProductCases<R> cases) {
        return cases.barrier(this);
    }

    private static final InputLayout INPUTS = InputLayout.of(STRIKE, MATURITY, BARRIER);

    @Override
    public InputLayout inputs() {
        return INPUTS;
    }

    @Override
    public double[] parameterValues() {
        return new double[] {strike, maturity, barrier};
    }

    @Override
    public void checkModel(PathModel model) {
        Product.requireSingleAsset(this, model);
        if (!model.offers(Capability.LOCAL_STEP_VARIANCE)) {
            Product.require(this, model, Capability.LOGNORMAL_STEPS, "continuous monitoring by a Brownian bridge");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        return DEFAULT_STEPS;
    }

    /** True if the spot is already on the knocked side of the barrier today. */
    public boolean breachedAtStart(double spot) {
        return barrierKind.down() ? spot <= barrier : spot >= barrier;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> p, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        T k = p.get(STRIKE);
        T logBarrier = p.get(BARRIER).log();
        boolean lastInClosedForm = conditioned && model.offers(Capability.NORMAL_LAST_STEP);
        T logStrike = lastInClosedForm ? k.log() : null;
        if (breachedAtStart(gen.spot(0, 0).getReal())) {
            if (barrierKind.knockOut()) {
                T paid = Fn.constant(k, rebate);
                return path -> paid;
            }
            return path -> vanilla(path, k, logStrike, steps).multiply(path.discountFactor(steps));
        }
        double side = barrierKind.down() ? 1.0 : -1.0;          // distance measured on the live side
        double[] coefficients = {side, -side};
        T[] terms = MathArrays.buildArray(k.getField(), 2);
        // one step variance for the whole path (lognormal steps), else each step's own (local vol)
        boolean local = !model.offers(Capability.LOGNORMAL_STEPS);
        T minusTwoOverVariance = local ? null : gen.stepVariance(0).reciprocal().multiply(-2.0);
        T distance0 = gen.logSpot(0, 0).subtract(logBarrier).multiply(side);
        boolean payRebate = rebate != 0.0;
        int simulated = lastInClosedForm ? steps - 1 : steps;   // dates whose crossing is simulated
        BarrierLastStep<T> lastStep = lastInClosedForm
                ? new BarrierLastStep<>(type, barrierKind.down(), k, logStrike, logBarrier) : null;
        return path -> {
            T dfT = path.discountFactor(steps);
            T survival = null;                  // prod (1 - p_j) so far; null stands for 1
            T rebatePaid = null;
            T previous = distance0;
            terms[1] = logBarrier;
            for (int s = 1; s <= simulated; s++) {
                terms[0] = path.logSpot(0, s);
                T distance = Fn.positivePart(Fn.weightedSum(0.0, coefficients, terms, 2));
                T crossing = previous.multiply(distance).multiply(scale(path, s, local, minusTwoOverVariance)).exp();
                if (payRebate) {
                    T hitNow = survival == null ? crossing : survival.multiply(crossing);
                    T paid = hitNow.multiply(path.discountFactor(s));
                    rebatePaid = rebatePaid == null ? paid : rebatePaid.add(paid);
                }
                T alive = crossing.negate().add(1.0);
                survival = survival == null ? alive : survival.multiply(alive);
                previous = distance;
            }
            if (lastStep != null) {
                return lastStepInClosedForm(path, lastStep, survival, rebatePaid, previous,
                        scale(path, steps, local, minusTwoOverVariance), k, logStrike, dfT);
            }
            T vanilla = Payoffs.vanilla(type, path.spot(0, steps), k).multiply(dfT);
            if (barrierKind.knockOut()) {
                T value = vanilla.multiply(survival);
                return payRebate ? value.add(rebatePaid.multiply(rebate)) : value;
            }
            T knocked = survival.negate().add(1.0);
            T value = vanilla.multiply(knocked);
            return payRebate ? value.add(dfT.multiply(survival).multiply(rebate)) : value;
        };
    }

    /** {@code -2 / v} for the step ending at date {@code s}: the crossing probability's factor. */
    private static <T extends RealFieldElement<T>> T scale(PathGenerator<T> path, int s, boolean local,
            T minusTwoOverVariance) {
        return local ? path.stepVariance(0, s).reciprocal().multiply(-2.0) : minusTwoOverVariance;
    }

    /**
     * The payoff with the last step's expectation in closed form, given the survival, the rebate
     * paid at earlier hits and the distance to the barrier before the step ({@code survival} and
     * {@code rebatePaid} null: 1 and nothing, a one-step path).
     */
    private <T extends RealFieldElement<T>> T lastStepInClosedForm(PathGenerator<T> path, BarrierLastStep<T> last,
            T survival, T rebatePaid, T previous, T scale, T k, T logStrike, T dfT) {
        PathModel.NormalStep<T> law = path.lastStep(0);
        BarrierLastStep<T>.Step step = last.step(law.mean(), law.deviation(), previous, scale);
        boolean payRebate = rebate != 0.0;
        if (barrierKind.knockOut()) {
            T value = times(survival, last.knockOut(step)).multiply(dfT);
            if (!payRebate) {
                return value;
            }
            T hitLast = times(survival, last.hit(step)).multiply(dfT);
            return value.add((rebatePaid == null ? hitLast : rebatePaid.add(hitLast)).multiply(rebate));
        }
        // knocked in before the step (1 - survival): the vanilla; else knocked in during it
        T knockedIn = times(survival, last.knockIn(step));
        if (survival != null) {
            T vanilla = Payoffs.lognormalVanilla(type, law.mean(), law.deviation(), k, logStrike);
            knockedIn = knockedIn.add(survival.negate().add(1.0).multiply(vanilla));
        }
        T value = knockedIn.multiply(dfT);
        return payRebate ? value.add(times(survival, last.survival(step)).multiply(dfT).multiply(rebate)) : value;
    }

    private static <T extends RealFieldElement<T>> T times(T factorOrNull, T x) {
        return factorOrNull == null ? x : factorOrNull.multiply(x);
    }

    /** The vanilla at expiry: over the last step in closed form where {@code logStrike} is given, else kinked. */
    private <T extends RealFieldElement<T>> T vanilla(PathGenerator<T> path, T k, T logStrike, int steps) {
        if (logStrike == null) {
            return Payoffs.vanilla(type, path.spot(0, steps), k);
        }
        PathModel.NormalStep<T> law = path.lastStep(0);
        return Payoffs.lognormalVanilla(type, law.mean(), law.deviation(), k, logStrike);
    }
}
