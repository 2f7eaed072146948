package org.relais.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged hub started the way the image starts it (Dockerfile, docs/operations.md "Starting in seconds"): the jar
 * extracted by Spring Boot's tools, a training run that archives the classes of a start, then the hub started on that
 * archive. Runs after {@code mvn package} (failsafe), on the jar it made, each JVM with config/jvm.options.
 */
class ClassDataArchiveIT {

    private static final Path WORK = Path.of("target/class-data-archive-it").toAbsolutePath();

    @Test
    void aTrainingRunStopsOnceStartedAndLeavesAnArchiveTheHubStartsWith() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        Path app = extract(packagedJar(), WORK.resolve("app"));
        Path archive = WORK.resolve("relais.jsa");

        Run training = hub("training", app, "-XX:ArchiveClassesAtExit=" + archive);
        assertThat(training.exitCode()).as("the training run's exit, see %s", training.log()).isZero();
        assertThat(training.output()).contains("Started RelaisApplication", "Training run: the hub has started");
        assertThat(archive).isRegularFile();

        // -Xshare:on: a JVM that cannot map the archive (another jar, another class path) refuses to start
        Run start = hub("start", app, "-Xshare:on", "-XX:SharedArchiveFile=" + archive);
        assertThat(start.exitCode()).as("the start on the archive, see %s", start.log()).isZero();
        assertThat(start.output()).contains("Started RelaisApplication");
    }

    private static Path packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().matches("relais-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/relais-*.jar: run after mvn package"))
                    .toAbsolutePath();
        }
    }

    private static Path extract(Path jar, Path destination) throws Exception {
        Path log = WORK.resolve("extract.log");
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", destination.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(extract.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(extract.exitValue()).as("extracting, see %s", log).isZero();
        return destination.resolve(jar.getFileName());
    }

    /** The hub on its embedded defaults (free ports, a data folder of its own) as a training run, which stops. */
    private static Run hub(String name, Path app, String... archiveOptions) throws Exception {
        int smtp = freePort();
        int imap = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "@config/jvm.options", "-Xmx384m"));
        command.addAll(List.of(archiveOptions));
        command.addAll(List.of("-jar", app.toString(),
                "--relais.training-run=true",
                "--relais.data-dir=" + WORK.resolve("data"),
                "--server.port=0",
                "--relais.embedded.postgres.port=0",
                "--relais.embedded.mail.smtp-port=" + smtp, "--relais.mail.smtp.port=" + smtp,
                "--relais.embedded.mail.imap-port=" + imap, "--relais.mail.imap.port=" + imap));
        Path log = WORK.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the hub did not stop by itself within 5 minutes, see " + log);
        }
        return new Run(process.exitValue(), log);
    }

    private record Run(int exitCode, Path log) {
        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
