package org.relais.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When a member hears of an event. The first event of a quiet period (no notice to the member within the gather
 * window) is told at once; the events that follow are gathered, and one notice lists them when the window after the
 * member's last notice has passed. A member thus gets at most one notice per window, however many mails arrive.
 */
@Component
class NoticePace {

    private final Clock clock;
    private final Duration window;

    NoticePace(Clock clock, NotificationProperties properties) {
        this.clock = clock;
        this.window = properties.gatherWindow();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Empty: tell the event now. Otherwise when the notice that gathers it is due: the one already gathering the
     * member's events, or one a window after the member's last notice.
     */
    Optional<Instant> gatherUntil(Optional<Instant> lastTold, Optional<Instant> gatheringDue) {
        if (gatheringDue.isPresent()) {
            return gatheringDue;
        }
        Instant now = now();
        // a notice written by an instance whose clock runs ahead counts from now, not from the future
        return lastTold.map(told -> (told.isAfter(now) ? now : told).plus(window)).filter(now::isBefore);
    }

    boolean isDue(Instant dueAt) {
        return !dueAt.isAfter(now());
    }
}
