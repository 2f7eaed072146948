package org.relais.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relais.budget.BudgetColumn;
import org.relais.budget.BudgetConfig;
import org.relais.budget.BudgetLabels;
import org.relais.budget.BudgetLine;
import org.relais.budget.Figures;
import org.relais.mail.LongDates;
import org.relais.mail.Messages;
import org.relais.minutes.LanguageNames;
import org.springframework.stereotype.Component;

/**
 * The dossier's summary as a PDF in the reader's language: the seminar's days; forecast against financial report line
 * by line, cash and in kind; co-financing by source; supporting documents per line and what is missing; the
 * follow-up group's decisions; attendance by category and country; minutes per language; the distribution ledger;
 * and the original files the ZIP holds beside it. Texts: {@code config/i18n/dossier_<language>.properties}.
 */
@Component
class DossierPdf {

    private static final List<BudgetLine> EXPENSE_LINES = BudgetLine.MODEL.stream().filter(BudgetLine::isSummed).toList();
    private static final float[] BUDGET_WIDTHS = {0.22f, 0.156f, 0.156f, 0.156f, 0.156f, 0.156f};
    private static final boolean[] BUDGET_NUMERIC = {false, true, true, true, true, true};

    private final Messages messages;
    private final BudgetLabels labels;
    private final LanguageNames languages;

    DossierPdf(Messages messages, BudgetConfig budget, LanguageNames languages) {
        this.messages = messages;
        this.labels = budget.labels();
        this.languages = languages;
    }

    /** @param originals each original file cited, by its path in the ZIP */
    byte[] render(Dossier dossier, String language, Map<Dossier.Original, String> originals) {
        Texts texts = new Texts(language);
        String seminar = messages.get(language, "seminar.named", dossier.seminar().number(), dossier.seminar().place());
        try (PdfPages pdf = new PdfPages(texts.get("dossier.title", seminar), language,
                texts.get("dossier.footer", seminar))) {
            pdf.title(texts.get("dossier.title", seminar));
            days(pdf, texts, dossier);
            budget(pdf, texts, dossier);
            cofinancing(pdf, texts, dossier);
            receipts(pdf, texts, dossier, originals);
            review(pdf, texts, dossier);
            attendance(pdf, texts, dossier);
            minutes(pdf, texts, dossier, originals);
            distribution(pdf, texts, dossier);
            pdf.heading(texts.get("dossier.section.originals"));
            pdf.paragraph(texts.get("dossier.originalsIntro"));
            originals.values().forEach(pdf::bullet);
            return pdf.bytes();
        }
    }

    private void days(PdfPages pdf, Texts texts, Dossier dossier) {
        Dossier.Seminar seminar = dossier.seminar();
        pdf.paragraph(texts.get("dossier.organiser", seminar.organiser()));
        pdf.paragraph(texts.get("dossier.planned", texts.day(seminar.plannedOn())));
        if (seminar.heldOn() == null) {
            pdf.paragraph(texts.get("dossier.heldUnknown"));
        } else if (seminar.heldBy() == null) {
            pdf.paragraph(texts.get("dossier.heldFromSheet", texts.day(seminar.heldOn())));
        } else {
            pdf.paragraph(texts.get("dossier.held", texts.day(seminar.heldOn()), seminar.heldBy()));
        }
        pdf.paragraph(texts.get("dossier.built", texts.day(dossier.builtAt())));
    }

    private void budget(PdfPages pdf, Texts texts, Dossier dossier) {
        pdf.heading(texts.get("dossier.section.budget"));
        Dossier.Budget forecast = dossier.forecast();
        Dossier.Budget report = dossier.report();
        pdf.paragraph(forecast == null ? texts.get("dossier.forecastNone") : texts.get("dossier.forecast",
                forecast.reference(), forecast.version(), texts.day(forecast.checkedAt())));
        pdf.paragraph(report == null ? texts.get("dossier.reportNone") : texts.get("dossier.report",
                report.reference(), report.version(), texts.day(report.checkedAt())));
        if (forecast == null && report == null) {
            return;
        }
        Dossier.Budget any = report != null ? report : forecast;
        if (any.currency() != null) {
            pdf.paragraph(texts.get("dossier.currency", any.currency()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (BudgetLine line : BudgetLine.MODEL) {
            rows.add(List.of(texts.line(line),
                    texts.amount(forecast, line, BudgetColumn.EXPENSES_CASH),
                    texts.amount(forecast, line, BudgetColumn.EXPENSES_IN_KIND),
                    texts.amount(report, line, BudgetColumn.EXPENSES_CASH),
                    texts.amount(report, line, BudgetColumn.EXPENSES_IN_KIND),
                    forecast == null || report == null ? texts.get("dossier.none")
                            : texts.amount(expenses(report, line).subtract(expenses(forecast, line)))));
        }
        pdf.table(List.of(texts.get("dossier.column.line"), texts.get("dossier.column.forecastCash"),
                texts.get("dossier.column.forecastInKind"), texts.get("dossier.column.actualCash"),
                texts.get("dossier.column.actualInKind"), texts.get("dossier.column.variance")),
                rows, BUDGET_WIDTHS, BUDGET_NUMERIC);
    }

    private void cofinancing(PdfPages pdf, Texts texts, Dossier dossier) {
        Dossier.Budget forecast = dossier.forecast();
        Dossier.Budget report = dossier.report();
        if (forecast == null && report == null) {
            return;
        }
        pdf.heading(texts.get("dossier.section.cofinancing"));
        Dossier.Budget shared = report != null ? report : forecast;
        BigDecimal total = receipts(shared, BudgetColumn.RECEIPTS_CASH).add(receipts(shared, BudgetColumn.RECEIPTS_IN_KIND));
        List<List<String>> rows = new ArrayList<>();
        for (BudgetColumn column : List.of(BudgetColumn.RECEIPTS_CASH, BudgetColumn.RECEIPTS_IN_KIND)) {
            rows.add(List.of(texts.get(column == BudgetColumn.RECEIPTS_CASH ? "dossier.source.cash" : "dossier.source.inKind"),
                    forecast == null ? texts.get("dossier.none") : texts.amount(receipts(forecast, column)),
                    report == null ? texts.get("dossier.none") : texts.amount(receipts(report, column)),
                    total.signum() == 0 ? texts.get("dossier.none")
                            : receipts(shared, column).multiply(BigDecimal.valueOf(100))
                            .divide(total, 0, RoundingMode.HALF_UP) + " %"));
        }
        rows.add(List.of(texts.get("dossier.source.total"),
                forecast == null ? texts.get("dossier.none") : texts.amount(totalReceipts(forecast)),
                report == null ? texts.get("dossier.none") : texts.amount(totalReceipts(report)), "100 %"));
        pdf.table(List.of(texts.get("dossier.column.source"), texts.get("dossier.column.forecast"),
                        texts.get("dossier.column.actual"),
                        texts.get(report != null ? "dossier.column.shareActual" : "dossier.column.shareForecast")),
                rows, new float[] {0.52f, 0.16f, 0.16f, 0.16f}, new boolean[] {false, true, true, true});
        pdf.paragraph(texts.get("dossier.cofinancingNote"));
    }

    private void receipts(PdfPages pdf, Texts texts, Dossier dossier, Map<Dossier.Original, String> originals) {
        pdf.heading(texts.get("dossier.section.receipts"));
        if (dossier.report() == null) {
            pdf.paragraph(texts.get("dossier.receiptsNoReport"));
            return;
        }
        for (BudgetLine line : EXPENSE_LINES) {
            List<String> files = dossier.receipts().stream().filter(r -> r.line() == line)
                    .map(r -> originals.get(r.file())).toList();
            pdf.bullet(files.isEmpty() ? texts.get("dossier.receiptsLineNone", texts.line(line))
                    : texts.get("dossier.receiptsLine", texts.line(line), files.size(), String.join(", ", files)));
        }
        List<String> unattributed = dossier.receipts().stream().filter(r -> r.line() == null)
                .map(r -> originals.get(r.file())).toList();
        if (!unattributed.isEmpty()) {
            pdf.paragraph(texts.get("dossier.receiptsUnattributed", String.join(", ", unattributed)));
        }
        List<String> missing = new ArrayList<>();
        for (BudgetLine line : EXPENSE_LINES) {
            BigDecimal cash = dossier.report().amount(line, BudgetColumn.EXPENSES_CASH);
            if (cash.signum() > 0 && dossier.receipts().stream().noneMatch(r -> r.line() == line)) {
                missing.add(texts.get("dossier.receiptsMissingLine", texts.line(line), texts.amount(cash)));
            }
        }
        if (missing.isEmpty()) {
            pdf.paragraph(texts.get("dossier.receiptsNoneMissing"));
        } else {
            pdf.paragraph(texts.get("dossier.receiptsMissing"));
            missing.forEach(pdf::bullet);
        }
    }

    private void review(PdfPages pdf, Texts texts, Dossier dossier) {
        pdf.heading(texts.get("dossier.section.review"));
        Dossier.Review review = dossier.review();
        if (review == null) {
            pdf.paragraph(texts.get("dossier.reviewNone"));
            return;
        }
        String by = "rule".equals(review.decidedBy()) ? texts.get("dossier.reviewRule") : review.decidedBy();
        pdf.paragraph(texts.get("dossier.reviewState." + review.state(), texts.day(review.decidedAt()), by));
        List<List<String>> rows = review.decisions().stream().map(decision -> List.of(texts.day(decision.at()),
                decision.name() == null ? decision.member() : decision.name() + "\n<" + decision.member() + ">",
                texts.get("dossier.decision." + decision.decision()),
                decision.comment() == null ? "" : decision.comment())).toList();
        if (!rows.isEmpty()) {
            pdf.table(List.of(texts.get("dossier.column.date"), texts.get("dossier.column.member"),
                            texts.get("dossier.column.decision"), texts.get("dossier.column.comment")),
                    rows, new float[] {0.2f, 0.36f, 0.13f, 0.31f}, new boolean[] {false, false, false, false});
        }
    }

    private void attendance(PdfPages pdf, Texts texts, Dossier dossier) {
        pdf.heading(texts.get("dossier.section.attendance"));
        Dossier.Attendance attendance = dossier.attendance();
        if (attendance.sheets().isEmpty()) {
            pdf.paragraph(texts.get("dossier.attendanceNone"));
            return;
        }
        pdf.paragraph(texts.get("dossier.participants", attendance.participants(), attendance.sheets().size()));
        pdf.table(List.of(texts.get("dossier.column.category"), texts.get("dossier.column.count")),
                attendance.byCategory().entrySet().stream().map(entry -> List.of(
                        texts.get("attendance.category." + entry.getKey()), String.valueOf(entry.getValue()))).toList(),
                new float[] {0.6f, 0.2f}, new boolean[] {false, true});
        pdf.table(List.of(texts.get("dossier.column.country"), texts.get("dossier.column.count")),
                attendance.byCountry().entrySet().stream().map(entry -> List.of(entry.getKey(),
                        String.valueOf(entry.getValue()))).toList(),
                new float[] {0.6f, 0.2f}, new boolean[] {false, true});
        Set<String> present = attendance.byCountry().keySet().stream().map(Nationalities::of)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        List<String> absent = Nationalities.PARTNERSHIP.stream().filter(code -> !present.contains(code))
                .map(code -> Nationalities.name(code, texts.language())).toList();
        pdf.paragraph(texts.get("dossier.nationalities", absent.isEmpty() ? texts.get("dossier.yes")
                : texts.get("dossier.missing", String.join(", ", absent))));
        Map<String, Integer> categories = attendance.byCategory();
        List<String> absentActors = new ArrayList<>();
        if (categories.getOrDefault("elected", 0) + categories.getOrDefault("technician", 0) == 0) {
            absentActors.add(texts.get("dossier.actor.authorities"));
        }
        if (categories.getOrDefault("ngo", 0) == 0) {
            absentActors.add(texts.get("dossier.actor.associations"));
        }
        pdf.paragraph(texts.get("dossier.actors", absentActors.isEmpty() ? texts.get("dossier.yes")
                : texts.get("dossier.missing", String.join(", ", absentActors))));
    }

    private void minutes(PdfPages pdf, Texts texts, Dossier dossier, Map<Dossier.Original, String> originals) {
        pdf.heading(texts.get("dossier.section.minutes"));
        if (dossier.minutes().isEmpty()) {
            pdf.paragraph(texts.get("dossier.minutesNone"));
            return;
        }
        pdf.table(List.of(texts.get("dossier.column.language"), texts.get("dossier.column.origin"),
                        texts.get("dossier.column.date"), texts.get("dossier.column.file")),
                dossier.minutes().stream().map(version -> List.of(languages.name(texts.language(), version.language()),
                        texts.get("dossier.origin." + version.origin()), texts.day(version.addedAt()),
                        originals.get(version.file()))).toList(),
                new float[] {0.15f, 0.2f, 0.2f, 0.45f}, new boolean[] {false, false, false, false});
        Set<String> present = dossier.minutes().stream().map(Dossier.MinutesVersion::language)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> missing = dossier.minutesLanguages().stream().filter(l -> !present.contains(l)).toList();
        if (!missing.isEmpty()) {
            pdf.paragraph(texts.get("dossier.minutesMissing", languages.names(texts.language(), missing)));
        }
    }

    private void distribution(PdfPages pdf, Texts texts, Dossier dossier) {
        pdf.heading(texts.get("dossier.section.distribution"));
        if (dossier.sendings().isEmpty()) {
            pdf.paragraph(texts.get("dossier.distributionNone"));
            return;
        }
        pdf.table(List.of(texts.get("dossier.column.document"), texts.get("dossier.column.state"),
                        texts.get("dossier.column.mails")),
                dossier.sendings().stream().map(sending -> List.of(texts.get("distribution.kind." + sending.kind()),
                        texts.get("dossier.ledger." + sending.state()), String.valueOf(sending.mails()))).toList(),
                new float[] {0.45f, 0.35f, 0.2f}, new boolean[] {false, false, true});
    }

    /** A line's amount; for the total, the sum of the lines (a file's own total may be wrong: its check said so). */
    private static BigDecimal value(Dossier.Budget budget, BudgetLine line, BudgetColumn column) {
        return line != BudgetLine.TOTAL ? budget.amount(line, column) : EXPENSE_LINES.stream()
                .map(each -> budget.amount(each, column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal expenses(Dossier.Budget budget, BudgetLine line) {
        return value(budget, line, BudgetColumn.EXPENSES_CASH).add(value(budget, line, BudgetColumn.EXPENSES_IN_KIND));
    }

    private static BigDecimal receipts(Dossier.Budget budget, BudgetColumn column) {
        return value(budget, BudgetLine.TOTAL, column);
    }

    private static BigDecimal totalReceipts(Dossier.Budget budget) {
        return receipts(budget, BudgetColumn.RECEIPTS_CASH).add(receipts(budget, BudgetColumn.RECEIPTS_IN_KIND));
    }

    /** The reader's texts, days and amounts. */
    private final class Texts {

        private final String language;
        /** The budget's line labels in the reader's language, or French where labels.yaml has none yet. */
        private final String labelsLanguage;

        Texts(String language) {
            this.language = language;
            this.labelsLanguage = labels.languages().contains(language) ? language : "fr";
        }

        String language() {
            return language;
        }

        String get(String key, Object... arguments) {
            return messages.get(language, key, arguments);
        }

        String day(LocalDate day) {
            return day == null ? get("dossier.none") : LongDates.of(day, language);
        }

        String day(Instant at) {
            return at == null ? get("dossier.none") : day(at.atZone(ZoneId.systemDefault()).toLocalDate());
        }

        String line(BudgetLine line) {
            return labels.label(line, labelsLanguage);
        }

        String amount(BigDecimal value) {
            return Figures.amount(value, language);
        }

        String amount(Dossier.Budget budget, BudgetLine line, BudgetColumn column) {
            return budget == null ? get("dossier.none") : amount(value(budget, line, column));
        }
    }
}
