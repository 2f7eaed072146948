package org.relais.console.queues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relais.console.ActionLog;
import org.relais.console.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retry and discard of dead letters. A retry sends the message back to the queue it failed on and removes it from
 * the DLQ in one JMS transaction, then marks the failure retried, with who and when; the failure row stays locked
 * meanwhile, so a double click retries once. If the message has left the DLQ (a broker without persistence was
 * restarted), the body kept with the failure is sent instead: nothing a coordinator sees is beyond reach.
 */
@Service
class DeadLetters {

    enum Outcome { RETRIED, DISCARDED, NOT_FOUND, ALREADY_RESOLVED }

    /** One dead letter as the console shows it: a recorded failure, a message on the DLQ, or both. */
    record DeadLetter(String key, Long failureId, String messageId, String originQueue, String routeId,
                      Instant occurredAt, String error, String detail, String body, boolean onQueue) {
    }

    record Resolved(long failureId, String originQueue, String routeId, Instant occurredAt, String error,
                    String state, Instant resolvedAt, String resolvedBy) {
    }

    private final FailureRows failures;
    private final DeadLetterQueue queue;
    private final ActionLog actions;

    DeadLetters(FailureRows failures, DeadLetterQueue queue, ActionLog actions) {
        this.failures = failures;
        this.queue = queue;
        this.actions = actions;
    }

    @Transactional(readOnly = true)
    List<DeadLetter> list() {
        List<DeadLetterQueue.DeadMessage> messages = queue.browse();
        Map<Long, DeadLetterQueue.DeadMessage> byFailure = messages.stream()
                .filter(message -> message.failureId() != null)
                .collect(Collectors.toMap(DeadLetterQueue.DeadMessage::failureId, Function.identity(),
                        (first, second) -> first));
        List<DeadLetter> letters = new ArrayList<>();
        for (FailureRows.Failure failure : failures.dead()) {
            DeadLetterQueue.DeadMessage message = byFailure.get(failure.id());
            letters.add(new DeadLetter("failure-" + failure.id(), failure.id(),
                    message == null ? null : message.messageId(), failure.originQueue(), failure.routeId(),
                    failure.occurredAt(), failure.error(), failure.detail(), failure.body(), message != null));
        }
        for (DeadLetterQueue.DeadMessage message : messages) {
            if (message.failureId() == null) {
                letters.add(new DeadLetter("message-" + message.messageId(), null, message.messageId(),
                        message.originQueue(), null, null, null, null, message.body(), true));
            }
        }
        return letters;
    }

    @Transactional(readOnly = true)
    List<Resolved> recentlyResolved() {
        return failures.recentlyResolved(50).stream().map(failure -> new Resolved(failure.id(),
                failure.originQueue(), failure.routeId(), failure.occurredAt(), failure.error(), failure.state(),
                failure.resolvedAt(), failure.resolvedBy())).toList();
    }

    @Transactional
    Outcome retry(long failureId) {
        return resolve(failureId, true);
    }

    @Transactional
    Outcome discard(long failureId) {
        return resolve(failureId, false);
    }

    /** For a message the broker dead-lettered by itself (it has no failure row). */
    Outcome retryMessage(String messageId) {
        return resolveMessage(messageId, true);
    }

    Outcome discardMessage(String messageId) {
        return resolveMessage(messageId, false);
    }

    private Outcome resolve(long failureId, boolean retry) {
        String action = retry ? "dead-letter.retry" : "dead-letter.discard";
        String target = "failure-" + failureId;
        Optional<FailureRows.Failure> found = failures.lock(failureId);
        if (found.isEmpty()) {
            actions.record(action, target, "not-found", null);
            return Outcome.NOT_FOUND;
        }
        FailureRows.Failure failure = found.get();
        if (!failure.state().equals("dead")) {
            actions.record(action, target, "already-" + failure.state(), null);
            return Outcome.ALREADY_RESOLVED;
        }
        if (retry && failure.originQueue() == null) {
            throw new IllegalStateException("Failure " + failureId + " does not say which queue it came from");
        }
        boolean wasOnQueue = queue.moveFailure(failureId, retry ? failure.originQueue() : null, failure.body());
        failures.resolve(failureId, retry ? "retried" : "discarded", Actor.current());
        actions.record(action, target, "done", (retry ? "sent back to " + failure.originQueue() : "removed")
                + (wasOnQueue ? "" : " (the message had left the DLQ; the recorded body was used)"));
        return retry ? Outcome.RETRIED : Outcome.DISCARDED;
    }

    private Outcome resolveMessage(String messageId, boolean retry) {
        String action = retry ? "dead-letter.retry" : "dead-letter.discard";
        Optional<DeadLetterQueue.DeadMessage> moved = queue.moveMessage(messageId, retry);
        actions.record(action, "message-" + messageId, moved.isPresent() ? "done" : "not-found",
                moved.map(message -> retry ? "sent back to " + message.originQueue() : "removed").orElse(null));
        if (moved.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        return retry ? Outcome.RETRIED : Outcome.DISCARDED;
    }
}
