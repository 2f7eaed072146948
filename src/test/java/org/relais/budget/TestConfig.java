package org.relais.budget;

import java.util.Optional;

/** The shipped configuration, loaded once for all tests: the tests prove what partners will get. */
final class TestConfig {

    static final BudgetConfig CONFIG = BudgetConfig.loadDefault();
    static final BudgetSheetReader READER = new BudgetSheetReader(CONFIG);
    static final BudgetValidator VALIDATOR = new BudgetValidator(CONFIG);
    static final BudgetMessages MESSAGES = new BudgetMessages(CONFIG);

    /** The currency a budget tied to no organiser's country is judged in: the one its file names. */
    static Optional<String> currencyOf(BudgetSheet sheet) {
        return VALIDATOR.validate(sheet, BudgetContext.of("S1-ARGES", null, 2009)).currency();
    }

    private TestConfig() {
    }
}
