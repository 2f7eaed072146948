package org.relais.bench;

/** A scenario's progress lines, each stamped with the seconds since the scenario began. */
final class Progress {

    private final long started = System.nanoTime();

    void say(String format, Object... args) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
        System.out.flush();
    }
}
