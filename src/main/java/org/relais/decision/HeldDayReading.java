package org.relais.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.relais.attendance.WrittenDate;
import org.relais.calendar.SeminarDates;
import org.relais.mail.LongDates;
import org.relais.mail.Messages;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "15 septembre 2009", "15.09.2009", "2009-09-15": the day a seminar was held, in reply to the mail that asked for it
 * (dates read as on an attendance sheet, month names in the partnership's languages).
 */
@Component
@Order(6)
class HeldDayReading implements ReplyReading {

    private final CoordinatorDecisions decisions;
    private final Messages messages;

    HeldDayReading(CoordinatorDecisions decisions, Messages messages) {
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public Decided read(PendingDecisions.Pending pending, Reply reply) {
        Optional<LocalDate> day = WrittenDate.firstIn(reply.text());
        if (pending.seminar().isEmpty() || day.isEmpty()) {
            return Decided.NOTHING;
        }
        String language = reply.coordinator().language();
        return Decided.attempt(messages, language, () -> decisions.recordHeld(pending.reference(), day.get(),
                        reply.coordinator().address()),
                "decision.held.set", seminar(pending.seminar().get(), language), LongDates.of(day.get(), language));
    }

    @Override
    public List<String> expected(PendingDecisions.Pending pending, String language) {
        return pending.seminar().map(seminar -> List.of(messages.get(language, "decision.held.expected",
                seminar(seminar, language), LongDates.of(seminar.day(), language)))).orElse(List.of());
    }

    private String seminar(SeminarDates seminar, String language) {
        return messages.get(language, "seminar.named", seminar.seminar().number(), seminar.seminar().keywords().get(0));
    }
}
