package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.adjointgreeks.mc.AdjointEvaluator;
import dev.adjointgreeks.mc.Evaluator;
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
    private final List<Supplier<Evaluator>> makers = new ArrayList<>();
    private final List<Integer> groups = new ArrayList<>();
    final List<Output> outputs = new ArrayList<>();

    Plan(PricingProblem problem, RunSettings settings) {
        this.problem = problem;
        this.settings = settings;
        this.base = problem.inputValues();
    }

    /** An adjoint evaluator at the base inputs with {@code bumps} added; returns its index. */
    int adjoint(int group, double[] bumps) {
        double[] x = shifted(bumps);
        int index = makers.size();
        // only the inputs whose gradient some output reads are differentiated (known once the
        // outputs are planned, before the kernel is built)
        makers.add(() -> new AdjointEvaluator(problem, x, settings.gradientErrors(), 0, readInputs(index)));
        groups.add(group);
        return index;
    }

    /** Which inputs' gradient components (1 + k) of evaluator {@code e} an output reads. */
    private boolean[] readInputs(int e) {
        boolean[] read = new boolean[base.length];
        for (Output o : outputs) {
            for (int t = 0; t < o.evaluator().length; t++) {
                int c = o.component()[t];
                if (o.evaluator()[t] == e && c >= 1) {
                    read[c - 1] = true;
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
        Supplier<Evaluator[]> kernel = () -> {
            Evaluator[] e = new Evaluator[makers.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = makers.get(i).get();
            }
            return e;
        };
        return MonteCarlo.run(new MonteCarlo.Settings(paths, seed, settings.threads(), settings.antithetic(),
                settings.sobol()), problem.steps(), problem.model().normalsPerStep(), kernel, group, outputs);
    }
}
