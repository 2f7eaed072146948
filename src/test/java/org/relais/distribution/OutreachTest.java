package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.distribution.OutreachTexts.*;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.minutes.MinutesFiles;
import org.relais.support.LibreTranslateStub;
import org.relais.translation.FlowMailbox;

/**
 * Outreach by mail, end to end: a coordinator's conclusions, press release or synthesis is recognised by its words,
 * translated through the translation queues like minutes, then sent by its policy — each country's authorities the
 * results of that country's seminars and every programme-wide document, the press of a seminar's place its press
 * release — each recipient in their language.
 */
class OutreachTest extends ListMailTest {

    @BeforeEach
    void aMachineThatKnowsTheseConclusions() {
        OutreachTexts.teachTheConclusions(LibreTranslateStub.shared());
    }

    @Test
    void conclusionsOfVarnaReachBulgariasAuthoritiesInBulgarianAndFrancesEmbassyInFrenchOnceTranslated()
            throws Exception {
        byte[] conclusions = MinutesFiles.docx(CONCLUSIONS_TITLE_FR, CONCLUSIONS_FR);
        mail().from(COORDINATOR).subject("Conclusions du séminaire de Varna")
                .text("Bonjour,\nvoici les conclusions du séminaire, à transmettre aux autorités.")
                .attach("Conclusions Varna.docx", conclusions, DOCX).send();

        // the coordinator is told what the hub understood: conclusions of seminar 4, to be translated, for whom
        String reference = referenceOf(awaitMailsTo(COORDINATOR, "outreach-received", 1).get(0));
        assertThat(FlowMailbox.body(awaitMailsTo(COORDINATOR, "intake-ack", 1).get(0)))
                .contains("séminaire n° 4 (Varna)",
                        "« Conclusions Varna.docx » : conclusions — elles vont être traduites");
        assertThat(FlowMailbox.body(mailsTo(COORDINATOR, "outreach-received").get(0))).contains(
                "Type : Conclusions", "Séminaire : séminaire n° 4 (Varna)", "rédigé en français",
                "Traductions demandées : roumain, bulgare", "autorités du pays concerné",
                "organisations internationales du pays concerné");
        assertThat(jdbc.sql("select kind || ':' || seminar_code from minutes").query(String.class).single())
                .isEqualTo("conclusions:S4-VARNA");

        // Bulgarian by the machine, Romanian by the translator, who is asked in words, never in codes
        MimeMessage job = awaitMailsTo("traducere-ro@relais.test", "translation-job", 1).get(0);
        assertThat(FlowMailbox.body(job)).contains("traducerea unor concluzii din limba franceză în limba română",
                "Seminar: seminarul nr. 4 (Varna)").doesNotContain("S4-VARNA", "conclusions");
        settle();
        assertThat(mailsTo("ministry-bg@relais.test")).as("nothing leaves before the translator answers").isEmpty();

        mail().from("traducere-ro@relais.test").answering(job).text("Bună ziua, traducerea este atașată.")
                .attach("Concluzii Varna.docx", MinutesFiles.docx(CONCLUSIONS_TITLE_RO, CONCLUSIONS_RO), DOCX).send();

        // Bulgaria's ministry and its embassy in Paris in Bulgarian, France's embassy in Sofia in French
        for (String bulgarian : List.of("ministry-bg@relais.test", "embassy-bg-paris@relais.test")) {
            MimeMessage sent = awaitMailsTo(bulgarian, "distribution", 1).get(0);
            assertThat(sent.getSubject()).startsWith("Заключения — семинар № 4");
            assertThat(FlowMailbox.body(sent)).contains("референция " + reference);
            List<FlowMailbox.Attachment> attached = FlowMailbox.attachments(sent);
            assertThat(attached).extracting(FlowMailbox.Attachment::fileName).containsExactly(reference + "_bg.txt");
            assertThat(new String(attached.get(0).content(), StandardCharsets.UTF_8))
                    .isEqualTo(CONCLUSIONS_TITLE_BG + "\n" + CONCLUSIONS_BG);
        }
        MimeMessage french = awaitMailsTo("ambassade-bg@relais.test", "distribution", 1).get(0);
        assertThat(french.getSubject()).startsWith("Conclusions — séminaire n° 4 (Varna)");
        assertThat(FlowMailbox.attachments(french)).singleElement()
                .satisfies(file -> assertThat(file.fileName()).isEqualTo("Conclusions Varna.docx"))
                .satisfies(file -> assertThat(file.content()).isEqualTo(conclusions));

        // exactly the policy's audiences for a Bulgarian seminar: no other country's authorities, no press
        assertThat(recipientsOf(reference)).containsExactlyInAnyOrderElementsOf(Stream.of(FOLLOW_UP, NETWORKS,
                AUTHORITIES_BG, List.of("unicef-bg@relais.test")).flatMap(List::stream).toList());
        assertThat(recipientsOf(reference)).doesNotContainAnyElementsOf(AUTHORITIES_ELSEWHERE)
                .doesNotContainAnyElementsOf(PRESS);
    }

    @Test
    void aSeminarsPressReleaseReachesThePressOfItsPlaceAndNoOther() throws Exception {
        mail().from(COORDINATOR).subject("Communiqué de presse — séminaire de Varna")
                .text("Bonjour,\nle communiqué dans les trois langues.")
                .attach("communique_fr.docx", MinutesFiles.docx(PRESS_FR), DOCX)
                .attach("comunicat_ro.docx", MinutesFiles.docx(PRESS_RO), DOCX)
                .attach("saobshtenie_bg.docx", MinutesFiles.docx(PRESS_BG), DOCX).send();

        // every language is there: no translation, sent at once
        MimeMessage sent = awaitMailsTo("presa-varna@relais.test", "distribution", 1).get(0);
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        assertThat(sent.getSubject()).startsWith("Прессъобщение — ");
        assertThat(FlowMailbox.attachments(sent)).extracting(FlowMailbox.Attachment::fileName)
                .containsExactly("saobshtenie_bg.docx");
        assertThat(recipientsOf(reference)).containsExactlyInAnyOrderElementsOf(Stream.of(NETWORKS,
                List.of("presa-varna@relais.test")).flatMap(List::stream).toList());
        assertThat(jdbc.sql("select count(*) from translation_job").query(Integer.class).single()).isZero();
        assertThat(FlowMailbox.body(awaitMailsTo(COORDINATOR, "outreach-received", 1).get(0)))
                .contains("Type : Communiqué de presse", "il est diffusé maintenant", "presse locale du lieu concerné");
    }

    @Test
    void aProgrammeWideSynthesisReachesTheAuthoritiesOfEveryCountry() throws Exception {
        mail().from(COORDINATOR).subject("Synthèse finale du programme")
                .text("Bonjour,\nla synthèse des six séminaires, en trois langues.")
                .attach("synthese_fr.docx", MinutesFiles.docx(CONCLUSIONS_FR), DOCX)
                .attach("sinteza_ro.docx", MinutesFiles.docx(CONCLUSIONS_RO), DOCX)
                .attach("obobshtenie_bg.docx", MinutesFiles.docx(CONCLUSIONS_BG), DOCX).send();

        awaitMailsTo("ministry-md@relais.test", "distribution", 1);
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        assertThat(jdbc.sql("select kind || ':' || coalesce(seminar_code, 'programme') from minutes")
                .query(String.class).single()).isEqualTo("synthesis:programme");
        assertThat(recipientsOf(reference)).containsAll(AUTHORITIES_BG).containsAll(AUTHORITIES_ELSEWHERE)
                .contains("unicef-bg@relais.test", "unicef-md@relais.test", "dg-empl@relais.test",
                        "univ-pitesti@relais.test")
                .doesNotContainAnyElementsOf(PRESS);
        assertThat(FlowMailbox.body(awaitMailsTo(COORDINATOR, "intake-ack", 1).get(0)))
                .contains("l'ensemble du programme (aucun séminaire n'est nommé");
        assertThat(FlowMailbox.body(awaitMailsTo(COORDINATOR, "outreach-received", 1).get(0)))
                .contains("Séminaire : ensemble du partenariat", "les publics de chaque pays le reçoivent");
        assertThat(FlowMailbox.body(awaitMailsTo("ministry-ro@relais.test", "distribution", 1).get(0)))
                .contains("sinteza_ro.docx");
    }

    @Test
    void theCoordinatorsRomanianAndBulgarianWordsAreRecognised() throws Exception {
        mail().from(COORDINATOR).subject("Comunicat de presă Argeș")
                .attach("Arges.docx", MinutesFiles.docx(PRESS_RO), DOCX).send();
        mail().from(COORDINATOR).subject("Варна")
                .text("Здравейте,\nизпращаме заключенията от семинара.")
                .attach("Заключения.docx", MinutesFiles.docx(CONCLUSIONS_BG), DOCX).send();

        awaitMailsTo(COORDINATOR, "outreach-received", 2);
        assertThat(jdbc.sql("select kind || ':' || seminar_code from minutes order by kind").query(String.class)
                .list()).containsExactly("conclusions:S4-VARNA", "press-release:S1-ARGES");
        assertThat(jdbc.sql("select kind from document order by kind").query(String.class).list())
                .containsExactly("conclusions", "press_release");
    }

    @Test
    void theSameWordsFromAPartnerAreJustOneOfItsDocuments() throws Exception {
        mail().from("varna@relais.test").subject("Заключения от семинара във Варна")
                .attach("Заключения.docx", MinutesFiles.docx(CONCLUSIONS_BG), DOCX).send();
        mail().from("arges@relais.test").subject("Comunicat de presă")
                .attach("comunicat.docx", MinutesFiles.docx(PRESS_RO), DOCX).send();

        assertThat(FlowMailbox.body(awaitMailsTo("varna@relais.test", "intake-ack", 1).get(0)))
                .contains("„Заключения.docx“: документ");
        awaitMailsTo("arges@relais.test", "intake-ack", 1);
        settle();
        assertThat(jdbc.sql("select kind from mail_part where file_name like '%.docx'").query(String.class).list())
                .containsExactly("other", "other");
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from minutes").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from distribution").query(Integer.class).single()).isZero();
    }

    private List<String> recipientsOf(String reference) {
        return jdbc.sql("select recipient from distribution_ledger where reference = :reference")
                .param("reference", reference).query(String.class).list();
    }

    private String referenceOf(MimeMessage answer) throws Exception {
        String subject = answer.getSubject();
        return subject.substring(subject.indexOf("[REL-") + 1, subject.indexOf(']', subject.indexOf("[REL-")));
    }
}
