package org.relais.translation;

import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import org.relais.directory.Contact;
import org.relais.intake.AwaitedReplies;
import org.relais.intake.MailParts;
import org.relais.intake.ReplyMessage;
import org.relais.mail.OwnText;
import org.relais.minutes.Dispatch;
import org.relais.minutes.DispatchLog;
import org.relais.minutes.FlowMails;
import org.relais.minutes.LanguageNames;
import org.relais.minutes.Minutes;
import org.relais.minutes.MinutesCollector;
import org.relais.minutes.MinutesDocument;
import org.relais.minutes.MinutesVersion;
import org.relais.minutes.TextExtractor;
import org.relais.minutes.UnreadableTextException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A translator's reply to a job, which intake recognised by the quoted reference ({@link AwaitedReplies}): a
 * translation (an attached file, or the text of the reply) is checked and becomes the version of its language;
 * a refusal sends the job to the next translator; anything else is answered with what Relais expected.
 */
@Component("translatorReplies")
public class TranslatorReplies {

    static final String RECEIVED_PURPOSE = "translation-received";
    static final String UNCLEAR_PURPOSE = "translation-unclear";
    static final String DECLINED_PURPOSE = "translation-declined";

    /** A translation found in the reply: a mail part and its text. fileName null when it is the reply's text. */
    private record Candidate(Long partId, String fileName, String text) {
    }

    private final TranslationJobRepository jobs;
    private final MinutesCollector collector;
    private final Translators translators;
    private final TranslationCheck check;
    private final TextExtractor extractor;
    private final MailParts parts;
    private final AwaitedReplies awaited;
    private final DeclineWords declineWords;
    private final FlowMails mails;
    private final DispatchLog log;
    private final LanguageNames names;

    TranslatorReplies(TranslationJobRepository jobs, MinutesCollector collector, Translators translators,
                      TranslationCheck check, TextExtractor extractor, MailParts parts, AwaitedReplies awaited,
                      DeclineWords declineWords, FlowMails mails, DispatchLog log, LanguageNames names) {
        this.jobs = jobs;
        this.collector = collector;
        this.translators = translators;
        this.check = check;
        this.extractor = extractor;
        this.parts = parts;
        this.awaited = awaited;
        this.declineWords = declineWords;
        this.mails = mails;
        this.log = log;
        this.names = names;
    }

    @Transactional
    public Dispatch handle(ReplyMessage reply) {
        Optional<TranslationJob> found = jobs.find(Long.parseLong(reply.context()));
        if (found.isEmpty()) {
            return Dispatch.none();
        }
        Minutes minutes = collector.lock(found.get().reference()).orElseThrow();
        TranslationJob job = jobs.lock(found.get().id()).orElseThrow();
        return log.once("reply:" + reply.mailId() + ":" + Translators.REPLY_FLOW, minutes.reference(),
                () -> handle(reply, minutes, job));
    }

    private Dispatch handle(ReplyMessage reply, Minutes minutes, TranslationJob job) {
        boolean pending = jobs.assignments(job.id()).stream().anyMatch(a -> a.translator().equals(reply.sender())
                && a.outcome().equals("pending"));
        if (!pending) {
            return Dispatch.none();
        }
        Contact translator = mails.contact(reply.sender());
        String body = reply.bodyPartId() == null ? "" : OwnText.of(text(reply.bodyPartId()).orElse(""));
        Optional<Candidate> attached = reply.attachmentIds().stream()
                .map(id -> text(id).map(text -> new Candidate(id, parts.part(id).orElseThrow().fileName(), text)))
                .flatMap(Optional::stream).findFirst();
        if (attached.isEmpty() && ReplyText.declines(body, declineWords.all())) {
            return decline(reply, minutes, job, translator);
        }
        Candidate candidate = attached.orElse(new Candidate(null, null, body));
        MinutesDocument source = collector.document(job.sourceDocumentId()).orElseThrow();
        Optional<TranslationCheck.Problem> problem = check.problem(candidate.text(), source.text(), job.targetLanguage());
        if (problem.isPresent()) {
            Map<String, Object> variables = translators.variables(minutes, job, translator.language());
            variables.put("problem", problem.get().code());
            variables.put("detected", problem.get().detected() == null ? "?"
                    : names.name(translator.language(), problem.get().detected()));
            return answer(UNCLEAR_PURPOSE, reply, minutes, translator, variables);
        }
        accept(reply, minutes, job, candidate);
        return answer(RECEIVED_PURPOSE, reply, minutes, translator,
                translators.variables(minutes, job, translator.language()))
                .and(collector.completeIfAllPresent(minutes.reference()));
    }

    private void accept(ReplyMessage reply, Minutes minutes, TranslationJob job, Candidate candidate) {
        String fileName = candidate.fileName() != null ? candidate.fileName()
                : minutes.reference() + "_" + job.targetLanguage() + ".txt";
        long partId = candidate.partId() != null ? candidate.partId()
                : collector.storeTextPart(reply.mailId(), fileName, candidate.text());
        collector.add(minutes.reference(), new MinutesVersion(job.targetLanguage(), MinutesCollector.ORIGIN_TRANSLATOR,
                partId, fileName, candidate.text(), reply.sender()));
        jobs.answer(job.id(), reply.sender(), "delivered", reply.mailId());
        jobs.setState(job.id(), TranslationJob.DONE, null);
        awaited.forget(minutes.reference(), reply.sender(), Translators.REPLY_FLOW);
    }

    private Dispatch decline(ReplyMessage reply, Minutes minutes, TranslationJob job, Contact translator) {
        jobs.answer(job.id(), reply.sender(), "declined", reply.mailId());
        awaited.forget(minutes.reference(), reply.sender(), Translators.REPLY_FLOW);
        Dispatch thanks = answer(DECLINED_PURPOSE, reply, minutes, translator,
                translators.variables(minutes, job, translator.language()));
        return thanks.and(translators.assignNext(minutes, jobs.find(job.id()).orElseThrow()));
    }

    private Dispatch answer(String purpose, ReplyMessage reply, Minutes minutes, Contact translator,
                            Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("subject", org.relais.mail.OutgoingMailComposer.singleLine(reply.subject()));
        MailParts.Origin origin = parts.origin(reply.mailId());
        return Dispatch.ofMails(mails.answer(purpose, reply.mailId(), minutes.reference(), translator,
                purpose, all, new FlowMails.Thread(origin.messageId(), null)));
    }

    private Optional<String> text(long partId) {
        try {
            return Optional.of(extractor.extract(parts.part(partId).orElseThrow()).text());
        } catch (UnreadableTextException e) {
            return Optional.empty();
        }
    }
}
