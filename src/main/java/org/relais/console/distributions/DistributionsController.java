package org.relais.console.distributions;

import java.util.List;
import org.relais.distribution.DistributionService;
import org.relais.mail.OutgoingTicket;
import org.relais.newsletter.NewsletterService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Distributions page: each distribution with its progress, which refreshes by itself (distributions.js polls the
 * progress API), its recipients and their state; coordinators send again what failed. The newsletters are on the
 * same page (NewslettersController previews and sends them).
 */
@Controller
class DistributionsController {

    static final int LIMIT = 50;

    private final LedgerRepository ledger;
    private final DistributionService distributions;
    private final NewsletterService newsletters;
    private final MailActions mailActions;

    DistributionsController(LedgerRepository ledger, DistributionService distributions,
                            NewsletterService newsletters, MailActions mailActions) {
        this.ledger = ledger;
        this.distributions = distributions;
        this.newsletters = newsletters;
        this.mailActions = mailActions;
    }

    @GetMapping("/distributions")
    String list(Model model) {
        model.addAttribute("distributions", ledger.distributions(LIMIT));
        model.addAttribute("schedules", newsletters.schedules());
        model.addAttribute("previewLanguages", newsletters.languages());
        model.addAttribute("issues", ledger.issues(NewslettersController.ISSUES));
        model.addAttribute("actions", ledger.actions(20));
        return "distributions";
    }

    @GetMapping("/distributions/{id}")
    String distribution(@PathVariable long id, Model model) {
        model.addAttribute("distribution", find(id));
        model.addAttribute("recipients", ledger.recipients(id));
        model.addAttribute("actions", ledger.actionsOn(id));
        return "distribution";
    }

    /** The mails refused for good or bounced, sent again; delivered ones never are. */
    @PostMapping("/distributions/{id}/resend-failed")
    String resendFailed(@PathVariable long id, RedirectAttributes redirect) {
        find(id);
        List<OutgoingTicket> reopened = distributions.resendFailed(id);
        mailActions.handOn("distribution.resend-failed", "distribution-" + id, reopened);
        redirect.addFlashAttribute("resent", reopened.size());
        return "redirect:/distributions/" + id;
    }

    @GetMapping("/api/distributions/progress")
    @ResponseBody
    List<DistributionPages.Progress> progress() {
        return ledger.distributions(LIMIT).stream().map(DistributionPages.Distribution::progress).toList();
    }

    @GetMapping("/api/distributions/{id}/progress")
    @ResponseBody
    DistributionPages.Live progress(@PathVariable long id) {
        return new DistributionPages.Live(find(id).progress(), ledger.recipients(id));
    }

    private DistributionPages.Distribution find(long id) {
        return ledger.distribution(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
