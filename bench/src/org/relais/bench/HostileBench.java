package org.relais.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.bench.HostileCorpus.HostileCase;
import org.relais.support.ConsoleClient;
import org.relais.support.TestMail;

/**
 * The hostile corpus against one hub process: every mail must end answered or refused cleanly, the original kept,
 * no answer carrying an injected header, a secret or live markup, the console showing names escaped, two pairs of
 * auto-responders unable to keep a loop going, and the hub still answering a plain mail at the end.
 * System properties: {@code hostile.large-mb} (100), {@code hostile.loop-s} (90), {@code hostile.timeout-s} (240),
 * {@code hostile.large-timeout-s} (120).
 */
final class HostileBench implements Benchmarks.Scenario {


    private final Progress progress = new Progress();
    private BenchParts parts;
    private HubProcess hub;

    /** The mail server runs in this JVM and holds the large mail several times over while it stores and serves it. */
    @Override
    public long heapMb() {
        return Math.max(512, 14L * Integer.getInteger("hostile.large-mb", 100));
    }

    @Override
    public void run() throws Exception {
        int largeMb = Integer.getInteger("hostile.large-mb", 100);
        long timeoutMs = Long.getLong("hostile.timeout-s", 240) * 1000;
        int replyLimit = productionSetting("robot-answers-per-hour");
        int answersAtOnce = productionSetting("answers-at-once");
        List<HostileCase> corpus = HostileCorpus.cases();
        say("%d hostile mails made", corpus.size());
        parts = BenchParts.start("hostile");
        hub = new HubProcess(parts, "hostile", Path.of("bench/results/hostile").toAbsolutePath(), "384m",
                // the loop guard as in production, but gathered answers wait 10 s instead of 3 min
                List.of("--relais.loop-guard.robot-answers-per-hour=" + replyLimit,
                        "--relais.loop-guard.answers-at-once=" + answersAtOnce,
                        "--relais.loop-guard.gather-delay=PT10S"));
        try {
            hub.start();
            say("hub ready in %.1f s (answers per robot and hour: %d; a person's answers at once: %d); log %s",
                    hub.awaitReady(180_000), replyLimit, answersAtOnce, hub.log());
            List<String> failed = new ArrayList<>(corpus(corpus, timeoutMs));
            failed.addAll(everywhere());
            failed.addAll(console(corpus));
            failed.addAll(loops(replyLimit));
            failed.addAll(stillAnswering());
            // last and alone: if it holds the mailbox, the cases above are not held up with it
            List<HostileCase> large = List.of(HostileCorpus.large(largeMb));
            failed.addAll(corpus(large, Long.getLong("hostile.large-timeout-s", 120) * 1000));
            say("hub resident %.0f MB; OutOfMemoryError in its log: %s", hub.residentMb(),
                    hub.read().contains("OutOfMemoryError") ? "yes" : "no");
            failed.addAll(stillAnswering());
            say("RESULT: %s", failed.isEmpty() ? "OK — every hostile mail ended cleanly" : "FAILED: " + failed);
            if (!failed.isEmpty()) {
                throw new IllegalStateException("hostile corpus: " + failed.size() + " failed: " + failed);
            }
        } finally {
            hub.stop();
            parts.close();
        }
    }

    /** Sends the mails, waits until they are settled, prints their tally; returns the names of the failed ones. */
    private List<String> corpus(List<HostileCase> corpus, long timeoutMs) throws InterruptedException {
        List<HostileCase> notDelivered = deliver(corpus);
        List<HostileCase> delivered = corpus.stream().filter(c -> !notDelivered.contains(c)).toList();
        boolean settled = awaitSettled(delivered, timeoutMs);
        say("%d mail(s) %s", delivered.size(), settled ? "settled" : "NOT settled after " + timeoutMs / 1000 + " s");
        List<String> failed = new ArrayList<>(notDelivered.stream().map(c -> c.name() + " (not delivered)").toList());
        HostileTally tally = new HostileTally(parts);
        HostileTally.printHeader();
        for (HostileCase hostile : corpus) {
            HostileTally.Line line = tally.of(hostile);
            line.print();
            if (!line.ok()) {
                failed.add(hostile.name());
            }
        }
        return failed;
    }

    /** Sends each mail; returns those the mail server did not take. */
    private List<HostileCase> deliver(List<HostileCase> corpus) {
        List<HostileCase> notDelivered = new ArrayList<>();
        for (HostileCase hostile : corpus) {
            long t = System.nanoTime();
            try {
                hostile.delivery().send(parts);
            } catch (RuntimeException e) {
                say("%s: not delivered to the mail server: %s", hostile.name(), e);
                notDelivered.add(hostile);
            }
            if (System.nanoTime() - t > 2e9) {
                say("%s: sent in %.1f s", hostile.name(), (System.nanoTime() - t) / 1e9);
            }
        }
        say("corpus sent");
        return notDelivered;
    }

    /**
     * Every mail stored and decided and every answer sent, and so for a few seconds (the flows after intake write
     * their answers a little later), or the time is up.
     */
    private boolean awaitSettled(List<HostileCase> corpus, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        long lastReport = System.currentTimeMillis();
        String[] ids = corpus.stream().map(HostileCase::messageId).toArray(String[]::new);
        long quietSince = 0;
        long written = -1;
        while (System.currentTimeMillis() < end) {
            long decided = ((Number) parts.rows("select count(*) from inbound_mail where message_id = any(?)"
                    + " and state <> 'received'", (Object) ids).get(0)[0]).longValue();
            long unsent = parts.count("select count(*) from outgoing_mail where sent_at is null")
                    + parts.count("select count(*) from gathered_answer where outgoing_mail_id is null and not held");
            long nowWritten = parts.count("select count(*) from outgoing_mail");
            boolean quiet = decided == corpus.size() && unsent == 0 && nowWritten == written;
            written = nowWritten;
            quietSince = quiet ? (quietSince == 0 ? System.currentTimeMillis() : quietSince) : 0;
            if (quietSince > 0 && System.currentTimeMillis() - quietSince >= 3_000) {
                return true;
            }
            if (System.currentTimeMillis() - lastReport > 10_000) {
                lastReport = System.currentTimeMillis();
                say("… %d/%d decided, %d answers unsent, hub %s", decided, corpus.size(), unsent,
                        hub.alive() ? "alive" : "DEAD");
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Across all the hub sent: nothing reached the address an injected Bcc named, no mail is unsafe (whatever its
     * purpose); no failure left behind.
     */
    private List<String> everywhere() {
        List<String> failed = new ArrayList<>();
        long injected = parts.rows("select 1 from outgoing_mail where recipient = ?", HostileCorpus.INJECTED_ADDRESS)
                .size() + parts.mail().getReceivedMessagesForDomain("evil.test").length;
        say("mails to %s (an injected Bcc): %d", HostileCorpus.INJECTED_ADDRESS, injected);
        if (injected > 0) {
            failed.add("injected recipient");
        }
        // notifications and review requests carry the corpus's names too, some of them in HTML
        Map<String, List<String>> unsafe = new TreeMap<>();
        MimeMessage[] all = parts.mail().getReceivedMessages();
        long fromHub = 0;
        for (MimeMessage mail : all) {
            if (isFromHub(mail)) {
                fromHub++;
                HostileTally.unsafe(mail).forEach(problem -> unsafe.computeIfAbsent(problem, p -> new ArrayList<>())
                        .add(purposeOf(mail)));
            }
        }
        say("all %d mails of the hub: %s", fromHub, unsafe.isEmpty() ? "no injected header, secret or live markup"
                : unsafe);
        if (!unsafe.isEmpty()) {
            failed.add("unsafe mails " + unsafe.keySet());
        }
        long failures = parts.count("select count(*) from failure");
        say("failures recorded (dead-lettered): %d%s", failures, failures == 0 ? ""
                : " — " + parts.text("select string_agg(coalesce(route_id, '?') || ': ' || left(error, 160), ' | ')"
                        + " from failure"));
        if (failures > 0) {
            failed.add(failures + " failures recorded");
        }
        return failed;
    }

    private static boolean isFromHub(MimeMessage mail) {
        try {
            return mail.getFrom() != null && mail.getFrom()[0] instanceof InternetAddress from
                    && BenchParts.HUB_ADDRESS.equalsIgnoreCase(from.getAddress());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String purposeOf(MimeMessage mail) {
        try {
            String id = String.valueOf(mail.getMessageID());
            return id.substring(1, Math.max(1, id.indexOf('.')));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The console's lists and detail pages show the markup as text. */
    private List<String> console(List<HostileCase> corpus) {
        List<String> failed = new ArrayList<>();
        ConsoleClient console = ConsoleClient.loggedIn(hub.httpPort(), "coordinator");
        List<String> pages = new ArrayList<>(List.of("/documents", "/quarantine"));
        for (HostileCase hostile : corpus) {
            if (hostile.name().startsWith("script")) {
                parts.rows("select id, reference, state from inbound_mail where message_id = ?", hostile.messageId())
                        .forEach(row -> pages.add("quarantined".equals(row[2]) ? "/quarantine/" + row[0]
                                : "/documents/" + row[1]));
            }
        }
        for (String page : pages) {
            HttpResponse<String> answer = console.get(page);
            boolean raw = answer.body().contains(HostileCorpus.XSS) || answer.body().contains("<img src=x");
            boolean escaped = answer.body().contains("&lt;script&gt;alert(");
            boolean ok = answer.statusCode() == 200 && !raw && (escaped || !page.matches("/\\w+/.+"));
            say("console %-28s HTTP %d, markup %s  %s", page, answer.statusCode(),
                    raw ? "RAW" : escaped ? "escaped" : "not shown", ok ? "OK" : "FAILED");
            if (!ok) {
                failed.add("console " + page);
            }
        }
        return failed;
    }

    /** Four robots answer every mail of the hub for a while; the hub's mails to each must stay bounded. */
    private List<String> loops(int replyLimit) throws Exception {
        int seconds = Integer.getInteger("hostile.loop-s", 90);
        long noticesBefore = notices();
        List<AutoResponder> responders = List.of(
                new AutoResponder(parts, "arad@relais.test", false),
                new AutoResponder(parts, "suivi-ro@relais.test", true),
                new AutoResponder(parts, "robot@elsewhere.test", false),
                new AutoResponder(parts, "vacances@elsewhere.test", true));
        for (AutoResponder responder : responders) {
            responder.start();
        }
        say("mail loops: 4 auto-responders for %d s", seconds);
        Thread.sleep(seconds * 1000L);
        responders.forEach(AutoResponder::stop);
        Thread.sleep(3_000);
        List<String> failed = new ArrayList<>();
        for (AutoResponder responder : responders) {
            // a marked answer is never answered: only the person's first mail is
            int bound = responder.marksItsAnswers ? 1 : replyLimit;
            // notifications of the corpus's documents reach follow-up members too: only answers to the robot count
            int answers = parts.rows("select 1 from outgoing_mail o join inbound_mail i on i.id = o.mail_id"
                    + " where i.sender = ? and o.recipient = ?", responder.address, responder.address).size();
            boolean ok = answers <= bound && answers >= 1;
            say("loop %-26s %-17s robot sent %3d, hub answered %3d (bound %d; all the hub's mails there: %d)  %s",
                    responder.address, responder.marksItsAnswers ? "(Auto-Submitted)" : "(naive)", responder.sent(),
                    answers, bound, responder.received(), ok ? "OK" : "FAILED");
            if (!ok) {
                failed.add("loop " + responder.address);
            }
        }
        long notices = notices() - noticesBefore;
        say("loop notices to the coordinators: %d (bound %d)  %s", notices, replyLimit,
                notices <= replyLimit ? "OK" : "FAILED");
        if (notices > replyLimit) {
            failed.add("loop notices");
        }
        return failed;
    }

    private long notices() {
        return parts.rows("select 1 from outgoing_mail where recipient = ?"
                + " and purpose in ('quarantine-notice', 'quarantine-summary')", HostileTally.COORDINATOR).size();
    }

    /** After all that, a plain mail is answered as usual. */
    private List<String> stillAnswering() throws InterruptedException {
        String id = "<after-the-corpus." + UUID.randomUUID() + "@bench.test>";
        long sent = System.nanoTime();
        new TestMail(parts.smtpPort).from("suivi-fr@relais.test").subject("Compte rendu").messageId(id).send();
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            if (!parts.rows("select 1 from outgoing_mail o join inbound_mail i on i.id = o.mail_id"
                    + " where i.message_id = ? and o.sent_at is not null", id).isEmpty()) {
                say("a plain mail sent after the corpus was answered in %.1f s; hub alive: %s",
                        (System.nanoTime() - sent) / 1e9, hub.alive());
                return hub.alive() ? List.of() : List.of("hub died");
            }
            Thread.sleep(200);
        }
        say("a plain mail sent after the corpus was NOT answered within 60 s; hub alive: %s", hub.alive());
        return List.of("no answer after the corpus");
    }

    /** A loop guard setting as production runs with it (config/application.yml), instead of the bench's own. */
    private static int productionSetting(String name) throws IOException {
        Matcher setting = Pattern.compile(name + ":\\s*(\\d+)")
                .matcher(Files.readString(Path.of("config/application.yml")));
        if (!setting.find()) {
            throw new IllegalStateException("no " + name + " in config/application.yml");
        }
        return Integer.parseInt(setting.group(1));
    }

    private void say(String format, Object... args) {
        progress.say(format, args);
    }
}
