package org.relais.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used by processes, from Linux's /proc/&lt;pid&gt;/stat (user + system time, in clock ticks of 1/100 s).
 * A PostgreSQL server counts as its postmaster, every live child (backends, checkpointer, WAL writer …) and the
 * children it already reaped (the postmaster's cutime and cstime).
 */
final class ProcessCpu {

    /** USER_HZ: the unit of /proc times on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The CPU seconds of these processes so far (threads included); 0 for one that is gone. */
    static double seconds(long... pids) {
        double total = 0;
        for (long pid : pids) {
            long[] times = times(pid);
            total += (times[0] + times[1]) / TICKS_PER_SECOND;
        }
        return total;
    }

    /**
     * The CPU seconds so far of a process's live threads, summed by name (Linux keeps a thread's first 15 characters;
     * digits are taken as one kind, so that a pool's threads count together: {@code Camel (camel-#)}).
     */
    static Map<String, Double> threadSeconds(long pid) {
        Map<String, Double> seconds = new TreeMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                String[] fields = fields(thread.resolve("stat"));
                String name = name(thread);
                if (fields != null && name != null) {
                    double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    seconds.merge(name, used, Double::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or not Linux
        }
        return seconds;
    }

    /**
     * The whole machine's CPU so far, all cores (the first line of /proc/stat): seconds busy, and seconds the host took
     * for its other guests (steal), which slows every process here alike; zeros when not on Linux.
     */
    record Machine(double busySeconds, double stolenSeconds) {

        static Machine now() {
            try {
                String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal …
                long busy = Long.parseLong(ticks[1]) + Long.parseLong(ticks[2]) + Long.parseLong(ticks[3])
                        + Long.parseLong(ticks[6]) + Long.parseLong(ticks[7]);
                long steal = ticks.length > 8 ? Long.parseLong(ticks[8]) : 0;
                return new Machine(busy / TICKS_PER_SECOND, steal / TICKS_PER_SECOND);
            } catch (IOException | RuntimeException e) {
                return new Machine(0, 0);
            }
        }

        Machine since(Machine before) {
            return new Machine(busySeconds - before.busySeconds, stolenSeconds - before.stolenSeconds);
        }
    }

    /** The CPU seconds of the PostgreSQL server whose data folder this is (its postmaster.pid names it). */
    static double postgresSeconds(Path dataDirectory) {
        long postmaster = postmaster(dataDirectory);
        if (postmaster <= 0) {
            return 0;
        }
        long[] own = times(postmaster);
        double ticks = own[0] + own[1] + own[2] + own[3];
        for (long child : childrenOf(postmaster)) {
            long[] times = times(child);
            ticks += times[0] + times[1];
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long postmaster(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static List<Long> childrenOf(long parent) {
        List<Long> children = new java.util.ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] fields = fields(process.resolve("stat"));
                if (fields != null && Long.parseLong(fields[1]) == parent) {
                    children.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return children;
    }

    /** utime, stime, cutime, cstime; zeros when the process is gone. */
    private static long[] times(long pid) {
        String[] fields = fields(Path.of("/proc", String.valueOf(pid), "stat"));
        if (fields == null) {
            return new long[4];
        }
        // after the command's closing parenthesis: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14])};
    }

    /** A thread's name, its digits as {@code #}; null for a thread that ended meanwhile. */
    private static String name(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip().replaceAll("\\d+", "#");
        } catch (IOException e) {
            return null;
        }
    }

    /** The fields of a stat file after the command name (which may hold spaces), or null. */
    private static String[] fields(Path stat) {
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
