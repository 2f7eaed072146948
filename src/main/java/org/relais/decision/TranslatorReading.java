package org.relais.decision;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.mail.Messages;
import org.relais.minutes.LanguageNames;
import org.relais.translation.TranslationJobs;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A translator's address ("traduction-fr@relais.test"): the unfinished translation job into their language (or the
 * only one) is theirs. The first address of a translator of the directory counts; the coordinator's own (a
 * signature) is passed over.
 */
@Component
@Order(5)
class TranslatorReading implements ReplyReading {

    private static final Pattern ADDRESS = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

    private final CoordinatorDecisions decisions;
    private final DirectoryRepository directory;
    private final LanguageNames names;
    private final Messages messages;

    TranslatorReading(CoordinatorDecisions decisions, DirectoryRepository directory, LanguageNames names,
                      Messages messages) {
        this.decisions = decisions;
        this.directory = directory;
        this.names = names;
        this.messages = messages;
    }

    @Override
    public Decided read(PendingDecisions.Pending pending, Reply reply) {
        Optional<String> address = firstAddress(reply);
        if (pending.jobs().isEmpty() || address.isEmpty()) {
            return Decided.NOTHING;
        }
        String language = reply.coordinator().language();
        Optional<Contact> translator = directory.contact(address.get()).filter(c -> c.hasRole("translator"));
        if (translator.isEmpty()) {
            return Decided.refused(messages.get(language, "decision.refused.not-a-translator", address.get()));
        }
        List<TranslationJobs.Unfinished> candidates = pending.jobs().stream()
                .filter(job -> job.targetLanguage().equals(translator.get().translatesTo())).toList();
        if (candidates.isEmpty()) {
            candidates = pending.jobs();
        }
        if (candidates.size() != 1) {
            return Decided.refused(messages.get(language, "decision.refused.which-job", address.get(),
                    names.names(language, candidates.stream().map(TranslationJobs.Unfinished::targetLanguage)
                            .toList())));
        }
        TranslationJobs.Unfinished job = candidates.get(0);
        return Decided.attempt(messages, language, () -> decisions.giveTranslation(pending.reference(), job.jobId(),
                        translator.get().address()),
                "decision.translator.given", names.name(language, job.targetLanguage()), translator.get().name(),
                translator.get().address());
    }

    @Override
    public List<String> expected(PendingDecisions.Pending pending, String language) {
        return pending.jobs().stream().map(job -> messages.get(language, "decision.translator.expected",
                names.name(language, job.targetLanguage()), job.candidates().stream().map(Contact::address)
                        .findFirst().orElse("…"))).toList();
    }

    private Optional<String> firstAddress(Reply reply) {
        Matcher matcher = ADDRESS.matcher(reply.text());
        while (matcher.find()) {
            String address = matcher.group().toLowerCase(Locale.ROOT);
            if (!address.equals(reply.coordinator().address())) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }
}
