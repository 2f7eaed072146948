package org.relais.calendar;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's clock, injected wherever a day is counted, so that tests move time instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class CalendarClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
