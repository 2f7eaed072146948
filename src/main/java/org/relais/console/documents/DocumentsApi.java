package org.relais.console.documents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents as JSON (README, "Console API"). A reference is one mail; its first document gives the top-level type,
 * state, language, translations and validation issues, and {@code documents} lists every document of the mail.
 */
@RestController
class DocumentsApi {

    record DocumentJson(long id, String type, String fileName, String seminar, String sender, String language,
                        String state, String flow, Instant receivedAt, Map<String, List<DocumentVersion>> translations,
                        List<DocumentPages.Issue> validationIssues) {
    }

    record ReferenceJson(String reference, String type, String seminar, String sender, String subject,
                         String state, String language, String mailState, Instant receivedAt,
                         Map<String, List<DocumentVersion>> translations, List<DocumentPages.Issue> validationIssues,
                         List<DocumentJson> documents, List<Deliveries.Delivery> deliveries,
                         List<DocumentPages.BudgetVersion> budgetVersions, List<TrailStep> trail) {
    }

    private final DocumentRepository documents;
    private final DocumentPages pages;

    DocumentsApi(DocumentRepository documents, DocumentPages pages) {
        this.documents = documents;
        this.pages = pages;
    }

    @GetMapping("/api/documents")
    List<DocumentRepository.DocumentRow> list(@ModelAttribute DocumentRepository.Filter filter) {
        return documents.list(filter, DocumentsController.LIST_LIMIT);
    }

    @GetMapping("/api/documents/{reference}")
    ReferenceJson reference(@PathVariable String reference) {
        DocumentPages.ReferenceView view = pages.reference(reference)
                .orElseThrow(() -> DocumentsController.notFound(reference));
        List<DocumentJson> documentsJson = view.documents().stream().map(row -> new DocumentJson(row.id(),
                row.kind(), row.fileName(), row.seminar(), row.sender(), row.language(), row.state(), row.flow(),
                row.createdAt(), byLanguage(view.versions(), row.id()),
                view.issues().stream().filter(issue -> issue.documentId() == row.id()).toList())).toList();
        DocumentJson first = documentsJson.isEmpty() ? null : documentsJson.get(0);
        var mail = view.mail();
        return new ReferenceJson(reference, first == null ? null : first.type(), mail.seminar(), mail.sender(),
                mail.subject(), first == null ? mail.state() : first.state(),
                first == null ? mail.language() : first.language(), mail.state(), mail.fetchedAt(),
                first == null ? Map.of() : first.translations(),
                first == null ? List.of() : first.validationIssues(), documentsJson, view.deliveries(),
                view.budgetVersions(), view.trail());
    }

    private static Map<String, List<DocumentVersion>> byLanguage(List<DocumentVersion> versions, long documentId) {
        return versions.stream().filter(version -> version.documentId() == documentId)
                .collect(Collectors.groupingBy(DocumentVersion::language, LinkedHashMap::new, Collectors.toList()));
    }
}
