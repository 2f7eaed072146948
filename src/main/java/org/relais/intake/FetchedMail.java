package org.relais.intake;

/** A mail fetched and spooled, with what the store needs to know it again. */
record FetchedMail(long uid, SpooledMail raw, DedupKey dedupKey, String messageId, String sender, String subject) {
}
