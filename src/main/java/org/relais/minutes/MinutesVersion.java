package org.relais.minutes;

/**
 * The minutes in one language.
 *
 * @param origin sender, translator or machine
 * @param partId the mail_part to distribute: the file as received, or a UTF-8 text part Relais derived
 * @param author the sender's or translator's address, or the machine translation service
 */
public record MinutesVersion(String language, String origin, long partId, String fileName, String text,
                             String author) {
}
