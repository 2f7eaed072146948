package org.relais.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Notifications ({@code relais.notification.*}, config/application.yml); the digest's schedule is in
 * config/distribution/schedules.yaml.
 *
 * @param audience       the audience told about pipeline events (config/distribution/audiences.yaml)
 * @param gatherWindow   a member told of an event hears of the events that follow within this time in one notice,
 *                       written when it has passed
 * @param gatherCheckMs  how often the timer looks for gathered notices that are due
 */
@ConfigurationProperties("relais.notification")
@Validated
record NotificationProperties(@NotBlank String audience, @NotNull Duration gatherWindow,
                              @Positive long gatherCheckMs) {
}
