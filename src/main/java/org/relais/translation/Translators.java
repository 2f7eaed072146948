package org.relais.translation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.distribution.DocumentWords;
import org.relais.intake.AwaitedReplies;
import org.relais.intake.MailParts;
import org.relais.mail.OutgoingMail;
import org.relais.mail.ReplyWords;
import org.relais.minutes.Dispatch;
import org.relais.minutes.FlowMails;
import org.relais.minutes.LanguageNames;
import org.relais.minutes.Minutes;
import org.relais.minutes.MinutesCollector;
import org.relais.minutes.MinutesDocument;
import org.springframework.stereotype.Component;

/**
 * Gives a job to the translators of its language, one after the other, in the directory's order (role translator,
 * translates-to the language): the next one who has not been asked gets the original — and the machine draft, if
 * any — by mail, and Relais awaits their reply quoting the reference. When none is left, the coordinators are told.
 */
@Component
class Translators {

    /** The flow translators' replies go to: routes/translation-replies.yaml. */
    static final String REPLY_FLOW = "translation";
    static final String JOB_PURPOSE = "translation-job";
    static final String ESCALATION_PURPOSE = "translation-escalation";

    private final TranslationJobRepository jobs;
    private final DirectoryRepository directory;
    private final AwaitedReplies awaited;
    private final MinutesCollector collector;
    private final MailParts parts;
    private final FlowMails mails;
    private final LanguageNames names;
    private final DeclineWords declineWords;
    private final ReplyWords replyWords;
    private final TranslationProperties properties;
    private final DocumentWords words;

    Translators(TranslationJobRepository jobs, DirectoryRepository directory, AwaitedReplies awaited,
                MinutesCollector collector, MailParts parts, FlowMails mails, LanguageNames names,
                DeclineWords declineWords, ReplyWords replyWords, TranslationProperties properties,
                DocumentWords words) {
        this.jobs = jobs;
        this.directory = directory;
        this.awaited = awaited;
        this.collector = collector;
        this.parts = parts;
        this.mails = mails;
        this.names = names;
        this.declineWords = declineWords;
        this.replyWords = replyWords;
        this.properties = properties;
        this.words = words;
    }

    /** Call with the minutes and the job locked. */
    Dispatch assignNext(Minutes minutes, TranslationJob job) {
        Set<String> asked = jobs.assignments(job.id()).stream().map(TranslationJobRepository.Assignment::translator)
                .collect(Collectors.toSet());
        List<Contact> candidates = directory.contactsWithRole("translator").stream()
                .filter(c -> job.targetLanguage().equals(c.translatesTo()))
                .filter(c -> !asked.contains(c.address()) && !c.address().equals(minutes.sender()))
                .toList();
        if (candidates.isEmpty()) {
            jobs.setState(job.id(), TranslationJob.WAITING_COORDINATOR, "no translator left");
            return escalate(minutes, job, asked.isEmpty() ? "no-translator" : "all-declined", null);
        }
        return ask(minutes, job, candidates.get(0));
    }

    /** Gives the job to this translator: the original (and the machine draft) by mail, their reply awaited. */
    Dispatch ask(Minutes minutes, TranslationJob job, Contact translator) {
        jobs.insertAssignment(job.id(), translator.address(), jobs.assignments(job.id()).size() + 1);
        jobs.setState(job.id(), TranslationJob.WITH_TRANSLATOR, null);
        awaited.expect(minutes.reference(), translator.address(), REPLY_FLOW, String.valueOf(job.id()));
        MinutesDocument source = collector.document(job.sourceDocumentId()).orElseThrow();
        return Dispatch.ofMails(mails.write(JOB_PURPOSE, minutes.mailId(), minutes.reference(),
                translator, JOB_PURPOSE, variables(minutes, job, translator.language()), FlowMails.Thread.NONE,
                attachments(minutes, job, source)));
    }

    /**
     * Asks every coordinator to decide about a job (reason: silent, no-translator, all-declined, machine-failed): by
     * replying or in the console, they give it to a translator they name, or circulate the document without it. The
     * machine's own message stays in the log and the job's row: it is no text for a person.
     */
    Dispatch escalate(Minutes minutes, TranslationJob job, String reason, String translator) {
        Map<String, Object> variables = new HashMap<>(variables(minutes, job, "fr"));
        variables.put("reason", reason);
        variables.put("translator", translator == null ? "" : translator);
        variables.put("names", names);
        variables.put("source", job.sourceLanguage());
        variables.put("target", job.targetLanguage());
        variables.put("words", replyWords);
        variables.put("example", translators(job.targetLanguage()).stream().map(Contact::address).findFirst()
                .orElse(""));
        return Dispatch.ofMails(mails.askCoordinators(ESCALATION_PURPOSE, minutes.mailId(),
                minutes.reference(), ESCALATION_PURPOSE, variables));
    }

    /** The directory's translators, those into {@code language} first. */
    List<Contact> translators(String language) {
        List<Contact> all = directory.contactsWithRole("translator");
        return Stream.concat(all.stream().filter(c -> language.equals(c.translatesTo())),
                all.stream().filter(c -> !language.equals(c.translatesTo()))).toList();
    }

    /** What every mail about a job shows, named in the reader's language. */
    Map<String, Object> variables(Minutes minutes, TranslationJob job, String readerLanguage) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reference", minutes.reference());
        variables.put("tag", "[" + minutes.reference() + "]");
        variables.put("title", String.valueOf(minutes.title()));
        variables.put("seminar", words.seminar(readerLanguage, minutes.seminar()));
        variables.put("kind", minutes.kind());
        variables.put("aDocument", names.text(readerLanguage, "document.a." + minutes.kind()));
        variables.put("theDocument", names.text(readerLanguage, "document.of." + minutes.kind()));
        variables.put("sourceLanguage", names.name(readerLanguage, job.sourceLanguage()));
        variables.put("targetLanguage", names.name(readerLanguage, job.targetLanguage()));
        variables.put("hasDraft", job.machineDraft() != null);
        variables.put("declineWords", String.join(" / ", declineWords.of(readerLanguage)));
        return variables;
    }

    private List<OutgoingMail.Attachment> attachments(Minutes minutes, TranslationJob job, MinutesDocument source) {
        MailParts.Part part = parts.part(source.partId()).orElseThrow();
        OutgoingMail.Attachment original = source.fileName() != null && part.content() != null
                ? new OutgoingMail.Attachment(source.fileName(), contentType(part), part.content())
                : text(minutes.reference() + "_" + job.sourceLanguage() + ".txt", source.text());
        if (job.machineDraft() == null) {
            return List.of(original);
        }
        return List.of(original, text(minutes.reference() + "_" + job.targetLanguage() + "_draft.txt",
                job.machineDraft()));
    }

    private static String contentType(MailParts.Part part) {
        String declared = part.declaredType();
        return declared == null || declared.isBlank() ? "application/octet-stream" : declared;
    }

    private static OutgoingMail.Attachment text(String fileName, String text) {
        return new OutgoingMail.Attachment(fileName, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
