package org.relais.console.documents;

import java.time.Instant;

/**
 * One step in a document's life, from the mail that brought it to the last delivery.
 *
 * @param step    what happened; the console names it with {@code console.step.<step>}
 * @param outcome ok, warning, failed or pending
 * @param detail  what the step concerned (a file name, a recipient, a verdict), as text
 * @param error   why it failed, when it did
 * @param text    a longer text to unfold, such as the body of a mail as sent
 */
public record TrailStep(Instant at, String step, String outcome, String detail, String error, String text) {

    public static TrailStep ok(Instant at, String step, String detail) {
        return new TrailStep(at, step, "ok", detail, null, null);
    }

    public TrailStep withText(String text) {
        return new TrailStep(at, step, outcome, detail, error, text);
    }
}
