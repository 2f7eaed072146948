package org.relais.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.minutes.Sentences;
import org.relais.support.LibreTranslateStub;

/** The LibreTranslate client against a compatible server over real HTTP: pieces, key, rate limits, refusals. */
class MachineTranslatorTest {

    private final LibreTranslateStub server = LibreTranslateStub.shared();

    @BeforeEach
    void freshServer() {
        server.reset();
        server.learn(Sentences.FRENCH, "ro", Sentences.ROMANIAN);
        server.learn("Compte rendu", "ro", "Proces-verbal");
    }

    @Test
    void aLongTextGoesInPiecesCutBetweenParagraphsAndSentencesAndComesBackWhole() throws Exception {
        String firstSentence = Sentences.FRENCH.substring(0, Sentences.FRENCH.indexOf(". ") + 1);
        String rest = Sentences.FRENCH.substring(Sentences.FRENCH.indexOf(". ") + 2);
        server.learn(firstSentence, "ro", "Seminarul a avut loc la Pitești.");
        server.learn(rest, "ro", "Participanții au discutat.");

        String translated = translator(LibreTranslateStub.API_KEY, 220, server.url())
                .translate("Compte rendu\n\n" + Sentences.FRENCH, "fr", "ro");

        assertThat(translated).isEqualTo("Proces-verbal\n\nSeminarul a avut loc la Pitești. Participanții au discutat.");
        assertThat(server.requests()).extracting(LibreTranslateStub.Request::q)
                .containsExactly("Compte rendu", firstSentence, rest);
    }

    @Test
    void aBusyServerIsAskedAgainAfterItsRetryAfter() throws Exception {
        server.beBusy(2);

        assertThat(translator(LibreTranslateStub.API_KEY, 2000, server.url()).translate(Sentences.FRENCH, "fr", "ro"))
                .isEqualTo(Sentences.ROMANIAN);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aServerStillBusyAfterTheConfiguredAttemptsIsReported() {
        server.beBusy(5);

        assertThatThrownBy(() -> translator(LibreTranslateStub.API_KEY, 2000, server.url())
                .translate(Sentences.FRENCH, "fr", "ro"))
                .isInstanceOf(MachineTranslationException.class).hasMessageContaining("HTTP 429");
    }

    @Test
    void aWrongKeyIsReportedWithTheServersWordsAndNotRetried() {
        assertThatThrownBy(() -> translator("wrong", 2000, server.url()).translate(Sentences.FRENCH, "fr", "ro"))
                .isInstanceOf(MachineTranslationException.class).hasMessageContaining("HTTP 403: Invalid API key");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aPairTheServerDoesNotListIsNotAttempted() {
        assertThatThrownBy(() -> translator(LibreTranslateStub.API_KEY, 2000, server.url())
                .translate(Sentences.RUSSIAN, "ru", "bg"))
                .isInstanceOf(MachineTranslationException.class).hasMessageContaining("does not translate ru to bg");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedNotWaitedForeverOn() {
        assertThatThrownBy(() -> translator(LibreTranslateStub.API_KEY, 2000, "http://127.0.0.1:1")
                .translate(Sentences.FRENCH, "fr", "ro"))
                .isInstanceOf(MachineTranslationException.class).hasMessageContaining("unreachable");
    }

    @Test
    void requestsAreSpacedToTheConfiguredRate() throws Exception {
        MachineTranslator slow = new MachineTranslator(properties(LibreTranslateStub.API_KEY, 2000, server.url(), 120));
        long start = System.nanoTime();
        slow.translate("Compte rendu", "fr", "ro");
        slow.translate("Compte rendu", "fr", "ro");

        // four requests (languages and translate, twice) at 120 a minute: three gaps of half a second
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void piecesAreCutAfterAParagraphThenASentenceThenASpace() {
        assertThat(MachineTranslator.pieces("aaa\nbbb ccc. ddd eee", 8)).containsExactly("aaa\n", "bbb ", "ccc. ",
                "ddd eee");
        assertThat(String.join("", MachineTranslator.pieces(Sentences.BULGARIAN, 30))).isEqualTo(Sentences.BULGARIAN);
    }

    private static MachineTranslator translator(String key, int maxChunk, String url) {
        return new MachineTranslator(properties(key, maxChunk, url, 6000));
    }

    private static TranslationProperties properties(String key, int maxChunk, String url, int perMinute) {
        return new TranslationProperties(Duration.ofDays(3), Duration.ofDays(2), Map.of(),
                new TranslationProperties.Machine(URI.create(url), key, Duration.ofSeconds(2), Duration.ofSeconds(5),
                        perMinute, maxChunk, 3, Duration.ofMillis(100)));
    }
}
