package org.relais.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.relais.mail.Messages;
import org.relais.minutes.Dispatch;

/**
 * What a coordinator's reply decided: what the flows hand on, and the lines of the answer, in the coordinator's
 * language — what was applied, and what could not be.
 */
record Decided(Dispatch dispatch, List<String> done, List<String> refused) {

    static final Decided NOTHING = new Decided(Dispatch.none(), List.of(), List.of());

    /**
     * Applies one decision: the line {@code doneKey} (of config/i18n/decisions_*) in the reader's language when it is
     * applied, the reason ({@code decision.refused.<code>}) when it is refused.
     */
    static Decided attempt(Messages messages, String language, Supplier<Dispatch> decision, String doneKey,
                           Object... arguments) {
        try {
            Dispatch dispatch = decision.get();
            return new Decided(dispatch, List.of(messages.get(language, doneKey, arguments)), List.of());
        } catch (DecisionRefused refused) {
            return refused(messages, language, refused);
        }
    }

    /** Why a decision was not applied, in the reader's language. */
    static Decided refused(Messages messages, String language, DecisionRefused refused) {
        return refused(messages.get(language, "decision.refused." + refused.code(), refused.arguments()));
    }

    static Decided refused(String line) {
        return new Decided(Dispatch.none(), List.of(), List.of(line));
    }

    boolean isEmpty() {
        return done.isEmpty() && refused.isEmpty();
    }

    Decided and(Decided other) {
        return new Decided(dispatch.and(other.dispatch), joined(done, other.done), joined(refused, other.refused));
    }

    private static List<String> joined(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
