package org.relais.decision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.relais.mail.LongDates;
import org.relais.mail.Messages;
import org.relais.mail.ReplyWords;
import org.relais.minutes.Dispatch;
import org.relais.minutes.LanguageNames;
import org.relais.minutes.MinutesDecisions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "diffuser" / "difuzați" / "разпространете": minutes still missing translations circulate with the versions they
 * have; "prolonger 14" / "prelungiți 14" / "удължете 14": their deadline moves 14 days on.
 */
@Component
@Order(3)
class CompletionReading implements ReplyReading {

    private static final List<String> ANSWERS = List.of("circulate", "extend");

    private final CoordinatorDecisions decisions;
    private final ReplyWords words;
    private final LanguageNames names;
    private final Messages messages;

    CompletionReading(CoordinatorDecisions decisions, ReplyWords words, LanguageNames names, Messages messages) {
        this.decisions = decisions;
        this.words = words;
        this.names = names;
        this.messages = messages;
    }

    @Override
    public Decided read(PendingDecisions.Pending pending, Reply reply) {
        List<String> given = words.answersIn(reply.text(), ANSWERS);
        if (pending.collecting().isEmpty() || given.size() != 1) {
            return Decided.NOTHING;
        }
        String language = reply.coordinator().language();
        if (given.get(0).equals("circulate")) {
            return Decided.attempt(messages, language,
                    () -> decisions.circulate(pending.reference(), reply.coordinator().address()),
                    "decision.minutes.circulated", names.names(language, pending.collecting().get().present()));
        }
        OptionalInt days = words.numberAfter("extend", reply.text());
        if (days.isEmpty()) {
            return Decided.refused(messages.get(language, "decision.refused.extension-days",
                    words.named("extend", language)));
        }
        try {
            Instant deadline = decisions.extend(pending.reference(), days.getAsInt());
            return new Decided(Dispatch.none(), List.of(messages.get(language, "decision.minutes.extended",
                    LongDates.of(deadline.atZone(ZoneOffset.UTC).toLocalDate(), language))), List.of());
        } catch (DecisionRefused refused) {
            return Decided.refused(messages, language, refused);
        }
    }

    @Override
    public List<String> expected(PendingDecisions.Pending pending, String language) {
        return pending.collecting().map(collecting -> List.of(
                messages.get(language, "decision.minutes.circulate.expected", words.named("circulate", language),
                        names.names(language, collecting.present())),
                messages.get(language, "decision.minutes.extend.expected", words.named("extend", language))))
                .orElse(List.of());
    }
}
