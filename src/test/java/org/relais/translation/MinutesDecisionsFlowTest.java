package org.relais.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionRequest;
import org.relais.intake.MailParts;
import org.relais.minutes.MinutesFiles;
import org.relais.minutes.Sentences;
import org.relais.support.HubTest;
import org.relais.support.LibreTranslateStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * What happens around the translators: minutes in a mail body, a reply that is not a translation, a machine that
 * cannot help, versions the sender already has, a deadline and the coordinator's decision (the language the
 * detector cannot tell: org.relais.decision.MinutesLanguageDecisionTest).
 */
class MinutesDecisionsFlowTest extends HubTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    JmsTemplate jms;

    @Autowired
    MailParts parts;

    final LibreTranslateStub machine = LibreTranslateStub.shared();

    @Autowired
    CamelContext camel;

    @BeforeEach
    void aMachineThatKnowsNothing() throws Exception {
        machine.reset();
        FlowMailbox.holdOutputConsumers(camel);
    }

    @AfterEach
    void distributionAndNotificationsConsumeAgain() throws Exception {
        FlowMailbox.releaseOutputConsumers(camel);
    }

    @Test
    void minutesInAMailBodyAreTranslatedFromTheReplysTextAndTheCoordinatorCirculatesThemAfterTheDeadline()
            throws Exception {
        mail().from("savoie@relais.test").subject("Compte rendu du séminaire d'Argeș")
                .text(Sentences.FRENCH + "\n\n" + Sentences.FRENCH.replace("septembre", "octobre")).send();

        // the machine returns the French unchanged: no draft for Romanian, and Bulgarian (machine only) escalates
        MimeMessage job = awaitMailsTo("traducere-ro@relais.test", "translation-job", 1).get(0);
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        assertThat(FlowMailbox.attachments(job)).extracting(FlowMailbox.Attachment::fileName)
                .containsExactly(reference + "_fr.txt");
        assertThat(jdbc.sql("select machine_problem from translation_job where target_language = 'ro'")
                .query(String.class).single()).contains("unchanged");
        MimeMessage escalation = awaitMailsTo("coordination@relais.test", "translation-escalation", 1).get(0);
        assertThat(FlowMailbox.body(escalation)).contains("bulgare", "traduction automatique a échoué");

        // a reply that is the original again is sent back with the reason, in Romanian
        mail().from("traducere-ro@relais.test").answering(job).text(Sentences.FRENCH).send();
        assertThat(FlowMailbox.body(awaitMailsTo("traducere-ro@relais.test", "translation-unclear", 1).get(0)))
                .contains("textul primit este textul original");

        // the translation in the body, above the quoted request, is the Romanian version
        mail().from("traducere-ro@relais.test").answering(job)
                .text(Sentences.ROMANIAN + "\n\nÎn 14 septembrie, Relais a scris:\n> " + Sentences.FRENCH).send();
        awaitMailsTo("traducere-ro@relais.test", "translation-received", 1);
        long romanianPart = jdbc.sql("select part_id from minutes_version where language = 'ro'").query(Long.class).single();
        assertThat(parts.part(romanianPart).orElseThrow().text()).isEqualTo(Sentences.ROMANIAN);
        assertThat(FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class, 1000)).isNull();

        // the deadline passes without Bulgarian: the coordinators are told once, and decide
        jdbc.sql("update minutes set deadline = now() - interval '1 second'").update();
        MimeMessage overdue = awaitMailsTo("coordination@relais.test", "minutes-overdue", 1).get(0);
        assertThat(FlowMailbox.body(overdue)).contains("Versions disponibles : français, roumain",
                "Versions manquantes : bulgare");
        mail().from("coordination@relais.test").answering(overdue).text("Diffuser.").send();

        DistributionRequest request = FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class,
                20_000);
        assertThat(request.versions()).extracting(DistributionRequest.Version::language).containsExactly("fr", "ro");
        assertThat(request.versions()).extracting(DistributionRequest.Version::fileName)
                .containsExactly(reference + "_fr.txt", reference + "_ro.txt");
        assertThat(parts.part(request.versions().get(0).partId()).orElseThrow().text()).startsWith(Sentences.FRENCH);
        assertThat(jdbc.sql("select completed_by from minutes").query(String.class).single())
                .isEqualTo("coordination@relais.test");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailsTo("coordination@relais.test", "minutes-overdue").size() == 1);
        assertThat(FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class, 1000)).isNull();
    }

    @Test
    void aForgedTranslationBecomesNoVersionAndTheTranslatorIsAskedWhetherTheySentIt() throws Exception {
        mail().from("savoie@relais.test").subject("Compte rendu du séminaire d'Argeș").text(Sentences.FRENCH).send();
        MimeMessage job = awaitMailsTo("traducere-ro@relais.test", "translation-job", 1).get(0);
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();

        // someone who knows the reference writes as the translator, with a "translation" of their own
        mail().from("traducere-ro@relais.test").subject("Re: " + job.getSubject()).text(Sentences.ROMANIAN).send();

        MimeMessage question = awaitMailsTo("traducere-ro@relais.test", "claim-confirmation", 1).get(0);
        assertThat(question.getSubject()).contains("[" + reference + "]", "Ați trimis acest mesaj");
        settle();
        assertThat(jdbc.sql("select count(*) from minutes_version where language = 'ro'").query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select state from translation_job where target_language = 'ro'").query(String.class)
                .single()).isEqualTo("with-translator");
        assertThat(mailsTo("traducere-ro@relais.test", "translation-received")).isEmpty();
        assertThat(FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class, 1000)).isNull();
    }

    @Test
    void versionsTheSenderAttachedAreNotTranslatedAgainAndADuplicateMessageChangesNothing() throws Exception {
        machine.learn(Sentences.FRENCH, "bg", Sentences.BULGARIAN);
        mail().from("savoie@relais.test").subject("Compte rendu du séminaire / Proces-verbal")
                .attach("Compte rendu.docx", MinutesFiles.docx(Sentences.FRENCH), DOCX)
                .attach("Proces-verbal.docx", MinutesFiles.docx(Sentences.ROMANIAN), DOCX)
                .send();

        MimeMessage received = awaitMailsTo("savoie@relais.test", "minutes-received", 1).get(0);
        assertThat(FlowMailbox.body(received)).contains("Versions fournies : français, roumain",
                "Traductions demandées : bulgare");
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        DistributionRequest request = FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class,
                20_000);
        assertThat(request.versions()).extracting(v -> v.language() + ":" + v.fileName())
                .containsExactly("fr:Compte rendu.docx", "ro:Proces-verbal.docx", "bg:" + reference + "_bg.txt");
        assertThat(jdbc.sql("select target_language from translation_job").query(String.class).list())
                .containsExactly("bg");

        // intake publishes a document again after a crash: the flow redoes nothing; it sends again what it had
        // decided (a crash may have kept it from leaving), which the queues' consumers recognise
        String document = jdbc.sql("""
                        select json_build_object('documentId', id, 'reference', reference, 'kind', kind, 'flow', flow,
                            'seminar', seminar_code, 'sender', sender, 'language', language, 'fileName', file_name,
                            'mailId', mail_id, 'partId', part_id)::text
                        from document order by id limit 1
                        """).query(String.class).single();
        jms.convertAndSend("minutes", document);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("savoie@relais.test", "minutes-received").size() == 1);
        assertThat(FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class, 2000))
                .isIn(null, request);
        assertThat(jdbc.sql("select count(*) from minutes_version").query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from translation_job").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_part where kind = 'minutes-text'").query(Integer.class).single())
                .isEqualTo(1);
    }
}
