package org.relais.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.attendance.SheetParticipant;
import org.relais.calendar.CalendarReminders;
import org.relais.mail.LongDates;
import org.relais.mail.MailTemplates;
import org.relais.mail.ReplyWords;
import org.relais.minutes.LanguageNames;
import org.relais.minutes.MinutesReceiver;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every mail that asks the coordinators for a decision names the answers a reply may give, in its reader's language
 * (fr, ro, bg, ru): the words of config/decisions/reply-words.yaml, the languages, the categories, a date.
 */
class RequestMailsTest extends HubTest {

    @Autowired
    MailTemplates templates;

    @Autowired
    ReplyWords words;

    @Autowired
    LanguageNames names;

    @ParameterizedTest
    @CsvSource({"fr, approuvé, rejeté, diffuser, prolonger", "ro, aprobat, respins, difuzați, prelungiți",
            "bg, одобрен, отхвърлен, разпространете, удължете", "ru, одобрено, отклонено, распространить, продлить"})
    void everyRequestForADecisionNamesItsAnswersInTheReadersLanguage(String language, String approve, String reject,
                                                                     String circulate, String extend) {
        assertThat(body("budget-review-objection", language, Map.of("tag", "[REL-2026-0001]",
                "reference", "REL-2026-0001", "seminar", "n° 1 (Argeș)", "reviewer", "suivi-bg@relais.test",
                "comment", "Prea scump.", "approve", words.named("approve", language),
                "reject", words.named("reject", language)))).contains(approve, reject, "REL-2026-0001");

        Map<String, Object> minutes = minutes();
        assertThat(body("minutes-overdue", language, minutes)).contains(circulate, extend + " 14");
        Map<String, Object> escalation = new HashMap<>(minutes);
        escalation.putAll(Map.of("reason", "machine-failed", "translator", "", "problem", "unchanged",
                "source", "fr", "target", "bg", "example", "prevod-bg@relais.test"));
        assertThat(body("translation-escalation", language, escalation)).contains(circulate, "prevod-bg@relais.test");

        Map<String, Object> uncertain = new HashMap<>(minutes);
        uncertain.put("documents", List.of(new MinutesReceiver.UncertainLine(1, "Протокол.docx", "bg"),
                new MinutesReceiver.UncertainLine(2, null, null)));
        uncertain.put("languages", List.of("fr", "ro", "bg", "ru", "en"));
        assertThat(body("minutes-language", language, uncertain)).contains("1. ", "Протокол.docx", "2. ",
                names.name(language, "ro"), names.name(language, "bg"), names.name(language, "ru"));

        assertThat(body("attendance-categories", language, Map.of("tag", "[REL-2026-0002]",
                "reference", "REL-2026-0002", "fileName", "prezenta.xlsx", "sender", "neamt@relais.test",
                "participants", List.of(new SheetParticipant(7, 4, 3, "Vasile Elena", "Prefectura", "Prezență!B7",
                        "invitat", null, null)),
                "categories", List.of("elected", "technician", "state", "ngo"), "names", names)))
                .contains("4. Vasile Elena, Prefectura", "invitat",
                        names.text(language, "attendance.category.elected"),
                        names.text(language, "attendance.category.ngo"),
                        "4 " + names.text(language, "attendance.category.elected"));

        String example = LongDates.of(LocalDate.of(2009, 9, 14), language);
        assertThat(body("calendar-overdue", language, Map.of("seminar", "Argeș", "held", false, "day", example,
                "before", false, "items", List.of(new CalendarReminders.Item("…", "…")), "askTheDay", true,
                "example", example))).contains(example);
    }

    private Map<String, Object> minutes() {
        Map<String, Object> minutes = new HashMap<>();
        minutes.putAll(Map.of("reference", "REL-2026-0003", "tag", "[REL-2026-0003]", "title", "Procès-verbal",
                "sender", "savoie@relais.test", "deadline", "2026-12-01", "present", List.of("fr"),
                "missing", List.of("ro", "bg"), "names", names, "words", words));
        minutes.putAll(Map.of("seminar", "—", "sourceLanguage", "fr", "targetLanguage", "bg", "hasDraft", false,
                "declineWords", "…", "kind", "minutes"));
        return minutes;
    }

    private String body(String template, String language, Map<String, Object> variables) {
        return templates.render(template, language, variables).body();
    }
}
