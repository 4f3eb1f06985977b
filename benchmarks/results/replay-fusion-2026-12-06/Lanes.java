import dev.adjointgreeks.bench.BenchmarkCase;
import java.lang.management.*;
import java.util.*;
public class Lanes {
    public static void main(String[] a) {
        BenchmarkCase c = switch (a[0]) {
            case "european" -> BenchmarkCase.european(50_000);
            case "asian" -> BenchmarkCase.asian(5_000);
            case "basket-10" -> BenchmarkCase.basket(10, 5_000);
            case "heston" -> BenchmarkCase.heston(4_000);
            default -> throw new IllegalArgumentException();
        };
        int[] ls = {32, 128};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> t = new TreeMap<>();
        for (int r = 0; r < 30; r++) for (String m : new String[] {"replay", "scalar"}) for (int w : ls) {
            System.setProperty("adjointgreeks.replay", m.equals("replay") ? "true" : "false");
            long t0 = mx.getCurrentThreadCpuTime(); c.adjoint(w, null); long t1 = mx.getCurrentThreadCpuTime();
            if (r >= 10) t.computeIfAbsent(m + w, k -> new ArrayList<>()).add((t1 - t0) / 1e6);
        }
        StringBuilder sb = new StringBuilder(a[0]);
        for (var e : t.entrySet()) { var v = e.getValue(); Collections.sort(v); sb.append(String.format(" %s=%.2f", e.getKey(), v.get(v.size() / 2))); }
        System.out.println(sb);
    }
}
