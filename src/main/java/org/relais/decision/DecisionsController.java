package org.relais.decision;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.relais.broker.RouteHandOff;
import org.relais.console.ActionLog;
import org.relais.console.Actor;
import org.relais.minutes.Dispatch;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The decisions' buttons on a reference's page in the console (coordinators only, as every POST): each applied as a
 * reply would apply it ({@link CoordinatorDecisions}), recorded in {@code console_action} on the reference with who
 * and the outcome (done, or refused and why), and what it hands on sent once committed.
 */
@Controller
class DecisionsController {

    private final CoordinatorDecisions decisions;
    private final ActionLog actions;
    private final TransactionTemplate transaction;
    private final RouteHandOff handOff;
    private final MessageSource labels;

    DecisionsController(CoordinatorDecisions decisions, ActionLog actions, TransactionTemplate transaction,
                        RouteHandOff handOff, MessageSource labels) {
        this.decisions = decisions;
        this.actions = actions;
        this.transaction = transaction;
        this.handOff = handOff;
        this.labels = labels;
    }

    @PostMapping("/documents/{reference}/decisions/budget/{budgetId}")
    String settleBudget(@PathVariable String reference, @PathVariable long budgetId, @RequestParam boolean approve,
                        @RequestParam(required = false) String comment, Locale locale,
                        RedirectAttributes redirect) {
        return decide(reference, "decision.budget", (approve ? "approved" : "rejected")
                        + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()),
                () -> decisions.settleBudget(reference, budgetId, approve, comment, Actor.current(), null),
                locale, redirect);
    }

    @PostMapping("/documents/{reference}/decisions/language/{documentId}")
    String setLanguage(@PathVariable String reference, @PathVariable long documentId, @RequestParam String language,
                       Locale locale, RedirectAttributes redirect) {
        return decide(reference, "decision.language", "document " + documentId + ": " + language,
                () -> decisions.setLanguage(reference, documentId, language, Actor.current()), locale, redirect);
    }

    @PostMapping("/documents/{reference}/decisions/circulate")
    String circulate(@PathVariable String reference, Locale locale, RedirectAttributes redirect) {
        return decide(reference, "decision.circulate", "with the versions there are",
                () -> decisions.circulate(reference, Actor.current()), locale, redirect);
    }

    @PostMapping("/documents/{reference}/decisions/extend")
    String extend(@PathVariable String reference, @RequestParam int days, Locale locale,
                  RedirectAttributes redirect) {
        return decide(reference, "decision.extend", days + " days", () -> {
            decisions.extend(reference, days);
            return Dispatch.none();
        }, locale, redirect);
    }

    @PostMapping("/documents/{reference}/decisions/category/{participantId}")
    String correctCategory(@PathVariable String reference, @PathVariable long participantId,
                           @RequestParam String category, Locale locale, RedirectAttributes redirect) {
        return decide(reference, "decision.category", "participant " + participantId + ": " + category,
                () -> decisions.correctCategory(reference, participantId, category, Actor.current()), locale,
                redirect);
    }

    @PostMapping("/documents/{reference}/decisions/translation/{jobId}")
    String giveTranslation(@PathVariable String reference, @PathVariable long jobId, @RequestParam String translator,
                           Locale locale, RedirectAttributes redirect) {
        return decide(reference, "decision.translator", "job " + jobId + ": " + translator,
                () -> decisions.giveTranslation(reference, jobId, translator), locale, redirect);
    }

    private String decide(String reference, String action, String detail, Supplier<Dispatch> decision, Locale locale,
                          RedirectAttributes redirect) {
        try {
            transaction.executeWithoutResult(status -> {
                Dispatch dispatch = decision.get();
                actions.record(action, reference, "done", detail);
                handOff.afterCommit(dispatch);
            });
            redirect.addFlashAttribute("decided", action);
        } catch (DecisionRefused refused) {
            actions.record(action, reference, "refused", detail + " (" + refused.code() + ")");
            redirect.addFlashAttribute("refused", labels.getMessage("console.decision.refused." + refused.code(),
                    refused.arguments(), locale));
        }
        return "redirect:/documents/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8);
    }
}
