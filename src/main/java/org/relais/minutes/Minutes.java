package org.relais.minutes;

import java.time.Instant;

/**
 * Seminar minutes as one partner's mail brought them (its tracking reference), collecting versions.
 *
 * @param mailId the partner's mail, to answer on its thread
 * @param state  collecting or complete
 */
public record Minutes(String reference, long mailId, String seminar, String sender, String senderLanguage,
                      String title, String state, Instant deadline) {

    public boolean collecting() {
        return state.equals("collecting");
    }
}
