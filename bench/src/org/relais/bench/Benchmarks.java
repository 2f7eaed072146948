package org.relais.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark scenarios named on the command line ("all" for every one). Each scenario measures Relais and a
 * baseline doing the same work in the same run, and prints both with their ratio.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("budget", new BudgetValidationBench());
        // real processes (and faults): minutes each, run only when named
        scenarios.put("hostile", new HostileBench());
        scenarios.put("intake", new IntakeBench());
        scenarios.put("fanout", new FanOutBench());
        scenarios.put("memory", new MemoryBench());
        scenarios.put("startup", new StartupBench());
        scenarios.put("scaleout", new FaultsBench(false));
        scenarios.put("faults", new FaultsBench(true));
        List<String> wanted = args.length == 0 || args[0].equals("all") ? List.of("budget")
                : Arrays.asList(args[0].split(","));
        boolean nested = Boolean.getBoolean("bench.nested");
        if (!nested) {
            System.out.printf("Relais benchmark — %s, %d cores, max heap %d MB, Java %s%n",
                    System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), maxHeapMb(),
                    System.getProperty("java.version"));
        }
        for (String name : wanted) {
            Scenario scenario = scenarios.get(name);
            if (scenario == null) {
                throw new IllegalArgumentException("Unknown scenario " + name + "; known: " + scenarios.keySet());
            }
            if (!nested) {
                System.out.println();
                System.out.println("== " + name);
            }
            // the JVM reports a little less than its -Xmx: a nested one never forks again
            if (!nested && scenario.heapMb() > maxHeapMb()) {
                runInItsOwnJvm(name, scenario.heapMb());
            } else {
                scenario.run();
            }
        }
    }

    /** Same classpath and the scenario's own system properties ({@code <name>.*}), a larger heap, same output. */
    private static void runInItsOwnJvm(String name, long heapMb) throws Exception {
        System.out.printf("(in a JVM of its own with a %d MB heap)%n", heapMb);
        System.out.flush();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-Dbench.nested=true"));
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(name + "."))
                .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Benchmarks.class.getName(), name));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("scenario " + name + " failed (exit " + exit + ")");
        }
    }

    /** A count given with -D; the pom passes 0 for "the scenario's own default". */
    static int count(String property, int byDefault) {
        int given = Integer.getInteger(property, 0);
        return given > 0 ? given : byDefault;
    }

    private static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /** One measured scenario: prints its own figures. */
    interface Scenario {
        void run() throws Exception;

        /** The heap the bench JVM needs for this scenario (MB); a larger one than it has runs it in a JVM of its own. */
        default long heapMb() {
            return 0;
        }
    }
}
