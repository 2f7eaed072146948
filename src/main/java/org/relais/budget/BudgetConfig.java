package org.relais.budget;

import org.relais.spreadsheet.ReadingLimits;

import java.nio.file.Path;

/** Everything the budget classes read from the configuration folder (by default {@code config/budget}). */
public record BudgetConfig(Path directory, BudgetLabels labels, Currencies currencies, ExchangeRates rates,
                           ValidationRules rules, ReadingLimits limits) {

    public static final Path DEFAULT_DIRECTORY = Path.of("config", "budget");

    public static BudgetConfig load(Path directory) {
        return new BudgetConfig(directory,
                BudgetLabels.load(directory.resolve("labels.yaml")),
                Currencies.load(directory.resolve("currencies.yaml")),
                ExchangeRates.load(directory.resolve("rates.yaml")),
                ValidationRules.load(directory.resolve("rules.yaml")),
                ReadingLimits.load(directory.resolveSibling("spreadsheet").resolve("limits.yaml")));
    }

    public static BudgetConfig loadDefault() {
        return load(DEFAULT_DIRECTORY);
    }
}
