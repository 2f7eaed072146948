package org.relais.console.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.relais.console.ActionLog;
import org.relais.decision.PendingDecisions;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.DocumentKind;
import org.relais.minutes.OutreachScope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Documents pages: the list with filters and search, and one reference's page with its whole trail. Files are
 * always downloaded as attachments, never shown inline: what partners send is not trusted.
 */
@Controller
class DocumentsController {

    static final int LIST_LIMIT = 200;
    static final List<String> KINDS = List.of("budget_forecast", "financial_report", "supporting_document",
            "minutes", "attendance", "synthesis", "conclusions", "press_release", "template_request",
            "delivery_report");
    static final List<String> STATES = List.of("queued", "accepted", "rejected", "unreadable", "in-review",
            "approved", "objected", "superseded", "failed");

    private final DocumentRepository documents;
    private final DocumentPages pages;
    private final DirectoryRepository directory;
    private final OutreachScope outreach;
    private final PendingDecisions decisions;
    private final ActionLog actions;

    DocumentsController(DocumentRepository documents, DocumentPages pages, DirectoryRepository directory,
                        OutreachScope outreach, PendingDecisions decisions, ActionLog actions) {
        this.documents = documents;
        this.pages = pages;
        this.directory = directory;
        this.outreach = outreach;
        this.decisions = decisions;
        this.actions = actions;
    }

    @GetMapping("/documents")
    String list(@ModelAttribute("filter") DocumentRepository.Filter filter, Model model) {
        model.addAttribute("documents", documents.list(filter, LIST_LIMIT));
        model.addAttribute("limit", LIST_LIMIT);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("states", STATES);
        model.addAttribute("documentLanguages", List.of("fr", "ro", "bg", "ru"));
        model.addAttribute("seminars", directory.seminars());
        return "documents";
    }

    @GetMapping("/documents/{reference}")
    String reference(@PathVariable String reference, Model model) {
        model.addAttribute("view", pages.reference(reference).orElseThrow(() -> notFound(reference)));
        // outreach being translated may still change kind or seminar (OutreachController)
        outreach.find(reference).ifPresent(found -> {
            model.addAttribute("outreach", found);
            model.addAttribute("outreachKind", DocumentKind.ofDistributed(found.kind()).map(DocumentKind::code)
                    .orElseThrow());
            model.addAttribute("outreachKinds", OutreachController.UPLOAD_KINDS);
            model.addAttribute("seminars", directory.seminars());
        });
        // what awaits a coordinator's decision here, with its buttons (org.relais.decision.DecisionsController)
        model.addAttribute("decisions", decisions.of(reference));
        model.addAttribute("decisionsTaken", actions.about(reference).stream()
                .filter(action -> action.action().startsWith("decision.")).toList());
        return "document";
    }

    @GetMapping("/documents/{reference}/original.eml")
    ResponseEntity<byte[]> originalMail(@PathVariable String reference) {
        return attachment(documents.originalMail(reference).orElseThrow(() -> notFound(reference)));
    }

    @GetMapping("/documents/{reference}/parts/{partId}")
    ResponseEntity<byte[]> part(@PathVariable String reference, @PathVariable long partId) {
        return attachment(documents.part(reference, partId).orElseThrow(() -> notFound(reference)));
    }

    @GetMapping("/documents/{reference}/outgoing/{outgoingId}.eml")
    ResponseEntity<byte[]> outgoing(@PathVariable String reference, @PathVariable long outgoingId) {
        return attachment(documents.outgoingMail(reference, outgoingId).orElseThrow(() -> notFound(reference)));
    }

    static ResponseEntity<byte[]> attachment(DocumentRepository.Download download) {
        String name = download.fileName() == null || download.fileName().isBlank() ? "document" : download.fileName();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(download.content());
    }

    static ResponseStatusException notFound(String reference) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No reference " + reference);
    }
}
