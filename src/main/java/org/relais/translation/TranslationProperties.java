package org.relais.translation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The translation flow's settings ({@code relais.translation.*}, config/application.yml).
 *
 * @param providers     per target language: human translators from the directory, machine translation (off, draft
 *                      for the translator, or final), or both
 * @param reminderAfter a translator who has not answered this long after the job is reminded
 * @param escalateAfter and this long after the reminder, the coordinators are told
 */
@ConfigurationProperties("relais.translation")
@Validated
public record TranslationProperties(
        @NotNull Duration reminderAfter,
        @NotNull Duration escalateAfter,
        @NotNull Map<String, @Valid Provider> providers,
        @NotNull @Valid Machine machine) {

    public static final String MACHINE_OFF = "off";
    public static final String MACHINE_DRAFT = "draft";
    public static final String MACHINE_FINAL = "final";

    /** How one language is translated. */
    public record Provider(boolean human, @Pattern(regexp = "off|draft|final") String machine) {
    }

    /**
     * A LibreTranslate-compatible service: POST /translate, GET /languages. The key comes from the environment.
     *
     * @param requestsPerMinute requests are spaced to stay under the service's rate limit
     * @param maxChunkCharacters texts are sent in pieces of at most this many characters, cut between paragraphs
     */
    public record Machine(@NotNull URI url,
                          String apiKey,
                          @NotNull Duration connectTimeout,
                          @NotNull Duration requestTimeout,
                          @Positive int requestsPerMinute,
                          @Positive int maxChunkCharacters,
                          @Positive int maxAttempts,
                          @NotNull Duration maxRetryWait) {
    }

    public Provider provider(String language) {
        Provider provider = providers == null ? null : providers.get(language);
        return provider == null ? new Provider(true, MACHINE_OFF) : provider;
    }
}
