package org.relais.intake;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * them: a fresh hub's compiler otherwise spent a third of the hub's CPU during its first burst, most of it on that
 * code (bench/README.md, "The broker rehearsed").
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

    /**
     * The longest a start waits for them: in a cluster, the consumers of the instances already running take some of a
     * starting instance's tickets, which then waits this long.
     */
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    private final CountDownLatch untaken = new CountDownLatch(COUNT);

    /** The tickets, for routes/intake-mailbox.yaml to send to intake's consumers as a poll's are. */
    public Tickets tickets() {
        return new Tickets(Collections.nCopies(COUNT, IntakeTicket.rehearsed()));
    }

    /** One of them taken by this instance's consumers. */
    void taken() {
        untaken.countDown();
    }

    boolean allTaken() {
        return untaken.getCount() == 0;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
    }

    /** Holds the start (on its main thread, once Camel's routes run) until the tickets are taken, at most 5 s. */
    @Override
    public void afterApplicationStart(CamelContext camel) {
        long start = System.nanoTime();
        try {
            boolean taken = untaken.await(AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Intake rehearsed through the broker: {} of its {} tickets taken in {} ms", COUNT
                    - untaken.getCount(), COUNT, (System.nanoTime() - start) / 1_000_000);
            if (!taken) {
                log.info("The rest went to other instances' consumers, or are late: the start goes on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tickets to send as a poll's: {@code ${body.tickets}} in routes/intake-mailbox.yaml. */
    public record Tickets(List<IntakeTicket> tickets) {
    }
}
