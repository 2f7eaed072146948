package org.relais.broker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The broker's side of failures ({@code relais.broker.*}, config/application.yml). The flows' queues are named in
 * routes/ alone; the dead-letter queue is named here because the broker, the error route and the console all use it.
 *
 * @param deadLetterQueue     where a message goes after its last retry (routes/common-errors.yaml), or after
 *                            maxDeliveryAttempts deliveries
 * @param maxDeliveryAttempts the broker's own limit, for what Camel cannot catch (a message that kills the process)
 */
@ConfigurationProperties("relais.broker")
@Validated
public record BrokerProperties(@NotBlank String deadLetterQueue, @Positive int maxDeliveryAttempts) {
}
