package org.relais.intake;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Intake's rehearsal, first half ({@link IntakeProcessor#rehearse}), started on a thread of its own as soon as every
 * bean exists: while the web server, the broker's consumers and Camel's routes start, which leave a core idle.
 * Measured, it was over seconds before the leader polled the mailbox (nothing waits for it), so that the first
 * partners' mails neither wait for intake's classes, templates and words to be loaded nor share the CPU with the
 * rehearsal (bench/README.md, "The rehearsal"). The second half goes through the broker: {@link RehearsalTickets}.
 */
@Component
class IntakeRehearsal implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IntakeRehearsal.class);

    /**
     * Passes enough for the client compiler to compile intake's code before the first mail (it compiles a method
     * after some twenty calls, config/jvm.options): interpreted, an acknowledgement's template alone took 2.5 ms, and
     * 0.2-0.3 ms still after 300 renders with the default thresholds (bench/README.md, "Where the machine goes").
     */
    private static final int PASSES = 30;

    private final IntakeProcessor processor;
    private final CompletableFuture<List<String>> done = new CompletableFuture<>();

    IntakeRehearsal(IntakeProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Thread thread = new Thread(this::rehearse, "intake-rehearsal");
        // a start that fails, or a hub stopped at once, does not wait for it
        thread.setDaemon(true);
        thread.start();
    }

    /** The languages the rehearsal went through in, once over; a rehearsal that failed ends the future with why. */
    CompletableFuture<List<String>> done() {
        return done;
    }

    private void rehearse() {
        try {
            Set<String> languages = new LinkedHashSet<>();
            int times = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                List<String> rehearsed = processor.rehearse();
                languages.addAll(rehearsed);
                times += rehearsed.size();
            }
            log.info("Intake rehearsed: a made-up mail stored, understood and acknowledged in {}, {} times in all,"
                    + " each time rolled back (nothing kept or sent)", String.join(", ", languages), times);
            done.complete(List.copyOf(languages));
        } catch (Exception e) {
            // the first mails then go the slow way; nothing else depends on it
            log.warn("Intake could not rehearse (the first mails will be slower): {}", e.toString());
            done.completeExceptionally(e);
        }
    }
}
