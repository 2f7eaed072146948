package org.relais.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of what operators watch ({@code relais.observability.*}).
 *
 * @param mailCheckCache how long the health checks of the mail server (IMAP login, SMTP connection) are reused
 */
@ConfigurationProperties("relais.observability")
record ObservabilityProperties(@DefaultValue("PT10S") Duration mailCheckCache) {
}
