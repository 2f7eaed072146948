package org.relais.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.relais.distribution.ListContacts;
import org.relais.event.PipelineEvent;
import org.relais.mail.Messages;
import org.relais.support.HubTest;
import org.relais.support.InternalCodes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every notice, in every language the hub writes in, says what happened in words: each event as its flow writes it,
 * told alone, gathered with the others and in a digest, holds no kind code, seminar code, fact key or other internal
 * code; a single event's subject names the document.
 */
class NotificationWordsTest extends HubTest {

    /** A reader of each language: the follow-up members, and Comrat for Russian. */
    private static final Map<String, String> READERS = Map.of("fr", "suivi-fr@relais.test",
            "ro", "suivi-ro@relais.test", "bg", "suivi-bg@relais.test", "ru", "comrat@relais.test");

    /** Each event with its facts as the flows write them. */
    private static final List<PipelineEvent> EVENTS = List.of(
            new PipelineEvent("document-received", "REL-2026-0701", "S1-ARGES", Map.of("kind", "supporting_document",
                    "sender", "arges@relais.test", "fileName", "factura-cazare.pdf")),
            new PipelineEvent("document-received", "REL-2026-0702", "S2-TULCEA", Map.of("kind", "financial_report",
                    "sender", "tulcea@relais.test", "fileName", "raport-financiar.xlsx")),
            new PipelineEvent("document-received", "REL-2026-0703", null, Map.of("kind", "attendance",
                    "sender", "savoie@relais.test", "fileName", "")),
            new PipelineEvent("budget-verdict", "REL-2026-0704", "S4-VARNA", Map.of("kind", "budget_forecast",
                    "verdict", "accepted", "fileName", "бюджет.xlsx", "errors", "0")),
            new PipelineEvent("budget-verdict", "REL-2026-0705", "S5-PAZARDZHIK", Map.of("kind", "budget_forecast",
                    "verdict", "rejected", "fileName", "бюджет.ods", "errors", "3")),
            new PipelineEvent("budget-verdict", "REL-2026-0706", "S6-CAHUL", Map.of("kind", "budget_forecast",
                    "verdict", "unreadable", "fileName", "buget.xls", "errors", "0")),
            new PipelineEvent("minutes-received", "REL-2026-0707", "S3-NEAMT", facts("kind", "minutes",
                    "title", "Proces-verbal Neamț", "sender", "neamt@relais.test", "files", "proces-verbal.docx",
                    "languages", "ro", "missing", "fr,bg", "languageUncertain", "true")),
            new PipelineEvent("translations-complete", "REL-2026-0707", "S3-NEAMT", facts("kind", "minutes",
                    "title", "Proces-verbal Neamț", "languages", "ro,fr,bg", "missing", "",
                    "completedBy", "all-languages", "sender", "neamt@relais.test")),
            new PipelineEvent("translations-complete", "REL-2026-0708", "S6-CAHUL", facts("kind", "minutes",
                    "title", "Proces-verbal Cahul", "languages", "ro,ru", "missing", "fr,bg",
                    "completedBy", "coordination", "sender", "cahul@relais.test")),
            new PipelineEvent("distribution-done", "REL-2026-0709", null, facts("kind", "synthesis",
                    "title", "Synthèse finale", "recipients", "40", "sent", "38", "failed", "1", "skipped", "1",
                    "languages", "fr,ro,bg")),
            new PipelineEvent("distribution-done", "REL-2026-0710", "S1-ARGES", facts("kind", "budget-outcome",
                    "title", "", "recipients", "3", "sent", "3", "failed", "0", "skipped", "0", "languages", "ro")),
            new PipelineEvent("seminar-rescheduled", "REL-2026-0711", "S2-TULCEA",
                    Map.of("new_date", "2009-10-22", "kind", "poster")));

    private static final InternalCodes CODES = InternalCodes.ofConfiguration();

    @Autowired
    Notices notices;

    @Autowired
    ListContacts contacts;

    @Autowired
    Messages messages;

    @Test
    void noNoticeInAnyLanguageHoldsAnInternalCode() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> reader : READERS.entrySet()) {
            var member = contacts.find(reader.getValue()).orElseThrow();
            List<Long> mails = new ArrayList<>();
            for (PipelineEvent event : EVENTS) {
                mails.add(notices.tell(member, List.of(event)));
            }
            mails.add(notices.tell(member, EVENTS));
            mails.add(notices.digest(member, EVENTS));
            for (long mail : mails) {
                MimeMessage written = stored(mail);
                String about = reader.getKey() + " «" + subject(written) + "»: ";
                CODES.inMail(written).forEach(code -> leaks.add(about + code));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aSingleEventsSubjectNamesTheDocumentItsKindAndItsSeminarInTheReadersLanguage() throws Exception {
        for (Map.Entry<String, String> reader : READERS.entrySet()) {
            String language = reader.getKey();
            var member = contacts.find(reader.getValue()).orElseThrow();

            String subject = subject(stored(notices.tell(member, List.of(EVENTS.get(4)))));

            assertThat(subject).as(language).contains("REL-2026-0705",
                    messages.get(language, "kind.budget_forecast"),
                    messages.get(language, "seminar.named", 5, "Pazardzhik"),
                    messages.get(language, "notification.event.budget-verdict.rejected"));
        }
        var french = contacts.find("suivi-fr@relais.test").orElseThrow();
        assertThat(subject(stored(notices.tell(french, List.of(EVENTS.get(9))))))
                .isEqualTo("Diffusion terminée : synthèse REL-2026-0709, ensemble du partenariat");
        assertThat(subject(stored(notices.tell(french, List.of(EVENTS.get(11))))))
                .as("an event without words of its own is named generically")
                .isEqualTo("Nouvelle étape : document REL-2026-0711, séminaire n° 2 (Tulcea)");
    }

    private MimeMessage stored(long mailId) throws Exception {
        byte[] raw = jdbc.sql("select raw from outgoing_mail where id = :id").param("id", mailId)
                .query(byte[].class).single();
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> facts(String... keysAndValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            facts.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return facts;
    }
}
