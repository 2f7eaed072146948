package org.relais.bench;

import java.util.Arrays;

/** Percentiles of a series of durations in nanoseconds, printed in milliseconds. */
record Stats(long[] nanos) {

    static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted);
    }

    double p50() {
        return percentile(0.50);
    }

    double p95() {
        return percentile(0.95);
    }

    double percentile(double p) {
        int index = (int) Math.min(nanos.length - 1, Math.round(p * (nanos.length - 1)));
        return nanos[index] / 1e6;
    }
}
