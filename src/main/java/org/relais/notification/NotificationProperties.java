package org.relais.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Notifications ({@code relais.notification.*}, config/application.yml); the digest's schedule is in
 * config/distribution/schedules.yaml.
 *
 * @param audience the audience told about pipeline events (config/distribution/audiences.yaml)
 */
@ConfigurationProperties("relais.notification")
@Validated
record NotificationProperties(@NotBlank String audience) {
}
