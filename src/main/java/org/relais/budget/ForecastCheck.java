package org.relais.budget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.event.PipelineEvent;
import org.relais.intake.DocumentMessage;
import org.relais.mail.MailTemplates;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a forecast budget taken in by intake and writes the organiser's answer: accepted with the figures as Relais
 * read them, or each problem with its cell and an annotated copy of the partner's own file; the follow-up group hears
 * of the verdict. Once per document: a redelivered message finds the budget recorded and yields the answer already
 * written, and the same events.
 */
@Component("forecastCheck")
public class ForecastCheck {

    static final String PURPOSE = "budget-verdict";

    private final BudgetSheetReader reader;
    private final BudgetValidator validator;
    private final BudgetContexts contexts;
    private final BudgetMessages findings;
    private final BudgetAnnotator annotator;
    private final BudgetRepository budgets;
    private final MailTemplates templates;
    private final Messages messages;
    private final OutgoingMailComposer composer;
    private final OutgoingMailLedger ledger;
    private final BudgetReview review;

    ForecastCheck(BudgetSheetReader reader, BudgetValidator validator, BudgetContexts contexts, BudgetMessages findings,
                  BudgetAnnotator annotator, BudgetRepository budgets, MailTemplates templates, Messages messages,
                  OutgoingMailComposer composer, OutgoingMailLedger ledger, BudgetReview review) {
        this.reader = reader;
        this.validator = validator;
        this.contexts = contexts;
        this.findings = findings;
        this.annotator = annotator;
        this.budgets = budgets;
        this.templates = templates;
        this.messages = messages;
        this.composer = composer;
        this.ledger = ledger;
        this.review = review;
    }

    @Transactional
    public CheckedForecast check(DocumentMessage document) {
        BudgetRepository.DocumentFile file = budgets.file(document.partId());
        if (budgets.isChecked(document.documentId())) {
            // a redelivery: the verdict and review requests were written; the sender skips what went out
            return new CheckedForecast(ledger.ticketsFor(file.mailId()),
                    events(document, budgets.verdict(document.documentId())));
        }
        String language = document.language();
        Map<String, Object> variables = new HashMap<>();
        variables.put("subject", OutgoingMailComposer.singleLine(file.subject()));
        variables.put("tag", "[" + document.reference() + "]");
        variables.put("fileName", OutgoingMailComposer.singleLine(document.fileName()));
        List<OutgoingMail.Attachment> attachments = new ArrayList<>();
        List<OutgoingTicket> reviewRequests = new ArrayList<>();
        BudgetRepository.Verdict verdict;
        try {
            BudgetSheet sheet = reader.read(file.content(), document.fileName());
            ValidationResult result = validator.validate(sheet, contexts.of(document));
            long budgetId = budgets.insert(document.documentId(), document.reference(), document.seminar(),
                    document.kind(), sheet.sheetName(), result.currency().orElse(null),
                    result.accepted() ? "accepted" : "rejected", null);
            sheet.rows().forEach(row -> row.amounts().forEach((column, amount) ->
                    budgets.insertAmount(budgetId, row, column, amount)));
            result.findings().forEach(finding -> budgets.insertIssue(budgetId, finding));
            verdict = new BudgetRepository.Verdict(result.accepted() ? "accepted" : "rejected",
                    (int) result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count());
            variables.put("verdict", verdict.verdict());
            variables.put("figures", Figures.lines(sheet, language, messages));
            variables.put("currency", result.currency().orElse("?"));
            variables.put("findings", result.findings().stream().map(f -> findings.render(f, language)).toList());
            if (result.accepted()) {
                reviewRequests.addAll(review.request(budgetId, document, Figures.lines(sheet, language, messages), file.content()));
            }
            if (result.findings().stream().anyMatch(f -> f.severity() != Severity.NOTE)) {
                AnnotatedCopy copy = annotator.annotate(file.content(), document.fileName(), result.findings(),
                        language);
                attachments.add(new OutgoingMail.Attachment(copy.fileName(), copy.mediaType(), copy.bytes()));
            }
        } catch (UnreadableSpreadsheetException e) {
            budgets.insert(document.documentId(), document.reference(), document.seminar(), document.kind(), null,
                    null, "unreadable", e.reason().name());
            verdict = new BudgetRepository.Verdict("unreadable", 0);
            variables.put("verdict", verdict.verdict());
            variables.put("figures", List.of());
            variables.put("findings", List.of(findings.render(e.reason(), document.fileName(), language)));
        }
        MailTemplates.Rendered text = templates.render("budget-verdict", language, variables);
        long id = composer.store(new OutgoingMail(PURPOSE, file.mailId(), document.sender(), null, language, text,
                file.messageId(), null, attachments));
        List<OutgoingTicket> tickets = new ArrayList<>(List.of(new OutgoingTicket(id)));
        tickets.addAll(reviewRequests);
        return new CheckedForecast(tickets, events(document, verdict));
    }

    /**
     * The follow-up group hears of every forecast checked, in one event: its verdict (an accepted one goes to their
     * review, whose request each member gets in a mail of its own).
     */
    private static List<PipelineEvent> events(DocumentMessage document, BudgetRepository.Verdict verdict) {
        return List.of(new PipelineEvent("budget-verdict", document.reference(), document.seminar(), Map.of(
                "kind", document.kind(), "verdict", verdict.verdict(),
                "fileName", document.fileName() == null ? "" : document.fileName(),
                "errors", String.valueOf(verdict.errors()))));
    }
}
