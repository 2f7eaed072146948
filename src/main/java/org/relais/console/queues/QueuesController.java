package org.relais.console.queues;

import java.util.ArrayList;
import java.util.List;
import org.relais.console.ActionLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Queues page: depth and consumers of every queue, the dead letters with their errors, retry and discard. */
@Controller
class QueuesController {

    private final BrokerQueues queues;
    private final DeadLetters deadLetters;
    private final ActionLog actions;

    QueuesController(BrokerQueues queues, DeadLetters deadLetters, ActionLog actions) {
        this.queues = queues;
        this.deadLetters = deadLetters;
        this.actions = actions;
    }

    @GetMapping("/queues")
    String queues(Model model) {
        model.addAttribute("queues", queues.queues());
        model.addAttribute("deadLetters", deadLetters.list());
        model.addAttribute("resolved", deadLetters.recentlyResolved());
        model.addAttribute("actions", actions.recent("dead-letter.", 30));
        return "queues";
    }

    @PostMapping("/queues/dead-letters/{failureId}/retry")
    String retry(@PathVariable long failureId, RedirectAttributes redirect) {
        return done(redirect, List.of(deadLetters.retry(failureId)));
    }

    @PostMapping("/queues/dead-letters/{failureId}/discard")
    String discard(@PathVariable long failureId, RedirectAttributes redirect) {
        return done(redirect, List.of(deadLetters.discard(failureId)));
    }

    @PostMapping("/queues/dead-letters/message/retry")
    String retryMessage(@RequestParam String messageId, RedirectAttributes redirect) {
        return done(redirect, List.of(deadLetters.retryMessage(messageId)));
    }

    @PostMapping("/queues/dead-letters/message/discard")
    String discardMessage(@RequestParam String messageId, RedirectAttributes redirect) {
        return done(redirect, List.of(deadLetters.discardMessage(messageId)));
    }

    /** The checked dead letters, all retried or all discarded; any other action is refused, never taken as discard. */
    @PostMapping("/queues/dead-letters/bulk")
    String bulk(@RequestParam String action, @RequestParam(name = "failureId", required = false) List<Long> ids,
                RedirectAttributes redirect) {
        if (!isBulkAction(action)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown action");
        }
        List<DeadLetters.Outcome> outcomes = new ArrayList<>();
        for (long id : ids == null ? List.<Long>of() : ids) {
            outcomes.add(action.equals("retry") ? deadLetters.retry(id) : deadLetters.discard(id));
        }
        return done(redirect, outcomes);
    }

    static boolean isBulkAction(String action) {
        return "retry".equals(action) || "discard".equals(action);
    }

    private static String done(RedirectAttributes redirect, List<DeadLetters.Outcome> outcomes) {
        redirect.addFlashAttribute("outcomes", outcomes.stream().map(Enum::name).toList());
        return "redirect:/queues";
    }
}
