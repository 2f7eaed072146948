package org.relais.bench;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Intake throughput and latency against peers, on two kinds of mail server. For each server (GreenMail in the bench
 * JVM; Postfix and Dovecot from Debian's packages) and each burst size (200 and 1,000 mails, each with a 100 KB PDF,
 * from one partner to hub@relais.test), three systems take the same burst one after the other, each answering every
 * mail on its thread: the hub (its packaged jar on its embedded defaults: its own Artemis and PostgreSQL), a Node-RED
 * email flow ({@link NodeRedFlow}) and a batched JavaMail + JDBC loop ({@link PlainMailIntake}). For each: mails/s
 * from the first mail the server accepted to the last first answer the answer sink accepted, the latency of each
 * mail's first answer, answers per mail (distinct and raw), and CPU time per mail of its processes.
 */
final class IntakeBench implements Benchmarks.Scenario {

    private static final int ATTACHMENT_BYTES = 100 * 1024;
    private static final String PARTNER = "arges@relais.test";
    private static final double TARGET_VS_NODE_RED = 1.0;
    private static final double TARGET_VS_JAVAMAIL = 0.8;
    private static final double TARGET_P50_S = 1.5;
    private static final double TARGET_P95_S = 3.0;

    private final Progress progress = new Progress();
    private final Path logs = Path.of("bench/results/intake").toAbsolutePath();
    private BenchParts parts;

    /** Where the burst goes and the systems read and send: SMTP and IMAP ports on 127.0.0.1. */
    interface MailServer extends AutoCloseable {
        String name();

        int smtpPort();

        int imapPort();

        void emptyHubMailbox() throws Exception;

        /** Nothing accepted is still on its way (a relay's queue is empty). */
        default boolean idle() throws Exception {
            return true;
        }

        @Override
        default void close() throws Exception {
        }
    }

    @Override
    public long heapMb() {
        // the bursts, written out in advance, and GreenMail holding them: 140 MB each for 1,000 mails
        return 1536;
    }

    @Override
    public void run() throws Exception {
        List<Integer> bursts = System.getProperty("intake.bursts", "200,1000").isBlank() ? List.of(200, 1000)
                : Arrays.stream(System.getProperty("intake.bursts", "200,1000").split(",")).map(String::strip)
                        .map(Integer::valueOf).toList();
        List<String> servers = List.of(System.getProperty("intake.servers", "greenmail,dovecot").split(","));
        List<String> systems = List.of(System.getProperty("intake.systems", "relais,node-red,javamail").split(","));
        int connections = Integer.getInteger("intake.connections", 4);
        // runs on one machine vary by a third from one to the next, the peers' too: rounds taken in turn, each
        // system judged on its median round
        int rounds = Integer.getInteger("intake.rounds", 3);
        byte[] document = pdf();
        // GreenMail and the bench's reader of answers, in this JVM (Dovecot and Postfix are not): Jakarta Mail
        // otherwise looks its stream provider up through the ServiceLoader at every header block it reads, over
        // every jar of the class path (a fifth of this JVM's samples during the hub's round); the systems compared,
        // each in a process of its own, are left as they are
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        parts = BenchParts.start("intake");
        say("work folder %s, logs in %s", parts.work, logs);
        List<String> summary = new ArrayList<>();
        try {
            for (String server : servers) {
                try (MailServer mailServer = server.equals("greenmail") ? greenMail()
                        : DebianMailServers.start(parts.work.resolve("servers"), parts.smtpPort)) {
                    for (int n : bursts) {
                        Map<String, List<Drain>> drains = new HashMap<>();
                        for (int round = 1; round <= rounds; round++) {
                            // mails of its own for each round: a hub and the loop know a mail they took before
                            Burst burst = Burst.of(n, PARTNER, "informare-#.pdf", document, "application/pdf");
                            for (String system : roundOrder(systems, round)) {
                                drains.computeIfAbsent(system, s -> new ArrayList<>())
                                        .add(drain(system, mailServer, burst, connections, round));
                            }
                        }
                        summary.addAll(report(mailServer.name(), n, connections, drains));
                    }
                }
            }
        } finally {
            parts.close();
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    /**
     * The systems in the order they take a round's burst, each round begun by the next one. The first bursts of a run
     * meet this JVM still compiling GreenMail's code (its compiler took 1.3 s of CPU over a fresh hub's 200 mails in the
     * first round, 0.6 s in the second) on the two cores the measured system shares with it: begun in turn, the rounds
     * give that cost to each system once, and the median round leaves it out.
     */
    private static List<String> roundOrder(List<String> systems, int round) {
        List<String> order = new ArrayList<>(systems);
        Collections.rotate(order, -(round - 1));
        return order;
    }

    private MailServer greenMail() {
        return new MailServer() {
            @Override
            public String name() {
                return "GreenMail";
            }

            @Override
            public int smtpPort() {
                return parts.smtpPort;
            }

            @Override
            public int imapPort() {
                return parts.imapPort;
            }

            @Override
            public void emptyHubMailbox() throws Exception {
                parts.mail().purgeEmailFromAllMailboxes();
            }
        };
    }

    /** One system takes the burst: started, the burst sent, every mail answered (or the time up), stopped. */
    private Drain drain(String system, MailServer server, Burst burst, int connections, int round)
            throws Exception {
        long timeoutMs = Long.getLong("intake.timeout-s", 600) * 1000;
        server.emptyHubMailbox();
        parts.mail().purgeEmailFromAllMailboxes();
        // a run of its own for each round: a fresh hub (its own data folder), its own logs
        String run = system + "-" + server.name().replaceAll("\\W", "").toLowerCase() + "-" + burst.size()
                + (round > 1 ? "-round" + round : "");
        Subject subject = start(system, server, run);
        try {
            warmUp(system, server);
            double[] cpuBefore = subject.cpu();
            Map<String, Double> threadsBefore = subject.threads();
            ProcessCpu.Machine machineBefore = ProcessCpu.Machine.now();
            Map<String, Long> accepted = burst.send(server.smtpPort(), connections);
            long sent = System.currentTimeMillis();
            say("%s: %d mails accepted by %s in %.1f s", system, burst.size(), server.name(),
                    (sent - accepted.values().stream().mapToLong(Long::longValue).min().orElse(sent)) / 1000.0);
            long end = System.currentTimeMillis() + timeoutMs;
            long lastReport = System.currentTimeMillis();
            Drain drain = observe(system, accepted);
            while (drain.answered() < burst.size() && System.currentTimeMillis() < end && subject.alive()) {
                Thread.sleep(250);
                drain = observe(system, accepted);
                if (System.currentTimeMillis() - lastReport > 10_000) {
                    lastReport = System.currentTimeMillis();
                    say("%s: … %d/%d answered", system, drain.answered(), burst.size());
                }
            }
            double[] cpuAfter = subject.cpu();
            Map<String, Double> threadsAfter = subject.threads();
            ProcessCpu.Machine machine = ProcessCpu.Machine.now().since(machineBefore);
            if (!threadsAfter.isEmpty()) {
                say("  %s threads over the burst, CPU seconds: %s", system, busiest(threadsBefore, threadsAfter));
            }
            // late duplicates would show up now, and a relay's queue empties
            Thread.sleep(5_000);
            while (!server.idle() && System.currentTimeMillis() < end) {
                Thread.sleep(500);
            }
            drain = observe(system, accepted).withCpu(cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1],
                    machine);
            subject.afterDrain(drain);
            return drain;
        } finally {
            subject.stop();
        }
    }

    /** A running system under test: its CPU seconds so far (its own processes, its PostgreSQL). */
    private interface Subject {
        double[] cpu();

        /** CPU seconds so far by kind of thread, where the system is a JVM whose threads tell what they do. */
        default Map<String, Double> threads() {
            return Map.of();
        }

        boolean alive();

        default void afterDrain(Drain drain) throws Exception {
        }

        void stop() throws Exception;
    }

    private Subject start(String system, MailServer server, String run) throws Exception {
        switch (system) {
            case "relais" -> {
                HubProcess hub = HubProcess.embedded(parts.work, run, logs,
                        System.getProperty("intake.hub-heap", "512m"), concat(List.of(
                                "--relais.embedded.mail.enabled=false",
                                "--relais.mail.imap.port=" + server.imapPort(),
                                "--relais.mail.smtp.port=" + server.smtpPort(),
                                // a burst from one partner, each mail answered on its own thread as the peers do:
                                // the loop guard would bound it as a robot (its pace) and gather its answers, so
                                // both bounds are left empty (none; a bound of a million was counted to on each mail)
                                "--relais.loop-guard.robot-answers-per-hour=",
                                "--relais.loop-guard.answers-at-once="), hubArguments()),
                        hubJvmOptions()).packaged();
                hub.start();
                say("relais: ready in %.1f s (%s)", hub.awaitReady(300_000), hub.log());
                awaitLeads(hub);
                boolean profiled = Boolean.getBoolean("intake.profile");
                Path recording = logs.resolve(run + ".jfr");
                if (profiled) {
                    hub.jcmd("JFR.start", "name=burst", "settings=profile");
                }
                Path postgres = hub.dataDir().resolve("postgres");
                return new Subject() {
                    @Override
                    public double[] cpu() {
                        return new double[] {ProcessCpu.seconds(hub.pid()), ProcessCpu.postgresSeconds(postgres)};
                    }

                    @Override
                    public Map<String, Double> threads() {
                        return ProcessCpu.threadSeconds(hub.pid());
                    }

                    @Override
                    public boolean alive() {
                        return hub.alive();
                    }

                    @Override
                    public void afterDrain(Drain drain) throws Exception {
                        if (profiled) {
                            hub.jcmd("JFR.stop", "name=burst", "filename=" + recording);
                            say("relais: profile of the burst in %s", recording);
                        }
                        stages(drain, postgres);
                    }

                    @Override
                    public void stop() throws InterruptedException {
                        hub.stop();
                    }
                };
            }
            case "node-red" -> {
                PeerProcess node = NodeRedFlow.start(server.imapPort(), server.smtpPort(),
                        parts.work.resolve(run), logs.resolve(run + ".log"));
                say("node-red: flow started (%s)", node.log());
                return peer(node, false);
            }
            case "javamail" -> {
                PeerProcess loop = PlainMailIntake.start(server.imapPort(), server.smtpPort(), parts,
                        logs.resolve(run + ".log"));
                say("javamail: loop started (%s)", loop.log());
                return peer(loop, true);
            }
            default -> throw new IllegalArgumentException("unknown system " + system
                    + "; known: relais, node-red, javamail");
        }
    }

    /** The kinds of thread that used the most CPU between two counts, with their seconds, busiest first. */
    private static String busiest(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream()
                .map(thread -> Map.entry(thread.getKey(),
                        thread.getValue() - before.getOrDefault(thread.getKey(), 0.0)))
                .filter(thread -> thread.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .map(thread -> String.format("%s %.2f", thread.getKey(), thread.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Settings of the hub's own for a trial, {@code intake.hub-args} (say {@code --relais.intake.consumers=3}). */
    private static List<String> hubArguments() {
        return words("intake.hub-args");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The hub's JVM options: config/jvm.options, as documented, unless {@code intake.hub-jvm} names others. */
    private static List<String> hubJvmOptions() {
        List<String> options = words("intake.hub-jvm");
        return options.isEmpty() ? HubProcess.documentedJvmOptions() : options;
    }

    /** A system property's words, separated by spaces; none when it is not set. */
    private static List<String> words(String property) {
        String value = System.getProperty(property, "").strip();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    /**
     * A system fresh from its start (a JVM's JIT, Node's) warms up on the first mails it takes; {@code intake.warmup}
     * mails sent and answered first measure it warm instead, every system alike (their answers are not the burst's).
     */
    private void warmUp(String system, MailServer server) throws Exception {
        int n = Integer.getInteger("intake.warmup", 0);
        if (n > 0) {
            Burst warmUp = Burst.of(n, PARTNER, "avant-#.pdf", pdf(), "application/pdf");
            Map<String, Long> accepted = warmUp.send(server.smtpPort(), 1);
            long end = System.currentTimeMillis() + 600_000;
            while (observe("warm-up", accepted).answered() < n && System.currentTimeMillis() < end) {
                Thread.sleep(250);
            }
            say("%s: warmed up with %d mails", system, n);
        }
    }

    private Subject peer(PeerProcess process, boolean usesPostgres) {
        Path postgres = parts.work.resolve("postgres");
        return new Subject() {
            @Override
            public double[] cpu() {
                return new double[] {ProcessCpu.seconds(process.pid()),
                        usesPostgres ? ProcessCpu.postgresSeconds(postgres) : 0};
            }

            @Override
            public boolean alive() {
                return process.alive();
            }

            @Override
            public void afterDrain(Drain drain) {
                if (usesPostgres) {
                    long[] stored = PlainMailIntake.storedAndDuplicates(parts);
                    say("javamail: stored %d mails, %d duplicate Message-IDs", stored[0], stored[1]);
                }
            }

            @Override
            public void stop() throws InterruptedException {
                process.stop();
            }
        };
    }

    /** The answers the sink holds for one burst, by the mail they answer (In-Reply-To). */
    private Drain observe(String name, Map<String, Long> accepted) throws MessagingException {
        Map<String, Long> firstAnswerAt = new HashMap<>();
        Map<String, Set<String>> answerIds = new HashMap<>();
        int rawAnswers = 0;
        for (StoredMessage stored : parts.storedMessages()) {
            MimeMessage message = stored.getMimeMessage();
            String inReplyTo = message.getHeader("In-Reply-To", " ");
            if (inReplyTo != null && accepted.containsKey(inReplyTo.strip())) {
                String original = inReplyTo.strip();
                firstAnswerAt.merge(original, stored.getReceivedDate().getTime(), Math::min);
                answerIds.computeIfAbsent(original, k -> new HashSet<>()).add(message.getMessageID());
                rawAnswers++;
            }
        }
        int distinctAnswers = answerIds.values().stream().mapToInt(Set::size).sum();
        long answeredTwice = answerIds.values().stream().filter(ids -> ids.size() > 1).count();
        return new Drain(name, accepted, firstAnswerAt, distinctAnswers, rawAnswers, answeredTwice, 0, 0,
                new ProcessCpu.Machine(0, 0));
    }

    /**
     * Where a mail's time went in the hub, from its tables (PostgreSQL's now(): a transaction's start), read from its
     * embedded PostgreSQL (the port is in its postmaster.pid).
     */
    private void stages(Drain relais, Path postgres) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        String port;
        try {
            port = Files.readAllLines(postgres.resolve("postmaster.pid")).get(3).strip();
        } catch (java.io.IOException e) {
            say("relais: no stages (%s)", e);
            return;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                + "/postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("""
                    select m.message_id, extract(epoch from m.fetched_at) * 1000,
                        extract(epoch from m.processed_at) * 1000, extract(epoch from o.sent_at) * 1000
                    from inbound_mail m join outgoing_mail o on o.mail_id = m.id and o.purpose = 'intake-ack'
                    """)) {
                while (result.next()) {
                    Long delivered = relais.acceptedAt().get(result.getString(1));
                    Long answered = relais.firstAnswerAt().get(result.getString(1));
                    if (delivered != null && answered != null) {
                        rows.add(new long[] {delivered, result.getLong(2), result.getLong(3), result.getLong(4),
                                answered});
                    }
                }
            }
            try (ResultSet result = statement.executeQuery("""
                    select (select count(distinct fetched_at) from inbound_mail),
                        (select xact_commit from pg_stat_database where datname = current_database()),
                        (select coalesce(toast_blks_hit, 0) + coalesce(toast_blks_read, 0) from pg_statio_user_tables
                         where relname = 'inbound_mail')
                    """)) {
                // a store's transaction stamps its mails with its start: one stamp a batch of a poll; the originals'
                // TOAST blocks are looked up by their inserts, and again when a consumer reads back one not held
                result.next();
                say("  relais stored its mails in %d transactions; PostgreSQL committed %d since the start; the"
                        + " originals' TOAST blocks looked up %d times", result.getLong(1), result.getLong(2),
                        result.getLong(3));
            }
        }
        String[] names = {"accepted → fetched and stored", "stored → processed", "processed → sent",
                "sent → answer accepted"};
        for (int stage = 0; stage < names.length; stage++) {
            int from = stage;
            Stats stats = Stats.of(rows.stream().mapToLong(r -> (r[from + 1] - r[from]) * 1_000_000).toArray());
            say("  relais stage %-31s p50 %6.0f ms, p95 %6.0f ms", names[stage], stats.p50(), stats.p95());
        }
    }

    /**
     * The figures of one server and burst size, printed now and returned for the summary at the end: each system's
     * rounds, and the targets judged on each system's median round (by mails/s).
     */
    private List<String> report(String server, int n, int connections, Map<String, List<Drain>> rounds) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s, %d mails with a %d KB PDF each from %s, sent over %d SMTP connections; %d"
                        + " round(s), each begun by the next system, the median round of each system:", server, n,
                ATTACHMENT_BYTES / 1024, PARTNER, connections,
                rounds.values().stream().mapToInt(List::size).max().orElse(0)));
        Map<String, Drain> drains = new HashMap<>();
        for (String system : List.of("relais", "node-red", "javamail")) {
            List<Drain> taken = rounds.get(system);
            if (taken != null) {
                List<Drain> byPace = taken.stream().sorted(Comparator.comparingDouble(Drain::mailsPerSecond)).toList();
                Drain median = byPace.get(byPace.size() / 2);
                drains.put(system, median);
                lines.add(median.line(n, system.equals("node-red") ? "node" : "JVM"));
                lines.add(String.format("  %-8s rounds: %s mails/s", "", taken.stream()
                        .map(d -> String.format("%.1f", d.mailsPerSecond())).collect(Collectors.joining(", "))));
            }
        }
        Drain relais = drains.get("relais");
        if (relais != null) {
            boolean complete = relais.answered() == n;
            for (var peer : List.of(Map.entry("node-red", TARGET_VS_NODE_RED),
                    Map.entry("javamail", TARGET_VS_JAVAMAIL))) {
                Drain other = drains.get(peer.getKey());
                if (other != null) {
                    double ratio = relais.mailsPerSecond() / other.mailsPerSecond();
                    lines.add(String.format("  throughput relais/%-8s %.2f   (target >= %.1f: %s)", peer.getKey(),
                            ratio, peer.getValue(), verdict(complete && ratio >= peer.getValue())));
                }
            }
            Stats latency = relais.latency();
            lines.add(String.format("  relais answer p50 %.2f s   (target <= %.1f s: %s)", latency.p50() / 1000,
                    TARGET_P50_S, verdict(complete && latency.p50() / 1000 <= TARGET_P50_S)));
            lines.add(String.format("  relais answer p95 %.2f s   (target <= %.1f s: %s)", latency.p95() / 1000,
                    TARGET_P95_S, verdict(complete && latency.p95() / 1000 <= TARGET_P95_S)));
            // in every round, not only the median one
            List<Drain> relaisRounds = rounds.get("relais");
            long answeredTwice = relaisRounds.stream().mapToLong(Drain::answeredTwice).sum();
            int rawAnswers = relaisRounds.stream().mapToInt(Drain::rawAnswers).sum();
            int mails = n * relaisRounds.size();
            boolean allAnswered = relaisRounds.stream().allMatch(d -> d.answered() == n);
            lines.add(String.format("  relais mails answered more than once %d, raw answers %d for %d mails"
                            + "   (target 0 and %d: %s)", answeredTwice, rawAnswers, mails, mails,
                    verdict(allAnswered && answeredTwice == 0 && rawAnswers == mails)));
        }
        lines.forEach(System.out::println);
        return lines;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void awaitLeads(HubProcess hub) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!hub.leads()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the hub does not lead: see " + hub.log());
            }
            Thread.sleep(50);
        }
    }

    /** A PDF of about 100 KB, its filler random so that no transfer encoding shrinks it. */
    private static byte[] pdf() {
        Random random = new Random(8);
        StringBuilder filler = new StringBuilder(ATTACHMENT_BYTES);
        while (filler.length() < ATTACHMENT_BYTES) {
            filler.append((char) ('!' + random.nextInt(90)));
            if (filler.length() % 72 == 0) {
                filler.append("\n% ");
            }
        }
        return org.relais.support.Files.pdf(filler.toString());
    }

    private void say(String format, Object... args) {
        progress.say(format, args);
    }

    /**
     * One burst as the servers saw it: when each mail was accepted and its first answer reached the sink (ms, this
     * JVM's clock), answers by the mail they answer, and the CPU seconds the system used (its processes, and the
     * PostgreSQL it writes to) from the burst's start to its last first answer, beside the whole machine's over the
     * same time: the rest is the mail server's, the bench's (sending the burst, reading the answers) and the host's.
     */
    private record Drain(String name, Map<String, Long> acceptedAt, Map<String, Long> firstAnswerAt,
                         int distinctAnswers, int rawAnswers, long answeredTwice, double cpuSeconds,
                         double postgresSeconds, ProcessCpu.Machine machine) {

        Drain withCpu(double own, double postgres, ProcessCpu.Machine machine) {
            return new Drain(name, acceptedAt, firstAnswerAt, distinctAnswers, rawAnswers, answeredTwice, own,
                    postgres, machine);
        }

        int answered() {
            return firstAnswerAt.size();
        }

        double mailsPerSecond() {
            long first = acceptedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long last = firstAnswerAt.values().stream().mapToLong(Long::longValue).max().orElse(first);
            return answered() / Math.max(0.001, (last - first) / 1000.0);
        }

        Stats latency() {
            return Stats.of(firstAnswerAt.entrySet().stream()
                    .mapToLong(e -> (e.getValue() - acceptedAt.get(e.getKey())) * 1_000_000).toArray());
        }

        String line(int n, String process) {
            Stats latency = latency();
            String cpu = postgresSeconds == 0
                    ? String.format("%.1f ms (%s)", cpuSeconds * 1000 / n, process)
                    : String.format("%.1f ms (%s %.1f + PostgreSQL %.1f)", (cpuSeconds + postgresSeconds) * 1000 / n,
                            process, cpuSeconds * 1000 / n, postgresSeconds * 1000 / n);
            double machineBusy = machine.busySeconds() + machine.stolenSeconds();
            String rest = machineBusy <= 0 ? "" : String.format("; the machine %.1f ms a mail (mail server and bench"
                            + " %.1f), %.0f %% of it stolen by the host", machineBusy * 1000 / n,
                    (machine.busySeconds() - cpuSeconds - postgresSeconds) * 1000 / n,
                    100 * machine.stolenSeconds() / machineBusy);
            return String.format("  %-8s %4d/%d answered, %5.1f mails/s; answer p50 %5.2f s, p95 %5.2f s; answers"
                            + " %d distinct, %d raw, mails answered twice %d; CPU per mail %s%s", name, answered(), n,
                    mailsPerSecond(), latency.p50() / 1000, latency.p95() / 1000, distinctAnswers, rawAnswers,
                    answeredTwice, cpu, rest);
        }
    }
}
