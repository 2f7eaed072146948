package org.relais.decision;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.attendance.AttendanceCount;
import org.relais.attendance.SheetParticipant;
import org.relais.mail.Messages;
import org.relais.minutes.LanguageNames;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "3 élus", "n° 7 : ONG", "12 - aleși": the category of an attendance sheet's participant, one line each, by the
 * number the request gave it (words of config/attendance/columns.yaml, as on the sheets). With a single participant
 * to correct, a short reply with the category alone will do.
 */
@Component
@Order(4)
class CategoryReading implements ReplyReading {

    /** A line that starts with a participant's number: "3 élu", "n° 3 : élu", "#3 - élu", "3) élu". */
    private static final Pattern NUMBERED = Pattern.compile(
            "^\\s*(?:n[°o]\\.?|nr\\.?|no\\.|#|№)?\\s*(\\d{1,4})\\b[\\s).:\\-–—]*(.*)$", Pattern.CASE_INSENSITIVE);
    /** "C'est une élue." names a category; a longer text that mentions a mayor is about something else. */
    private static final int SHORT_REPLY_WORDS = 6;

    private final CoordinatorDecisions decisions;
    private final AttendanceCount attendance;
    private final LanguageNames names;
    private final Messages messages;

    CategoryReading(CoordinatorDecisions decisions, AttendanceCount attendance, LanguageNames names,
                    Messages messages) {
        this.decisions = decisions;
        this.attendance = attendance;
        this.names = names;
        this.messages = messages;
    }

    @Override
    public Decided read(PendingDecisions.Pending pending, Reply reply) {
        List<SheetParticipant> unrecognised = pending.unrecognised();
        if (unrecognised.isEmpty()) {
            return Decided.NOTHING;
        }
        String language = reply.coordinator().language();
        Decided decided = Decided.NOTHING;
        boolean numbered = false;
        for (String line : reply.text().split("\\R")) {
            Matcher matcher = NUMBERED.matcher(line);
            Optional<SheetParticipant> participant = matcher.matches() ? pending.participants().stream()
                    .filter(p -> p.number() == Integer.parseInt(matcher.group(1))).findFirst() : Optional.empty();
            if (participant.isPresent()) {
                numbered = true;
                decided = decided.and(correct(pending, participant.get(), matcher.group(2), reply, language));
            }
        }
        if (!numbered && unrecognised.size() == 1 && reply.text().strip().split("\\s+").length <= SHORT_REPLY_WORDS
                && attendance.categoryIn(reply.text()).isPresent()) {
            decided = correct(pending, unrecognised.get(0), reply.text(), reply, language);
        }
        return decided;
    }

    private Decided correct(PendingDecisions.Pending pending, SheetParticipant participant, String words,
                            Reply reply, String language) {
        Optional<String> category = attendance.categoryIn(words);
        if (category.isEmpty()) {
            return Decided.refused(messages.get(language, "decision.refused.category-word", participant.number(),
                    participant.name(), words.strip()));
        }
        return Decided.attempt(messages, language, () -> decisions.correctCategory(pending.reference(),
                        participant.id(), category.get(), reply.coordinator().address()),
                "decision.category.set", participant.number(), participant.name(), categoryName(category.get(),
                        language));
    }

    @Override
    public List<String> expected(PendingDecisions.Pending pending, String language) {
        if (pending.unrecognised().isEmpty()) {
            return List.of();
        }
        List<String> categories = pending.categories().stream().map(c -> categoryName(c, language)).toList();
        return List.of(messages.get(language, "decision.category.expected", String.join(", ", categories),
                pending.unrecognised().get(0).number(), categories.get(0)));
    }

    private String categoryName(String category, String language) {
        return names.text(language, "attendance.category." + category);
    }
}
