package org.relais.minutes;

import java.time.Instant;

/**
 * Seminar minutes as one partner's mail brought them (its tracking reference), collecting versions; or outreach a
 * coordinator gave, translated the same way.
 *
 * @param kind   what the versions are distributed as: minutes, or outreach (synthesis, conclusions, press-release)
 * @param mailId the partner's mail, to answer on its thread
 * @param seminar the seminar's code; null for outreach about the whole programme
 * @param state  collecting or complete
 */
public record Minutes(String reference, String kind, long mailId, String seminar, String sender,
                      String senderLanguage, String title, String state, Instant deadline) {

    public static final String MINUTES = "minutes";

    public boolean collecting() {
        return state.equals("collecting");
    }

    public boolean outreach() {
        return !kind.equals(MINUTES);
    }
}
