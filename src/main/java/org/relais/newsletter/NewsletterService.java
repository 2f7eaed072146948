package org.relais.newsletter;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.distribution.DistributionConfig;
import org.relais.distribution.DistributionProperties;
import org.relais.distribution.LanguageChoice;
import org.relais.distribution.ListContact;
import org.relais.distribution.ListContacts;
import org.relais.distribution.ListKind;
import org.relais.distribution.ListMailWriter;
import org.relais.distribution.Schedules;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsletters to networks and authorities: each scheduled issue goes to every member of its audiences, in its
 * language, once (newsletter_delivery). The console previews an issue and sends one now.
 */
@Service("newsletters")
public class NewsletterService {

    static final String PURPOSE = "newsletter";
    static final String TEMPLATE = "newsletter-issue";

    public record Preview(String schedule, String language, String subject, String text, String html,
                          int recipients) {
    }

    public record Issue(long issueId, String schedule, int mails, int skipped, List<OutgoingTicket> tickets) {
    }

    public record ScheduleView(String name, String cron, String zone, List<String> audiences, ZonedDateTime next) {
    }

    private final DistributionConfig config;
    private final DistributionProperties distribution;
    private final NewsletterRepository repository;
    private final NewsletterComposer composer;
    private final ListContacts contacts;
    private final ListMailWriter writer;
    private final LanguageChoice languages;
    private final MailTemplates templates;
    private final Schedules schedules;

    NewsletterService(DistributionConfig config, DistributionProperties distribution, NewsletterRepository repository,
                      NewsletterComposer composer, ListContacts contacts, ListMailWriter writer,
                      LanguageChoice languages, MailTemplates templates, Schedules schedules) {
        this.config = config;
        this.distribution = distribution;
        this.repository = repository;
        this.composer = composer;
        this.contacts = contacts;
        this.writer = writer;
        this.languages = languages;
        this.templates = templates;
        this.schedules = schedules;
    }

    public List<ScheduleView> schedules() {
        Instant now = Instant.now();
        return config.newsletters().stream().map(s -> new ScheduleView(s.name(), s.cron(), s.zone(), s.audiences(),
                Schedules.next(s.cron(), s.zone(), now))).toList();
    }

    /** The languages an issue can be written in (a template exists). */
    public List<String> languages() {
        return distribution.languages().stream().filter(language -> templates.exists(TEMPLATE, language)).toList();
    }

    /** The issue as a reader of {@code language} would get it now, without sending anything. */
    @Transactional(readOnly = true)
    public Preview preview(String scheduleName, String language) {
        DistributionConfig.NewsletterSchedule schedule = schedule(scheduleName);
        Map<String, Object> variables = new HashMap<>(composer.variables(language, Instant.now()));
        variables.put("name", "…");
        variables.put("tag", "[REL-…]");
        variables.put("listReference", "REL-…");
        variables.put("unsubscribeUrl", "#");
        variables.put("hubAddress", "");
        MailTemplates.Rendered text = templates.render(TEMPLATE, language, variables);
        return new Preview(scheduleName, language, text.subject(), text.body(),
                templates.renderHtml(TEMPLATE, language, variables),
                contacts.members(schedule.audiences(), null).size());
    }

    /** For the console: an issue now (once per minute, so that a double click sends once). */
    @Transactional
    public Issue sendNow(String scheduleName) {
        return write(schedule(scheduleName), Instant.now().truncatedTo(ChronoUnit.MINUTES), "console");
    }

    /** For the timer route: the issues of every schedule that is due. */
    @Transactional
    public List<OutgoingTicket> sendDue() {
        Instant now = Instant.now();
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (DistributionConfig.NewsletterSchedule schedule : config.newsletters()) {
            schedules.claimDue("newsletter-" + schedule.name(), schedule.cron(), schedule.zone(), now)
                    .ifPresent(due -> tickets.addAll(write(schedule, due.toInstant(), "schedule").tickets()));
        }
        return tickets;
    }

    private Issue write(DistributionConfig.NewsletterSchedule schedule, Instant scheduledFor, String requestedBy) {
        long issueId = repository.issue(schedule.name(), scheduledFor, requestedBy);
        Set<String> done = repository.recipients(issueId);
        List<String> templateLanguages = languages();
        Map<String, Map<String, Object>> contentByLanguage = new HashMap<>();
        Instant now = Instant.now();
        for (ListContact member : contacts.members(schedule.audiences(), null)) {
            if (done.contains(member.address())) {
                continue;
            }
            var exclusion = member.exclusion();
            if (exclusion.isPresent()) {
                repository.delivery(issueId, member.address(), null, null, exclusion.get());
                continue;
            }
            // a reader whose language has the template (Russian, for one) reads it in its own language
            String own = member.contact().language();
            String language = templates.exists(TEMPLATE, own) ? own
                    : languages.choose(own, templateLanguages).orElseThrow();
            Map<String, Object> content = contentByLanguage.computeIfAbsent(language,
                    l -> composer.variables(l, now));
            long mailId = writer.write(new ListMailWriter.Letter(PURPOSE, ListKind.NEWSLETTER, member, language,
                    TEMPLATE, content, List.of()));
            repository.delivery(issueId, member.address(), language, mailId, null);
        }
        List<OutgoingTicket> tickets = repository.unsentMails(issueId).stream().map(OutgoingTicket::new).toList();
        return new Issue(issueId, schedule.name(), tickets.size(), repository.skipped(issueId), tickets);
    }

    private DistributionConfig.NewsletterSchedule schedule(String name) {
        return config.newsletter(name).orElseThrow(() -> new UnknownScheduleException(name));
    }

    /** A schedule name the configuration does not have. */
    public static class UnknownScheduleException extends RuntimeException {
        UnknownScheduleException(String name) {
            super("No newsletter schedule '" + name + "' in config/distribution/schedules.yaml");
        }
    }
}
