package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.model.BlackScholesDescriptor;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;

/**
 * Adding a model touches no switch: a model known only to this test is registered and priced
 * through the command line, like any built-in one.
 */
class ModelRegistryTest {

    @TempDir
    Path dir;

    /** A test-only model: Black-Scholes under another name, so its numbers are known exactly. */
    record TestModel(BlackScholesModel inner) implements PathModel {
        @Override
        public String name() {
            return "test-gbm";
        }

        @Override
        public InputLayout inputs() {
            return inner.inputs();
        }

        @Override
        public double[] parameterValues() {
            return inner.parameterValues();
        }

        @Override
        public int assets() {
            return 1;
        }

        @Override
        public int normalsPerStep() {
            return 1;
        }

        @Override
        public String[] stateNames() {
            return inner.stateNames();
        }

        @Override
        public Set<Capability> capabilities() {
            return inner.capabilities();
        }

        @Override
        public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> params, T maturity, int steps) {
            return inner.generator(params, maturity, steps);
        }
    }

    /** Its descriptor: Black-Scholes's fields, another word. */
    static final class TestGbm implements ModelDescriptor {
        private final ModelDescriptor bs = new BlackScholesDescriptor();

        @Override
        public String word() {
            return "test-gbm";
        }

        @Override
        public Set<Underlying> underlyings() {
            return EnumSet.of(Underlying.SINGLE_ASSET);
        }

        @Override
        public List<Input> inputs(Underlying u) {
            return bs.inputs(u);
        }

        @Override
        public PathModel create(Fields row, Underlying u) {
            return new TestModel((BlackScholesModel) bs.create(row, u));
        }
    }

    @AfterEach
    void unregister() {
        ModelTypes.unregister("test-gbm");
    }

    @Test
    void aModelRegisteredInATestIsPricedThroughTheCommandLine() throws IOException {
        ModelTypes.register(new TestGbm());
        String header = "id,product,type,model,spot,strike,maturity,rate,dividend,vol";
        Path test = dir.resolve("test.csv");
        Path bs = dir.resolve("bs.csv");
        Files.write(test, List.of(header, "eu,european,call,test-gbm,100,100,1,0.05,0,0.2"));
        Files.write(bs, List.of(header, "eu,european,call,bs,100,100,1,0.05,0,0.2"));
        CliRunner.Run a = CliRunner.run("price", test.toString(), "--paths", "2000", "--quiet");
        CliRunner.Run b = CliRunner.run("price", bs.toString(), "--paths", "2000", "--quiet");
        assertEquals(0, a.exit(), a.err());
        Map<String, String> t = PriceCommandTest.readCsv(a.out()).get(0);
        Map<String, String> r = PriceCommandTest.readCsv(b.out()).get(0);
        assertEquals("test-gbm", t.get("model"));
        for (String c : new String[] {"price", "price_stderr", "delta", "vega", "rho", "theta", "gamma"}) {
            assertEquals(r.get(c), t.get(c), c);
        }
        // no closed form registered: the analytic engine rejects the row with the reason
        CliRunner.Run c = CliRunner.run("price", test.toString(), "--method", "analytic", "--quiet");
        assertEquals(3, c.exit());
        assertTrue(c.err().contains("no closed form under the test-gbm model"), c.err());
    }
}
