package org.relais.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.relais.console.queues.BrokerQueues;
import org.relais.console.routes.RouteCounters;
import org.relais.intake.MailboxIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hub's figures for Prometheus ({@code /actuator/prometheus}): every Camel route's exchanges
 * ({@link RouteCounters}), every Artemis queue's depth and consumers, inbound mails by state and outgoing mails by
 * state, when the mailbox was last polled to its end, and how long the oldest mail due to be sent has waited.
 * Refreshed every {@code relais.observability.metrics-refresh-seconds} rather than on each scrape, so a scrape costs
 * nothing. The alert rules and the dashboard in {@code ops/} are written against these names.
 */
@Component
class HubMetrics {

    private static final Logger log = LoggerFactory.getLogger(HubMetrics.class);

    private final CamelContext camel;
    private final RouteCounters counters;
    private final BrokerQueues queues;
    private final JdbcClient jdbc;
    private final long refreshSeconds;
    private final MultiGauge routeExchanges;
    private final MultiGauge routeFailures;
    private final MultiGauge routeInflight;
    private final MultiGauge queueDepth;
    private final MultiGauge queueConsumers;
    private final MultiGauge mailsByState;
    private final MultiGauge outgoingByState;
    private volatile double oldestDueSeconds;
    private ScheduledExecutorService scheduler;

    HubMetrics(MeterRegistry registry, CamelContext camel, RouteCounters counters, BrokerQueues queues, JdbcClient jdbc,
               MailboxIntake intake, ObservabilityProperties properties) {
        this.camel = camel;
        this.counters = counters;
        this.queues = queues;
        this.jdbc = jdbc;
        this.refreshSeconds = properties.metricsRefreshSeconds();
        this.routeExchanges = MultiGauge.builder("relais.route.exchanges").description("exchanges completed").register(registry);
        this.routeFailures = MultiGauge.builder("relais.route.exchanges.failed").register(registry);
        this.routeInflight = MultiGauge.builder("relais.route.exchanges.inflight").register(registry);
        this.queueDepth = MultiGauge.builder("relais.queue.depth").description("messages waiting").register(registry);
        this.queueConsumers = MultiGauge.builder("relais.queue.consumers").register(registry);
        this.mailsByState = MultiGauge.builder("relais.inbound.mails").description("mails by state").register(registry);
        this.outgoingByState = MultiGauge.builder("relais.outgoing.mails").description("mails written, by state")
                .register(registry);
        // NaN on an instance that does not poll (another holds the lead) or has not polled yet
        TimeGauge.builder("relais.mailbox.last.poll", intake,
                        TimeUnit.SECONDS, mailbox -> epochSeconds(mailbox.lastPoll()))
                .description("when the mailbox was last polled to its end (seconds since the epoch)")
                .register(registry);
        TimeGauge.builder("relais.outgoing.oldest.due", this, TimeUnit.SECONDS, metrics -> metrics.oldestDueSeconds)
                .description("how long the oldest mail due to be sent has waited (0 when none waits)")
                .register(registry);
    }

    private static double epochSeconds(Instant instant) {
        return instant == null ? Double.NaN : instant.toEpochMilli() / 1000.0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "relais-metrics");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, refreshSeconds, TimeUnit.SECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void refresh() {
        try {
            refreshRoutes();
            List<MultiGauge.Row<?>> depth = new ArrayList<>();
            List<MultiGauge.Row<?>> consumers = new ArrayList<>();
            for (BrokerQueues.QueueFigures queue : queues.queues()) {
                depth.add(MultiGauge.Row.of(Tags.of("queue", queue.name()), queue.depth()));
                consumers.add(MultiGauge.Row.of(Tags.of("queue", queue.name()), queue.consumers()));
            }
            queueDepth.register(depth, true);
            queueConsumers.register(consumers, true);
            mailsByState.register(countsBy("select state, count(*) as n from inbound_mail group by state"), true);
            outgoingByState.register(countsBy("""
                    select case when sent_at is not null then 'sent' when attempts > 0 then 'retrying'
                                else 'waiting' end as state, count(*) as n
                    from outgoing_mail group by 1
                    """), true);
            oldestDueSeconds = jdbc.sql("""
                    select coalesce(extract(epoch from now() - min(coalesce(next_attempt_at, created_at))), 0)
                    from outgoing_mail
                    where sent_at is null and failed_at is null and coalesce(next_attempt_at, created_at) <= now()
                    """).query(Double.class).single();
        } catch (RuntimeException e) {
            log.debug("Metrics not refreshed this time: {}", e.getMessage());
        }
    }

    private void refreshRoutes() {
        List<MultiGauge.Row<?>> total = new ArrayList<>();
        List<MultiGauge.Row<?>> failed = new ArrayList<>();
        List<MultiGauge.Row<?>> inflight = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            RouteCounters.Figures figures = counters.of(route.getRouteId());
            Tags tags = Tags.of("route", route.getRouteId());
            total.add(MultiGauge.Row.of(tags, figures.exchangesTotal()));
            failed.add(MultiGauge.Row.of(tags, figures.exchangesFailed()));
            inflight.add(MultiGauge.Row.of(tags, camel.getInflightRepository().size(route.getRouteId())));
        }
        routeExchanges.register(total, true);
        routeFailures.register(failed, true);
        routeInflight.register(inflight, true);
    }

    private List<MultiGauge.Row<?>> countsBy(String sql) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.sql(sql).query(rs -> {
            rows.add(MultiGauge.Row.of(Tags.of("state", rs.getString("state")), rs.getLong("n")));
        });
        return rows;
    }
}
