package org.relais.translation;

/** The claim check on {@code translation.follow-up}. kind: reminder or escalation, for one translator of one job. */
public record FollowUpTicket(String kind, long jobId, String translator) {
}
