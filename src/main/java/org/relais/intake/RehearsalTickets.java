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
 * partner's mail too. The hub says it has started, and its leader polls the mailbox, once its consumers have taken
 * them (or their share, in a cluster): a fresh hub's compiler otherwise spent a third of the hub's CPU during its
 * first burst, on the broker's code above all (bench/README.md, "The broker rehearsed").
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

    /** The longest a start waits for them: a broker that does not deliver them does not hold the hub. */
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    /**
     * In a cluster the consumers of the instances already running take some of a starting instance's tickets: once
     * its own consumers have taken none for this long, the rest went there.
     */
    private static final Duration QUIET = Duration.ofMillis(300);

    private final CountDownLatch untaken = new CountDownLatch(COUNT);
    private final AtomicLong lastTakenAt = new AtomicLong();

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

    /**
     * Holds the start (on its main thread, once Camel's routes run) until this instance's consumers took every ticket,
     * or none for a while after taking some, at most 5 s.
     */
    @Override
    public void afterApplicationStart(CamelContext camel) {
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
        log.info("Intake rehearsed through the broker: {} of its {} tickets taken here in {} ms", COUNT
                - untaken.getCount(), COUNT, (System.nanoTime() - start) / 1_000_000);
    }

    /** Tickets to send as a poll's: {@code ${body.tickets}} in routes/intake-mailbox.yaml. */
    public record Tickets(List<IntakeTicket> tickets) {
    }
}
