package org.relais.minutes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.relais.directory.Contact;
import org.relais.distribution.DocumentWords;
import org.relais.event.PipelineEvent;
import org.relais.intake.DocumentKind;
import org.relais.intake.DocumentMessage;
import org.relais.intake.MailParts;
import org.relais.mail.OutgoingMailComposer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in the minutes intake put on the {@code minutes} queue: reads the text of every document of the partner's
 * mail (versions in several languages come as several documents with one reference, all taken in with the first
 * message), tells each one's language, records the versions, answers the sender in their language and tells the
 * follow-up group. Translation jobs are planned next, by the translation flow.
 */
@Component("minutesReceiver")
public class MinutesReceiver {

    static final String PURPOSE = "minutes-received";
    static final String LANGUAGE_PURPOSE = "minutes-language";
    static final String OUTREACH_PURPOSE = "outreach-received";

    /** One document as the sender's answer names it. */
    public record DocumentLine(String name, String language, boolean known, String problem) {
    }

    /** A document whose language the coordinators are asked for: its number in the request, and the best guess. */
    public record UncertainLine(int number, String fileName, String guess) {
    }

    private final MinutesRepository repository;
    private final MinutesCollector collector;
    private final MinutesProperties properties;
    private final DispatchLog log;
    private final MailParts parts;
    private final TextExtractor extractor;
    private final LanguageIdentifier identifier;
    private final FlowMails mails;
    private final LanguageNames names;
    private final DocumentWords words;
    private final Clock clock;

    MinutesReceiver(MinutesRepository repository, MinutesCollector collector, MinutesProperties properties,
                    DispatchLog log, MailParts parts, TextExtractor extractor, LanguageIdentifier identifier,
                    FlowMails mails, LanguageNames names, DocumentWords words) {
        this.repository = repository;
        this.collector = collector;
        this.properties = properties;
        this.log = log;
        this.parts = parts;
        this.extractor = extractor;
        this.identifier = identifier;
        this.mails = mails;
        this.names = names;
        this.words = words;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Dispatch receive(DocumentMessage message) {
        repository.insertIfAbsent(message.reference(), DocumentKind.of(message.kind()).distributedAs(),
                message.mailId(),
                message.seminar(), message.sender(), message.language(),
                clock.instant().plus(properties.completionDeadline()));
        Minutes minutes = repository.lock(message.reference()).orElseThrow();
        return log.once("document:" + message.documentId(), message.reference(), () -> takeIn(minutes));
    }

    private Dispatch takeIn(Minutes minutes) {
        Set<Long> known = repository.documents(minutes.reference()).stream().map(MinutesDocument::documentId)
                .collect(Collectors.toSet());
        List<MinutesRepository.IntakeDocument> fresh = repository.intakeDocuments(minutes.reference()).stream()
                .filter(d -> !known.contains(d.documentId())).toList();
        if (fresh.isEmpty()) {
            return Dispatch.none();
        }
        List<MinutesDocument> documents = new ArrayList<>();
        for (MinutesRepository.IntakeDocument intake : fresh) {
            MinutesDocument document = read(minutes.reference(), intake);
            repository.insertDocument(document);
            documents.add(document);
            if (document.languageKnown()) {
                collector.addSendersVersion(minutes, document);
            }
        }
        documents.stream().map(MinutesDocument::text).filter(t -> !t.isBlank()).findFirst()
                .ifPresent(text -> repository.setTitle(minutes.reference(), title(text)));
        Minutes titled = repository.find(minutes.reference()).orElseThrow();
        return answer(titled, documents).and(event(titled, documents)).and(askForLanguages(titled))
                .and(collector.completeIfAllPresent(titled.reference()));
    }

    private MinutesDocument read(String reference, MinutesRepository.IntakeDocument intake) {
        MailParts.Part part = parts.part(intake.partId()).orElseThrow();
        String text = "";
        String problem = null;
        try {
            text = extractor.extract(part).text();
        } catch (UnreadableTextException e) {
            problem = e.reason() + ": " + e.getMessage();
        }
        LanguageIdentifier.Identification identification = identifier.identify(text);
        return new MinutesDocument(intake.documentId(), reference, intake.partId(), intake.fileName(), text, problem,
                identification.best(), identification.confidence(), identification.language(),
                identification.confident() ? "detected" : "uncertain");
    }

    private Dispatch answer(Minutes minutes, List<MinutesDocument> documents) {
        Contact sender = mails.contact(minutes.sender());
        String language = sender.language();
        List<DocumentLine> lines = documents.stream().map(d -> new DocumentLine(
                d.fileName() == null ? names.text(language, "minutes.body") : OutgoingMailComposer.singleLine(d.fileName()),
                names.name(language, d.language()), d.languageKnown(),
                d.extractionProblem() == null ? null : names.text(language, "minutes.unreadable"))).toList();
        List<String> supplied = collector.versions(minutes.reference()).stream().map(MinutesVersion::language).toList();
        boolean uncertain = documents.stream().anyMatch(d -> !d.languageKnown());
        MailParts.Origin origin = parts.origin(minutes.mailId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", sender.name());
        variables.put("subject", OutgoingMailComposer.singleLine(origin.subject()));
        variables.put("tag", "[" + minutes.reference() + "]");
        variables.put("reference", minutes.reference());
        variables.put("documents", lines);
        variables.put("uncertain", uncertain);
        variables.put("supplied", names.names(language, supplied));
        variables.put("toTranslate", names.names(language, collector.missingLanguages(minutes.reference())));
        variables.put("complete", collector.missingLanguages(minutes.reference()).isEmpty());
        variables.put("languages", names.names(language, properties.sourceLanguages()));
        if (minutes.outreach()) {
            variables.put("kind", words.kind(language, minutes.kind()));
            variables.put("scope", words.seminar(language, minutes.seminar()));
            variables.put("audiences", words.audiences(language, minutes.kind()));
            variables.put("wholeProgramme", minutes.seminar() == null);
        }
        String purpose = minutes.outreach() ? OUTREACH_PURPOSE : PURPOSE;
        return Dispatch.ofMails(mails.answer(purpose, minutes.mailId(), minutes.reference(), sender,
                purpose, variables, new FlowMails.Thread(origin.messageId(), null)));
    }

    /**
     * The coordinators are asked for the language of each document the detector could not tell, in order, by reply
     * or in the console; until then no translation is asked.
     */
    private Dispatch askForLanguages(Minutes minutes) {
        List<MinutesDocument> uncertain = repository.documents(minutes.reference()).stream()
                .filter(document -> !document.languageKnown()).toList();
        if (uncertain.isEmpty()) {
            return Dispatch.none();
        }
        List<UncertainLine> lines = new ArrayList<>();
        for (MinutesDocument document : uncertain) {
            lines.add(new UncertainLine(lines.size() + 1, document.fileName() == null ? null
                    : OutgoingMailComposer.singleLine(document.fileName()),
                    properties.sourceLanguages().contains(document.detectedLanguage()) ? document.detectedLanguage()
                            : null));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("reference", minutes.reference());
        variables.put("tag", "[" + minutes.reference() + "]");
        variables.put("title", String.valueOf(minutes.title()));
        variables.put("sender", minutes.sender());
        variables.put("documents", lines);
        variables.put("languages", properties.sourceLanguages());
        variables.put("names", names);
        return Dispatch.ofMails(mails.askCoordinators(LANGUAGE_PURPOSE, minutes.mailId(), minutes.reference(),
                LANGUAGE_PURPOSE, variables));
    }

    /** The follow-up group hears of minutes as they come; of outreach, from intake and once it is distributed. */
    private Dispatch event(Minutes minutes, List<MinutesDocument> documents) {
        if (minutes.outreach()) {
            return Dispatch.none();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kind", DocumentKind.MINUTES.code());
        facts.put("title", String.valueOf(minutes.title()));
        facts.put("sender", minutes.sender());
        // minutes written in the mail's body have no file name to show
        facts.put("files", documents.stream().map(MinutesDocument::fileName).filter(Objects::nonNull)
                .collect(Collectors.joining(", ")));
        facts.put("languages", String.join(",", collector.versions(minutes.reference()).stream()
                .map(MinutesVersion::language).toList()));
        facts.put("missing", String.join(",", collector.missingLanguages(minutes.reference())));
        facts.put("languageUncertain", String.valueOf(documents.stream().anyMatch(d -> !d.languageKnown())));
        return Dispatch.ofEvent(new PipelineEvent("minutes-received", minutes.reference(), minutes.seminar(), facts));
    }

    /** The first non-blank line, shortened: what subjects and lists show. */
    static String title(String text) {
        String line = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() <= 100 ? line : line.substring(0, 99).strip() + "…";
    }
}
