package org.relais.translation;

/** The machine translation service could not translate: unreachable, refused, too busy, unsupported pair. */
public class MachineTranslationException extends Exception {

    public MachineTranslationException(String message) {
        super(message);
    }

    public MachineTranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
