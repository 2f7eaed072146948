package org.relais.console.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouteCountersTest {

    private static final Instant NOW = Instant.parse("2026-12-04T21:00:00Z");

    private final RouteCounters counters = new RouteCounters(Clock.fixed(NOW, ZoneOffset.UTC));
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(counters);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outer").routeId("outer").to("direct:inner").delay(30);
                from("direct:inner").routeId("inner").setBody(constant("done"));
                from("direct:fails").routeId("fails").throwException(new IllegalStateException("refused"));
                from("direct:handled").routeId("handled")
                        .errorHandler(deadLetterChannel("direct:kept"))
                        .throwException(new IllegalStateException("dead-lettered"));
                from("direct:kept").routeId("kept").log("kept");
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void eachRouteCountsTheExchangesThatLeftItAndTimesItsOwnStretch() {
        producer.sendBody("direct:outer", "a");
        producer.sendBody("direct:outer", "b");

        RouteCounters.Figures outer = counters.of("outer");
        RouteCounters.Figures inner = counters.of("inner");
        assertThat(outer.exchangesTotal()).isEqualTo(2);
        assertThat(inner.exchangesTotal()).isEqualTo(2);
        assertThat(outer.exchangesFailed()).isZero();
        assertThat(outer.meanMillis()).isGreaterThanOrEqualTo(30);
        assertThat(outer.maxMillis()).isGreaterThanOrEqualTo(outer.meanMillis());
        assertThat(inner.maxMillis()).isLessThan(30);
        assertThat(outer.lastFailureAt()).isNull();
    }

    @Test
    void aFailedExchangeAndAHandledFailureAreCountedApartWithTheirTime() {
        assertThatThrownBy(() -> producer.sendBody("direct:fails", "x")).isInstanceOf(CamelExecutionException.class);
        producer.sendBody("direct:handled", "y");

        RouteCounters.Figures fails = counters.of("fails");
        RouteCounters.Figures handled = counters.of("handled");
        assertThat(fails.exchangesTotal()).isEqualTo(1);
        assertThat(fails.exchangesFailed()).isEqualTo(1);
        assertThat(fails.failuresHandled()).isZero();
        assertThat(fails.lastFailureAt()).isEqualTo(NOW);
        assertThat(handled.exchangesFailed()).isZero();
        assertThat(handled.failuresHandled()).isEqualTo(1);
        assertThat(handled.lastFailureAt()).isEqualTo(NOW);
        assertThat(counters.of("kept").exchangesTotal()).isEqualTo(1);
    }

    @Test
    void aRouteNoExchangeHasLeftHasNoFigures() {
        assertThat(counters.of("inner")).isEqualTo(new RouteCounters.Figures(0, 0, 0, 0, 0, null));
        assertThat(counters.of("no-such-route").exchangesTotal()).isZero();
    }
}
