package org.relais.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.relais.support.Spreadsheets;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * Scale-out and crash safety with real processes. This JVM runs PostgreSQL (zonky, its own data folder), an Artemis
 * broker over TCP (persistent journal) and GreenMail (SMTP and IMAP); two hubs run as separate processes on them.
 * A backlog of mails is sent to the hub, faults are injected, and at the end every mail must have been stored once,
 * acknowledged once and every budget answered once.
 *
 * <ul>
 *   <li>{@code scaleout}: kill -9 the leader once while the backlog drains, restart it; measure the take-over.</li>
 *   <li>{@code faults}: kill -9 a hub (the leader or not) several times at random moments and restart it; restart
 *       the broker mid-backlog; stop PostgreSQL for {@code faults.pg-outage-s} (default 30) seconds.</li>
 * </ul>
 * System properties: {@code faults.mails} (default 200 for scaleout, 500 for faults), {@code faults.timeout-s}
 * (default 600), {@code faults.seed}.
 */
final class FaultsBench implements Benchmarks.Scenario {

    private static final String HUB = "hub@relais.test";
    private static final String[] BUDGET_SENDERS = {"arges@relais.test", "tulcea@relais.test", "neamt@relais.test",
            "cahul@relais.test"};
    private static final String[] OTHER_SENDERS = {"varna@relais.test", "pazardzhik@relais.test", "savoie@relais.test",
            "solidarite-laique@relais.test", "arad@relais.test", "sibiu@relais.test"};

    private final boolean faults;
    private Path work;
    private Path logs;
    private final Random random;
    private int pgPort;
    private int brokerPort;
    private int smtpPort;
    private int imapPort;
    private EmbeddedPostgres postgres;
    private EmbeddedActiveMQ broker;
    private GreenMail mail;
    private final Hub[] hubs = new Hub[2];
    private final Map<String, Integer> sentBy = new TreeMap<>();
    private final Map<String, Integer> budgetsBy = new TreeMap<>();
    private final long started = System.nanoTime();

    FaultsBench(boolean faults) {
        this.faults = faults;
        this.random = new Random(Long.getLong("faults.seed", 0) != 0 ? Long.getLong("faults.seed") : System.nanoTime());
    }

    @Override
    public void run() throws Exception {
        quietLogs();
        work = Files.createTempDirectory("relais-faults");
        logs = Path.of("bench/results/" + (faults ? "faults" : "scaleout")).toAbsolutePath();
        Files.createDirectories(logs);
        int n = Integer.getInteger("faults.mails", 0) > 0 ? Integer.getInteger("faults.mails") : faults ? 500 : 200;
        long timeoutMs = Long.getLong("faults.timeout-s", 600) * 1000;
        pgPort = freePort();
        brokerPort = freePort();
        smtpPort = freePort();
        imapPort = freePort();
        say("work folder %s, hub logs in %s", work, logs);
        startPostgres();
        startBroker();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        try {
            hubs[0] = new Hub("a");
            hubs[1] = new Hub("b");
            hubs[0].start();
            // the first one migrates the schema; the second starts once it is up (no Flyway race to measure)
            hubs[0].awaitReady(180_000);
            hubs[1].start();
            hubs[1].awaitReady(180_000);
            say("both hubs ready; leader: %s", leader() == null ? "none yet" : leader().name);

            long sendStart = System.nanoTime();
            send(n);
            say("%d mails sent in %.1f s (%d with a budget)", n, (System.nanoTime() - sendStart) / 1e9,
                    budgetsBy.values().stream().mapToInt(Integer::intValue).sum());
            long drainStart = System.nanoTime();

            awaitStored(Math.min(n, 20), 120_000);
            if (faults) {
                injectFaults(n, timeoutMs);
            } else {
                killLeaderOnce();
            }
            boolean drained = awaitDrained(n, drainStart + timeoutMs * 1_000_000L);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            Thread.sleep(5_000); // late duplicates would show up now
            say("drained: %s in %.1f s (from the last mail sent)", drained, drainSeconds);
            boolean ok = check(n) && drained;
            say("RESULT: %s", ok ? "OK — every count exact" : "FAILED");
            if (!ok) {
                throw new IllegalStateException("counts off: see above");
            }
        } finally {
            for (Hub hub : hubs) {
                if (hub != null) {
                    hub.stop();
                }
            }
            mail.stop();
            broker.stop();
            postgres.close();
        }
    }

    // ---------------------------------------------------------------- faults

    private void killLeaderOnce() throws Exception {
        Hub leader = awaitLeader(30_000);
        say("killing the leader %s (kill -9) with %d mails stored", leader.name, count("select count(*) from inbound_mail"));
        Hub other = leader == hubs[0] ? hubs[1] : hubs[0];
        long killed = System.nanoTime();
        leader.kill();
        long takeOver = awaitLeads(other, 60_000);
        say("take-over: %s leads %.2f s after the kill", other.name, (takeOver - killed) / 1e9);
        leader.start();
        leader.awaitReady(180_000);
        say("%s restarted and ready (follower)", leader.name);
    }

    private void injectFaults(int n, long timeoutMs) throws Exception {
        // kill -9 at random moments, three times, alternating between the leader and whichever instance
        for (int i = 0; i < 3; i++) {
            Thread.sleep(2_000 + random.nextInt(6_000));
            Hub victim = i % 2 == 0 ? awaitLeader(30_000) : hubs[random.nextInt(2)];
            Hub other = victim == hubs[0] ? hubs[1] : hubs[0];
            boolean wasLeader = victim == leader();
            say("kill -9 %s (%s) with %d stored, %d processed", victim.name, wasLeader ? "leader" : "follower",
                    count("select count(*) from inbound_mail"),
                    count("select count(*) from inbound_mail where state <> 'received'"));
            long killed = System.nanoTime();
            victim.kill();
            if (wasLeader) {
                long takeOver = awaitLeads(other, 60_000);
                say("take-over: %s leads %.2f s after the kill", other.name, (takeOver - killed) / 1e9);
            }
            victim.start();
            victim.awaitReady(180_000);
            say("%s restarted", victim.name);
        }
        // the broker, stopped and started on its journal
        Thread.sleep(2_000);
        say("broker restart with %d processed", count("select count(*) from inbound_mail where state <> 'received'"));
        long t = System.nanoTime();
        broker.stop();
        Thread.sleep(3_000);
        startBroker();
        say("broker back after %.1f s", (System.nanoTime() - t) / 1e9);
        // PostgreSQL away for a while, then back on the same data folder and port
        Thread.sleep(5_000);
        int outage = Integer.getInteger("faults.pg-outage-s", 30);
        say("PostgreSQL stop for %d s with %d processed", outage,
                count("select count(*) from inbound_mail where state <> 'received'"));
        postgres.close();
        Thread.sleep(outage * 1000L);
        startPostgres();
        say("PostgreSQL back");
    }

    private Hub awaitLeader(long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            Hub leader = leader();
            if (leader != null) {
                return leader;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no leader after " + timeoutMs + " ms");
    }

    private long awaitLeads(Hub hub, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (hub.leads()) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(hub.name + " did not take over within " + timeoutMs + " ms");
    }

    private Hub leader() {
        for (Hub hub : hubs) {
            if (hub != null && hub.leads()) {
                return hub;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- parts

    private void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(false).setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    private void startBroker() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(work.resolve("artemis/journal").toString())
                .setBindingsDirectory(work.resolve("artemis/bindings").toString())
                .setLargeMessagesDirectory(work.resolve("artemis/large").toString())
                .setPagingDirectory(work.resolve("artemis/paging").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort);
        // as the hub's embedded broker (BrokerConfiguration)
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
    }

    /** One hub: a process of its own on the classpath of this JVM, its output in a log file per start. */
    private final class Hub {
        final String name;
        private Process process;
        private Path log;
        private int starts;

        Hub(String name) {
            this.name = name;
        }

        void start() throws IOException {
            starts++;
            log = logs.resolve("hub-" + name + "-" + starts + ".log");
            Path dataDir = work.resolve("hub-" + name);
            Files.createDirectories(dataDir);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + System.getProperty("faults.hub-heap", "384m"), "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "org.relais.RelaisApplication",
                    "--relais.data-dir=" + dataDir,
                    "--spring.artemis.mode=native", "--spring.artemis.embedded.enabled=false",
                    "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                    "--relais.embedded.postgres.enabled=false",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                    "--spring.datasource.username=postgres",
                    "--relais.embedded.mail.enabled=false",
                    "--relais.mail.imap.port=" + imapPort, "--relais.mail.smtp.port=" + smtpPort,
                    "--spring.mail.port=" + smtpPort,
                    "--server.port=0",
                    "--relais.cluster.check-interval=PT1S",
                    // a backlog from a few senders: the anti-loop limit would hold answers back
                    "--relais.intake.replies-per-sender-per-hour=1000000",
                    "--relais.distribution.throttle.mails=1000",
                    "--relais.distribution.schedule-check-ms=3600000",
                    "--relais.console.alarms.check-interval=PT1000H",
                    "--camel.main.jmx-enabled=false"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            process = builder.start();
        }

        void awaitReady(long timeoutMs) throws Exception {
            long end = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < end) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("hub " + name + " exited: see " + log);
                }
                if (logContains("Started RelaisApplication")) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("hub " + name + " not ready: see " + log);
        }

        /** Leads if alive and its last leadership line says so. */
        boolean leads() {
            if (process == null || !process.isAlive()) {
                return false;
            }
            String text = read();
            int lead = text.lastIndexOf("This instance leads");
            return lead >= 0 && text.lastIndexOf("Lost the leadership") < lead;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }

        private boolean logContains(String text) {
            return read().contains(text);
        }

        private String read() {
            try {
                return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        }
    }

    // ---------------------------------------------------------------- backlog

    private void send(int n) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(properties);
        byte[] forecast = Spreadsheets.romanianForecast();
        for (int i = 0; i < n; i++) {
            boolean budget = i % 5 == 0;
            String from = budget ? BUDGET_SENDERS[(i / 5) % BUDGET_SENDERS.length]
                    : OTHER_SENDERS[i % OTHER_SENDERS.length];
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(HUB));
            message.setSubject((budget ? "Buget seminar Argeș " : "Informare ") + i, "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Bună ziua,\nvă trimit documentul " + i + ".\n", "UTF-8");
            MimeMultipart multipart = new MimeMultipart("mixed");
            multipart.addBodyPart(text);
            if (budget) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(forecast,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
                part.setFileName("buget-" + i + ".xlsx");
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                multipart.addBodyPart(part);
                budgetsBy.merge(from, 1, Integer::sum);
            }
            message.setContent(multipart);
            Transport.send(message);
            sentBy.merge(from, 1, Integer::sum);
        }
    }

    // ---------------------------------------------------------------- checks

    private void awaitStored(int count, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end && count("select count(*) from inbound_mail") < count) {
            Thread.sleep(100);
        }
    }

    private boolean awaitDrained(int n, long endNanos) throws InterruptedException {
        int budgets = budgetsBy.values().stream().mapToInt(Integer::intValue).sum();
        long lastReport = 0;
        while (System.nanoTime() < endNanos) {
            int acks = distinct("intake-ack", null).size();
            int verdicts = distinct("budget-verdict", null).size();
            if (acks >= n && verdicts >= budgets) {
                return true;
            }
            if (System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                say("… %d/%d stored, %d processed, %d/%d acknowledged, %d/%d budget verdicts",
                        count("select count(*) from inbound_mail"), n,
                        count("select count(*) from inbound_mail where state = 'processed'"), acks, n, verdicts,
                        budgets);
            }
            Thread.sleep(500);
        }
        return false;
    }

    private boolean check(int n) {
        int budgets = budgetsBy.values().stream().mapToInt(Integer::intValue).sum();
        boolean ok = true;
        long stored = count("select count(*) from inbound_mail");
        long processed = count("select count(*) from inbound_mail where state = 'processed'");
        long dupKeys = count("select count(*) - count(distinct dedup_key) from inbound_mail");
        long dupMessageIds = count("select count(*) - count(distinct message_id) from inbound_mail");
        long documents = count("select count(*) from document");
        long budgetDocuments = count("select count(*) from document where queue = 'budget'");
        long dupDocuments = count("select count(*) from (select mail_id, file_name from document"
                + " group by mail_id, file_name having count(*) > 1) d");
        long budgetRows = count("select count(*) from budget");
        long failures = count("select count(*) from failure");
        say("stored %d (expected %d), processed %d, duplicate dedup keys %d, duplicate Message-IDs %d", stored, n,
                processed, dupKeys, dupMessageIds);
        say("documents %d (budget queue %d, expected %d), documents twice %d, budget rows %d, failures recorded %d",
                documents, budgetDocuments, budgets, dupDocuments, budgetRows, failures);
        if (failures > 0) {
            // not a count that must be 0: a delivery that failed while PostgreSQL or the broker was away is recorded
            // and dead-lettered, and the mail may still have been processed by a redelivery or a new fetch
            say("failures: %s", text("select string_agg(coalesce(route_id, '?') || ' ' || coalesce(origin_queue, '?') || ': ' || left(error, 200), ' | ') from failure"));
        }
        ok &= stored == n && processed == n && dupKeys == 0 && dupMessageIds == 0;
        ok &= budgetDocuments == budgets && dupDocuments == 0 && budgetRows == budgets;

        Map<String, int[]> acks = perRecipient("intake-ack");
        Map<String, int[]> verdicts = perRecipient("budget-verdict");
        long rawAcks = 0;
        long rawVerdicts = 0;
        for (Map.Entry<String, Integer> sender : sentBy.entrySet()) {
            int[] a = acks.getOrDefault(sender.getKey(), new int[2]);
            int[] v = verdicts.getOrDefault(sender.getKey(), new int[2]);
            int expectedVerdicts = budgetsBy.getOrDefault(sender.getKey(), 0);
            boolean senderOk = a[0] == sender.getValue() && v[0] == expectedVerdicts;
            say("  %-32s sent %3d, acks %3d distinct (%3d raw), budgets %3d, verdicts %3d distinct (%3d raw)%s",
                    sender.getKey(), sender.getValue(), a[0], a[1], expectedVerdicts, v[0], v[1],
                    senderOk ? "" : "   <-- OFF");
            ok &= senderOk;
            rawAcks += a[1];
            rawVerdicts += v[1];
        }
        say("acknowledgments %d distinct, %d raw (resent after a crash: %d); verdicts %d distinct, %d raw",
                distinct("intake-ack", null).size(), rawAcks, rawAcks - distinct("intake-ack", null).size(),
                distinct("budget-verdict", null).size(), rawVerdicts);
        ok &= distinct("intake-ack", null).size() == n && distinct("budget-verdict", null).size() == budgets;
        return ok;
    }

    /** Recipient → {distinct Message-IDs, raw count} of the hub's mails of one purpose. */
    private Map<String, int[]> perRecipient(String purpose) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Map<String, int[]> result = new LinkedHashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                if (id == null || !id.startsWith("<" + purpose + ".") || message.getRecipients(Message.RecipientType.TO) == null) {
                    continue;
                }
                String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
                        .toLowerCase();
                ids.computeIfAbsent(to, k -> new HashSet<>()).add(id);
                result.computeIfAbsent(to, k -> new int[2])[1]++;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        ids.forEach((to, set) -> result.get(to)[0] = set.size());
        return result;
    }

    private Set<String> distinct(String purpose, String recipient) {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                if (id != null && id.startsWith("<" + purpose + ".")) {
                    ids.add(id);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private long count(String sql) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return -1; // PostgreSQL away, or the schema not there yet
        }
    }

    /** This JVM's parts (PostgreSQL, broker, GreenMail) speak only of problems; the hubs log to their files. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            // a killed hub's connections are expected to fail
            context.getLogger("org.apache.activemq").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private String text(String sql) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private void say(String format, Object... args) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
        System.out.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
