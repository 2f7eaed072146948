package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A coordinator's synthesis, conclusions or press release is known by its words in any of the partnership's
 * languages (config/intake/keywords.yaml), in the file's name, the subject or the body; the same words from anyone
 * else make no outreach.
 */
class OutreachWordsTest {

    private static DocumentClassifier classifier;

    @BeforeAll
    static void theShippedWords() throws IOException {
        classifier = new DocumentClassifier(Keywords.load(Path.of("config/intake/keywords.yaml")));
    }

    @ParameterizedTest(name = "{0} / {1} / {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Conclusions Varna.docx | Pour diffusion | Bonjour | CONCLUSIONS
            Varna.pdf | Concluziile seminarului de la Varna | Bună ziua | CONCLUSIONS
            Varna.odt | Варна | Изпращаме заключенията от семинара. | CONCLUSIONS
            communique.docx | Communiqué de presse — Varna | Bonjour | PRESS_RELEASE
            Arges.docx | Comunicat de presă Argeș | Bună ziua | PRESS_RELEASE
            Varna.docx | Прессъобщение | Здравейте | PRESS_RELEASE
            Cahul.docx | Пресс-релиз семинара в Кагуле | Здравствуйте | PRESS_RELEASE
            programme.docx | Synthèse des comptes rendus | Bonjour | SYNTHESIS
            program.docx | Sinteza programului | Bună ziua | SYNTHESIS
            programa.docx | Обобщение на семинарите | Здравейте | SYNTHESIS
            Compte rendu Varna.docx | Conclusions et compte rendu | Bonjour | MINUTES
            """)
    void aCoordinatorsDocumentIsKnownByItsWords(String fileName, String subject, String body, DocumentKind kind) {
        assertThat(classifier.classify(FileType.DOCX, fileName, "", DocumentClassifier.Context.of(subject, body), true))
                .isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Conclusions Varna.docx | Conclusions | OTHER
            Varna.docx | Comunicat de presă | OTHER
            Варна.docx | Заключения от семинара във Варна | OTHER
            Compte rendu.docx | Synthèse | MINUTES
            """)
    void theSameWordsFromAPartnerMakeNoOutreach(String fileName, String subject, DocumentKind kind) {
        assertThat(classifier.classify(FileType.DOCX, fileName, "", DocumentClassifier.Context.of(subject, ""), false))
                .isEqualTo(kind);
    }
}
