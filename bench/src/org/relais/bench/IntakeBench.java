package org.relais.bench;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.relais.support.TestMail;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Intake throughput and latency: a burst of N mails (property {@code intake.mails}, default 1,000), each with a
 * 100 KB PDF, from the directory's partners to hub@relais.test, while one hub process runs; then, on the same parts
 * with the mailbox emptied, the same burst taken in by {@link PlainMailIntake}. For each: mails/s from the first
 * mail the server accepted to the last first answer it accepted, the latency of each mail's first answer from the
 * acceptance of the mail (both times are the mail server's), and the answers per mail (distinct and raw).
 */
final class IntakeBench implements Benchmarks.Scenario {

    private static final int ATTACHMENT_BYTES = 100 * 1024;
    private static final double TARGET_RATIO = 0.8;
    private static final double TARGET_P50_S = 1.5;
    private static final double TARGET_P95_S = 3.0;

    private final Progress progress = new Progress();
    private BenchParts parts;

    @Override
    public void run() throws Exception {
        int n = Benchmarks.count("intake.mails", 1000);
        long timeoutMs = Long.getLong("intake.timeout-s", 600) * 1000;
        Path logs = Path.of("bench/results/intake").toAbsolutePath();
        List<String> partners = partners();
        byte[] document = pdf();
        parts = BenchParts.start("intake");
        say("work folder %s, hub log in %s", parts.work, logs);
        try {
            Drain relais;
            HubProcess hub = new HubProcess(parts, "intake", logs, System.getProperty("intake.hub-heap", "512m"),
                    List.of(), List.of());
            try {
                hub.start();
                say("hub ready in %.1f s", hub.awaitReady(300_000));
                awaitLeads(hub);
                relais = drain("relais", n, partners, document, timeoutMs, hub::alive);
                stages(relais);
                say("hub stored %d mails, %d processed, %d duplicate dedup keys",
                        parts.count("select count(*) from inbound_mail"),
                        parts.count("select count(*) from inbound_mail where state = 'processed'"),
                        parts.count("select count(*) - count(distinct dedup_key) from inbound_mail"));
            } finally {
                hub.stop();
            }
            parts.mail().purgeEmailFromAllMailboxes();
            Drain plain;
            try (PlainMailIntake baseline = new PlainMailIntake(parts)) {
                baseline.start();
                plain = drain("baseline", n, partners, document, timeoutMs, () -> {
                    baseline.throwIfFailed();
                    return true;
                });
                long[] stored = baseline.storedAndDuplicates();
                say("baseline stored %d mails, %d duplicate Message-IDs", stored[0], stored[1]);
            }
            report(n, relais, plain);
        } finally {
            parts.close();
        }
    }

    /** Sends the burst, waits until every mail is answered (or the time is up), then 5 s more for duplicates. */
    private Drain drain(String name, int n, List<String> partners, byte[] document, long timeoutMs, Alive alive)
            throws Exception {
        long sendStart = System.nanoTime();
        Set<String> sent = deliver(n, partners, document);
        say("%s: %d mails delivered in %.1f s", name, n, (System.nanoTime() - sendStart) / 1e9);
        long end = System.currentTimeMillis() + timeoutMs;
        long lastReport = System.currentTimeMillis();
        Drain drain = observe(name, sent);
        while (drain.answered() < n && System.currentTimeMillis() < end && alive.check()) {
            Thread.sleep(500);
            drain = observe(name, sent);
            if (System.currentTimeMillis() - lastReport > 10_000) {
                lastReport = System.currentTimeMillis();
                say("%s: … %d/%d answered", name, drain.answered(), n);
            }
        }
        Thread.sleep(5_000); // late duplicates would show up now
        drain = observe(name, sent);
        if (drain.answered() == 0) {
            throw new IllegalStateException(name + ": no mail answered");
        }
        return drain;
    }

    /** N mails over one SMTP connection, from the partners in turn; returns their Message-IDs. */
    private Set<String> deliver(int n, List<String> partners, byte[] document) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>();
        try (Transport smtp = new TestMail(parts.smtpPort).session().getTransport("smtp")) {
            smtp.connect();
            for (int i = 0; i < n; i++) {
                MimeMessage mail = new TestMail(parts.smtpPort)
                        .from(partners.get(i % partners.size()))
                        .subject("Informare " + i)
                        .text("Bună ziua,\nvă trimit documentul " + i + ".\n")
                        .attach("informare-" + i + ".pdf", document, "application/pdf")
                        .build();
                smtp.sendMessage(mail, mail.getAllRecipients());
                ids.add(mail.getMessageID());
            }
        }
        return ids;
    }

    /** What the mail server holds of one burst: when each mail arrived, and the answers threaded on each. */
    private Drain observe(String name, Set<String> sent) throws MessagingException {
        Map<String, Long> deliveredAt = new HashMap<>();
        Map<String, Long> firstAnswerAt = new HashMap<>();
        Map<String, Set<String>> answerIds = new HashMap<>();
        int rawAnswers = 0;
        for (StoredMessage stored : parts.storedMessages()) {
            MimeMessage message = stored.getMimeMessage();
            long at = stored.getReceivedDate().getTime();
            String id = message.getMessageID();
            if (sent.contains(id)) {
                deliveredAt.put(id, at);
            }
            String inReplyTo = message.getHeader("In-Reply-To", " ");
            if (inReplyTo != null && sent.contains(inReplyTo.strip())) {
                String original = inReplyTo.strip();
                firstAnswerAt.merge(original, at, Math::min);
                answerIds.computeIfAbsent(original, k -> new HashSet<>()).add(id);
                rawAnswers++;
            }
        }
        int distinctAnswers = answerIds.values().stream().mapToInt(Set::size).sum();
        long answeredTwice = answerIds.values().stream().filter(ids -> ids.size() > 1).count();
        return new Drain(name, deliveredAt, firstAnswerAt, distinctAnswers, rawAnswers, answeredTwice);
    }

    /** Where a mail's time went in the hub, from its ledgers' times (PostgreSQL's now(): a transaction's start). */
    private void stages(Drain relais) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection connection = parts.connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     select m.message_id, extract(epoch from m.fetched_at) * 1000,
                         extract(epoch from m.processed_at) * 1000, extract(epoch from o.sent_at) * 1000
                     from inbound_mail m join outgoing_mail o on o.mail_id = m.id and o.purpose = 'intake-ack'
                     """)) {
            while (result.next()) {
                Long delivered = relais.deliveredAt().get(result.getString(1));
                Long answered = relais.firstAnswerAt().get(result.getString(1));
                if (delivered != null && answered != null) {
                    rows.add(new long[] {delivered, result.getLong(2), result.getLong(3), result.getLong(4),
                            answered});
                }
            }
        }
        String[] names = {"delivered → fetched and stored", "stored → processed", "processed → sent",
                "sent → answer accepted"};
        for (int stage = 0; stage < names.length; stage++) {
            int from = stage;
            Stats stats = Stats.of(rows.stream().mapToLong(r -> (r[from + 1] - r[from]) * 1_000_000).toArray());
            say("  hub stage %-32s p50 %6.0f ms, p95 %6.0f ms", names[stage], stats.p50(), stats.p95());
        }
    }

    private void report(int n, Drain relais, Drain plain) {
        System.out.printf("%d mails with a %d KB PDF each, from the directory's partners%n", n,
                ATTACHMENT_BYTES / 1024);
        relais.print(n);
        plain.print(n);
        double ratio = relais.mailsPerSecond() / plain.mailsPerSecond();
        Stats latency = relais.latency();
        boolean complete = relais.answered() == n && plain.answered() == n;
        System.out.printf("  ratio relais/baseline %.2f   (target >= %.1f: %s)%n", ratio, TARGET_RATIO,
                verdict(complete && ratio >= TARGET_RATIO));
        System.out.printf("  relais answer p50 %.2f s   (target <= %.1f s: %s)%n", latency.p50() / 1000,
                TARGET_P50_S, verdict(complete && latency.p50() / 1000 <= TARGET_P50_S));
        System.out.printf("  relais answer p95 %.2f s   (target <= %.1f s: %s)%n", latency.p95() / 1000,
                TARGET_P95_S, verdict(complete && latency.p95() / 1000 <= TARGET_P95_S));
        System.out.printf("  relais mails answered more than once %d, raw answers %d for %d mails   (target 0 and %d:"
                + " %s)%n", relais.answeredTwice(), relais.rawAnswers(), n, n,
                verdict(complete && relais.answeredTwice() == 0 && relais.rawAnswers() == n));
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

    /** The partners of config/directory.yaml: known senders whose mail is taken in and acknowledged. */
    @SuppressWarnings("unchecked")
    private static List<String> partners() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("config/directory.yaml"))) {
            Map<String, Object> directory = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<String> partners = new ArrayList<>();
            for (Map<String, Object> contact : (List<Map<String, Object>>) directory.get("contacts")) {
                if (((List<String>) contact.get("roles")).contains("partner")) {
                    partners.add((String) contact.get("address"));
                }
            }
            return partners;
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

    private interface Alive {
        boolean check();
    }

    private void say(String format, Object... args) {
        progress.say(format, args);
    }

    /** One burst as the mail server saw it: times in its clock (ms), answers by the mail they answer. */
    private record Drain(String name, Map<String, Long> deliveredAt, Map<String, Long> firstAnswerAt,
                         int distinctAnswers, int rawAnswers, long answeredTwice) {

        int answered() {
            return firstAnswerAt.size();
        }

        double mailsPerSecond() {
            long first = deliveredAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long last = firstAnswerAt.values().stream().mapToLong(Long::longValue).max().orElse(first);
            return answered() / Math.max(0.001, (last - first) / 1000.0);
        }

        Stats latency() {
            return Stats.of(firstAnswerAt.entrySet().stream()
                    .mapToLong(e -> (e.getValue() - deliveredAt.get(e.getKey())) * 1_000_000).toArray());
        }

        void print(int n) {
            Stats latency = latency();
            System.out.printf("  %-8s %4d/%d answered, %.1f mails/s; answer latency p50 %.0f ms, p95 %.0f ms;"
                            + " answers %d distinct, %d raw, mails answered twice %d%n", name, answered(), n,
                    mailsPerSecond(), latency.p50(), latency.p95(), distinctAnswers, rawAnswers, answeredTwice);
        }
    }
}
