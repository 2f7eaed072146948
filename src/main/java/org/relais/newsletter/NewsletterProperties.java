package org.relais.newsletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the newsletters (relais.newsletter.*); their schedules are in config/distribution/schedules.yaml.
 *
 * @param documentKinds the kinds of distributed documents a newsletter lists with their links
 * @param maxDocuments  how many documents, newest first
 * @param zone          the time zone of the dates it shows
 */
@ConfigurationProperties("relais.newsletter")
@Validated
public record NewsletterProperties(
        @NotEmpty List<String> documentKinds,
        @Positive int maxDocuments,
        @NotBlank String zone) {
}
