package org.relais.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The hub's clock in the tests: the real time until a test sets a day, then that day until it moves it or puts the
 * real time back. Tests of timed behaviour move it instead of sleeping.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on the hub's time is this instant, until {@link #set} again or {@link #reset}. */
    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
    }

    /** Replaces the hub's clock with one the tests move; part of the one test configuration (see HubTest). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
