package org.relais.bench;

import baseline.MinimalWebApplication;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up time (process start to Spring Boot's "Started" line) and resident memory when idle (20 s after the start),
 * over three starts of the hub on the bench's parts, against a minimal Spring Boot web application started the same
 * way (same JVM flags and classpath, same arguments) in the same run.
 */
final class StartupBench implements Benchmarks.Scenario {

    private static final int STARTS = 3;
    private static final String HEAP = "384m";
    private static final long IDLE_MS = 20_000;

    @Override
    public void run() throws Exception {
        Path logs = Path.of("bench/results/startup").toAbsolutePath();
        try (BenchParts parts = BenchParts.start("startup")) {
            Starts hub = measure(new HubProcess(parts, "hub", logs, HEAP, List.of(), List.of()));
            Starts baseline = measure(new HubProcess(parts, "baseline", logs, HEAP, List.of(), List.of(),
                    MinimalWebApplication.class));
            System.out.printf("%d starts each, -Xmx%s, serial GC; idle RSS %d s after the start; logs in %s%n",
                    STARTS, HEAP, IDLE_MS / 1000, logs);
            System.out.printf("  relais hub        start %s s (median %.1f; the first migrates an empty database),"
                    + " idle RSS %s MB (median %.0f)%n", hub.startList(), hub.medianStart(), hub.rssList(),
                    hub.medianRss());
            System.out.printf("  minimal web app   start %s s (median %.1f), idle RSS %s MB (median %.0f)%n",
                    baseline.startList(), baseline.medianStart(), baseline.rssList(), baseline.medianRss());
            System.out.printf("  ratio relais/baseline: start-up %.1f, idle RSS %.1f%n",
                    hub.medianStart() / baseline.medianStart(), hub.medianRss() / baseline.medianRss());
        }
    }

    private static Starts measure(HubProcess process) throws Exception {
        double[] seconds = new double[STARTS];
        double[] residentMb = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            process.start();
            try {
                seconds[i] = process.awaitReady(180_000);
                Thread.sleep(IDLE_MS);
                residentMb[i] = process.residentMb();
            } finally {
                process.stop();
            }
        }
        return new Starts(seconds, residentMb);
    }

    private record Starts(double[] seconds, double[] residentMb) {

        double medianStart() {
            return median(seconds);
        }

        double medianRss() {
            return median(residentMb);
        }

        String startList() {
            return list(seconds, "%.1f");
        }

        String rssList() {
            return list(residentMb, "%.0f");
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        private static String list(double[] values, String format) {
            return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format(format, v)).toList());
        }
    }
}
