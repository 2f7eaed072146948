package org.relais.translation;

import org.apache.camel.CamelContext;
import org.relais.minutes.MinutesProperties;

/** For tests of other packages: the consumers of each language's translation queue, made as the hub makes them. */
public final class TranslationQueueRoutes {

    private TranslationQueueRoutes() {
    }

    public static void addTo(CamelContext camel, MinutesProperties minutes) {
        new TranslationQueues(minutes).afterApplicationStart(camel);
    }
}
