package org.relais.budget;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the budget classes as beans for the routes ({@code bean: {ref: budgetValidator, method: validate}}).
 * The configuration folder is {@code relais.budget.config-dir}, by default {@code config/budget}.
 */
@Configuration(proxyBeanMethods = false)
class BudgetBeans {

    @Bean
    BudgetConfig budgetConfig(@Value("${relais.budget.config-dir:${relais.config-dir:config}/budget}") String directory) {
        return BudgetConfig.load(Path.of(directory));
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
