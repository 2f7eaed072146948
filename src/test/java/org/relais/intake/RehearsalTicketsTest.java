package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When the rehearsal's tickets (RehearsalTickets) are over for the first poll: once this instance's consumers took
 * them all, or took their share while the consumers of a cluster's other instances took the rest. The start itself
 * does not wait for them.
 */
class RehearsalTicketsTest {

    private final RehearsalTickets tickets = new RehearsalTickets();

    @Test
    void theStartGoesOnWhileTheTicketsTravel() throws Exception {
        Duration started = timed(() -> tickets.afterApplicationStart(null));

        assertThat(started).isLessThan(Duration.ofMillis(100));
        assertThat(tickets.allTaken()).isFalse();
    }

    @Test
    void theFirstPollGoesOnOnceTheConsumersTookEveryTicket() throws Exception {
        tickets.afterApplicationStart(null);
        tickets.tickets().tickets().forEach(ticket -> tickets.taken());

        Duration waited = timed(tickets::awaitOver);

        assertThat(tickets.allTaken()).isTrue();
        assertThat(waited).as("the watch's quarter of 300 ms at most").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theFirstPollGoesOnSoonAfterTheConsumersStopTakingTicketsOtherInstancesTook() throws Exception {
        tickets.afterApplicationStart(null);
        for (int i = 0; i < RehearsalTickets.COUNT / 2; i++) {
            tickets.taken();
        }

        Duration waited = timed(tickets::awaitOver);

        assertThat(tickets.allTaken()).isFalse();
        assertThat(waited).as("the quiet of 300 ms, not the 5 s bound").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPollAfterTheRehearsalDoesNotWait() throws Exception {
        tickets.afterApplicationStart(null);
        tickets.tickets().tickets().forEach(ticket -> tickets.taken());
        tickets.awaitOver();

        assertThat(timed(tickets::awaitOver)).isLessThan(Duration.ofMillis(50));
    }

    private static Duration timed(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private interface Action {
        void run() throws Exception;
    }
}
