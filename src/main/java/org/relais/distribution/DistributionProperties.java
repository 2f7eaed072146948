package org.relais.distribution;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of list mail (config/application.yml, relais.distribution.*).
 *
 * @param languages             the partnership's languages: a policy "all-languages" waits for a version in each
 * @param languageFallback      the order in which another language is chosen when a reader's is not available
 * @param publicUrl             where the hub's public links (unsubscribe, documents) are reached from outside
 * @param linkSecret            the key that signs those links (prod: RELAIS_LINK_SECRET)
 * @param resendUnsentAfter     a list mail still unsent this long after it was written is queued again
 * @param hardBouncesBeforeFlag hard bounces after which a contact gets no more list mail
 * @param softBounceRetries     how many times a mail that bounced softly is sent again
 * @param softBounceDelay       how long after a soft bounce it is sent again
 * @param notificationAudience  the audience told about pipeline events (config/distribution/audiences.yaml)
 */
@ConfigurationProperties("relais.distribution")
public record DistributionProperties(
        @DefaultValue({"fr", "ro", "bg"}) List<String> languages,
        @DefaultValue({"fr", "ro", "bg"}) List<String> languageFallback,
        @DefaultValue("http://127.0.0.1:8080") String publicUrl,
        String linkSecret,
        @DefaultValue("PT10M") Duration resendUnsentAfter,
        @DefaultValue("3") int hardBouncesBeforeFlag,
        @DefaultValue("3") int softBounceRetries,
        @DefaultValue("PT30M") Duration softBounceDelay,
        @DefaultValue("follow-up-group") String notificationAudience) {

    public DistributionProperties {
        if (linkSecret == null || linkSecret.length() < 16) {
            throw new IllegalStateException("relais.distribution.link-secret must be set (16 characters at least)");
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
