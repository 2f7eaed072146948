package org.relais.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the routes of group {@code singleton} (the mailbox poller, the timers) on exactly one hub instance: the one
 * holding a PostgreSQL advisory lock on a session of its own. When that instance dies its session ends, PostgreSQL
 * frees the lock, and another instance takes it at its next attempt (every {@code relais.cluster.check-interval}).
 * An instance that loses its session stops its singleton routes at its next check.
 */
@Component
public class Leadership {

    static final String SINGLETON_GROUP = "singleton";
    /**
     * What the singleton routes get, together, to finish what they are doing as the lead is lost; then they are
     * stopped. The lead is mostly lost with PostgreSQL, and routes waiting for a connection would otherwise keep this
     * instance from taking the lead again once it is back (a faults run: three routes, 10 s each). What a route
     * leaves half done is its transaction's, which the database rolls back or completes.
     */
    private static final Duration ROUTES_STOP = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final DataSource dataSource;
    private final CamelContext camel;
    private final long lockKey;
    private final Duration checkInterval;
    private ScheduledExecutorService scheduler;
    private Connection session;
    private volatile boolean leader;

    Leadership(DataSource dataSource, CamelContext camel, ClusterProperties properties) {
        this.dataSource = dataSource;
        this.camel = camel;
        this.lockKey = properties.lockKey();
        this.checkInterval = properties.checkInterval();
    }

    public boolean isLeader() {
        return leader;
    }

    /**
     * Once the application is ready, Camel's routes are there to start. (Not a SmartLifecycle: Spring would start
     * the Camel context, its dependency, before Camel Spring Boot has added the routes.)
     */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "relais-leadership");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Before Camel stops: the singleton routes are handed over as the instance leaves. */
    @EventListener(ContextClosedEvent.class)
    public void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resign();
    }

    private synchronized void check() {
        try {
            if (leader) {
                stillHoldsTheSession();
            } else if (acquire()) {
                leader = true;
                log.info("This instance leads: starting the singleton routes {}", singletonRoutes());
                for (String route : singletonRoutes()) {
                    camel.getRouteController().startRoute(route);
                }
            }
        } catch (Exception e) {
            if (leader) {
                log.warn("Lost the leadership ({}): stopping the singleton routes", e.getMessage());
            }
            resign();
        }
    }

    private boolean acquire() throws SQLException {
        if (session == null) {
            session = dataSource.getConnection();
            session.setAutoCommit(true);
        }
        try (PreparedStatement statement = session.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, lockKey);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void stillHoldsTheSession() throws SQLException {
        if (!session.isValid((int) Math.max(1, checkInterval.toSeconds()))) {
            throw new SQLException("the session holding the lock is gone");
        }
    }

    private synchronized void resign() {
        if (leader) {
            leader = false;
            long deadline = System.nanoTime() + ROUTES_STOP.toNanos();
            for (String route : singletonRoutes()) {
                try {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    camel.getRouteController().stopRoute(route, Math.max(1, left), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    log.warn("Could not stop route {}: {}", route, e.getMessage());
                }
            }
        }
        if (session != null) {
            try {
                // the connection goes back to the pool: the lock must not stay held by a pooled session
                try (Statement statement = session.createStatement()) {
                    statement.execute("select pg_advisory_unlock_all()");
                } catch (SQLException broken) {
                    session.abort(Runnable::run);
                }
                session.close();
            } catch (SQLException e) {
                log.debug("Closing the leadership session failed", e);
            }
            session = null;
        }
    }

    private List<String> singletonRoutes() {
        return camel.getRoutes().stream().filter(route -> SINGLETON_GROUP.equals(route.getGroup()))
                .map(Route::getRouteId).sorted().toList();
    }
}
