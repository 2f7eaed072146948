package org.relais.notification;

import java.util.List;
import java.util.Map;
import org.relais.distribution.DistributionProperties;
import org.relais.distribution.LanguageChoice;
import org.relais.distribution.ListContact;
import org.relais.distribution.ListKind;
import org.relais.distribution.ListMailWriter;
import org.relais.event.PipelineEvent;
import org.relais.mail.MailTemplates;
import org.springframework.stereotype.Component;

/**
 * Writes the mails that tell a follow-up member of events, in its language, as list mail (its subscription
 * reference in the footer and in List-Unsubscribe, never in the subject): a notice of one event, whose subject names
 * the document; a notice gathering the events of a burst; the daily digest. Returns the stored mail's id.
 */
@Component
class Notices {

    static final String PURPOSE = "notification";
    static final String DIGEST_PURPOSE = "notification-digest";
    static final String ONE_EVENT = "notification-event";
    static final String GATHERED = "notification-gathered";
    static final String DIGEST = "notification-digest";

    private final ListMailWriter writer;
    private final EventWords words;
    private final MailTemplates templates;
    private final LanguageChoice languages;
    private final DistributionProperties distribution;

    Notices(ListMailWriter writer, EventWords words, MailTemplates templates, LanguageChoice languages,
            DistributionProperties distribution) {
        this.writer = writer;
        this.words = words;
        this.templates = templates;
        this.languages = languages;
        this.distribution = distribution;
    }

    /** A notice of these events: one event named in the subject, or several listed in one mail. */
    long tell(ListContact member, List<PipelineEvent> events) {
        if (events.size() == 1) {
            String language = language(member, ONE_EVENT);
            return write(PURPOSE, ONE_EVENT, member, language,
                    Map.of("event", words.describe(language, events.get(0))));
        }
        String language = language(member, GATHERED);
        return write(PURPOSE, GATHERED, member, language, listing(language, events));
    }

    long digest(ListContact member, List<PipelineEvent> events) {
        String language = language(member, DIGEST);
        return write(DIGEST_PURPOSE, DIGEST, member, language, listing(language, events));
    }

    private Map<String, Object> listing(String language, List<PipelineEvent> events) {
        return Map.of("events", events.stream().map(event -> words.describe(language, event)).toList(),
                "count", events.size());
    }

    private long write(String purpose, String template, ListContact member, String language,
                       Map<String, Object> variables) {
        return writer.write(new ListMailWriter.Letter(purpose, ListKind.NOTIFICATION, member, language, template,
                variables, List.of()));
    }

    /** The member's language, or the nearest one the template is written in. */
    private String language(ListContact member, String template) {
        String own = member.contact().language();
        return templates.exists(template, own) ? own : languages.choose(own, distribution.languages().stream()
                .filter(language -> templates.exists(template, language)).toList()).orElseThrow();
    }
}
