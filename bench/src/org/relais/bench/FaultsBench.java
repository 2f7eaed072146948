package org.relais.bench;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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

    private static final String DISTRIBUTION = "distribution";

    private final boolean faults;
    private final long seed;
    private final Random random;
    private BenchParts parts;
    private final HubProcess[] hubs = new HubProcess[2];
    /** Every fifth mail with a budget, every tenth with minutes. */
    private final Backlog backlog = new Backlog(5, 10);
    private FlakySmtp relay;
    private TranslatorsAtWork translators;
    private final Progress progress = new Progress();
    /**
     * Each kill -9, the broker's restart and PostgreSQL's return: when the hub (or the part) was started again, and
     * when the next fault struck (or the end).
     */
    private final List<Restart> restarts = new ArrayList<>();
    private static final double TARGET_WAIT_S = 30;
    private static final String BROKER = "the broker";
    private static final String POSTGRES = "PostgreSQL";

    private record Restart(String victim, long at, long nextFaultAt) {
    }

    FaultsBench(boolean faults) {
        this.faults = faults;
        this.seed = Long.getLong("faults.seed", 0) != 0 ? Long.getLong("faults.seed") : System.nanoTime();
        this.random = new Random(seed);
    }

    @Override
    public void run() throws Exception {
        Path logs = Path.of("bench/results/" + (faults ? "faults" : "scaleout")).toAbsolutePath();
        int n = Benchmarks.count("faults.mails", faults ? 500 : 200);
        long timeoutMs = Long.getLong("faults.timeout-s", 600) * 1000;
        parts = BenchParts.start(faults ? "faults" : "scaleout");
        relay = new FlakySmtp(parts.smtpPort);
        translators = new TranslatorsAtWork(parts.mail(), parts.smtpSession());
        say("work folder %s, hub logs in %s, seed %d (-Dfaults.seed draws the same faults)", parts.work, logs,
                seed);
        try {
            String heap = System.getProperty("faults.hub-heap", "384m");
            List<String> settings = List.of(
                    // the hubs send through the relay that can refuse for a while
                    "--relais.mail.smtp.port=" + relay.port(), "--spring.mail.port=" + relay.port(),
                    // no LibreTranslate here: the translators do all the work, as they would without one
                    "--relais.translation.providers.fr.machine=off", "--relais.translation.providers.ro.machine=off",
                    "--relais.translation.providers.bg.machine=off");
            hubs[0] = new HubProcess(parts, "a", logs, heap, settings);
            hubs[1] = new HubProcess(parts, "b", logs, heap, settings);
            hubs[0].start();
            // the first one migrates the schema; the second starts once it is up (no Flyway race to measure)
            hubs[0].awaitReady(180_000);
            hubs[1].start();
            hubs[1].awaitReady(180_000);
            say("both hubs ready; leader: %s", leader() == null ? "none yet" : leader().name);

            long sendStart = System.nanoTime();
            send(n);
            say("%d mails sent in %.1f s (%d with a budget, %d with minutes)", n, (System.nanoTime() - sendStart) / 1e9,
                    backlog.budgets(), backlog.minutes());
            long drainStart = System.nanoTime();

            awaitStored(Math.min(n, 20), 120_000);
            if (faults) {
                injectFaults();
            } else {
                killLeaderOnce();
            }
            boolean drained = awaitDrained(n, drainStart + timeoutMs * 1_000_000L);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            Thread.sleep(5_000); // late duplicates would show up now
            say("drained: %s in %.1f s (from the last mail sent)", drained, drainSeconds);
            boolean waited = waitsAfterRestarts();
            boolean ok = check(n) && drained;
            say("RESULT: %s; waits after the restarts: %s", ok ? "OK — every count exact" : "FAILED",
                    waited ? "met" : "MISSED");
            if (!ok) {
                throw new IllegalStateException("counts off: see above");
            }
        } finally {
            translators.close();
            relay.close();
            for (HubProcess hub : hubs) {
                if (hub != null) {
                    hub.stop();
                }
            }
            parts.close();
        }
    }

    // ---------------------------------------------------------------- faults

    private void killLeaderOnce() throws Exception {
        HubProcess leader = awaitLeader(30_000);
        say("killing the leader %s (kill -9) with %d mails stored", leader.name, parts.count("select count(*) from inbound_mail"));
        HubProcess other = leader == hubs[0] ? hubs[1] : hubs[0];
        long killed = System.nanoTime();
        leader.kill();
        long takeOver = awaitLeads(other, 60_000);
        say("take-over: %s leads %.2f s after the kill", other.name, (takeOver - killed) / 1e9);
        restarted(leader.name);
        leader.start();
        leader.awaitReady(180_000);
        say("%s restarted and ready (follower)", leader.name);
    }

    private void injectFaults() throws Exception {
        // the relay refuses every mail for a while (451), as a relay under load does, in the thick of the backlog
        int refusing = Integer.getInteger("faults.smtp-4xx-s", 20);
        say("SMTP relay refusing (451) for %d s", refusing);
        relay.refuse(true);
        Thread.sleep(refusing * 1000L);
        relay.refuse(false);
        say("SMTP relay back after %d refusals", relay.refusals());
        // kill -9 at random moments, three times, alternating between the leader and whichever instance
        for (int i = 0; i < 3; i++) {
            Thread.sleep(2_000 + random.nextInt(6_000));
            HubProcess victim = i % 2 == 0 ? awaitLeader(30_000) : hubs[random.nextInt(2)];
            HubProcess other = victim == hubs[0] ? hubs[1] : hubs[0];
            boolean wasLeader = victim == leader();
            say("kill -9 %s (%s) with %d stored, %d processed", victim.name, wasLeader ? "leader" : "follower",
                    parts.count("select count(*) from inbound_mail"),
                    parts.count("select count(*) from inbound_mail where state <> 'received'"));
            long killed = System.nanoTime();
            victim.kill();
            if (wasLeader) {
                long takeOver = awaitLeads(other, 60_000);
                say("take-over: %s leads %.2f s after the kill", other.name, (takeOver - killed) / 1e9);
            }
            restarted(victim.name);
            victim.start();
            victim.awaitReady(180_000);
            say("%s restarted", victim.name);
        }
        // the broker, stopped and started on its journal
        Thread.sleep(2_000);
        faultStrikes();
        say("broker restart with %d processed", parts.count("select count(*) from inbound_mail where state <> 'received'"));
        long t = System.nanoTime();
        parts.stopBroker();
        Thread.sleep(3_000);
        parts.startBroker();
        restarted(BROKER);
        say("broker back after %.1f s", (System.nanoTime() - t) / 1e9);
        // PostgreSQL away for a while, then back on the same data folder and port
        Thread.sleep(5_000);
        int outage = Integer.getInteger("faults.pg-outage-s", 30);
        say("PostgreSQL stop for %d s with %d processed", outage,
                parts.count("select count(*) from inbound_mail where state <> 'received'"));
        faultStrikes();
        parts.stopPostgres();
        Thread.sleep(outage * 1000L);
        parts.startPostgres();
        restarted(POSTGRES);
        say("PostgreSQL back");
    }

    /** A killed hub (or the broker, or PostgreSQL) is started again now; the fault ended the window before. */
    private void restarted(String victim) {
        faultStrikes();
        restarts.add(new Restart(victim, System.currentTimeMillis(), Long.MAX_VALUE));
    }

    private void faultStrikes() {
        if (!restarts.isEmpty() && restarts.get(restarts.size() - 1).nextFaultAt() == Long.MAX_VALUE) {
            Restart last = restarts.remove(restarts.size() - 1);
            restarts.add(new Restart(last.victim(), last.at(), System.currentTimeMillis()));
        }
    }

    /**
     * After each restart (of a hub, the broker or PostgreSQL), the longest wait of a mail to one person (answers,
     * translation jobs; list mail keeps its own throttled pace): of the mails written before the next fault and not
     * yet accepted by the mail server at the restart, each waits from the restart or from when it was written,
     * whichever is later, to its acceptance, less the time a later fault took PostgreSQL or the broker away (no hub
     * can send then: a mail written just before PostgreSQL's 30 s outage waits out the outage, which is the next
     * restart's to answer for). Mails refused once (the relay's 451 window) wait for their next attempt by design and
     * are left out.
     */
    private boolean waitsAfterRestarts() {
        Map<String, Long> acceptedAt = new HashMap<>();
        for (StoredMessage stored : parts.storedMessages()) {
            try {
                String id = stored.getMimeMessage().getMessageID();
                if (id != null) {
                    acceptedAt.merge(id, stored.getReceivedDate().getTime(), Math::min);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Object[]> mails = parts.rows("select message_id, purpose, extract(epoch from created_at) * 1000"
                + " from outgoing_mail where list_id is null and sent_at is not null and attempts = 1");
        List<long[]> away = new ArrayList<>();
        for (int i = 1; i < restarts.size(); i++) {
            String victim = restarts.get(i).victim();
            if (victim.equals(BROKER) || victim.equals(POSTGRES)) {
                away.add(new long[] {restarts.get(i - 1).nextFaultAt(), restarts.get(i).at()});
            }
        }
        boolean ok = true;
        for (Restart restart : restarts) {
            double longest = 0;
            double longestAway = 0;
            String which = "none";
            int counted = 0;
            for (Object[] mail : mails) {
                Long accepted = acceptedAt.get((String) mail[0]);
                long written = ((Number) mail[2]).longValue();
                if (accepted == null || accepted < restart.at() || written >= restart.nextFaultAt()) {
                    continue;
                }
                counted++;
                long from = Math.max(written, restart.at());
                long outage = away.stream()
                        .mapToLong(window -> Math.max(0, Math.min(accepted, window[1]) - Math.max(from, window[0])))
                        .sum();
                double wait = (accepted - from - outage) / 1000.0;
                if (wait > longest) {
                    longest = wait;
                    longestAway = outage / 1000.0;
                    which = mail[1] + " " + mail[0];
                }
            }
            boolean met = longest <= TARGET_WAIT_S;
            say("after the restart of %s: %d mails to one person sent, longest wait %.1f s%s (%s)   (target <= %.0f"
                    + " s: %s)", restart.victim(), counted, longest, longestAway == 0 ? ""
                    : String.format(" (and %.1f s with PostgreSQL or the broker away)", longestAway), which,
                    TARGET_WAIT_S, met ? "met" : "MISSED");
            ok &= met;
        }
        return ok;
    }

    private HubProcess awaitLeader(long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            HubProcess leader = leader();
            if (leader != null) {
                return leader;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no leader after " + timeoutMs + " ms");
    }

    private long awaitLeads(HubProcess hub, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (hub.leads()) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(hub.name + " did not take over within " + timeoutMs + " ms");
    }

    private HubProcess leader() {
        for (HubProcess hub : hubs) {
            if (hub != null && hub.leads()) {
                return hub;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- backlog

    /**
     * Straight into the hub's mailbox, in seconds: the faults then strike while the backlog drains. With faults, the
     * leader, which polls the mailbox, is killed halfway, while it is taking in the first half.
     */
    private void send(int n) throws Exception {
        Session session = parts.smtpSession();
        GreenMailUser mailbox = parts.mail().setUser(BenchParts.HUB_ADDRESS, BenchParts.HUB_ADDRESS, "relais");
        for (int i = 0; i < n; i++) {
            if (faults && i == n / 2) {
                say("%d of %d mails delivered", i, n);
                killLeaderOnce();
            }
            mailbox.deliver(backlog.mail(session, i));
        }
    }

    // ---------------------------------------------------------------- checks

    private void awaitStored(int count, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end && parts.count("select count(*) from inbound_mail") < count) {
            Thread.sleep(100);
        }
    }

    /** Until every mail is acknowledged, every budget answered and every minutes translated and delivered. */
    private boolean awaitDrained(int n, long endNanos) throws InterruptedException {
        long lastReport = 0;
        while (System.nanoTime() < endNanos) {
            int acks = parts.distinct("intake-ack").size();
            int verdicts = parts.distinct("budget-verdict").size();
            int jobs = parts.distinct("translation-job").size();
            int deliveries = parts.distinct(DISTRIBUTION).size();
            long complete = parts.count("select count(*) from minutes where state = 'complete'");
            if (acks >= n && verdicts >= backlog.budgets() && complete == backlog.minutes()
                    && deliveries >= expectedDeliveries()) {
                return true;
            }
            if (System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                say("… %d/%d stored, %d processed, %d/%d acknowledged, %d/%d budget verdicts, %d translation jobs"
                                + " mailed (%d answered), %d/%d minutes complete, %d/%d deliveries",
                        parts.count("select count(*) from inbound_mail where state <> 'reply'"), n,
                        parts.count("select count(*) from inbound_mail where state = 'processed'"), acks, n, verdicts,
                        backlog.budgets(), jobs, translators.answered(), complete, backlog.minutes(), deliveries,
                        expectedDeliveries());
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Every minutes goes to the follow-up group and the networks (config/distribution/policies.yaml), once each. */
    private long expectedDeliveries() {
        return backlog.minutes() * parts.count("select count(*) from contact where roles && '{follow-up,network}'");
    }

    private boolean check(int n) {
        int budgets = backlog.budgets();
        int minutes = backlog.minutes();
        boolean ok = true;
        long stored = parts.count("select count(*) from inbound_mail where state <> 'reply'");
        long processed = parts.count("select count(*) from inbound_mail where state = 'processed'");
        long dupKeys = parts.count("select count(*) - count(distinct dedup_key) from inbound_mail");
        long dupMessageIds = parts.count("select count(*) - count(distinct message_id) from inbound_mail");
        long documents = parts.count("select count(*) from document");
        long budgetDocuments = parts.count("select count(*) from document where flow = 'budget'");
        long dupDocuments = parts.count("select count(*) from (select mail_id, file_name from document"
                + " group by mail_id, file_name having count(*) > 1) d");
        long budgetRows = parts.count("select count(*) from budget");
        long failures = parts.count("select count(*) from failure");
        say("stored %d (expected %d), processed %d, duplicate dedup keys %d, duplicate Message-IDs %d", stored, n,
                processed, dupKeys, dupMessageIds);
        say("documents %d (budget flow %d, expected %d), documents twice %d, budget rows %d, failures recorded %d,"
                + " broker DLQ depth %d", documents, budgetDocuments, budgets, dupDocuments, budgetRows, failures,
                parts.deadLetters());
        if (failures > 0) {
            // not a count that must be 0: a delivery that failed while PostgreSQL or the broker was away is recorded
            // and dead-lettered, and the mail may still have been processed by a redelivery or a new fetch
            say("failures: %s", parts.text("select string_agg(coalesce(route_id, '?') || ' ' || coalesce(origin_queue, '?') || ': ' || left(error, 200), ' | ') from failure"));
        }
        // a mail whose ticket never reached mail.outgoing waits for the mail sweep (relais.mail.sweep-after, 5 min):
        // not a count that must be 0, since the sweep does send it, but each one is a ticket lost on the way
        say("mails sent late, never refused (written 4 min or more before their send: the sweep's): %s",
                parts.text("select coalesce(string_agg(purpose || ' #' || id || ' written ' || created_at::time(0)"
                        + " || ' sent ' || sent_at::time(0), ', ' order by id), 'none') from outgoing_mail"
                        + " where attempts = 1 and sent_at > created_at + interval '4 minutes'"));
        // the relay's 451 window defers mails by relais.mail.retry.first-delay (1 min); a second refusal, two more
        say("mails sent at a later attempt (refused before): %s", parts.text("select coalesce(count(*)"
                + " || ', at most attempt ' || max(attempts) || ', the last sent '"
                + " || round(max(extract(epoch from sent_at - created_at))) || ' s after it was written', 'none')"
                + " from outgoing_mail where attempts > 1 and sent_at is not null"));
        ok &= stored == n && processed == n && dupKeys == 0 && dupMessageIds == 0;
        ok &= budgetDocuments == budgets && dupDocuments == 0 && budgetRows == budgets;
        ok &= checkMinutes(minutes);

        Map<String, int[]> acks = parts.perRecipient("intake-ack");
        Map<String, int[]> verdicts = parts.perRecipient("budget-verdict");
        Map<String, int[]> minutesAnswers = parts.perRecipient("minutes-received");
        long rawAcks = 0;
        long rawVerdicts = 0;
        for (Map.Entry<String, Integer> sender : backlog.sentBy.entrySet()) {
            int[] a = acks.getOrDefault(sender.getKey(), new int[2]);
            int[] v = verdicts.getOrDefault(sender.getKey(), new int[2]);
            int[] m = minutesAnswers.getOrDefault(sender.getKey(), new int[2]);
            int expectedVerdicts = backlog.budgetsBy.getOrDefault(sender.getKey(), 0);
            int expectedMinutes = backlog.minutesBy.getOrDefault(sender.getKey(), 0);
            boolean senderOk = a[0] == sender.getValue() && v[0] == expectedVerdicts && m[0] == expectedMinutes;
            say("  %-30s sent %3d, acks %3d (%3d raw), budgets %3d, verdicts %3d (%3d raw), minutes %3d, answers %3d"
                            + " (%3d raw)%s", sender.getKey(), sender.getValue(), a[0], a[1], expectedVerdicts, v[0],
                    v[1], expectedMinutes, m[0], m[1], senderOk ? "" : "   <-- OFF");
            ok &= senderOk;
            rawAcks += a[1];
            rawVerdicts += v[1];
        }
        int distinctAcks = parts.distinct("intake-ack").size();
        say("acknowledgments %d distinct, %d raw (resent after a crash: %d); verdicts %d distinct, %d raw",
                distinctAcks, rawAcks, rawAcks - distinctAcks, parts.distinct("budget-verdict").size(), rawVerdicts);
        ok &= distinctAcks == n && parts.distinct("budget-verdict").size() == budgets;
        return ok;
    }

    /** Minutes: two translation jobs each (French, Bulgarian), mailed once, answered once, delivered once per member. */
    private boolean checkMinutes(int minutes) {
        long rows = parts.count("select count(*) from minutes");
        long complete = parts.count("select count(*) from minutes where state = 'complete'");
        long jobs = parts.count("select count(*) from translation_job");
        long jobsDone = parts.count("select count(*) from translation_job where state = 'done'");
        Map<String, int[]> jobMails = parts.perRecipient("translation-job");
        Map<String, int[]> thanks = parts.perRecipient("translation-received");
        int distinctJobMails = jobMails.values().stream().mapToInt(counts -> counts[0]).sum();
        int rawJobMails = jobMails.values().stream().mapToInt(counts -> counts[1]).sum();
        int distinctThanks = thanks.values().stream().mapToInt(counts -> counts[0]).sum();
        long distributions = parts.count("select count(*) from distribution where kind = 'minutes'");
        long deliveryRows = parts.count("select count(*) from delivery");
        Map<String, int[]> delivered = parts.perRecipient(DISTRIBUTION);
        int distinctDelivered = delivered.values().stream().mapToInt(counts -> counts[0]).sum();
        int rawDelivered = delivered.values().stream().mapToInt(counts -> counts[1]).sum();
        long outsideLedger = deliveredOutsideTheLedger();
        say("minutes %d (expected %d), complete %d; translation jobs %d (expected %d), done %d, job mails %d distinct"
                        + " (%d raw), translators thanked %d", rows, minutes, complete, jobs, 2L * minutes, jobsDone,
                distinctJobMails, rawJobMails, distinctThanks);
        say("minutes distributions %d, delivery rows %d, delivered %d distinct (%d raw, expected %d),"
                + " received but not in the ledger %d", distributions, deliveryRows, distinctDelivered,
                rawDelivered, expectedDeliveries(), outsideLedger);
        return rows == minutes && complete == minutes && jobs == 2L * minutes && jobsDone == jobs
                && distinctJobMails == jobs && distinctThanks == jobs && distributions == minutes
                && deliveryRows == expectedDeliveries() && distinctDelivered == expectedDeliveries() && outsideLedger == 0;
    }

    /** Distribution mails received that are not the one mail the delivery ledger wrote for their recipient. */
    private long deliveredOutsideTheLedger() {
        Set<String> ledger = new HashSet<>();
        parts.rows("select m.message_id from delivery d join outgoing_mail m on m.id = d.outgoing_mail_id")
                .forEach(row -> ledger.add((String) row[0]));
        Set<String> received = parts.distinct(DISTRIBUTION);
        received.removeAll(ledger);
        return received.size();
    }

    private void say(String format, Object... args) {
        progress.say(format, args);
    }
}
