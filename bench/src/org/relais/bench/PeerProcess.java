package org.relais.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A peer of the hub run as a process of its own (Node-RED, the JavaMail loop), its output in a log file. */
final class PeerProcess {

    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the command in the checkout, its output (and errors) to {@code log}. */
    static PeerProcess start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PeerProcess(process, log);
    }

    /** A JVM running {@code mainClass} of the bench's class path with these arguments. */
    static PeerProcess java(Class<?> mainClass, List<String> arguments, String heap, Path log) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(arguments);
        return start(command, log);
    }

    /** Waits until the log shows {@code line}. */
    void awaitLine(String line, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!read().contains(line)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited before \"" + line + "\": see " + log);
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no \"" + line + "\" after " + timeoutMs + " ms: see " + log);
            }
            Thread.sleep(50);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private String read() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
