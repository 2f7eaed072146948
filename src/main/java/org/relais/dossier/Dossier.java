package org.relais.dossier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.relais.budget.BudgetColumn;
import org.relais.budget.BudgetLine;

/**
 * What the funders need about one seminar, as the hub holds it: its days, budgets (forecast and financial report,
 * line by line, cash and in kind), supporting documents, the follow-up group's decisions, attendance, minutes per
 * language, the distribution ledger, and the original files cited.
 */
record Dossier(Seminar seminar, Budget forecast, Budget report, List<Receipt> receipts, Review review,
               Attendance attendance, List<MinutesVersion> minutes, List<String> minutesLanguages,
               List<Sending> sendings, Instant builtAt) {

    record Seminar(String code, int number, String place, String organiser, LocalDate plannedOn, LocalDate heldOn,
                   String heldBy) {
    }

    /** A budget as read: its reference, version and currency, and its amounts by line and column. */
    record Budget(long id, String reference, int version, String currency, Instant checkedAt, Original file,
                  Map<BudgetLine, Map<BudgetColumn, BigDecimal>> amounts) {

        BigDecimal amount(BudgetLine line, BudgetColumn column) {
            return amounts.getOrDefault(line, Map.of()).getOrDefault(column, BigDecimal.ZERO);
        }
    }

    /** A supporting document of the financial report, with the line it justifies (null when none was found). */
    record Receipt(BudgetLine line, Original file) {
    }

    /** The follow-up group's review of the forecast: its outcome, and each member's answer. */
    record Review(String state, Instant decidedAt, String decidedBy, List<Decision> decisions) {
    }

    record Decision(Instant at, String member, String name, String decision, String comment) {
    }

    /** The participants read from the attendance sheets, by category and by country as typed, and the sheets. */
    record Attendance(int participants, Map<String, Integer> byCategory, Map<String, Integer> byCountry,
                      List<Original> sheets) {
    }

    record MinutesVersion(String language, String origin, String author, Instant addedAt, Original file) {
    }

    /** Distribution mails about the seminar, by kind of document and state in the ledger. */
    record Sending(String kind, String state, int mails) {
    }

    /** A file as a partner or translator sent it, stored in mail_part. */
    record Original(long partId, String fileName) {
    }
}
