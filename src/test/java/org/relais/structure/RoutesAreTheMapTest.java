package org.relais.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * routes/ is the map: the Java code names no queue and no endpoint, sends nothing by itself, and reads its settings
 * from one properties record per capability, whose defaults are in config/application.yml.
 */
class RoutesAreTheMapTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** Sending from Java, around the routes. */
    private static final Pattern SENDS = Pattern.compile("\\b(JmsTemplate|ProducerTemplate|FluentProducerTemplate|"
            + "ConsumerTemplate|JmsMessagingTemplate)\\b");

    /** An endpoint URI in a string: the queue or endpoint is then chosen outside routes/. */
    private static final Pattern ENDPOINTS = Pattern.compile(
            "\"(jms|direct|seda|timer|scheduler|quartz|smtps?|imaps?|spring-event|activemq):");

    /** A setting read past the capability's properties record, or a default kept beside the one in application.yml. */
    private static final Pattern LOOSE_SETTINGS = Pattern.compile("@Value\\(|@DefaultValue\\b");

    @Test
    void noJavaClassSendsToAQueueOrAnEndpointOfItsOwn() {
        assertThat(offending(SENDS)).as("use an outcome record and a route").isEmpty();
        assertThat(offending(ENDPOINTS)).as("name endpoints in routes/").isEmpty();
    }

    @Test
    void settingsAreReadThroughTheCapabilitiesPropertiesRecords() {
        assertThat(offending(LOOSE_SETTINGS))
                .as("a @ConfigurationProperties record per capability, defaults in config/application.yml")
                .isEmpty();
    }

    @Test
    void theChecksRecogniseWhatTheyForbid() {
        assertThat(SENDS.matcher("private final JmsTemplate jms;").find()).isTrue();
        assertThat(ENDPOINTS.matcher("camel.sendBody(\"direct:distribution-queue-mails\", mails);").find()).isTrue();
        assertThat(LOOSE_SETTINGS.matcher("@Value(\"${relais.hub-address}\") String hubAddress").find()).isTrue();
        assertThat(ENDPOINTS.matcher("\"jmsMessageType\"").find()).isFalse();
    }

    private static List<String> offending(Pattern pattern) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> lines(file).stream()
                            .filter(line -> pattern.matcher(line).find() && !isComment(line))
                            .map(line -> SOURCES.relativize(file) + ": " + line.strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isComment(String line) {
        String text = line.strip();
        return text.startsWith("*") || text.startsWith("//") || text.startsWith("/*");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
