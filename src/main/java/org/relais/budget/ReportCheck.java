package org.relais.budget;

import org.relais.HubProperties;
import org.relais.spreadsheet.UnreadableSpreadsheetException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.intake.DocumentMessage;
import org.relais.mail.MailTemplates;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The financial report after a seminar: read like a forecast, compared line by line with the seminar's approved
 * forecast (variances over the threshold flagged), and checked for supporting documents — every line with cash
 * spending needs one, sent with the report or in a later mail quoting its reference. The organiser is told what
 * is missing, and told again as documents arrive.
 */
@Component("reportCheck")
public class ReportCheck {

    static final String PURPOSE = "budget-report";

    private final BudgetSheetReader reader;
    private final BudgetValidator validator;
    private final BudgetContexts contexts;
    private final BudgetMessages findings;
    private final BudgetRepository budgets;
    private final BudgetLabels labels;
    private final ReceiptAttribution attribution;
    private final MailTemplates templates;
    private final Messages messages;
    private final OutgoingMailComposer composer;
    private final OutgoingMailLedger ledger;

    ReportCheck(BudgetSheetReader reader, BudgetValidator validator, BudgetContexts contexts, BudgetMessages findings,
                BudgetConfig config,
                BudgetRepository budgets, MailTemplates templates, Messages messages, OutgoingMailComposer composer,
                OutgoingMailLedger ledger, HubProperties hub) {
        this.reader = reader;
        this.validator = validator;
        this.contexts = contexts;
        this.findings = findings;
        this.budgets = budgets;
        this.labels = config.labels();
        this.attribution = ReceiptAttribution.load(hub.configDir().resolve("budget/report.yaml"), config.labels());
        this.templates = templates;
        this.messages = messages;
        this.composer = composer;
        this.ledger = ledger;
    }

    @Transactional
    public List<OutgoingTicket> check(DocumentMessage report) {
        BudgetRepository.DocumentFile file = budgets.file(report.partId());
        if (budgets.isChecked(report.documentId())) {
            return ledger.ticketsFor(file.mailId(), PURPOSE);
        }
        String language = report.language();
        Map<String, Object> variables = new HashMap<>();
        variables.put("fileName", OutgoingMailComposer.singleLine(report.fileName()));
        try {
            BudgetSheet sheet = reader.read(file.content(), report.fileName());
            ValidationResult result = validator.validate(sheet, contexts.of(report));
            long reportId = budgets.insert(report.documentId(), report.reference(), report.seminar(), report.kind(),
                    sheet.sheetName(), result.currency().orElse(null), result.accepted() ? "accepted" : "rejected",
                    null);
            sheet.rows().forEach(row -> row.amounts().forEach((column, amount) ->
                    budgets.insertAmount(reportId, row, column, amount)));
            result.findings().forEach(finding -> budgets.insertIssue(reportId, finding));
            variables.put("readable", true);
            variables.put("findings", result.findings().stream().map(f -> findings.render(f, language)).toList());
            Optional<BudgetRepository.Forecast> forecast = budgets.referenceForecast(report.seminar());
            forecast.ifPresent(f -> budgets.comparedWith(reportId, f.budgetId()));
            variables.put("forecastReference", forecast.map(BudgetRepository.Forecast::reference).orElse(null));
            variables.put("comparison", forecast.map(f -> comparison(sheet, f, language)).orElse(List.of()));
            variables.putAll(support(new BudgetRepository.Report(reportId, report.documentId(), report.mailId(),
                    report.reference(), report.seminar()), language));
        } catch (UnreadableSpreadsheetException e) {
            budgets.insert(report.documentId(), report.reference(), report.seminar(), report.kind(), null, null,
                    "unreadable", e.reason().name());
            variables.put("readable", false);
            variables.put("findings", List.of(findings.render(e.reason(), report.fileName(), language)));
        }
        return List.of(answer(report, file, language, variables));
    }

    /**
     * A supporting document: one sent with its report is dealt with by the report's check; one sent later, quoting
     * the report's reference, is attributed to a line and the organiser is told what is still missing.
     */
    @Transactional
    public List<OutgoingTicket> supporting(DocumentMessage document) {
        BudgetRepository.DocumentFile file = budgets.file(document.partId());
        if (budgets.mailHasReport(document.mailId())) {
            return List.of();
        }
        Optional<BudgetRepository.Report> report = Optional.ofNullable(budgets.quotedReferenceOf(document.mailId()))
                .flatMap(budgets::report);
        if (report.isEmpty()) {
            budgets.attribute(document.documentId(), null, attribution.lineOf(document.fileName()).orElse(null));
            return List.of();
        }
        List<OutgoingTicket> written = ledger.ticketsFor(file.mailId(), PURPOSE);
        if (!written.isEmpty()) {
            return written;
        }
        Map<String, Object> variables = new HashMap<>(support(report.get(), document.language()));
        variables.put("fileName", OutgoingMailComposer.singleLine(document.fileName()));
        variables.put("readable", true);
        variables.put("update", true);
        variables.put("findings", List.of());
        variables.put("comparison", List.of());
        variables.put("forecastReference", null);
        return List.of(answer(document, file, document.language(), variables));
    }

    private OutgoingTicket answer(DocumentMessage document, BudgetRepository.DocumentFile file, String language,
                                  Map<String, Object> variables) {
        variables.putIfAbsent("update", false);
        variables.put("subject", OutgoingMailComposer.singleLine(file.subject()));
        variables.put("tag", "[" + document.reference() + "]");
        MailTemplates.Rendered text = templates.render("budget-report", language, variables);
        return new OutgoingTicket(composer.store(new OutgoingMail(PURPOSE, file.mailId(), document.sender(), null,
                language, text, file.messageId(), null, List.of())));
    }

    /** Attributes the report's supporting documents to lines and lists the cash lines left without one. */
    private Map<String, Object> support(BudgetRepository.Report report, String language) {
        Map<BudgetLine, List<String>> byLine = new EnumMap<>(BudgetLine.class);
        List<String> unattributed = new ArrayList<>();
        for (BudgetRepository.Supporting document : budgets.supportingFor(report.mailId(), report.reference())) {
            Optional<BudgetLine> line = attribution.lineOf(document.fileName());
            budgets.attribute(document.documentId(), report.budgetId(), line.orElse(null));
            line.ifPresentOrElse(l -> byLine.computeIfAbsent(l, k -> new ArrayList<>()).add(document.fileName()),
                    () -> unattributed.add(OutgoingMailComposer.singleLine(document.fileName())));
        }
        List<String> supported = new ArrayList<>();
        byLine.forEach((line, names) -> supported.add(labels.label(line, language) + ": "
                + String.join(", ", names.stream().map(OutgoingMailComposer::singleLine).toList())));
        List<String> missing = new ArrayList<>();
        budgets.cashSpending(report.budgetId()).forEach((line, amount) -> {
            if (!byLine.containsKey(line)) {
                missing.add(labels.label(line, language) + " (" + Figures.amount(amount, language) + ")");
            }
        });
        return Map.of("supported", supported, "unattributed", unattributed, "missing", missing);
    }

    /** Each line and column where actual and forecast differ, the ones past the threshold marked. */
    private List<String> comparison(BudgetSheet sheet, BudgetRepository.Forecast forecast, String language) {
        List<String> lines = new ArrayList<>();
        for (BudgetRow row : sheet.rows()) {
            if (row.line() == BudgetLine.OTHER) {
                continue;
            }
            for (BudgetColumn column : BudgetColumn.values()) {
                BigDecimal actual = row.amount(column).flatMap(Amount::value).orElse(BigDecimal.ZERO);
                BigDecimal planned = forecast.amounts().getOrDefault(row.line(), Map.of())
                        .getOrDefault(column, BigDecimal.ZERO);
                if (actual.compareTo(planned) == 0) {
                    continue;
                }
                boolean flagged = planned.signum() == 0
                        || actual.subtract(planned).abs().divide(planned.abs(), 4, RoundingMode.HALF_UP)
                        .compareTo(attribution.varianceThreshold()) > 0;
                String variance = planned.signum() == 0 ? "+∞" : actual.subtract(planned).multiply(BigDecimal.valueOf(100))
                        .divide(planned, 0, RoundingMode.HALF_UP).toPlainString() + " %";
                lines.add((flagged ? "⚠ " : "") + labels.label(row.line(), language) + ", "
                        + messages.get(language, "budget.column." + column.name()) + " (" + row.amount(column)
                        .map(Amount::cell).orElse(row.labelCell()) + "): " + Figures.amount(planned, language)
                        + " → " + Figures.amount(actual, language) + " (" + variance + ")");
            }
        }
        return lines;
    }
}
