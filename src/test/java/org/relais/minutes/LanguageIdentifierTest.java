package org.relais.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language of real minutes' sentences, and honesty when the text does not say. */
class LanguageIdentifierTest {

    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier(TestMinutesProperties.defaults());

    @Test
    void frenchRomanianAndBulgarianMinutesAreRecognisedWithConfidence() {
        assertThat(IDENTIFIER.identify(Sentences.FRENCH).language()).isEqualTo("fr");
        assertThat(IDENTIFIER.identify(Sentences.ROMANIAN).language()).isEqualTo("ro");
        assertThat(IDENTIFIER.identify(Sentences.BULGARIAN).language()).isEqualTo("bg");
    }

    @Test
    void romanianTypedWithoutDiacriticsIsStillRomanian() {
        String plain = java.text.Normalizer.normalize(Sentences.ROMANIAN, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        assertThat(IDENTIFIER.identify(plain).language()).isEqualTo("ro");
    }

    @Test
    void configuredExtraLanguagesRussianAndEnglishAreRecognisedToo() {
        assertThat(IDENTIFIER.identify(Sentences.RUSSIAN).language()).isEqualTo("ru");
        assertThat(IDENTIFIER.identify(Sentences.ENGLISH).language()).isEqualTo("en");
    }

    @Test
    void bulgarianIsNotTakenForRussianNorTheReverse() {
        assertThat(IDENTIFIER.identify(Sentences.BULGARIAN).best()).isEqualTo("bg");
        assertThat(IDENTIFIER.identify(Sentences.RUSSIAN).best()).isEqualTo("ru");
    }

    @Test
    void aFewWordsAreNotEnoughToBeSure() {
        LanguageIdentifier.Identification shortText = IDENTIFIER.identify("Proces-verbal Argeș 2009");
        assertThat(shortText.confident()).isFalse();
        assertThat(shortText.language()).isNull();
    }

    @Test
    void aTextHalfFrenchHalfRomanianIsNotCertain() {
        LanguageIdentifier.Identification mixed = IDENTIFIER.identify(
                "Le séminaire s'est tenu à Pitești les 14 et 15 septembre. "
                        + "Seminarul a avut loc la Pitești în zilele de 14 și 15 septembrie.");
        assertThat(mixed.confident()).isFalse();
    }

    @Test
    void aLanguageRelaisDoesNotKnowIsNotForcedIntoOneItKnows() {
        LanguageIdentifier.Identification german = IDENTIFIER.identify("Das Seminar fand im September in Pitești "
                + "statt. Die Teilnehmer, gewählte Vertreter, Fachleute und Vertreter der Verbände, erörterten die "
                + "Analyse des sozialen Bedarfs und die Organisation der Kinderschutzdienste.");
        assertThat(german.confident()).isFalse();
        assertThat(german.detected()).isEqualTo("de");
    }

    @Test
    void aTextWithoutLettersHasNoLanguage() {
        assertThat(IDENTIFIER.identify("12 345 — 2009/09/14").best()).isNull();
    }
}
