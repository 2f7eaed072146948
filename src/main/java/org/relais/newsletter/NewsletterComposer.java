package org.relais.newsletter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relais.distribution.DocumentWords;
import org.relais.distribution.SignedLinks;
import org.springframework.stereotype.Component;

/**
 * The content of a newsletter in one language, composed from the database: the seminars held and coming (planned
 * month against the arrival of their minutes), each seminar's budget review, and the documents distributed, with
 * a link per language.
 */
@Component
class NewsletterComposer {

    record SeminarView(String name, String organiser, String planned, String status, String budget) {
    }

    record LinkView(String language, String url) {
    }

    record DocumentView(String kind, String seminar, String title, String reference, List<LinkView> links) {
    }

    private final NewsletterRepository repository;
    private final DocumentWords words;
    private final SignedLinks links;
    private final NewsletterProperties properties;

    NewsletterComposer(NewsletterRepository repository, DocumentWords words, SignedLinks links,
                       NewsletterProperties properties) {
        this.repository = repository;
        this.words = words;
        this.links = links;
        this.properties = properties;
    }

    /** The template variables of the newsletter in {@code language}, as of {@code now}. */
    Map<String, Object> variables(String language, Instant now) {
        Locale locale = Locale.forLanguageTag(language);
        ZoneId zone = ZoneId.of(properties.zone());
        LocalDate today = now.atZone(zone).toLocalDate();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<SeminarView> held = new java.util.ArrayList<>();
        List<SeminarView> coming = new java.util.ArrayList<>();
        for (NewsletterRepository.SeminarLine seminar : repository.seminars()) {
            String planned = month.format(seminar.plannedMonth());
            String budget = seminar.budgetVerdict() == null ? words.text(language, "newsletter.budget.none")
                    : words.text(language, "newsletter.budget." + seminar.budgetVerdict(), seminar.budgetVersion());
            String name = words.seminar(language, seminar.code());
            if (seminar.minutesReceivedAt() != null) {
                held.add(new SeminarView(name, seminar.organiser(), planned, words.text(language,
                        "newsletter.status.held", date.format(seminar.minutesReceivedAt().atZone(zone))), budget));
            } else {
                boolean past = YearMonth.from(seminar.plannedMonth()).isBefore(YearMonth.from(today));
                coming.add(new SeminarView(name, seminar.organiser(), planned,
                        words.text(language, past ? "newsletter.status.awaiting" : "newsletter.status.coming"),
                        budget));
            }
        }
        List<DocumentView> documents = repository.documents(properties.documentKinds(), properties.maxDocuments())
                .stream()
                .map(document -> new DocumentView(words.kind(language, document.kind()),
                        words.seminar(language, document.seminarCode()), document.title(), document.reference(),
                        document.versions().stream().map(version -> new LinkView(
                                words.languageName(language, version.language()),
                                links.documentUrl(version.partId(), version.fileName()))).toList()))
                .toList();
        Map<String, Object> variables = new HashMap<>();
        variables.put("period", month.format(today));
        variables.put("held", held);
        variables.put("coming", coming);
        variables.put("documents", documents);
        return variables;
    }
}
