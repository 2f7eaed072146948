package org.relais.budget;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMailComposer;

/** Amounts as a reader of the given language writes them ("2 500,00", "2.500,00"), and a budget's lines as read. */
public final class Figures {

    private Figures() {
    }

    public static String amount(BigDecimal value, String language) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** Each line as read: the partner's own label, its cell, and the four amounts. */
    static List<String> lines(BudgetSheet sheet, String language, Messages messages) {
        List<String> lines = new ArrayList<>();
        for (BudgetRow row : sheet.rows()) {
            StringBuilder line = new StringBuilder(OutgoingMailComposer.singleLine(row.label()))
                    .append(" (").append(row.labelCell()).append(")");
            for (BudgetColumn column : BudgetColumn.values()) {
                line.append(" | ").append(messages.get(language, "budget.column." + column.name())).append(": ")
                        .append(row.amount(column).map(a -> a.value().map(v -> amount(v, language)).orElse(a.rawText()))
                                .orElse("—"));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
