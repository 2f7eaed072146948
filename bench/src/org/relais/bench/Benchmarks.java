package org.relais.bench;

import java.lang.management.ManagementFactory;
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

    /** Set in the child JVM a scenario runs in when it needs a heap of its own. */
    private static final String OWN_JVM = "bench.own-jvm";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("budget", new BudgetValidationBench());
        // real processes: minutes each, run only when named
        scenarios.put("scaleout", new FaultsBench(false));
        scenarios.put("faults", new FaultsBench(true));
        scenarios.put("memory", new MemoryBench());
        scenarios.put("startup", new StartupBench());
        List<String> wanted = args.length == 0 || args[0].equals("all") ? List.of("budget")
                : Arrays.asList(args[0].split(","));
        System.out.printf("Relais benchmark — %s, %d cores, max heap %d MB, Java %s%n", System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
        for (String name : wanted) {
            Scenario scenario = scenarios.get(name);
            if (scenario == null) {
                throw new IllegalArgumentException("Unknown scenario " + name + "; known: " + scenarios.keySet());
            }
            System.out.println();
            System.out.println("== " + name);
            if (scenario.benchHeapMb() > 0 && !Boolean.getBoolean(OWN_JVM)) {
                runInOwnJvm(name, scenario.benchHeapMb());
            } else {
                scenario.run();
            }
        }
    }

    /** Runs one scenario in a child JVM with a larger heap, with this JVM's flags and system properties. */
    private static void runInOwnJvm(String name, int heapMb) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heapMb + "m"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !argument.startsWith("-Xmx")).forEach(command::add);
        command.addAll(List.of("-D" + OWN_JVM + "=true", "-cp", System.getProperty("java.class.path"),
                Benchmarks.class.getName(), name));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("scenario " + name + " failed (exit " + exit + ")");
        }
    }

    /** One measured scenario: prints its own figures. */
    interface Scenario {
        void run() throws Exception;

        /** A heap for the bench JVM, in MB, if this scenario needs one of its own: it then runs in a child JVM. */
        default int benchHeapMb() {
            return 0;
        }
    }
}
