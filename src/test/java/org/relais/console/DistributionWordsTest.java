package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Distributions page names audiences, document kinds and newsletters in words: one added to
 * config/distribution/ without its words in the console's languages fails here, not on a coordinator's screen.
 */
class DistributionWordsTest {

    private static final Path DISTRIBUTION = Path.of("config/distribution");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ro", "bg", "ru", "en"})
    void everyConfiguredAudienceKindAndNewsletterHasItsWords(String language) throws IOException {
        Properties words = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/i18n/console_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            words.load(reader);
        }
        Map<String, Object> audiences = map(yaml("audiences.yaml").get("audiences"));
        List<Map<String, Object>> policies = list(yaml("policies.yaml").get("policies"));
        List<Map<String, Object>> newsletters = list(yaml("schedules.yaml").get("newsletters"));

        assertThat(audiences.keySet()).hasSizeGreaterThan(10).allSatisfy(name ->
                assertThat(words).containsKey("console.distributions.audience." + name));
        assertThat(policies).hasSizeGreaterThan(2).allSatisfy(policy ->
                assertThat(words).containsKey("console.distributions.kind." + policy.get("kind")));
        assertThat(newsletters).isNotEmpty().allSatisfy(newsletter ->
                assertThat(words).containsKey("console.newsletters.name." + newsletter.get("name")));
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(DISTRIBUTION.resolve(file), StandardCharsets.UTF_8)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object yaml) {
        return (List<Map<String, Object>>) yaml;
    }
}
