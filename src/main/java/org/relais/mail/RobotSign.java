package org.relais.mail;

import java.util.Locale;

/** A sign that a mail was written by a machine, not by a person (docs/loop-guard.md). */
public enum RobotSign {

    /** It answers one of the hub's mails sooner after that mail went out than a person reads and writes. */
    QUICK_REPLY,
    /** The same subject and content as an earlier mail of the same sender within the hour. */
    REPEATED,
    /** Written sooner after the same sender's previous mail than a person writes one. */
    PACE;

    /** How the sign is stored and named in the console's texts. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RobotSign of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
