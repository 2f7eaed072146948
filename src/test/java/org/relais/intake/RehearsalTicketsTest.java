package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How long a start waits for the rehearsal's tickets (RehearsalTickets): until this instance's consumers took them
 * all, or took their share while the consumers of a cluster's other instances took the rest.
 */
class RehearsalTicketsTest {

    private final RehearsalTickets tickets = new RehearsalTickets();

    @Test
    void aStartGoesOnAtOnceWhenItsConsumersTookEveryTicket() {
        tickets.tickets().tickets().forEach(ticket -> tickets.taken());

        Duration waited = timed(() -> tickets.afterApplicationStart(null));

        assertThat(tickets.allTaken()).isTrue();
        assertThat(waited).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void aStartGoesOnSoonAfterItsConsumersStopTakingTicketsOtherInstancesTook() {
        for (int i = 0; i < RehearsalTickets.COUNT / 2; i++) {
            tickets.taken();
        }

        Duration waited = timed(() -> tickets.afterApplicationStart(null));

        assertThat(tickets.allTaken()).isFalse();
        assertThat(waited).as("the quiet of 300 ms, not the 5 s bound").isLessThan(Duration.ofSeconds(2));
    }

    private static Duration timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
