package dev.adjointgreeks.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.batch.ExecutorOptions;
import dev.adjointgreeks.batch.ExecutorUnavailableException;
import dev.adjointgreeks.batch.TradeExecutors;

/** How the Spark executor is found, configured, and refused. */
class SparkExecutorProviderTest {

    @Test
    void theSparkExecutorIsFoundByNameThroughServiceLoader() {
        assertTrue(TradeExecutors.names().contains("spark"), TradeExecutors.names().toString());
        assertEquals("spark", new SparkExecutorProvider().name());
    }

    @Test
    void withoutSparkOnTheClassPathTheProviderSaysHowToGetIt() {
        ClassLoader withoutSpark = ClassLoader.getPlatformClassLoader();
        assertFalse(SparkExecutorProvider.sparkVisible(withoutSpark));
        ExecutorUnavailableException e = assertThrows(ExecutorUnavailableException.class,
                () -> new SparkExecutorProvider().create(new ExecutorOptions(0, null, 0, Map.of()), withoutSpark));
        assertTrue(e.getMessage().contains("mvn -B -Pspark package -DskipTests"), e.getMessage());
        assertTrue(e.getMessage().contains("spark-submit"), e.getMessage());
    }

    @Test
    void theCommandLineWithoutSparkExitsTwoWithHowToGetIt() throws Exception {
        // a JVM with the project's classes and libraries but no spark-core: what target/greeks.jar is alone
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("spark-core")) {
                cp.add(entry);
            }
        }
        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp",
                String.join(File.pathSeparator, cp), "dev.adjointgreeks.cli.GreeksCommand", "price",
                SparkExecutorTest.CSV, "--executor", "spark").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("mvn -B -Pspark package -DskipTests"), output);
    }

    @Test
    void anUnreachableMasterExitsTwoWithItsUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }   // closed: nothing listens there now
        String master = "spark://127.0.0.1:" + port;
        long t0 = System.nanoTime();
        Cli.Run run = Cli.run("price", SparkExecutorTest.CSV, "--executor", "spark", "--spark-master", master);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("cannot reach the Spark master " + master), run.err());
        assertTrue(System.nanoTime() - t0 < 30e9, "refused at once, not after Spark's minute of retries");
    }

    @Test
    void aMasterSparkCannotStartOnExitsTwoWithItsUrl() {
        // no spark-yarn here: Spark refuses the master with its checked SparkException
        Cli.Run run = Cli.run("price", SparkExecutorTest.CSV, "--executor", "spark", "--spark-master", "yarn");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("cannot start on the Spark master yarn: "), run.err());
    }

    @Test
    void theMasterIsTheOptionElseWhatSparkSubmitSetElseLocal() {
        SparkConf submitted = new SparkConf(false).set("spark.master", "spark://head:7077");
        assertEquals("yarn", SparkContexts.master("yarn", submitted));
        assertEquals("spark://head:7077", SparkContexts.master(null, submitted));
        assertEquals("local[*]", SparkContexts.master(null, new SparkConf(false)));
    }

    @Test
    void localModeHasNoUiAndALoopbackDriverAndClustersKeepTheirSettings() {
        SparkConf local = SparkContexts.conf("local[2]", "t");
        assertEquals("local[2]", local.get("spark.master"));
        assertEquals("false", local.get("spark.ui.enabled"));
        assertEquals("127.0.0.1", local.get("spark.driver.bindAddress"));
        SparkConf cluster = SparkContexts.conf("spark://head:7077", "t");
        assertFalse(cluster.contains("spark.ui.enabled"));
        assertFalse(cluster.contains("spark.driver.host"));
        assertEquals("false", cluster.get("spark.ui.showConsoleProgress"));
    }

    @Test
    void standaloneAndKubernetesMastersAreProbedAtTheirAddresses() {
        assertEquals(List.of("a:7077", "b:7078"), hostPorts("spark://a:7077,b:7078"));
        assertEquals(List.of("k8s.example:6443"), hostPorts("k8s://https://k8s.example:6443"));
        assertEquals(List.of("k8s.example:443"), hostPorts("k8s://k8s.example"));
        assertEquals(List.of(), hostPorts("yarn"));
        assertEquals(List.of(), hostPorts("local[*]"));
    }

    private static List<String> hostPorts(String master) {
        List<String> out = new ArrayList<>();
        for (InetSocketAddress a : SparkContexts.addresses(master)) {
            out.add(a.getHostString() + ":" + a.getPort());
        }
        return out;
    }

    @Test
    void inLocalModeNoTimeIsSpentWaitingForExecutors() {
        long t0 = System.nanoTime();
        SparkContexts.awaitExecutors(SharedSpark.context(), 60_000, 60_000);
        assertTrue(System.nanoTime() - t0 < 1e9);
        assertEquals(2 * 2, new SparkExecutor(SharedSpark.context(), false, 0).partitions(), "2 partitions per core");
    }

    @Test
    void theSharedTestContextIsLocalTwoWithoutUi() {
        assertEquals(SharedSpark.MASTER, SharedSpark.context().master());
        assertEquals("false", SharedSpark.context().getConf().get("spark.ui.enabled"));
        assertTrue(SharedSpark.context().sc().uiWebUrl().isEmpty());
    }
}
