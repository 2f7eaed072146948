package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutgoingTicket;

/**
 * routes/calendar-reminders.yaml: on the leader only, the calendar's timer looks for the reminders due; each
 * reminder's mail goes to the outgoing queue.
 */
class CalendarRemindersRouteTest extends RouteTestSupport {

    private final Reminders reminders = new Reminders();

    @Override
    protected List<String> routeFiles() {
        return List.of("calendar-reminders.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("mail-queue-tickets");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.calendar.check-interval-ms", "20");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("calendarReminders", reminders);
    }

    @Test
    void nothingIsCheckedUntilTheLeaderStartsTheTimer() {
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> reminders.checks.get() == 0);
        assertThat(context.getRouteController().getRouteStatus("calendar-find-reminders").isStopped()).isTrue();
    }

    @Test
    void eachCheckOfTheLeadersTimerQueuesTheMailsOfTheRemindersDue() throws Exception {
        startAsTheLeader("calendar-find-reminders");

        await().until(() -> reminders.checks.get() >= 3);
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class))
                .as("the reminders due at the first check, nothing at the next ones")
                .containsExactly(new OutgoingTicket(51), new OutgoingTicket(52));
    }

    /** Stands for CalendarReminders, which records each reminder once with its mail in PostgreSQL. */
    public static final class Reminders {
        final AtomicInteger checks = new AtomicInteger();

        public List<OutgoingTicket> remind() {
            return checks.incrementAndGet() == 1 ? List.of(new OutgoingTicket(51), new OutgoingTicket(52)) : List.of();
        }
    }
}
