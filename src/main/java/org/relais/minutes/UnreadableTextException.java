package org.relais.minutes;

/** A part whose text cannot be read; {@code reason} is a stable code the mails and the console name. */
public class UnreadableTextException extends Exception {

    private final String reason;

    public UnreadableTextException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
