package org.relais.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console slows down password guessing ({@code relais.console.login-throttle.*}). After
 * {@code failuresPerUser} failed logins in a row for one user name, or {@code failuresPerAddress} from one client
 * address, further attempts are refused (HTTP 429) for {@code firstDelay}, twice as long after each further failure,
 * at most {@code maxDelay}. Failures older than {@code forgetAfter} are forgotten; a successful login clears its user
 * name's.
 */
@ConfigurationProperties("relais.console.login-throttle")
record LoginThrottleProperties(
        @DefaultValue("3") int failuresPerUser,
        @DefaultValue("10") int failuresPerAddress,
        @DefaultValue("5s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("1h") Duration forgetAfter) {
}
