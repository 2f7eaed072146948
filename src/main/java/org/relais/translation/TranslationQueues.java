package org.relais.translation;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.relais.minutes.MinutesProperties;
import org.springframework.stereotype.Component;

/**
 * One consumer of {@code translation.<language>} per configured language, from the route template
 * {@code translation-start-job} of routes/translation-jobs.yaml: the set of languages is configuration, so the
 * routes cannot be written out one by one.
 */
@Component
class TranslationQueues implements CamelContextConfiguration {

    static final String TEMPLATE = "translation-start-job";

    private final MinutesProperties minutes;

    TranslationQueues(MinutesProperties minutes) {
        this.minutes = minutes;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (String language : minutes.languages()) {
            TemplatedRouteBuilder.builder(camelContext, TEMPLATE)
                    .routeId(TEMPLATE + "-" + language)
                    .parameter("language", language)
                    .add();
        }
    }
}
