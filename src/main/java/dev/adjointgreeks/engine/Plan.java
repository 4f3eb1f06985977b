package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.adjointgreeks.mc.AdjointEvaluator;
import dev.adjointgreeks.mc.Evaluator;
import dev.adjointgreeks.mc.HessianEvaluator;
import dev.adjointgreeks.mc.MonteCarlo;
import dev.adjointgreeks.mc.MonteCarlo.Output;
import dev.adjointgreeks.mc.PassiveEvaluator;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * What one Monte Carlo run evaluates per sample (the evaluators, each at its own inputs) and which
 * linear combinations of their values it reports: the adjoint Greeks, the bump-and-revalue
 * differences, the second-order differences of adjoint gradients, the differences between methods.
 */
final class Plan {

    final PricingProblem problem;
    final RunSettings settings;
    final double[] base;
    private final List<Supplier<Evaluator>> makers;
    private final List<Integer> groups;
    final List<Output> outputs;
    /** Samples per Monte Carlo block of the run, set when it starts (adjoint evaluators size their lanes to it); shared with views. */
    private final long[] samplesPerBlock;

    Plan(PricingProblem problem, RunSettings settings) {
        this.problem = problem;
        this.settings = settings;
        this.base = problem.inputValues();
        this.makers = new ArrayList<>();
        this.groups = new ArrayList<>();
        this.outputs = new ArrayList<>();
        this.samplesPerBlock = new long[1];
    }

    private Plan(Plan shared, double[] base) {
        this.problem = shared.problem;
        this.settings = shared.settings;
        this.base = base.clone();
        this.makers = shared.makers;
        this.groups = shared.groups;
        this.outputs = shared.outputs;
        this.samplesPerBlock = shared.samplesPerBlock;
    }

    /**
     * The same plan (same evaluators, outputs and paths) seen from other base inputs: what is added
     * through the view is evaluated around {@code inputs} (a market scenario's Greeks).
     */
    Plan at(double[] inputs) {
        if (inputs.length != base.length) {
            throw new IllegalArgumentException(inputs.length + " inputs, expected " + base.length);
        }
        return new Plan(this, inputs);
    }

    /** An adjoint evaluator at the base inputs with {@code bumps} added; returns its index. */
    int adjoint(int group, double[] bumps) {
        double[] x = shifted(bumps);
        int index = makers.size();
        // only the inputs whose gradient some output reads are differentiated (known once the
        // outputs are planned, before the kernel is built)
        makers.add(() -> new AdjointEvaluator(problem, x, settings.gradientErrors(), 0, readInputs(index),
                samplesPerBlock[0]));
        groups.add(group);
        return index;
    }

    /**
     * A tangent-over-adjoint evaluator at the base inputs ({@link HessianEvaluator}): components
     * {@code 0} price, {@code 1 + k} gradient, {@code 1 + n + d n + k} the Hessian row of input
     * {@code directions[d]}; returns its index.
     */
    int hessian(int group, int[] directions) {
        double[] x = shifted(null);
        int index = makers.size();
        int[] dirs = directions.clone();
        makers.add(() -> {
            boolean[] read = readInputs(index);
            for (int d : dirs) {
                read[d] = true;
            }
            return new HessianEvaluator(problem, x, settings.gradientErrors(), dirs, read, samplesPerBlock[0]);
        });
        groups.add(group);
        return index;
    }

    /**
     * Which inputs' derivative components of evaluator {@code e} an output reads: component
     * {@code 1 + k} (gradient) or {@code 1 + n + d n + k} (a Hessian row) reads input k.
     */
    private boolean[] readInputs(int e) {
        int n = base.length;
        boolean[] read = new boolean[n];
        for (Output o : outputs) {
            for (int t = 0; t < o.evaluator().length; t++) {
                int c = o.component()[t];
                if (o.evaluator()[t] == e && c >= 1) {
                    read[(c - 1) % n] = true;
                }
            }
        }
        return read;
    }

    /** A passive (price-only) evaluator at the base inputs with {@code bumps} added. */
    int passive(int group, double[] bumps) {
        double[] x = shifted(bumps);
        makers.add(() -> new PassiveEvaluator(problem, x));
        groups.add(group);
        return makers.size() - 1;
    }

    /** A passive evaluator at {@code inputs} (a market scenario's). */
    int passiveAt(int group, double[] inputs) {
        double[] x = inputs.clone();
        makers.add(() -> new PassiveEvaluator(problem, x));
        groups.add(group);
        return makers.size() - 1;
    }

    double[] bump(int input, double h) {
        double[] b = new double[base.length];
        b[input] = h;
        return b;
    }

    double[] bump(int i, double hi, int j, double hj) {
        double[] b = new double[base.length];
        b[i] += hi;
        b[j] += hj;
        return b;
    }

    private double[] shifted(double[] bumps) {
        double[] x = base.clone();
        if (bumps != null) {
            for (int i = 0; i < x.length; i++) {
                x[i] += bumps[i];
            }
        }
        return x;
    }

    void output(String name, int[] evaluators, int[] components, double[] coefficients) {
        outputs.add(new Output(name, evaluators, components, coefficients));
    }


    MonteCarlo.Result run(long paths, long seed) {
        int[] group = groups.stream().mapToInt(Integer::intValue).toArray();
        MonteCarlo.Settings mc = new MonteCarlo.Settings(paths, seed, settings.threads(), settings.antithetic(),
                settings.sobol());
        samplesPerBlock[0] = MonteCarlo.samplesPerBlock(mc);
        Supplier<Evaluator[]> kernel = () -> {
            Evaluator[] e = new Evaluator[makers.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = makers.get(i).get();
            }
            return e;
        };
        return MonteCarlo.run(mc, problem.steps(), problem.model().normalsPerStep(), kernel, group, outputs);
    }
}
