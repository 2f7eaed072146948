package org.relais.intake;

/**
 * A mail whose structure cannot be read; the sender is told why, in words of its language, and the original is
 * kept (the technical reason, this exception's message, stays with it for the coordinators).
 */
class MalformedMailException extends Exception {

    /** The most parts the hub reads in a mail, when having more is the reason; 0 when the structure is damaged. */
    private final int partsLimit;

    MalformedMailException(String reason, Throwable cause) {
        this(reason, cause, 0);
    }

    private MalformedMailException(String reason, Throwable cause, int partsLimit) {
        super(reason, cause);
        this.partsLimit = partsLimit;
    }

    static MalformedMailException tooManyParts(int partsLimit) {
        return new MalformedMailException("more than " + partsLimit + " parts", null, partsLimit);
    }

    int partsLimit() {
        return partsLimit;
    }
}
