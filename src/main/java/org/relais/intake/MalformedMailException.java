package org.relais.intake;

/** A mail whose structure cannot be read; the sender is told why and the original is kept. */
class MalformedMailException extends Exception {

    MalformedMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
