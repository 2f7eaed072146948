package org.relais.bench;

import baseline.MinimalWebApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time and resident memory when idle, over three starts of the hub on the bench's parts, run as the packaged
 * jar with the JVM options of config/jvm.options: once as {@code java -jar target/relais-*.jar}, once extracted
 * ({@code -Djarmode=tools extract}) with a class-data sharing archive made by a training run
 * ({@code -XX:ArchiveClassesAtExit} on Java 17: the classes of a start, by the training run the image makes its archive
 * with, {@code relais.training-run=true}).
 * Start-up is from the process start to Spring Boot's "Started" line and to the first {@code /actuator/health}
 * answering UP; idle memory is the resident set 20 s after that. A minimal Spring Boot web application, started the
 * same way from the class path, is the baseline.
 */
final class StartupBench implements Benchmarks.Scenario {

    private static final int STARTS = 3;
    private static final String HEAP = "384m";
    private static final long IDLE_MS = 20_000;
    private static final double TARGET_HEALTHY_S = 8;
    private static final double TARGET_RSS_MB = 350;

    private final Progress progress = new Progress();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public void run() throws Exception {
        Path logs = Path.of("bench/results/startup").toAbsolutePath();
        try (BenchParts parts = BenchParts.start("startup")) {
            // the first start migrates the empty database: done once here, so that every start below is alike
            List<String> documented = HubProcess.documentedJvmOptions();
            HubProcess migration = new HubProcess(parts, "migration", logs, HEAP, List.of(), documented);
            migration.start();
            migration.awaitReady(300_000);
            migration.stop();

            Starts jar = measure(new HubProcess(parts, "jar", logs, HEAP, List.of(), documented).packaged(), true);
            Path app = extract(parts.work.resolve("app"));
            Path archive = parts.work.resolve("relais.jsa");
            train(parts, logs, app, archive, documented);
            Starts cds = measure(new HubProcess(parts, "cds", logs, HEAP, List.of(),
                    with(documented, "-XX:SharedArchiveFile=" + archive)).packaged(app), true);
            Starts baseline = measure(new HubProcess(parts, "baseline", logs, HEAP, List.of(), documented,
                    MinimalWebApplication.class), false);
            String newerJdk = System.getProperty("startup.aot-jdk", "").strip();
            Starts aot = newerJdk.isEmpty() ? null : aotCache(parts, logs, app, Path.of(newerJdk), documented);

            System.out.printf("%d starts each, -Xmx%s and config/jvm.options, on the bench's parts; idle RSS %d s after"
                    + " healthy; logs in %s%n", STARTS, HEAP, IDLE_MS / 1000, logs);
            jar.print("relais, java -jar (fat jar)");
            cds.print("relais, extracted + CDS archive");
            baseline.print("minimal web app (class path)");
            if (aot != null) {
                aot.print("relais, Java " + aot.java() + " + AOT cache");
            }
            System.out.printf("  ratio relais (CDS)/baseline: start-up %.1f, idle RSS %.1f%n",
                    cds.median(cds.started()) / baseline.median(baseline.started()),
                    cds.median(cds.residentMb()) / baseline.median(baseline.residentMb()));
            System.out.printf("  relais (CDS) to healthy, median %.1f s   (target <= %.0f s: %s)%n",
                    cds.median(cds.healthy()), TARGET_HEALTHY_S,
                    cds.median(cds.healthy()) <= TARGET_HEALTHY_S ? "met" : "MISSED");
            System.out.printf("  relais (CDS) idle RSS, median %.0f MB   (target <= %.0f MB: %s)%n",
                    cds.median(cds.residentMb()), TARGET_RSS_MB,
                    cds.median(cds.residentMb()) <= TARGET_RSS_MB ? "met" : "MISSED");
        }
    }

    /** The fat jar extracted as Spring Boot's tools lay it out: the application jar and lib/, a plain class path. */
    private Path extract(Path app) throws Exception {
        Path jar = HubProcess.packagedJar();
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString()));
        return app.resolve(jar.getFileName());
    }

    /**
     * The training run the image makes its archive with (Dockerfile, docs/operations.md "Starting in seconds"): the
     * hub started with {@code relais.training-run=true}, which stops once started, its rehearsal included; the JVM
     * archives at its exit the classes it loaded.
     */
    private void train(BenchParts parts, Path logs, Path app, Path archive, List<String> options) throws Exception {
        long started = System.nanoTime();
        trainingRun(new HubProcess(parts, "training", logs, HEAP, List.of("--relais.training-run=true"),
                with(options, "-XX:ArchiveClassesAtExit=" + archive)).packaged(app), archive);
        progress.say("CDS archive of %.0f MB made by a training run of %.1f s", Files.size(archive) / 1e6,
                (System.nanoTime() - started) / 1e9);
    }

    /** Starts a training run and waits for its JVM to write what it makes ({@code made}) as it exits. */
    private static void trainingRun(HubProcess training, Path made) throws Exception {
        training.start();
        // the JVM writes the archive as it exits: a minute or more on a busy machine
        if (!training.awaitExit(600_000) || !Files.isRegularFile(made)) {
            training.stop();
            throw new IllegalStateException("the training run made no " + made.getFileName() + ": see "
                    + training.log());
        }
    }

    /**
     * The same extracted jar on a newer JDK (24 or later) with its AOT cache (JEP 483, 514): the classes of a training
     * run kept loaded and linked, not only parsed as in a CDS archive. The cache is written when the training run
     * exits.
     */
    private Starts aotCache(BenchParts parts, Path logs, Path app, Path jdk, List<String> options) throws Exception {
        Path cache = parts.work.resolve("relais.aot");
        trainingRun(new HubProcess(parts, "aot-training", logs, HEAP, List.of("--relais.training-run=true"),
                with(options, "-XX:AOTCacheOutput=" + cache)).packaged(app).on(jdk), cache);
        progress.say("AOT cache of %.0f MB made on %s", Files.size(cache) / 1e6, jdk);
        String version = Files.readAllLines(jdk.resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION=")).findFirst().orElse("=?").split("=")[1]
                .replace("\"", "");
        Starts starts = measure(new HubProcess(parts, "aot", logs, HEAP, List.of(), with(options, "-XX:AOTCache=" + cache))
                .packaged(app).on(jdk), true);
        return new Starts(starts.started(), starts.healthy(), starts.residentMb(), version);
    }

    private Starts measure(HubProcess process, boolean health) throws Exception {
        double[] started = new double[STARTS];
        double[] healthy = new double[STARTS];
        double[] residentMb = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            process.start();
            try {
                started[i] = process.awaitReady(180_000);
                healthy[i] = health ? awaitHealthy(process) : started[i];
                Thread.sleep(IDLE_MS);
                residentMb[i] = process.residentMb();
            } finally {
                process.stop();
            }
            progress.say("%s: started %.1f s, healthy %.1f s, idle RSS %.0f MB", process.name, started[i], healthy[i],
                    residentMb[i]);
        }
        return new Starts(started, healthy, residentMb, System.getProperty("java.version"));
    }

    /** Seconds from the process start to the first health answer UP. */
    private double awaitHealthy(HubProcess process) throws Exception {
        URI health = URI.create("http://127.0.0.1:" + process.httpPort() + "/actuator/health");
        long end = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < end) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return process.secondsSinceStart();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("hub " + process.name + " not healthy: see " + process.log());
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private record Starts(double[] started, double[] healthy, double[] residentMb, String java) {

        double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        void print(String name) {
            System.out.printf("  %-30s started %s s, healthy %s s (median %.1f), idle RSS %s MB (median %.0f)%n", name,
                    list(started, "%.1f"), list(healthy, "%.1f"), median(healthy), list(residentMb, "%.0f"),
                    median(residentMb));
        }

        private static String list(double[] values, String format) {
            return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format(format, v)).toList());
        }
    }
}
