package org.relais.intake;

import org.relais.intake.FileType.Family;

/**
 * Says what an accepted part is: for spreadsheets by the budget model's own labels or an attendance sheet's
 * columns; then, for every file, by the words of its name, then of the subject, then of the body.
 */
final class DocumentClassifier {

    /** Distinct budget labels a sheet must show to be taken for the budget model. */
    private static final int BUDGET_LABELS_NEEDED = 3;
    private static final int ATTENDANCE_COLUMNS_NEEDED = 2;

    private final Keywords words;

    DocumentClassifier(Keywords words) {
        this.words = words;
    }

    /** The mail around a part: its subject and body, folded once for all its parts. */
    record Context(String foldedSubject, String foldedBody) {
        static Context of(String subject, String body) {
            return new Context(Folding.fold(subject), Folding.fold(body));
        }
    }

    /**
     * @param fromCoordinator a coordinator's documents may be outreach (a synthesis, conclusions, a press release),
     *                        named so in the file name, the subject or the body; anyone else's never are
     */
    DocumentKind classify(FileType type, String fileName, String sample, Context mail, boolean fromCoordinator) {
        String name = Folding.fold(fileName);
        if (type.family() == Family.SPREADSHEET) {
            String sheet = Folding.fold(sample);
            if (words.budgetLabels().countIn(sheet) >= BUDGET_LABELS_NEEDED) {
                return isReport(sheet + name + mail.foldedSubject())
                        ? DocumentKind.FINANCIAL_REPORT : DocumentKind.BUDGET_FORECAST;
            }
            if (words.attendanceWords().anyIn(sheet) || words.attendanceColumns().countIn(sheet) >= ATTENDANCE_COLUMNS_NEEDED) {
                return DocumentKind.ATTENDANCE;
            }
        }
        for (String text : new String[] {name, mail.foldedSubject(), mail.foldedBody()}) {
            DocumentKind kind = fromCoordinator && type.family() == Family.DOCUMENT
                    ? outreach(text) : DocumentKind.OTHER;
            if (kind == DocumentKind.OTHER) {
                kind = byWords(type, text);
            }
            if (kind != DocumentKind.OTHER) {
                return kind;
            }
        }
        return DocumentKind.OTHER;
    }

    /** A mail without attachments whose body is the minutes (said so in its subject or opening). */
    boolean bodyIsMinutes(Context mail, int bodyLength) {
        return bodyLength >= 200 && (words.minutesWords().anyIn(mail.foldedSubject())
                || words.minutesWords().anyIn(mail.foldedBody().substring(0, Math.min(300, mail.foldedBody().length()))));
    }

    /** A mail without attachments asking for the budget model, in its subject. */
    boolean asksForTheBudgetModel(Context mail) {
        return words.templateRequestWords().anyIn(mail.foldedSubject());
    }

    /** A mail without attachments asking for a dossier, in its subject or the opening of its body. */
    boolean asksForTheDossier(Context mail) {
        return words.dossierRequestWords().anyIn(mail.foldedSubject())
                || words.dossierRequestWords().anyIn(mail.foldedBody().substring(0, Math.min(300, mail.foldedBody().length())));
    }

    /** A press release may announce conclusions, and a synthesis sum up minutes: the more particular word wins. */
    private DocumentKind outreach(String text) {
        if (words.pressReleaseWords().anyIn(text)) {
            return DocumentKind.PRESS_RELEASE;
        }
        if (words.conclusionsWords().anyIn(text)) {
            return DocumentKind.CONCLUSIONS;
        }
        if (words.synthesisWords().anyIn(text)) {
            return DocumentKind.SYNTHESIS;
        }
        return DocumentKind.OTHER;
    }

    private DocumentKind byWords(FileType type, String text) {
        if (words.receiptWords().anyIn(text) && type.family() != Family.SPREADSHEET) {
            return DocumentKind.SUPPORTING_DOCUMENT;
        }
        if (words.attendanceWords().anyIn(text)) {
            return DocumentKind.ATTENDANCE;
        }
        if (words.minutesWords().anyIn(text) && type.family() == Family.DOCUMENT) {
            return DocumentKind.MINUTES;
        }
        if (type.family() == Family.SPREADSHEET && (words.budgetWords().anyIn(text) || isReport(text))) {
            return isReport(text) ? DocumentKind.FINANCIAL_REPORT : DocumentKind.BUDGET_FORECAST;
        }
        if (isReport(text) && (type.family() == Family.IMAGE || type == FileType.PDF)) {
            return DocumentKind.SUPPORTING_DOCUMENT;
        }
        return DocumentKind.OTHER;
    }

    private boolean isReport(String foldedText) {
        return words.reportWords().anyIn(foldedText) && !words.forecastWords().anyIn(foldedText);
    }
}
