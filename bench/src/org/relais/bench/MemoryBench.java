package org.relais.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The hub with its heap capped at 256 MB, as a process of its own on the bench's parts. First a mail carrying a
 * {@code memory.attachment-mb} (100; 0 skips it) MB attachment, then a normal mail: the hub must stay up, keep the
 * big mail's original, refuse the attachment in the sender's language and answer the next mail. Then a backlog of
 * {@code memory.mails} (10,000) mails waiting in the mailbox when the hub starts, drained with -Xmx256m and, as the
 * baseline, with -Xmx1g: every mail stored, processed and acknowledged once, and the budgets answered once.
 */
final class MemoryBench implements Benchmarks.Scenario {

    private static final String CAPPED_HEAP = "256m";
    private static final String BASELINE_HEAP = "1g";
    private static final String LARGE_SENDER = "arges@relais.test";
    private static final String NEXT_SENDER = "varna@relais.test";
    /** The Romanian "too large" sentence of config/i18n/messages_ro.properties. */
    private static final String TOO_LARGE_RO = "depășește dimensiunea maximă";

    private final Path logs = Path.of("bench/results/memory").toAbsolutePath();
    private final Progress progress = new Progress();
    private boolean ok = true;

    /**
     * GreenMail, the bench's mail server, answers each IMAP partial fetch of the large mail by writing the whole
     * message to a byte array (about 400 MB at once) and holds the message itself: more than the usual 512 MB.
     */
    @Override
    public long heapMb() {
        return 2048;
    }

    @Override
    public void run() throws Exception {
        int megabytes = Integer.getInteger("memory.attachment-mb", 100);
        if (megabytes > 0) {
            largeAttachment(megabytes);
        }
        int n = Integer.getInteger("memory.mails", 10_000);
        // empty: the capped hub alone (a long backlog, where only "nothing fails" is asked)
        String baselineHeap = System.getProperty("memory.baseline-heap", BASELINE_HEAP);
        Drain capped = backlog(n, CAPPED_HEAP);
        Drain baseline = baselineHeap.isBlank() ? null : backlog(n, baselineHeap);
        System.out.printf("backlog of %d mails (%d with a budget), hub logs in %s%n", n, (n + 9) / 10, logs);
        print(CAPPED_HEAP, capped, n);
        if (baseline != null) {
            print(baselineHeap, baseline, n);
            System.out.printf("  ratio throughput %s/%s %.2f, peak RSS %.2f%n", CAPPED_HEAP, baselineHeap,
                    baseline.seconds / capped.seconds, capped.peakRssMb / baseline.peakRssMb);
        }
        boolean passed = ok && capped.exact && (baseline == null || baseline.exact);
        System.out.println("RESULT: " + (passed ? "OK — nothing failed, every count exact" : "FAILED"));
        if (!passed) {
            throw new IllegalStateException("memory scenario failed: see above");
        }
    }

    private static void print(String heap, Drain drain, int n) {
        System.out.printf("  -Xmx%-4s drained in %6.1f s, %5.1f mails/s, peak RSS %4.0f MB, heap after GC %3.0f MB%n",
                heap, drain.seconds, n / drain.seconds, drain.peakRssMb, drain.heapAfterGcMb);
    }

    // ---------------------------------------------------------------- one large attachment

    private void largeAttachment(int megabytes) throws Exception {
        try (BenchParts parts = BenchParts.start("memory-large")) {
            HubProcess hub = new HubProcess(parts, "large", logs, CAPPED_HEAP, List.of());
            try {
                hub.start();
                hub.awaitReady(180_000);
                awaitLeads(hub);
                double idleRss = hub.residentMb();
                Path attachment = randomFile(parts.work.resolve("enregistrement-seminaire.bin"), megabytes << 20);
                Session session = parts.smtpSession();
                long sending = System.nanoTime();
                Transport.send(largeMail(session, attachment));
                long delivered = System.nanoTime();
                say("%d MB attachment sent in %.1f s (hub idle: RSS %.0f MB)", megabytes, (delivered - sending) / 1e9,
                        idleRss);
                Transport.send(nextMail(session));
                long nextDelivered = System.nanoTime();
                double largeAnswered;
                double nextAnswered = -1;
                try (PeakResident peak = new PeakResident(hub)) {
                    largeAnswered = awaitAnswer(parts, hub, LARGE_SENDER, delivered);
                    if (largeAnswered > 0) {
                        nextAnswered = awaitAnswer(parts, hub, NEXT_SENDER, nextDelivered);
                    }
                    say("answered %.1f s after it was sent; the next mail (sent just after) %.1f s after it was sent;"
                                    + " hub peak RSS %.0f MB (idle %.0f)",
                            largeAnswered, nextAnswered, peak.peakMb(), idleRss);
                }
                say("hub heap after GC %.0f MB", hub.heapAfterGcMb());
                checkLargeMail(parts, hub, megabytes, largeAnswered > 0 && nextAnswered > 0);
            } finally {
                hub.stop();
                Files.deleteIfExists(parts.work.resolve("enregistrement-seminaire.bin"));
            }
        }
    }

    private void checkLargeMail(BenchParts parts, HubProcess hub, int megabytes, boolean answered) throws IOException {
        boolean alive = hub.alive();
        boolean outOfMemory = hub.read().contains("OutOfMemoryError");
        long heapDumps;
        try (Stream<Path> files = Files.list(parts.work.resolve("hub-" + hub.name))) {
            heapDumps = files.filter(f -> f.toString().endsWith(".hprof")).count();
        }
        long keptBytes = parts.count("select length(raw) from inbound_mail where sender = '" + LARGE_SENDER + "'");
        String verdict = parts.text("select state || ', attachment ' || rejection from inbound_mail m"
                + " join mail_part p on p.mail_id = m.id"
                + " where m.sender = '" + LARGE_SENDER + "' and p.file_name is not null");
        String answer = answerText(parts, LARGE_SENDER);
        boolean refusedInRomanian = answer.contains(TOO_LARGE_RO);
        say("hub alive %s, OutOfMemoryError in its log %s, heap dumps %d", alive, outOfMemory, heapDumps);
        say("original kept: %.1f MB in inbound_mail.raw; mail %s", keptBytes / 1048576.0, verdict);
        say("answer to %s (Romanian): %s", LARGE_SENDER, answer.lines()
                .filter(line -> line.contains(TOO_LARGE_RO)).findFirst().orElse("(no \"too large\" line)").strip());
        ok &= answered && alive && !outOfMemory && heapDumps == 0 && keptBytes > (long) megabytes << 20
                && "processed, attachment too_large".equals(verdict) && refusedInRomanian;
    }

    private static MimeMessage largeMail(Session session, Path attachment) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(LARGE_SENDER));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(BenchParts.HUB_ADDRESS));
        message.setSubject("Înregistrarea seminarului de la Pitești", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bună ziua,\nvă trimit înregistrarea seminarului.\n", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        // read from the file while the mail is written out: the bench does not hold it either
        file.attachFile(attachment.toFile(), "application/octet-stream", "base64");
        MimeMultipart multipart = new MimeMultipart("mixed");
        multipart.addBodyPart(text);
        multipart.addBodyPart(file);
        message.setContent(multipart);
        return message;
    }

    private static MimeMessage nextMail(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(NEXT_SENDER));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(BenchParts.HUB_ADDRESS));
        message.setSubject("Информация за семинара", "UTF-8");
        message.setText("Добър ден,\nизпращаме информация за семинара.\n", "UTF-8");
        return message;
    }

    /** Seconds from {@code since} to the sender's acknowledgment; -1 if the hub died or 10 minutes passed. */
    private static double awaitAnswer(BenchParts parts, HubProcess hub, String sender, long since)
            throws InterruptedException {
        long end = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < end && hub.alive()) {
            if (parts.perRecipient("intake-ack").containsKey(sender)) {
                return (System.nanoTime() - since) / 1e9;
            }
            Thread.sleep(200);
        }
        return -1;
    }

    private static String answerText(BenchParts parts, String recipient) {
        try {
            for (MimeMessage message : parts.mail().getReceivedMessages()) {
                String id = message.getMessageID();
                if (id != null && id.startsWith("<intake-ack.")
                        && ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
                        .equalsIgnoreCase(recipient)) {
                    return textOf(message.getContent());
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            return e.toString();
        }
    }

    private static String textOf(Object content) throws MessagingException, IOException {
        if (content instanceof MimeMultipart multipart) {
            return textOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    private static Path randomFile(Path file, long bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (b * 8));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
        return file;
    }

    // ---------------------------------------------------------------- a backlog

    private record Drain(double seconds, double peakRssMb, double heapAfterGcMb, boolean exact) {
    }

    private Drain backlog(int n, String heap) throws Exception {
        try (BenchParts parts = BenchParts.start("memory-backlog")) {
            Backlog backlog = new Backlog(10);
            // waiting in the mailbox before the hub starts, as after a night with the hub down
            GreenMailUser mailbox = parts.mail().setUser(BenchParts.HUB_ADDRESS, BenchParts.HUB_ADDRESS, "relais");
            Session session = parts.smtpSession();
            for (int i = 0; i < n; i++) {
                mailbox.deliver(backlog.mail(session, i));
            }
            say("-Xmx%s: %d mails (%d with a budget) waiting in the mailbox", heap, n, backlog.budgets());
            HubProcess hub = new HubProcess(parts, "backlog-" + heap, logs, heap, List.of());
            try {
                hub.start();
                hub.awaitReady(180_000);
                long start = System.nanoTime();
                double seconds;
                double peakRss;
                try (PeakResident peak = new PeakResident(hub)) {
                    seconds = awaitDrained(parts, hub, n, backlog.budgets(), start) ? (System.nanoTime() - start) / 1e9
                            : Double.NaN;
                    peakRss = peak.peakMb();
                }
                Thread.sleep(5_000); // late duplicates would show up now
                double heapAfterGc = hub.heapAfterGcMb();
                boolean exact = exactlyOnce(parts, hub, n, backlog.budgets());
                say("-Xmx%s: drained in %.1f s, peak RSS %.0f MB, heap after GC %.0f MB", heap, seconds, peakRss,
                        heapAfterGc);
                return new Drain(seconds, peakRss, heapAfterGc, exact && !Double.isNaN(seconds));
            } finally {
                hub.stop();
            }
        }
    }

    private boolean awaitDrained(BenchParts parts, HubProcess hub, int n, int budgets, long start)
            throws InterruptedException {
        long end = start + Long.getLong("memory.timeout-s", 1800) * 1_000_000_000L;
        long lastReport = start;
        while (System.nanoTime() < end && hub.alive()) {
            int acks = parts.distinct("intake-ack").size();
            int verdicts = parts.distinct("budget-verdict").size();
            if (acks >= n && verdicts >= budgets) {
                return true;
            }
            if (System.nanoTime() - lastReport > 30e9) {
                lastReport = System.nanoTime();
                say("… %d stored, %d processed, %d acknowledged, %d/%d budget verdicts; RSS %.0f MB",
                        parts.count("select count(*) from inbound_mail"),
                        parts.count("select count(*) from inbound_mail where state = 'processed'"), acks, verdicts,
                        budgets, hub.residentMb());
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private boolean exactlyOnce(BenchParts parts, HubProcess hub, int n, int budgets) {
        long stored = parts.count("select count(*) from inbound_mail");
        long processed = parts.count("select count(*) from inbound_mail where state = 'processed'");
        long duplicateKeys = parts.count("select count(*) - count(distinct dedup_key) from inbound_mail");
        int acks = parts.distinct("intake-ack").size();
        long rawAcks = parts.perRecipient("intake-ack").values().stream().mapToLong(counts -> counts[1]).sum();
        int verdicts = parts.distinct("budget-verdict").size();
        long budgetRows = parts.count("select count(*) from budget");
        boolean outOfMemory = hub.read().contains("OutOfMemoryError");
        say("  stored %d, processed %d (of %d), duplicate keys %d; acks %d distinct (%d raw); verdicts %d, budget rows"
                + " %d (of %d); OutOfMemoryError %s", stored, processed, n, duplicateKeys, acks, rawAcks, verdicts,
                budgetRows, budgets, outOfMemory);
        return stored == n && processed == n && duplicateKeys == 0 && acks == n && rawAcks == n
                && verdicts == budgets && budgetRows == budgets && !outOfMemory;
    }

    private static void awaitLeads(HubProcess hub) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!hub.leads() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
    }

    private void say(String format, Object... args) {
        progress.say(format, args);
    }
}
