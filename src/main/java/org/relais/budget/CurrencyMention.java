package org.relais.budget;

import java.util.List;
import java.util.Optional;

/**
 * A place where a budget's file names its currency.
 *
 * @param cell       where, as {@code Sheet!B2}
 * @param currencies what the mark may mean: one currency, or several for a mark countries share ("lei"), the
 *                   likeliest first
 * @param column     the amount column it is part of (a heading above it, an amount typed or formatted with a unit);
 *                   empty for the title, a note or a line about the whole table
 */
public record CurrencyMention(String cell, List<String> currencies, Optional<BudgetColumn> column) {

    public CurrencyMention {
        currencies = List.copyOf(currencies);
    }
}
