package org.relais.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionRequest;
import org.relais.event.PipelineEvent;
import org.relais.intake.MailParts;
import org.relais.minutes.MinutesFiles;
import org.relais.minutes.Sentences;
import org.relais.support.HubTest;
import org.relais.support.LibreTranslateStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * Minutes sent by mail go all the way through: jobs on the translation queues, the machine's work, translators by
 * mail (declining, silent, reminded, escalated, answering), and one distribution request once every language is
 * there — with the collecting route restarted in between, its state being in PostgreSQL.
 */
class TranslationFlowTest extends HubTest {

    static final String SECOND_FRENCH_TRANSLATOR = "vincent.traducteur@relais.test";
    static final String ROMANIAN_TITLE = "Proces-verbal al seminarului de la Argeș";
    static final String FRENCH_TITLE = "Compte rendu du séminaire d'Argeș";
    static final String BULGARIAN_TITLE = "Протокол от семинара в Арджеш";

    @Autowired
    JmsTemplate jms;

    @Autowired
    MailParts parts;

    @Autowired
    CamelContext camel;

    final LibreTranslateStub machine = LibreTranslateStub.shared();

    @BeforeEach
    void aSecondFrenchTranslatorAndAMachineThatKnowsTheseMinutes() throws Exception {
        FlowMailbox.holdOutputConsumers(camel);
        jdbc.sql("""
                        insert into contact (address, name, organisation_code, language, roles, translates_to)
                        values (:address, 'Vincent, traducteur', 'relais', 'fr', '{translator}', 'fr')
                        on conflict (address) do nothing
                        """)
                .param("address", SECOND_FRENCH_TRANSLATOR).update();
        machine.reset();
        machine.learn(ROMANIAN_TITLE, "fr", FRENCH_TITLE);
        machine.learn(Sentences.ROMANIAN, "fr", Sentences.FRENCH);
        machine.learn(ROMANIAN_TITLE, "bg", BULGARIAN_TITLE);
        machine.learn(Sentences.ROMANIAN, "bg", Sentences.BULGARIAN);
    }

    @AfterEach
    void removeTheSecondTranslator() throws Exception {
        camel.getRouteController().startRoute("translation-collect-replies");
        FlowMailbox.releaseOutputConsumers(camel);
        jdbc.sql("delete from contact where address = :address").param("address", SECOND_FRENCH_TRANSLATOR).update();
    }

    @Test
    void romanianMinutesAreTranslatedByMachineAndTranslatorsAndCirculateOnceComplete() throws Exception {
        mail().from("arges@relais.test").subject("Proces-verbal seminar Argeș")
                .text("Bună ziua,\nvă trimitem procesul-verbal al seminarului.")
                .attach("Proces-verbal Arges.docx", MinutesFiles.docx(ROMANIAN_TITLE, Sentences.ROMANIAN),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .send();

        // the sender learns the language found and what happens next, in Romanian, on the thread of their mail
        MimeMessage received = awaitMailsTo("arges@relais.test", "minutes-received", 1).get(0);
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        assertThat(received.getSubject()).contains("[" + reference + "]");
        assertThat(FlowMailbox.body(received)).contains("„Proces-verbal Arges.docx”: redactat în limba română",
                "Versiuni primite: română", "Traduceri solicitate: franceză, bulgară");

        // one job per missing language, each on its own queue, each answered by its configured provider
        assertThat(jdbc.sql("select target_language || ':' || human || ':' || machine from translation_job order by 1")
                .query(String.class).list()).containsExactly("bg:false:final", "fr:true:draft");

        // the French translator gets the original and the machine's draft
        MimeMessage job = awaitMailsTo("traduction-fr@relais.test", "translation-job", 1).get(0);
        assertThat(job.getSubject()).contains("[" + reference + "]", "français");
        assertThat(machine.requests()).extracting(LibreTranslateStub.Request::source).containsOnly("ro");
        assertThat(machine.requests()).extracting(LibreTranslateStub.Request::target).contains("fr", "bg");
        assertThat(machine.requests()).extracting(LibreTranslateStub.Request::apiKey).containsOnly("test-key");
        assertThat(machine.requests()).extracting(LibreTranslateStub.Request::format).containsOnly("text");
        assertThat(FlowMailbox.body(job)).contains("roumain vers le français", "traduction automatique");
        List<FlowMailbox.Attachment> sent = FlowMailbox.attachments(job);
        assertThat(sent).extracting(FlowMailbox.Attachment::fileName)
                .containsExactly("Proces-verbal Arges.docx", reference + "_fr_draft.txt");
        assertThat(new String(sent.get(1).content(), StandardCharsets.UTF_8).replace("\r\n", "\n")).isEqualTo(FRENCH_TITLE + "\n" + Sentences.FRENCH);

        // she declines: the job goes to the next French translator
        mail().from("traduction-fr@relais.test").answering(job)
                .text("Bonjour,\nje ne peux pas cette semaine, désolée.\n\n> Relais vous confie la traduction").send();
        assertThat(FlowMailbox.body(awaitMailsTo("traduction-fr@relais.test", "translation-declined", 1).get(0)))
                .contains("confiée à une autre personne");
        MimeMessage secondJob = awaitMailsTo(SECOND_FRENCH_TRANSLATOR, "translation-job", 1).get(0);
        assertThat(FlowMailbox.attachments(secondJob)).hasSize(2);

        // he stays silent: a reminder, then the coordinators are told
        assertThat(FlowMailbox.body(awaitMailsTo(SECOND_FRENCH_TRANSLATOR, "translation-reminder", 1).get(0)))
                .contains(reference);
        MimeMessage escalation = awaitMailsTo("coordination@relais.test", "translation-escalation", 1).get(0);
        assertThat(FlowMailbox.body(escalation)).contains(SECOND_FRENCH_TRANSLATOR, "n'a pas répondu");

        // the collecting route stops (a restart of the hub); his translation waits on its queue
        camel.getRouteController().stopRoute("translation-collect-replies");
        byte[] translation = MinutesFiles.odt(FRENCH_TITLE, Sentences.FRENCH);
        mail().from(SECOND_FRENCH_TRANSLATOR).answering(secondJob)
                .text("Bonjour, voici la traduction.")
                .attach("Compte rendu Arges.odt", translation, "application/vnd.oasis.opendocument.text").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from inbound_mail where state = 'reply'").query(Integer.class).single() == 2);
        assertThat(FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class, 1000)).isNull();

        camel.getRouteController().startRoute("translation-collect-replies");

        // complete: exactly one distribution request, with the three versions as stored parts
        DistributionRequest request = FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class,
                30_000);
        assertThat(request).isNotNull();
        assertThat(request.kind()).isEqualTo("minutes");
        assertThat(request.seminar()).isEqualTo(seminarOf(reference));
        assertThat(request.title()).isEqualTo(ROMANIAN_TITLE);
        assertThat(request.versions()).extracting(DistributionRequest.Version::language).containsExactly("ro", "fr", "bg");
        assertThat(request.versions()).extracting(DistributionRequest.Version::fileName)
                .containsExactly("Proces-verbal Arges.docx", "Compte rendu Arges.odt", reference + "_bg.txt");
        assertThat(parts.part(request.versions().get(1).partId()).orElseThrow().content()).isEqualTo(translation);
        assertThat(parts.part(request.versions().get(2).partId()).orElseThrow().text())
                .isEqualTo(BULGARIAN_TITLE + "\n" + Sentences.BULGARIAN);
        assertThat(FlowMailbox.body(awaitMailsTo(SECOND_FRENCH_TRANSLATOR, "translation-received", 1).get(0)))
                .contains("Merci");
        assertThat(FlowMailbox.receive(jms, "distribution", reference, DistributionRequest.class, 2000)).isNull();

        // the follow-up group's notifier is told twice: minutes received, translations complete
        // (intake's own "document-received" for the same reference comes first and is not this flow's)
        List<PipelineEvent> told = new java.util.ArrayList<>();
        for (PipelineEvent event = FlowMailbox.receive(jms, "events", reference, PipelineEvent.class, 5000);
             event != null; event = FlowMailbox.receive(jms, "events", reference, PipelineEvent.class, 2000)) {
            if (!event.type().equals("document-received")) {
                told.add(event);
            }
        }
        assertThat(told).hasSize(2);
        PipelineEvent first = told.get(0);
        PipelineEvent second = told.get(1);
        assertThat(List.of(first.type(), second.type())).containsExactly("minutes-received", "translations-complete");
        assertThat(first.facts()).containsEntry("languages", "ro").containsEntry("missing", "fr,bg");
        assertThat(second.facts()).containsEntry("completedBy", "all-languages").containsEntry("languages", "ro,fr,bg");
        assertThat(jdbc.sql("select state from minutes").query(String.class).single()).isEqualTo("complete");
    }

    private String seminarOf(String reference) {
        return jdbc.sql("select seminar_code from minutes where reference = :reference").param("reference", reference)
                .query(String.class).single();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
