package org.relais;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's one clock, injected wherever time decides something, so that tests move time instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class HubClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
