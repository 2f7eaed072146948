package org.relais.decision;

import java.util.List;

/**
 * A decision the hub cannot apply as asked (the review is settled already, the day is still to come…): nothing of it
 * is applied. {@code code} names the reason for the console ({@code console.decision.refused.<code>}) and the
 * coordinator's answer by mail ({@code decision.refused.<code>}), which fill in {@code arguments}.
 */
public class DecisionRefused extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    DecisionRefused(String code, Object... arguments) {
        super(code + " " + List.of(arguments));
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
