import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/** Interleaved A/B in one JVM: each class dir in its own loader; per rep, every (variant, mode) once, order rotated. */
public class AB {
    public static void main(String[] a) throws Exception {
        String name = a[0];
        int reps = Integer.parseInt(a[1]);
        String[] modes = a[2].split(",");
        String[] dirs = a[3].split(",");
        int n = dirs.length;
        Object[] cases = new Object[n];
        Method[] adj = new Method[n];
        for (int v = 0; v < n; v++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {Paths.get(dirs[v]).toUri().toURL()}, AB.class.getClassLoader());
            Class<?> bc = cl.loadClass("dev.adjointgreeks.bench.BenchmarkCase");
            cases[v] = switch (name) {
                case "european" -> bc.getMethod("european", long.class).invoke(null, 200_000L);
                case "asian" -> bc.getMethod("asian", long.class).invoke(null, 20_000L);
                case "basket-10" -> bc.getMethod("basket", int.class, long.class).invoke(null, 10, 20_000L);
                case "basket-50" -> bc.getMethod("basket", int.class, long.class).invoke(null, 50, 2_000L);
                case "heston" -> bc.getMethod("heston", long.class).invoke(null, 10_000L);
                default -> throw new IllegalArgumentException(name);
            };
            adj[v] = bc.getMethod("adjoint");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> t = new TreeMap<>();
        double[] chk = new double[n * modes.length];
        int k = 0;
        for (int r = 0; r < reps + 8; r++) {
            for (int j = 0; j < n * modes.length; j++) {
                int idx = (j + r) % (n * modes.length);
                int v = idx / modes.length;
                String m = modes[idx % modes.length];
                System.setProperty("adjointgreeks.replay", m.equals("replay") ? "true" : "false");
                long t0 = mx.getCurrentThreadCpuTime();
                double[] o = (double[]) adj[v].invoke(cases[v]);
                long t1 = mx.getCurrentThreadCpuTime();
                chk[idx] = o[0] + o[1];
                if (r >= 8) t.computeIfAbsent(dirs[v].replaceAll(".*/", "") + ":" + m, x -> new ArrayList<>()).add((t1 - t0) / 1e6);
            }
        }
        StringBuilder sb = new StringBuilder(name);
        for (var e : t.entrySet()) {
            List<Double> v = e.getValue(); Collections.sort(v);
            sb.append(String.format(" %s=%.2f", e.getKey(), v.get(v.size() / 2)));
        }
        boolean same = true;
        for (double c : chk) same &= Double.doubleToRawLongBits(c) == Double.doubleToRawLongBits(chk[0]);
        System.out.println(sb + " identical=" + same);
    }
}
