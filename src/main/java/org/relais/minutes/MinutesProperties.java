package org.relais.minutes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The minutes flow's settings ({@code relais.minutes.*}).
 *
 * @param languages              every minutes must exist in each of these before it circulates
 * @param otherSourceLanguages   languages recognised as the original (Russian, English…) though not required
 * @param completionDeadline     after this, the coordinators are told and decide whether to circulate what is there
 */
@ConfigurationProperties("relais.minutes")
@Validated
public record MinutesProperties(
        @NotEmpty List<String> languages,
        @NotNull List<String> otherSourceLanguages,
        @NotNull Duration completionDeadline,
        @NotNull @Valid Detection detection,
        @NotNull @Valid Extraction extraction) {

    /**
     * When the detector is trusted: enough letters, a probability of at least {@code minimumConfidence} for the
     * best language (OpenNLP spreads it over 103 languages, so 0.1 is already clear), and at least
     * {@code minimumRatio} times the probability of the runner-up.
     */
    public record Detection(@Positive int minimumLetters,
                            @Positive double minimumConfidence,
                            @Positive double minimumRatio) {
    }

    /** Bounds on reading a file: characters kept, time per file, PDF pages and memory, parallel readers. */
    public record Extraction(@Positive int maxCharacters,
                             @NotNull Duration timeout,
                             @Positive int maxPdfPages,
                             @Positive long maxPdfMemoryBytes,
                             @Positive int readers) {
    }

    /** The languages a minutes can be written in: the required ones first. */
    public List<String> sourceLanguages() {
        List<String> all = new ArrayList<>(languages);
        otherSourceLanguages.stream().filter(l -> !all.contains(l)).forEach(all::add);
        return List.copyOf(all);
    }
}
