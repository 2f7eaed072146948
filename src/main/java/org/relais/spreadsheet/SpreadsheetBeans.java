package org.relais.spreadsheet;

import org.relais.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one hardened spreadsheet loader every flow opens partners' files with, and its limits. */
@Configuration(proxyBeanMethods = false)
class SpreadsheetBeans {

    @Bean
    ReadingLimits readingLimits(HubProperties hub) {
        return ReadingLimits.load(hub.configDir().resolve("spreadsheet/limits.yaml"));
    }

    @Bean
    WorkbookLoader workbookLoader(ReadingLimits limits) {
        return new WorkbookLoader(limits);
    }
}
