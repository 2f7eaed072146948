package org.relais.production;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * A training run for the class-data sharing archive (docs/operations.md, "Starting in seconds"): with
 * {@code relais.training-run=true} the hub starts as it always does, its rehearsal included, and stops as soon as it
 * has started, so that a JVM run with {@code -XX:ArchiveClassesAtExit} archives the classes of a whole start, Camel's
 * routes and intake's way included, which Spring's {@code spring.context.exit=onRefresh} stops before.
 */
@Component
@ConditionalOnBooleanProperty("relais.training-run")
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info("Training run: the hub has started; it stops now (relais.training-run)");
        System.exit(SpringApplication.exit(event.getApplicationContext()));
    }
}
