package org.relais.spreadsheet;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one hardened spreadsheet loader every flow opens partners' files with, and its limits. */
@Configuration(proxyBeanMethods = false)
class SpreadsheetBeans {

    @Bean
    ReadingLimits readingLimits(@Value("${relais.config-dir}") Path configDirectory) {
        return ReadingLimits.load(configDirectory.resolve("spreadsheet/limits.yaml"));
    }

    @Bean
    WorkbookLoader workbookLoader(ReadingLimits limits) {
        return new WorkbookLoader(limits);
    }
}
