package org.relais.observability;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health checks run once as the hub starts, on a thread of its own while the web server and Camel's routes
 * start: the mail server's checks are then reused (CachedHealth) and the broker's and the database's code is loaded,
 * so that the first health request does not wait for them. On a fresh hub that request took 0.35-0.40 s, an IMAP login
 * and an SMTP connection made for the first time among it; 0.21-0.31 s once they ran here (bench/README.md, "One
 * compiler thread, and the health checks at the start").
 */
@Component
class HealthChecksAtStart implements SmartInitializingSingleton {

    private final List<HealthIndicator> checks;

    HealthChecksAtStart(List<HealthIndicator> checks) {
        // Camel's own checks open no connection, and warn of a context that has not started yet
        this.checks = checks.stream().filter(check -> !check.getClass().getName().startsWith("org.apache.camel."))
                .toList();
    }

    /** The checks it runs. */
    List<HealthIndicator> checks() {
        return checks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Thread thread = new Thread(() -> checks.forEach(HealthIndicator::health), "health-checks-at-start");
        // a start that fails, or a hub stopped at once, does not wait for it
        thread.setDaemon(true);
        thread.start();
    }
}
