package org.relais.observability;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the tracking reference of the document a message is about (header {@code relaisReference}) into the logging
 * context while each step runs, so every log line about it — JSON in production — carries {@code reference}.
 */
@Component
class ReferenceInLogs implements InterceptStrategy {

    static final String MDC_KEY = "reference";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(org.apache.camel.Exchange exchange, org.apache.camel.AsyncCallback callback) {
                String reference = exchange.getIn().getHeader("relaisReference", String.class);
                if (reference == null) {
                    return super.process(exchange, callback);
                }
                String before = MDC.get(MDC_KEY);
                MDC.put(MDC_KEY, reference);
                try {
                    return super.process(exchange, callback);
                } finally {
                    if (before == null) {
                        MDC.remove(MDC_KEY);
                    } else {
                        MDC.put(MDC_KEY, before);
                    }
                }
            }
        };
    }
}
