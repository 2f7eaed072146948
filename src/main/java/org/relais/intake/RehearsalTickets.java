package org.relais.intake;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rehearsal's second half (the first: {@link IntakeRehearsal}): tickets that name no mail, sent through the broker
 * to intake's consumers as soon as the routes run (routes/intake-mailbox.yaml) and on to the answers' way with an
 * answer that names no mail, so that the broker's, the consumers' and the routes' code is compiled before the first
 * partner's mail too: a fresh hub's compiler otherwise spent a third of the hub's CPU during its first burst, on the
 * broker's code above all (bench/README.md, "The broker rehearsed"). The leader's first poll of the mailbox waits until
 * this instance's consumers have taken them (or their share, in a cluster); the start does not: the hub answers healthy
 * while they travel (bench/README.md, "The start no longer waits for the rehearsal").
 */
@Component
public class RehearsalTickets implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RehearsalTickets.class);

    /**
     * Tickets enough for each step of their way, shared by the consumers, to be called more often than the compiler's
     * threshold (150 rather than 50: a fresh hub's first 200 mails were answered faster); a few milliseconds each
     * once compiled.
     */
    static final int COUNT = 150;

    /** The longest the first poll waits for them: a broker that does not deliver them does not hold intake. */
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    /**
     * In a cluster the consumers of the instances already running take some of a starting instance's tickets: once
     * its own consumers have taken none for this long, the rest went there.
     */
    private static final Duration QUIET = Duration.ofMillis(300);

    private final CountDownLatch untaken = new CountDownLatch(COUNT);
    private final AtomicLong lastTakenAt = new AtomicLong();
    private final CountDownLatch over = new CountDownLatch(1);

    /** The tickets, for routes/intake-mailbox.yaml to send to intake's consumers as a poll's are. */
    public Tickets tickets() {
        return new Tickets(Collections.nCopies(COUNT, IntakeTicket.rehearsed()));
    }

    /** One of them taken by this instance's consumers. */
    void taken() {
        lastTakenAt.set(System.nanoTime());
        untaken.countDown();
    }

    /** Whether this instance's consumers took as many as it sent. */
    boolean allTaken() {
        return untaken.getCount() == 0;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
    }

    /** Once Camel's routes run (the tickets' timer fires at once): watches them on a thread of its own. */
    @Override
    public void afterApplicationStart(CamelContext camel) {
        Thread watch = new Thread(this::watch, "intake-rehearsal-tickets");
        // a hub stopped at once does not wait for it
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * For routes/intake-mailbox.yaml, before each poll: returns once the rehearsal is over (at once after the first),
     * or after the longest it may take, after which no poll waits again.
     */
    public void awaitOver() throws InterruptedException {
        if (!over.await(AT_MOST.toMillis() + QUIET.toMillis(), TimeUnit.MILLISECONDS)) {
            over.countDown();
        }
    }

    /** Over once this instance's consumers took every ticket, or none for a while after taking some, or after 5 s. */
    private void watch() {
        long start = System.nanoTime();
        try {
            while (!untaken.await(QUIET.toMillis() / 4, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                boolean someTaken = untaken.getCount() < COUNT;
                if (now - start >= AT_MOST.toNanos() || someTaken && now - lastTakenAt.get() >= QUIET.toNanos()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        over.countDown();
        log.info("Intake rehearsed through the broker: {} of its {} tickets taken here in {} ms", COUNT
                - untaken.getCount(), COUNT, (System.nanoTime() - start) / 1_000_000);
    }

    /** Tickets to send as a poll's: {@code ${body.tickets}} in routes/intake-mailbox.yaml. */
    public record Tickets(List<IntakeTicket> tickets) {
    }
}
