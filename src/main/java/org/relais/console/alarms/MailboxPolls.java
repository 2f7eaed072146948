package org.relais.console.alarms;

import java.time.Clock;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.ScheduledPollConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When the hub last polled its mailbox successfully, from the poll counters of the mail route's consumer, sampled
 * at each alarm check: polls happened since the last sample and the consumer's error count is zero (it resets on
 * success). A suspended or stopped route does not poll, which is silence too. The time of a success is known to
 * one check interval: the sample's, not the poll's.
 */
@Component
class MailboxPolls {

    static final String MAILBOX_ROUTE = "intake-fetch-mail";

    private final CamelContext camel;
    private final Clock clock;
    private Instant watchingSince;
    private long lastCounter = -1;
    private Instant lastSuccess;

    @Autowired
    MailboxPolls(CamelContext camel) {
        this(camel, Clock.systemUTC());
    }

    MailboxPolls(CamelContext camel, Clock clock) {
        this.camel = camel;
        this.clock = clock;
    }

    /** The last successful poll seen, or null if none was seen since the hub started. */
    synchronized Instant lastSuccess() {
        if (watchingSince == null) {
            watchingSince = clock.instant();
        }
        Route route = camel.getRoute(MAILBOX_ROUTE);
        if (route != null && route.getConsumer() instanceof ScheduledPollConsumer consumer) {
            long counter = consumer.getCounter();
            if (counter != lastCounter && counter > 0 && consumer.getErrorCounter() == 0) {
                lastSuccess = clock.instant();
            }
            lastCounter = counter;
        }
        return lastSuccess;
    }

    /** When the watch first looked: silence is counted from there until a first successful poll is seen. */
    synchronized Instant watchingSince() {
        return watchingSince;
    }
}
