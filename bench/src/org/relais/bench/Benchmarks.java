package org.relais.bench;

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
        scenarios.put("intake", new IntakeBench());
        scenarios.put("fanout", new FanOutBench());
        scenarios.put("scaleout", new FaultsBench(false));
        scenarios.put("faults", new FaultsBench(true));
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
            scenario.run();
        }
    }

    /** One measured scenario: prints its own figures. */
    interface Scenario {
        void run() throws Exception;
    }
}
