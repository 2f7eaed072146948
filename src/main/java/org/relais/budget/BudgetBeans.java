package org.relais.budget;

import org.relais.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the budget classes as beans for the routes ({@code bean: {ref: budgetValidator, method: validate}}).
 * The budget model and its labels are read from {@code budget/} in the configuration folder.
 */
@Configuration(proxyBeanMethods = false)
class BudgetBeans {

    @Bean
    BudgetConfig budgetConfig(HubProperties hub) {
        return BudgetConfig.load(hub.configDir().resolve("budget"));
    }

    @Bean
    BudgetSheetReader budgetSheetReader(BudgetConfig config) {
        return new BudgetSheetReader(config);
    }

    @Bean
    BudgetValidator budgetValidator(BudgetConfig config) {
        return new BudgetValidator(config);
    }

    @Bean
    BudgetMessages budgetMessages(BudgetConfig config) {
        return new BudgetMessages(config);
    }

    @Bean
    BudgetAnnotator budgetAnnotator(BudgetConfig config, BudgetMessages messages) {
        return new BudgetAnnotator(config, messages);
    }

    @Bean
    BudgetTemplate budgetTemplate(BudgetConfig config) {
        return new BudgetTemplate(config);
    }
}
