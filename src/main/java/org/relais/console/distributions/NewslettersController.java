package org.relais.console.distributions;

import java.util.List;
import java.util.Locale;
import org.relais.newsletter.NewsletterService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A newsletter's page: its issue as a reader of each language would get it now, and "send now" for coordinators
 * (the newsletter service writes the issue, once per minute whatever the clicks; its mails are then queued).
 */
@Controller
class NewslettersController {

    static final int ISSUES = 20;

    private final NewsletterService newsletters;
    private final LedgerRepository ledger;
    private final MailActions mailActions;

    NewslettersController(NewsletterService newsletters, LedgerRepository ledger, MailActions mailActions) {
        this.newsletters = newsletters;
        this.ledger = ledger;
        this.mailActions = mailActions;
    }

    @GetMapping("/newsletters/{name}")
    String preview(@PathVariable String name, @RequestParam(required = false) String language, Locale locale,
                   Model model) {
        List<String> languages = newsletters.languages();
        String shown = language != null ? language
                : languages.contains(locale.getLanguage()) ? locale.getLanguage() : languages.get(0);
        if (!languages.contains(shown)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "language must be one of " + languages);
        }
        model.addAttribute("schedule", newsletters.schedules().stream()
                .filter(schedule -> schedule.name().equals(name)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("preview", newsletters.preview(name, shown));
        model.addAttribute("previewLanguages", languages);
        return "newsletter";
    }

    @PostMapping("/newsletters/{name}/send")
    String sendNow(@PathVariable String name, RedirectAttributes redirect) {
        NewsletterService.Issue issue = newsletters.sendNow(name);
        mailActions.handOn("newsletter.send", "newsletter-issue-" + issue.issueId(), issue.tickets());
        redirect.addFlashAttribute("sentMails", issue.mails());
        redirect.addFlashAttribute("sentSkipped", issue.skipped());
        return "redirect:/distributions#newsletters";
    }

    @GetMapping("/api/newsletters/issues")
    @ResponseBody
    List<DistributionPages.Issue> issues() {
        return ledger.issues(ISSUES);
    }

    @ExceptionHandler(NewsletterService.UnknownScheduleException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    @ResponseBody
    String unknown(NewsletterService.UnknownScheduleException e) {
        return e.getMessage();
    }
}
