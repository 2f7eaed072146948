package org.relais.console.alarms;

import java.time.Instant;
import java.util.List;

/**
 * An alarm raised by the hub about itself. {@code kind} names its message ({@code console.alarm.<kind>}), which
 * {@code arguments} fill in.
 */
public record Alarm(long id, String kind, Instant raisedAt, List<String> arguments, Instant clearedAt,
                    Long outgoingMailId) {

    public static final String MAILBOX_SILENT = "mailbox-silent";
    public static final String DEAD_LETTERS_GROWING = "dead-letters-growing";

    public String argument(int index) {
        return index < arguments.size() ? arguments.get(index) : "";
    }

    public boolean active() {
        return clearedAt == null;
    }
}
