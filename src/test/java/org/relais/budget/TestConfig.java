package org.relais.budget;

/** The shipped configuration, loaded once for all tests: the tests prove what partners will get. */
final class TestConfig {

    static final BudgetConfig CONFIG = BudgetConfig.loadDefault();
    static final BudgetSheetReader READER = new BudgetSheetReader(CONFIG);
    static final BudgetValidator VALIDATOR = new BudgetValidator(CONFIG);
    static final BudgetMessages MESSAGES = new BudgetMessages(CONFIG);

    private TestConfig() {
    }
}
