package org.relais.budget;

import java.util.List;
import java.util.Map;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.DocumentMessage;
import org.relais.intake.MailParts;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a request for the budget model with the model as .xlsx in the sender's language, in the currency of the
 * sender's country, with working totals. Once per request.
 */
@Component("budgetModelRequest")
public class BudgetModelRequest {

    static final String PURPOSE = "budget-model";
    private static final String SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BudgetTemplate template;
    private final DirectoryRepository directory;
    private final MailParts parts;
    private final MailTemplates templates;
    private final OutgoingMailComposer composer;
    private final OutgoingMailLedger ledger;
    private final Currencies currencies;

    BudgetModelRequest(BudgetTemplate template, DirectoryRepository directory, MailParts parts,
                       MailTemplates templates, OutgoingMailComposer composer, OutgoingMailLedger ledger,
                       BudgetConfig config) {
        this.template = template;
        this.directory = directory;
        this.parts = parts;
        this.templates = templates;
        this.composer = composer;
        this.ledger = ledger;
        this.currencies = config.currencies();
    }

    @Transactional
    public List<OutgoingTicket> answer(DocumentMessage request) {
        List<OutgoingTicket> written = ledger.ticketsFor(request.mailId(), PURPOSE);
        if (!written.isEmpty()) {
            return written;
        }
        String language = request.language();
        String currency = directory.contact(request.sender())
                .flatMap(contact -> directory.countryOf(contact.organisationCode()))
                .flatMap(currencies::ofCountry)
                .orElse("EUR");
        String seminarTitle = directory.seminars().stream().filter(s -> s.code().equals(request.seminar()))
                .map(s -> s.keywords().get(0)).findFirst().orElse("");
        byte[] model = template.generate(language, seminarTitle, currency);
        MailParts.Origin origin = parts.origin(request.mailId());
        MailTemplates.Rendered text = templates.render("budget-model", language, Map.of(
                "subject", OutgoingMailComposer.singleLine(origin.subject()),
                "tag", "[" + request.reference() + "]",
                "currency", currency));
        String fileName = switch (language) {
            case "ro" -> "model_buget_previzional.xlsx";
            case "bg" -> "образец_прогнозен_бюджет.xlsx";
            case "ru" -> "модель_прогнозного_бюджета.xlsx";
            default -> "modele_budget_previsionnel.xlsx";
        };
        long id = composer.store(new OutgoingMail(PURPOSE, request.mailId(), request.sender(), null, language, text,
                origin.messageId(), null, List.of(new OutgoingMail.Attachment(fileName, SPREADSHEET, model))));
        return List.of(new OutgoingTicket(id));
    }
}
