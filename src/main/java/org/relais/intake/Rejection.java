package org.relais.intake;

import java.util.Locale;

/** Why an attachment is not taken in; each has a sentence per language in config/i18n. */
enum Rejection {
    TOO_LARGE, EMPTY, EXECUTABLE, ARCHIVE, ENCRYPTED, MACRO, CORRUPT, MISMATCH;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
