package org.relais.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a budget's currency from what its file names, wherever it names it, and from the organiser's country when
 * it names none: one currency named is the budget's; two are a conflict shown with a cell of each; none is the
 * country's, assumed and said so.
 */
final class BudgetCurrency {

    /**
     * @param currency the currency the amounts are judged in; empty when it cannot be known
     * @param findings the conflict, the assumption or the absence, each with its cell; empty when the file names one
     */
    record Decision(Optional<String> currency, List<Finding> findings) {
    }

    private final Currencies currencies;
    private final ExchangeRates rates;

    BudgetCurrency(Currencies currencies, ExchangeRates rates) {
        this.currencies = currencies;
        this.rates = rates;
    }

    Decision decide(BudgetSheet sheet, BudgetContext context) {
        Optional<String> countryCurrency = context.organiserCountry().flatMap(currencies::ofCountry);
        Map<String, CurrencyMention> firstCellOf = new LinkedHashMap<>();
        for (CurrencyMention mention : sheet.currencyMentions()) {
            firstCellOf.putIfAbsent(meaning(mention, sheet.currencyMentions(), countryCurrency), mention);
        }
        if (firstCellOf.size() == 1) {
            return new Decision(firstCellOf.keySet().stream().findFirst(), List.of());
        }
        if (firstCellOf.size() > 1) {
            return new Decision(Optional.empty(), conflict(firstCellOf));
        }
        if (countryCurrency.isPresent()) {
            return new Decision(countryCurrency, List.of(Finding.of(FindingCode.CURRENCY_ASSUMED, sheet.titleCell(),
                    null, null, countryCurrency.get(), context.organiserCountry().orElseThrow())));
        }
        return new Decision(Optional.empty(), List.of(Finding.of(FindingCode.CURRENCY_UNKNOWN, sheet.titleCell(),
                null, null, "", String.join(", ", rates.currencies()))));
    }

    /**
     * What a mention means: its currency, or for a shared mark ("lei") the one of its currencies the file names
     * plainly elsewhere, else the organiser's country's, else its likeliest.
     */
    private static String meaning(CurrencyMention mention, List<CurrencyMention> all, Optional<String> countryCurrency) {
        if (mention.currencies().size() == 1) {
            return mention.currencies().get(0);
        }
        return all.stream().filter(other -> other.currencies().size() == 1).map(other -> other.currencies().get(0))
                .filter(mention.currencies()::contains).findFirst()
                .or(() -> countryCurrency.filter(mention.currencies()::contains))
                .orElse(mention.currencies().get(0));
    }

    /**
     * A finding at the first cell naming each currency: the first one's points to the second currency's cell, the
     * others' to the first one's.
     */
    private static List<Finding> conflict(Map<String, CurrencyMention> firstCellOf) {
        List<Map.Entry<String, CurrencyMention>> named = new ArrayList<>(firstCellOf.entrySet());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            Map.Entry<String, CurrencyMention> here = named.get(i);
            Map.Entry<String, CurrencyMention> other = named.get(i == 0 ? 1 : 0);
            findings.add(Finding.of(FindingCode.CURRENCY_CONFLICT, here.getValue().cell(), null,
                    here.getValue().column().orElse(null), here.getKey(),
                    other.getKey() + " (" + other.getValue().cell() + ")"));
        }
        return findings;
    }
}
