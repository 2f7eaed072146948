package org.relais.console.quarantine;

import java.util.List;
import java.util.Map;
import org.relais.console.ActionLog;
import org.relais.console.MailText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Quarantine page and its API: mails from unknown or unauthenticated senders, with the reason, to release (adding
 * the sender if unknown) or discard.
 */
@Controller
class QuarantineController {

    static final List<String> LANGUAGES = List.of("fr", "ro", "bg", "ru");
    static final List<String> ROLES = List.of("partner", "organiser", "follow-up", "translator", "funder", "ngo",
            "network", "embassy", "ministry", "press", "coordinator");

    record QuarantineJson(long id, String sender, String subject, java.time.Instant fetchedAt, int sizeBytes,
                          String reason, String reasonDetail) {
    }

    private final QuarantineRepository mails;
    private final QuarantineRelease release;
    private final ActionLog actions;

    QuarantineController(QuarantineRepository mails, QuarantineRelease release, ActionLog actions) {
        this.mails = mails;
        this.release = release;
        this.actions = actions;
    }

    @GetMapping("/quarantine")
    String list(Model model) {
        model.addAttribute("mails", mails.quarantined());
        model.addAttribute("actions", actions.recent("quarantine.", 20));
        return "quarantine";
    }

    @GetMapping("/quarantine/{mailId}")
    String mail(@PathVariable long mailId, Model model) {
        var mail = mails.find(mailId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("mail", mail);
        model.addAttribute("text", MailText.of(mail.raw()));
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("roles", ROLES);
        model.addAttribute("organisations", mails.organisations());
        return "quarantine-mail";
    }

    @PostMapping("/quarantine/{mailId}/release")
    String release(@PathVariable long mailId, @RequestParam String name, @RequestParam String language,
                   @RequestParam(required = false) String organisation,
                   @RequestParam(name = "role", required = false) List<String> roles, RedirectAttributes redirect) {
        checkLanguage(language);
        redirect.addFlashAttribute("outcome", release.release(mailId,
                new QuarantineRelease.NewContact(name, language, organisation, roles)).name());
        return "redirect:/quarantine";
    }

    @PostMapping("/quarantine/{mailId}/discard")
    String discard(@PathVariable long mailId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", release.discard(mailId).name());
        return "redirect:/quarantine";
    }

    @GetMapping("/api/quarantine")
    @ResponseBody
    List<QuarantineJson> api() {
        return mails.quarantined().stream().map(mail -> new QuarantineJson(mail.id(), mail.sender(), mail.subject(),
                mail.fetchedAt(), mail.sizeBytes(), mail.reason().kind(), mail.reason().detail())).toList();
    }

    @PostMapping("/api/quarantine/{mailId}/release")
    @ResponseBody
    Map<String, Object> releaseApi(@PathVariable long mailId, @RequestBody QuarantineRelease.NewContact contact) {
        checkLanguage(contact.language());
        return Map.of("mailId", mailId, "outcome", release.release(mailId, contact));
    }

    @PostMapping("/api/quarantine/{mailId}/discard")
    @ResponseBody
    Map<String, Object> discardApi(@PathVariable long mailId) {
        return Map.of("mailId", mailId, "outcome", release.discard(mailId));
    }

    private static void checkLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "language must be one of " + LANGUAGES);
        }
    }
}
