package org.relais.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hub as a process of its own (java -cp &lt;bench classpath&gt; org.relais.RelaisApplication, or java -jar on the
 * packaged jar; working directory the checkout) with a data folder of its own and its output in a log file per start.
 * On the bench's parts, settings that suit a bench (a backlog from a few senders, no scheduled mailings) are passed
 * on the command line; without parts the hub runs on its embedded defaults (its own broker and PostgreSQL). A
 * scenario adds its own settings, and one it names replaces the default of the same name (Spring would join both).
 * A baseline application can be started the same way in its place.
 */
final class HubProcess {

    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port\\D*(\\d+)");
    private static final Pattern GENERATION_USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    final String name;
    /** Null: the hub's embedded defaults, its data folder under {@link #work}. */
    private final BenchParts parts;
    private final Path work;
    private Path jar;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private final Path logs;
    private final String heap;
    private final List<String> extraArgs;
    private final List<String> jvmOptions;
    private final Class<?> mainClass;
    private Process process;
    private Path log;
    private int starts;
    private long startedAt;

    /** A hub with the JVM options it is documented to run with (config/jvm.options). */
    HubProcess(BenchParts parts, String name, Path logs, String heap, List<String> extraArgs) {
        this(parts, name, logs, heap, extraArgs, documentedJvmOptions());
    }

    /** A hub with these JVM options. */
    HubProcess(BenchParts parts, String name, Path logs, String heap, List<String> extraArgs,
               List<String> jvmOptions) {
        this(parts, name, logs, heap, extraArgs, jvmOptions, org.relais.RelaisApplication.class);
    }

    /** Another Spring Boot main class started exactly as the hub is, for a baseline. */
    HubProcess(BenchParts parts, String name, Path logs, String heap, List<String> extraArgs,
               List<String> jvmOptions, Class<?> mainClass) {
        this(parts, parts.work, name, logs, heap, extraArgs, jvmOptions, mainClass);
    }

    /** The hub on its embedded defaults (its own Artemis and PostgreSQL), its data folder under {@code work}. */
    static HubProcess embedded(Path work, String name, Path logs, String heap, List<String> extraArgs,
                               List<String> jvmOptions) {
        return new HubProcess(null, work, name, logs, heap, extraArgs, jvmOptions,
                org.relais.RelaisApplication.class);
    }

    private HubProcess(BenchParts parts, Path work, String name, Path logs, String heap, List<String> extraArgs,
                       List<String> jvmOptions, Class<?> mainClass) {
        this.parts = parts;
        this.work = work;
        this.name = name;
        this.logs = logs;
        this.heap = heap;
        this.extraArgs = List.copyOf(extraArgs);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.mainClass = mainClass;
    }

    /**
     * Runs the hub from the jar {@code mvn package} made (target/relais-*.jar; bench/run builds it for the scenarios
     * that need it) with {@code java -jar}, as the README runs a packaged hub, rather than from the bench's class path
     * (the image starts it extracted, on a class-data archive: {@link StartupBench} measures both).
     */
    HubProcess packaged() {
        return packaged(packagedJar());
    }

    /** Runs the hub with {@code java -jar} on this jar (the fat jar, or the application jar of an extracted one). */
    HubProcess packaged(Path jar) {
        this.jar = jar;
        return this;
    }

    /** Runs the hub on another JDK than the bench's (its home folder). */
    HubProcess on(Path otherJavaHome) {
        this.javaHome = otherJavaHome;
        return this;
    }

    /** The JVM options the hub is documented to run with (config/jvm.options, a java @-file), comments left out. */
    static List<String> documentedJvmOptions() {
        try {
            return Files.readAllLines(Path.of("config/jvm.options")).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar {@code mvn package} made. */
    static Path packagedJar() {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("relais-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no target/relais-*.jar: build it first (mvn -o -DskipTests package)")).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub's data folder (its embedded PostgreSQL's under postgres/). */
    Path dataDir() {
        return work.resolve("hub-" + name);
    }

    void start() throws IOException {
        starts++;
        Files.createDirectories(logs);
        log = logs.resolve("hub-" + name + "-" + starts + ".log");
        Path dataDir = dataDir();
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(
                javaHome.resolve("bin/java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC",
                "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dataDir));
        command.addAll(jvmOptions);
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        }
        List<String> defaults = parts == null ? List.of(
                "--relais.data-dir=" + dataDir,
                "--relais.embedded.postgres.port=0",
                "--server.port=0") : List.of(
                "--relais.data-dir=" + dataDir,
                "--spring.artemis.mode=native", "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + parts.brokerPort,
                "--relais.embedded.postgres.enabled=false",
                "--spring.datasource.url=" + parts.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--relais.embedded.mail.enabled=false",
                "--relais.mail.imap.port=" + parts.imapPort, "--relais.mail.smtp.port=" + parts.smtpPort,
                "--spring.mail.port=" + parts.smtpPort,
                "--server.port=0",
                "--relais.cluster.check-interval=PT1S",
                // a backlog from a few senders, each mail acknowledged on its own: the loop guard would take them
                // for robots writing faster than a person, and gather a busy partner's answers (empty: no bound)
                "--relais.loop-guard.robot-answers-per-hour=",
                "--relais.loop-guard.answers-at-once=",
                "--relais.distribution.throttle.mails=1000",
                "--relais.distribution.schedule-check-ms=3600000",
                "--relais.console.alarms.check-interval=PT1000H");
        // a scenario's own value replaces the default: Spring would join a repeated argument's values with commas
        defaults.stream().filter(arg -> extraArgs.stream().noneMatch(extra -> extra.startsWith(key(arg))))
                .forEach(command::add);
        command.addAll(extraArgs);
        startedAt = System.nanoTime();
        process = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String key(String argument) {
        return argument.substring(0, argument.indexOf('=') + 1);
    }

    /** Waits for Spring Boot's "Started <main class>" line; returns the seconds from the process start. */
    double awaitReady(long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub " + name + " exited: see " + log);
            }
            if (read().contains("Started " + mainClass.getSimpleName())) {
                return (System.nanoTime() - startedAt) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("hub " + name + " not ready: see " + log);
    }

    /** Waits for the process to end by itself; false if it still runs after the timeout. */
    boolean awaitExit(long timeoutMs) throws InterruptedException {
        return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Seconds since this start of the process. */
    double secondsSinceStart() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** Leads if alive and its last leadership line says so. */
    boolean leads() {
        if (!alive()) {
            return false;
        }
        String text = read();
        int lead = text.lastIndexOf("This instance leads");
        return lead >= 0 && text.lastIndexOf("Lost the leadership") < lead;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The JVM's process id. */
    long pid() {
        return process.pid();
    }

    /** The process's resident set in MB (Linux), or -1. */
    double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** The console's HTTP port, from Spring Boot's "Tomcat started on port …" line (the hub asks for a free one). */
    int httpPort() {
        Matcher port = TOMCAT_PORT.matcher(read());
        if (!port.find()) {
            throw new IllegalStateException("hub " + name + " names no HTTP port: see " + log);
        }
        return Integer.parseInt(port.group(1));
    }

    /** The heap in use after a full collection (jcmd GC.run, then GC.heap_info), in MB, or -1. */
    double heapAfterGcMb() {
        try {
            jcmd("GC.run");
            // serial GC: "def new generation total …K, used …K" and "tenured generation total …K, used …K"
            double usedKb = 0;
            for (String line : jcmd("GC.heap_info").split("\n")) {
                Matcher used = GENERATION_USED.matcher(line);
                if (used.find()) {
                    usedKb += Long.parseLong(used.group(1));
                }
            }
            return usedKb == 0 ? -1 : usedKb / 1024;
        } catch (IOException e) {
            return -1;
        }
    }

    /** A diagnostic command to the hub's JVM (jcmd), its output. */
    String jcmd(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(javaHome.resolve("bin/jcmd").toString(),
                String.valueOf(process.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        try (var out = jcmd.getInputStream()) {
            return new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Path log() {
        return log;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        stop(30);
    }

    /** SIGTERM, and kill -9 if the process still runs {@code seconds} later. */
    void stop(long seconds) throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    String read() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
