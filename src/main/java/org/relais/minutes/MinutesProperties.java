package org.relais.minutes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The minutes flow's settings ({@code relais.minutes.*}).
 *
 * @param languages              every minutes must exist in each of these before it circulates
 * @param otherSourceLanguages   languages recognised as the original (Russian, English…) though not required
 * @param completionDeadline     after this, the coordinators are told and decide whether to circulate what is there
 */
@ConfigurationProperties("relais.minutes")
public record MinutesProperties(
        @DefaultValue({"fr", "ro", "bg"}) List<String> languages,
        @DefaultValue({}) List<String> otherSourceLanguages,
        @DefaultValue("P21D") Duration completionDeadline,
        @DefaultValue Detection detection,
        @DefaultValue Extraction extraction) {

    /**
     * When the detector is trusted: enough letters, a probability of at least {@code minimumConfidence} for the
     * best language (OpenNLP spreads it over 103 languages, so 0.1 is already clear), and at least
     * {@code minimumRatio} times the probability of the runner-up.
     */
    public record Detection(@DefaultValue("40") int minimumLetters,
                            @DefaultValue("0.08") double minimumConfidence,
                            @DefaultValue("2.0") double minimumRatio) {
    }

    /** Bounds on reading a file: characters kept, time per file, PDF pages and memory, parallel readers. */
    public record Extraction(@DefaultValue("500000") int maxCharacters,
                             @DefaultValue("PT30S") Duration timeout,
                             @DefaultValue("500") int maxPdfPages,
                             @DefaultValue("134217728") long maxPdfMemoryBytes,
                             @DefaultValue("2") int readers) {
    }

    /** The languages a minutes can be written in: the required ones first. */
    public List<String> sourceLanguages() {
        List<String> all = new ArrayList<>(languages);
        otherSourceLanguages.stream().filter(l -> !all.contains(l)).forEach(all::add);
        return List.copyOf(all);
    }
}
