package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.relais.HubProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class BudgetBeansTest {

    @Test
    void beansReadValidateAndAnnotateATemplateFromTheDefaultConfigurationFolder() throws Exception {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(HubProperties.class, () -> new HubProperties(Path.of("config"), Path.of("target"),
                    "hub@relais.test", "coordination@relais.test", "Relais"));
            context.register(BudgetBeans.class);
            context.refresh();
            byte[] template = context.getBean(BudgetTemplate.class).generate("ro", "Raionul Cahul", "MDL");

            BudgetSheet sheet = context.getBean(BudgetSheetReader.class).read(template, "buget.xlsx");
            ValidationResult result = context.getBean(BudgetValidator.class).validate(sheet, BudgetContext.of("S6-CAHUL", "MD", 2009));
            AnnotatedCopy copy = context.getBean(BudgetAnnotator.class).annotate(template, "buget.xlsx", result.findings(), "ro");

            assertThat(result.currency()).contains("MDL");
            // an empty template: the implausibly low accommodation and the missing translation are flagged
            assertThat(result.findings()).extracting(Finding::code).containsExactlyInAnyOrder(
                    FindingCode.TRANSLATION_ABSENT_OR_ZERO, FindingCode.ACCOMMODATION_IMPLAUSIBLE, FindingCode.CATERING_IMPLAUSIBLE);
            assertThat(copy.fileName()).isEqualTo("buget-relais.xlsx");
        }
    }
}
