package org.relais.console.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.relais.HubProperties;
import org.relais.console.ActionLog;
import org.relais.console.Actor;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.relais.distribution.DocumentWords;
import org.relais.intake.ConsoleUploads;
import org.relais.intake.DocumentKind;
import org.relais.minutes.OutreachScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outreach from the console: a coordinator gives the hub a synthesis, conclusions or a press release with its kind
 * and seminar chosen (it then goes the way of a mail: intake, translation, distribution), and corrects the kind or
 * the seminar of outreach still being translated. Both are recorded in console_action.
 */
@Controller
class OutreachController {

    /** The kinds the form offers, by intake's names (console.kind.*). */
    static final List<String> UPLOAD_KINDS = Arrays.stream(DocumentKind.values()).filter(DocumentKind::outreach)
            .map(DocumentKind::code).toList();

    private final ConsoleUploads uploads;
    private final OutreachScope scope;
    private final DirectoryRepository directory;
    private final DocumentWords words;
    private final ActionLog actions;
    private final String coordinatorAddress;

    OutreachController(ConsoleUploads uploads, OutreachScope scope, DirectoryRepository directory,
                       DocumentWords words, ActionLog actions, HubProperties hub) {
        this.uploads = uploads;
        this.scope = scope;
        this.directory = directory;
        this.words = words;
        this.actions = actions;
        this.coordinatorAddress = hub.coordinatorAddress();
    }

    @GetMapping("/documents/upload")
    String form(Model model) {
        model.addAttribute("kinds", UPLOAD_KINDS);
        model.addAttribute("seminars", directory.seminars());
        return "document-upload";
    }

    @PostMapping("/documents/upload")
    String upload(@RequestParam String kind, @RequestParam(defaultValue = "") String seminar,
                  @RequestParam(defaultValue = "") String note,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  RedirectAttributes redirect) {
        DocumentKind chosen = outreachKind(kind);
        String seminarCode = seminarCode(seminar);
        List<ConsoleUploads.File> given = files == null ? List.of() : files.stream()
                .filter(file -> !file.isEmpty())
                .map(file -> new ConsoleUploads.File(file.getOriginalFilename(), file.getContentType(), bytes(file)))
                .toList();
        if (given.isEmpty()) {
            redirect.addFlashAttribute("noFile", true);
            return "redirect:/documents/upload";
        }
        // the mail that carries the files is the coordinators': its subject in their language, as they would write it
        String language = directory.contact(coordinatorAddress).map(Contact::language).orElse("fr");
        String subject = words.kind(language, chosen.distributedAs()) + " — " + words.seminar(language, seminarCode);
        long mailId = uploads.submit(new ConsoleUploads.Upload(chosen, seminarCode, subject, note, given,
                Actor.current()));
        actions.record("document.upload", "mail-" + mailId, "done", subject + ": "
                + given.stream().map(ConsoleUploads.File::name).collect(Collectors.joining(", ")));
        redirect.addFlashAttribute("uploaded", true);
        return "redirect:/documents";
    }

    @PostMapping("/documents/{reference}/outreach")
    String change(@PathVariable String reference, @RequestParam String kind,
                  @RequestParam(defaultValue = "") String seminar, RedirectAttributes redirect) {
        DocumentKind chosen = outreachKind(kind);
        String seminarCode = seminarCode(seminar);
        OutreachScope.Outcome outcome = scope.change(reference, chosen, seminarCode);
        if (outcome == OutreachScope.Outcome.NOT_OUTREACH) {
            throw DocumentsController.notFound(reference);
        }
        actions.record("outreach.change", reference, outcome == OutreachScope.Outcome.CHANGED ? "done" : "refused",
                kind + " " + (seminarCode == null ? "programme" : seminarCode));
        redirect.addFlashAttribute("outreachOutcome", outcome == OutreachScope.Outcome.CHANGED ? "changed" : "tooLate");
        return "redirect:/documents/" + reference;
    }

    private static DocumentKind outreachKind(String kind) {
        if (!UPLOAD_KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not an outreach kind: " + kind);
        }
        return DocumentKind.of(kind);
    }

    /** "" is the whole programme; anything else must be a seminar of the programme. */
    private String seminarCode(String seminar) {
        if (seminar.isBlank()) {
            return null;
        }
        return directory.seminars().stream().map(Seminar::code).filter(seminar::equals).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No seminar " + seminar));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
