package org.relais.decision;

import java.util.List;
import org.relais.mail.Messages;
import org.relais.mail.ReplyWords;
import org.relais.minutes.LanguageNames;
import org.relais.minutes.MinutesDocument;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "roumain", "română", "ro", "български"…: the language of each minutes document the detector could not tell, one
 * per document in the order the request listed them.
 */
@Component
@Order(2)
class LanguageReading implements ReplyReading {

    private final CoordinatorDecisions decisions;
    private final ReplyWords words;
    private final LanguageNames names;
    private final Messages messages;

    LanguageReading(CoordinatorDecisions decisions, ReplyWords words, LanguageNames names, Messages messages) {
        this.decisions = decisions;
        this.words = words;
        this.names = names;
        this.messages = messages;
    }

    @Override
    public Decided read(PendingDecisions.Pending pending, Reply reply) {
        List<MinutesDocument> documents = pending.uncertain();
        List<String> given = words.languagesIn(reply.text()).stream().filter(pending.minutesLanguages()::contains)
                .toList();
        String language = reply.coordinator().language();
        if (documents.isEmpty() || given.isEmpty()) {
            return Decided.NOTHING;
        }
        if (given.size() != documents.size()) {
            return Decided.refused(messages.get(language, "decision.refused.language-count", documents.size(),
                    names.names(language, given)));
        }
        Decided decided = Decided.NOTHING;
        for (int i = 0; i < documents.size(); i++) {
            MinutesDocument document = documents.get(i);
            String chosen = given.get(i);
            decided = decided.and(Decided.attempt(messages, language, () -> decisions.setLanguage(pending.reference(),
                            document.documentId(), chosen, reply.coordinator().address()),
                    "decision.language.set", name(document, language), names.name(language, chosen)));
        }
        return decided;
    }

    @Override
    public List<String> expected(PendingDecisions.Pending pending, String language) {
        if (pending.uncertain().isEmpty()) {
            return List.of();
        }
        return List.of(messages.get(language, "decision.language.expected", pending.uncertain().size(),
                names.names(language, pending.minutesLanguages())));
    }

    private String name(MinutesDocument document, String language) {
        return document.fileName() == null ? names.text(language, "minutes.body")
                : messages.get(language, "decision.document.file", document.fileName());
    }
}
