package dev.adjointgreeks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.demo.SeedExamples;
import dev.adjointgreeks.demo.SeedExamples.DifferenceRow;
import dev.adjointgreeks.demo.SeedRegression;
import dev.adjointgreeks.report.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code greeks demo}: the seed article's examples, forward and reverse. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Print the seed article's examples: f = sqrt(3 sin x), many_sines, the regression "
                + "by steepest descent, and numerical differentiation against AD (table and PNG).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--chart", paramLabel = "PNG", defaultValue = "target/numerical-differentiation.png",
            description = "Where to write the numerical-differentiation chart (default: ${DEFAULT-VALUE}).")
    Path chart;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OutputPaths.check(chart, "--chart");
        double x = 2.0;
        Dual fwd = SeedExamples.f(Dual.variable(x));
        Tape tape = new Tape();
        Adj xa = tape.input(x);
        Adj y = SeedExamples.f(xa);
        out.println("f = sqrt . (*3) . sin at x = 2");
        out.println("  value                  " + fwd.getReal());
        out.println("  forward mode (dual)    " + fwd.tangent());
        out.println("  reverse mode (tape)    " + tape.gradient(y)[0]);
        out.println("  symbolic               " + SeedExamples.fPrime(x));

        double xs = 0.5;
        tape.reset();
        Adj xs2 = tape.input(xs);
        out.println("many_sines at x = 0.5 (y = x; six times y = sin(x + y))");
        out.println("  value                  " + SeedExamples.manySines(Dual.constant(xs)).getReal());
        out.println("  forward mode (dual)    " + SeedExamples.manySines(Dual.variable(xs)).tangent());
        out.println("  reverse mode (tape)    " + tape.gradient(SeedExamples.manySines(xs2))[0]);
        out.println("  symbolic               " + SeedExamples.manySinesPrime(xs));

        double[] f = SeedExamples.regressionForward(SeedExamples.STEPS);
        double[] r = SeedExamples.regressionReverse(SeedExamples.STEPS);
        out.println("Linear regression y = m x + c by steepest descent (xs = 1..10, ys = 2x + 1, rate 0.04, "
                + "start (c, m) = (0.1, 0.1), 1000 steps)");
        out.println("  forward mode (dual)    (c, m) = (" + f[0] + ", " + f[1] + ")  cost "
                + SeedExamples.cost(f[1], f[0], SeedExamples.XS, SeedExamples.YS));
        out.println("  reverse mode (tape)    (c, m) = (" + r[0] + ", " + r[1] + ")  cost "
                + SeedExamples.cost(r[1], r[0], SeedExamples.XS, SeedExamples.YS));
        double[] nn = SeedRegression.train(SeedExamples.STEPS);
        out.println("  network (no hidden layer, identity, tape gradient)   (c, m) = (" + nn[0] + ", " + nn[1] + ")  cost "
                + SeedExamples.cost(nn[1], nn[0], SeedExamples.XS, SeedExamples.YS));

        DifferenceRow[] rows = SeedExamples.numericalDifferentiation();
        out.println("Numerical differentiation of exp at 1: relative error of the forward difference and of AD");
        out.printf("  %-8s %-24s %-12s %-12s%n", "epsilon", "(f(x+e)-f(x))/e", "fd error", "AD error");
        double[] eps = new double[rows.length];
        double[] fdErr = new double[rows.length];
        double[] adErr = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            DifferenceRow row = rows[i];
            out.printf("  %-8s %-24s %-12.3e %-12.3e%n", "1e-" + (i + 1), Double.toString(row.finiteDifference()),
                    row.finiteDifferenceError(), row.adError());
            eps[i] = row.epsilon();
            fdErr[i] = row.finiteDifferenceError();
            adErr[i] = Math.max(row.adError(), 1e-17);
        }
        Charts.writeLineChart(chart, "Forward difference vs reverse-mode AD: d/dx exp(x) at x = 1",
                "epsilon", true, "relative error (AD exact: drawn at 1e-17)", true,
                List.of(new Charts.Line("forward difference", eps, fdErr), new Charts.Line("reverse-mode AD", eps, adErr)));
        out.println("  chart written to " + chart);
        out.flush();
        return 0;
    }
}
