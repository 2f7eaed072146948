package org.relais.console.held;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relais.console.ActionLog;
import org.relais.console.Actor;
import org.relais.mail.GatheredAnswers;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Held answers page and its API: answers the loop guard held back from senders recognised as robots, by
 * recipient, with the signs that made it a robot; a coordinator sends a recipient's held answers in one summary.
 */
@Controller
class HeldAnswersController {

    /** What sending did: {@code SENT} (the summary goes at the next sweep) or {@code NOTHING_HELD}. */
    enum Outcome { SENT, NOTHING_HELD }

    private final GatheredAnswers answers;
    private final ActionLog actions;
    private final TransactionTemplate transaction;

    HeldAnswersController(GatheredAnswers answers, ActionLog actions, TransactionTemplate transaction) {
        this.answers = answers;
        this.actions = actions;
        this.transaction = transaction;
    }

    @GetMapping("/held-answers")
    String list(Model model) {
        model.addAttribute("recipients", answers.heldBack());
        model.addAttribute("actions", actions.recent("held-answers.", 20));
        return "held-answers";
    }

    @PostMapping("/held-answers/{recipient}/send")
    String send(@PathVariable String recipient, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", sendHeld(recipient).name());
        return "redirect:/held-answers";
    }

    @GetMapping("/api/held-answers")
    @ResponseBody
    List<GatheredAnswers.HeldBack> api() {
        return answers.heldBack();
    }

    @PostMapping("/api/held-answers/{recipient}/send")
    @ResponseBody
    Map<String, Object> sendApi(@PathVariable String recipient) {
        return Map.of("recipient", recipient, "outcome", sendHeld(recipient));
    }

    /** The answers made due and the action recorded in one transaction. */
    private Outcome sendHeld(String recipient) {
        String address = recipient.strip().toLowerCase(Locale.ROOT);
        return transaction.execute(status -> {
            int count = answers.send(address, Actor.current());
            actions.record("held-answers.send", "recipient-" + address, count > 0 ? "done" : "refused",
                    count > 0 ? count + " held answer(s) to go in one summary" : "nothing held back");
            return count > 0 ? Outcome.SENT : Outcome.NOTHING_HELD;
        });
    }
}
