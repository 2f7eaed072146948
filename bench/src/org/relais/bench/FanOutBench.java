package org.relais.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.relais.distribution.DistributionRequest;
import org.relais.support.TestMail;

/**
 * Fan-out: the hub distributes one document (a 10 KB PDF it took in by mail) to N recipients (property
 * {@code fanout.recipients}, default 5,000), each their own mail in their language with the document attached,
 * against a raw SMTP loop sending the same mail to the same recipients over one connection. The hub runs on a copy
 * of config/ whose directory holds N generated contacts of an audience of their own ("bench-readers", policy kind
 * "bench-result", sent on arrival); the request is a {@link DistributionRequest} on the distribution queue, as the
 * minutes flow sends it. Rates are from the request (or the loop's start) to the last mail the server accepted.
 */
final class FanOutBench implements Benchmarks.Scenario {

    private static final String KIND = "bench-result";
    private static final String AUDIENCE = "bench-readers";
    private static final String ROLE = "bench-reader";
    private static final String PURPOSE = "distribution";
    private static final String BASELINE_PURPOSE = "plain-fanout";
    private static final String[] LANGUAGES = {"fr", "ro", "bg"};
    /** What the mails call a document of the bench's kind, in each language. */
    private static final Map<String, String> KIND_WORDS = Map.of("fr", "Résultat", "ro", "Rezultat",
            "bg", "Резултат");
    private static final double TARGET_RATIO = 0.7;

    private final Progress progress = new Progress();
    private BenchParts parts;

    @Override
    public void run() throws Exception {
        int n = Benchmarks.count("fanout.recipients", 5000);
        long timeoutMs = Long.getLong("fanout.timeout-s", 900) * 1000;
        Path logs = Path.of("bench/results/fanout").toAbsolutePath();
        parts = BenchParts.start("fanout");
        try {
            List<String> recipients = recipients(n);
            Path config = benchConfig(recipients);
            say("work folder %s, configuration %s, hub log in %s", parts.work, config, logs);
            HubProcess hub = new HubProcess(parts, "fanout", logs, System.getProperty("fanout.hub-heap", "512m"),
                    List.of("--relais.config-dir=" + config, "--relais.distribution.throttle.mails=1000000"),
                    List.of());
            double relaisRate;
            MimeMessage sample;
            try {
                hub.start();
                say("hub ready in %.1f s", hub.awaitReady(300_000));
                long partId = documentPart();
                long requested = System.currentTimeMillis();
                request(partId);
                long last = awaitDelivered(n, timeoutMs, hub);
                relaisRate = n / ((last - requested) / 1000.0);
                sample = sample();
                say("relais: %d mails in %.1f s", n, (last - requested) / 1000.0);
                check(recipients);
            } finally {
                hub.stop();
            }
            parts.mail().purgeEmailFromAllMailboxes();
            double baselineRate = rawLoop(sample, recipients);
            System.out.printf("one document (10 KB PDF) to %d recipients, each a mail of %d bytes%n", n,
                    TestMail.bytes(sample).length);
            System.out.printf("  relais   distribution  %.1f mails/s%n", relaisRate);
            System.out.printf("  baseline SMTP loop     %.1f mails/s%n", baselineRate);
            System.out.printf("  ratio relais/baseline %.2f   (target >= %.1f: %s)%n", relaisRate / baselineRate,
                    TARGET_RATIO, relaisRate / baselineRate >= TARGET_RATIO ? "met" : "MISSED");
        } finally {
            parts.close();
        }
    }

    private static List<String> recipients(int n) {
        List<String> recipients = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            recipients.add("reader-%05d@relais.test".formatted(i));
        }
        return recipients;
    }

    /**
     * config/ copied into the work folder, its directory extended with the recipients (languages in turn) and an
     * audience, a policy and a document kind of their own, so that the distribution reaches them and no one else.
     */
    private Path benchConfig(List<String> recipients) throws IOException {
        Path source = Path.of("config");
        Path target = parts.work.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        StringBuilder contacts = new StringBuilder("\n");
        for (int i = 0; i < recipients.size(); i++) {
            contacts.append("  - {address: %s, name: \"Reader %d\", organisation: relais, language: %s, roles: [%s]}\n"
                    .formatted(recipients.get(i), i, LANGUAGES[i % LANGUAGES.length], ROLE));
        }
        append(target.resolve("directory.yaml"), contacts.toString());
        append(target.resolve("distribution/audiences.yaml"), "\n  %s: {roles: [%s]}\n".formatted(AUDIENCE, ROLE));
        append(target.resolve("distribution/policies.yaml"),
                "\n  - kind: %s\n    audiences: [%s]\n    when: on-arrival\n".formatted(KIND, AUDIENCE));
        for (Map.Entry<String, String> word : KIND_WORDS.entrySet()) {
            append(target.resolve("i18n/distribution_" + word.getKey() + ".properties"),
                    "\ndistribution.kind.%s=%s\n".formatted(KIND, word.getValue()));
        }
        return target;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The document, taken in the way every document comes: attached to a partner's mail. */
    private long documentPart() throws InterruptedException {
        new TestMail(parts.smtpPort).from("arges@relais.test").subject("Concluzii")
                .attach("concluzii.pdf", org.relais.support.Files.pdf("x".repeat(10 * 1024)), "application/pdf")
                .send();
        long end = System.currentTimeMillis() + 120_000;
        long partId;
        while ((partId = parts.count("select id from mail_part where file_name = 'concluzii.pdf'")) <= 0) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the document mail was not taken in");
            }
            Thread.sleep(100);
        }
        return partId;
    }

    /** A DistributionRequest on the distribution queue, one version per language (the same stored part). */
    private void request(long partId) throws Exception {
        List<DistributionRequest.Version> versions = Stream.of(LANGUAGES)
                .map(language -> new DistributionRequest.Version(language, partId, "concluzii-" + language + ".pdf"))
                .toList();
        String json = new ObjectMapper().writeValueAsString(
                new DistributionRequest("REL-BENCH-0001", KIND, null, "Concluzii", versions));
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + parts.brokerPort);
             Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue("distribution"));
            producer.send(session.createTextMessage(json));
        }
    }

    /** Waits until every recipient has a distribution mail; returns when the server accepted the last one. */
    private long awaitDelivered(int n, long timeoutMs, HubProcess hub) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        long lastReport = System.currentTimeMillis();
        int delivered;
        while ((delivered = parts.distinct(PURPOSE).size()) < n) {
            if (System.currentTimeMillis() > end || !hub.alive()) {
                throw new IllegalStateException("%d/%d delivered: see %s".formatted(delivered, n, hub.log()));
            }
            if (System.currentTimeMillis() - lastReport > 10_000) {
                lastReport = System.currentTimeMillis();
                say("relais: … %d/%d delivered, %d written", delivered, n,
                        parts.count("select count(*) from delivery"));
            }
            Thread.sleep(500);
        }
        return lastAccepted(PURPOSE);
    }

    /** When the server accepted the last mail of this purpose (its clock, ms). */
    private long lastAccepted(String purpose) {
        long last = 0;
        for (StoredMessage stored : parts.storedMessages()) {
            try {
                String id = stored.getMimeMessage().getMessageID();
                if (id != null && id.startsWith("<" + purpose + ".")) {
                    last = Math.max(last, stored.getReceivedDate().getTime());
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return last;
    }

    /** One of the hub's distribution mails: what the baseline sends to everyone. */
    private MimeMessage sample() throws MessagingException {
        for (StoredMessage stored : parts.storedMessages()) {
            MimeMessage message = stored.getMimeMessage();
            String id = message.getMessageID();
            if (id != null && id.startsWith("<" + PURPOSE + ".")) {
                return new MimeMessage(message);
            }
        }
        throw new IllegalStateException("no distribution mail");
    }

    /** Every recipient exactly once, in the mail server and in the hub's delivery ledger. */
    private void check(List<String> recipients) throws InterruptedException {
        Thread.sleep(5_000); // late duplicates would show up now
        Map<String, int[]> received = parts.perRecipient(PURPOSE);
        long once = recipients.stream().filter(r -> {
            int[] counts = received.get(r);
            return counts != null && counts[0] == 1 && counts[1] == 1;
        }).count();
        long others = received.keySet().stream().filter(r -> !recipients.contains(r)).count();
        say("mail server: %d of %d recipients received it exactly once; %d mails to anyone else", once,
                recipients.size(), others);
        say("ledger: %d deliveries, %d distinct recipients, %d sent, %d not sent; distribution %s",
                parts.count("select count(*) from delivery"),
                parts.count("select count(distinct recipient) from delivery"),
                parts.count("select count(*) from delivery d join outgoing_mail o on o.id = d.outgoing_mail_id"
                        + " where o.sent_at is not null"),
                parts.count("select count(*) from delivery d left join outgoing_mail o on o.id = d.outgoing_mail_id"
                        + " where o.sent_at is null"),
                parts.text("select state from distribution where kind = '" + KIND + "'"));
    }

    /** The baseline: the same mail to each recipient over one SMTP connection, a Message-ID each. */
    private double rawLoop(MimeMessage sample, List<String> recipients) throws Exception {
        int[] sequence = {0};
        MimeMessage mail = new MimeMessage(sample) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + BASELINE_PURPOSE + "." + sequence[0] + "@relais.test>");
            }
        };
        long start = System.currentTimeMillis();
        try (Transport smtp = parts.smtpSession().getTransport("smtp")) {
            smtp.connect();
            for (String recipient : recipients) {
                sequence[0]++;
                mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
                mail.saveChanges();
                smtp.sendMessage(mail, mail.getAllRecipients());
            }
        }
        long last = lastAccepted(BASELINE_PURPOSE);
        say("baseline: %d mails in %.1f s, %d received", recipients.size(), (last - start) / 1000.0,
                parts.distinct(BASELINE_PURPOSE).size());
        return recipients.size() / ((last - start) / 1000.0);
    }

    private void say(String format, Object... args) {
        progress.say(format, args);
    }
}
