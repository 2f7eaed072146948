package org.relais.console.queues;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The queues and dead letters as JSON (README, "Console API"). */
@RestController
class QueuesApi {

    record BulkRequest(String action, List<Long> failureIds) {
    }

    private final BrokerQueues queues;
    private final DeadLetters deadLetters;

    QueuesApi(BrokerQueues queues, DeadLetters deadLetters) {
        this.queues = queues;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/queues")
    List<BrokerQueues.QueueFigures> queues() {
        return queues.queues();
    }

    @GetMapping("/api/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @PostMapping("/api/dead-letters/{failureId}/retry")
    Map<String, Object> retry(@PathVariable long failureId) {
        return Map.of("failureId", failureId, "outcome", deadLetters.retry(failureId));
    }

    @PostMapping("/api/dead-letters/{failureId}/discard")
    Map<String, Object> discard(@PathVariable long failureId) {
        return Map.of("failureId", failureId, "outcome", deadLetters.discard(failureId));
    }

    /** All retried or all discarded; any other action is refused, so that a typo never discards. */
    @PostMapping("/api/dead-letters/bulk")
    ResponseEntity<Map<Long, DeadLetters.Outcome>> bulk(@RequestBody BulkRequest request) {
        if (!QueuesController.isBulkAction(request.action()) || request.failureIds() == null) {
            return ResponseEntity.badRequest().build();
        }
        Map<Long, DeadLetters.Outcome> outcomes = new java.util.LinkedHashMap<>();
        for (long id : request.failureIds()) {
            outcomes.put(id, "retry".equals(request.action()) ? deadLetters.retry(id) : deadLetters.discard(id));
        }
        return ResponseEntity.ok(outcomes);
    }
}
