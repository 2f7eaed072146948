package org.relais.observability;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of what operators watch ({@code relais.observability.*}, config/application.yml).
 *
 * @param mailCheckCache        how long the health checks of the mail server (IMAP login, SMTP connection) are reused
 * @param metricsRefreshSeconds how often the figures for Prometheus are refreshed
 */
@ConfigurationProperties("relais.observability")
@Validated
record ObservabilityProperties(@NotNull Duration mailCheckCache, @Positive long metricsRefreshSeconds) {
}
