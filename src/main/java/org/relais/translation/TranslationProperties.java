package org.relais.translation;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The translation flow's settings ({@code relais.translation.*}).
 *
 * @param providers     per target language: human translators from the directory, machine translation (off, draft
 *                      for the translator, or final), or both
 * @param reminderAfter a translator who has not answered this long after the job is reminded
 * @param escalateAfter and this long after the reminder, the coordinators are told
 */
@ConfigurationProperties("relais.translation")
public record TranslationProperties(
        @DefaultValue("P3D") Duration reminderAfter,
        @DefaultValue("P2D") Duration escalateAfter,
        Map<String, Provider> providers,
        @DefaultValue Machine machine) {

    public static final String MACHINE_OFF = "off";
    public static final String MACHINE_DRAFT = "draft";
    public static final String MACHINE_FINAL = "final";

    /** How one language is translated. */
    public record Provider(@DefaultValue("true") boolean human, @DefaultValue(MACHINE_OFF) String machine) {
    }

    /**
     * A LibreTranslate-compatible service: POST /translate, GET /languages. The key comes from the environment.
     *
     * @param requestsPerMinute requests are spaced to stay under the service's rate limit
     * @param maxChunkCharacters texts are sent in pieces of at most this many characters, cut between paragraphs
     */
    public record Machine(@DefaultValue("http://127.0.0.1:5000") URI url,
                          String apiKey,
                          @DefaultValue("PT5S") Duration connectTimeout,
                          @DefaultValue("PT60S") Duration requestTimeout,
                          @DefaultValue("30") int requestsPerMinute,
                          @DefaultValue("2000") int maxChunkCharacters,
                          @DefaultValue("3") int maxAttempts,
                          @DefaultValue("PT30S") Duration maxRetryWait) {
    }

    public Provider provider(String language) {
        Provider provider = providers == null ? null : providers.get(language);
        return provider == null ? new Provider(true, MACHINE_OFF) : provider;
    }
}
