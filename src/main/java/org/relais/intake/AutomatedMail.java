package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;

/**
 * Mail written by a machine — auto-replies, bounces, list traffic — which Relais never answers, so that two robots
 * can never write to each other forever (RFC 3834, RFC 3464, RFC 2369).
 */
final class AutomatedMail {

    private AutomatedMail() {
    }

    /** Why the mail is automated, or empty for mail a person wrote. */
    static Optional<String> reason(MimeMessage message, String sender, String hubAddress) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no")) {
            return Optional.of("auto-submitted: " + autoSubmitted);
        }
        String precedence = header(message, "Precedence");
        if (precedence.matches("bulk|junk|list|auto_reply")) {
            return Optional.of("precedence: " + precedence);
        }
        for (String marker : new String[] {"X-Autoreply", "X-Autorespond", "List-Id",
                "List-Unsubscribe", "List-Post", "Feedback-ID"}) {
            if (message.getHeader(marker) != null) {
                return Optional.of(marker.toLowerCase(Locale.ROOT));
            }
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath.equals("<>")) {
            return Optional.of("null sender");
        }
        if (message.isMimeType("multipart/report")) {
            return Optional.of("delivery report");
        }
        if (sender == null) {
            return Optional.of("no sender");
        }
        String local = sender.substring(0, Math.max(0, sender.indexOf('@')));
        if (local.equals("mailer-daemon") || local.equals("postmaster") || local.startsWith("noreply")
                || local.startsWith("no-reply") || sender.equals(hubAddress)) {
            return Optional.of("sender " + sender);
        }
        return Optional.empty();
    }

    static boolean isDeliveryReport(MimeMessage message) throws MessagingException {
        return message.isMimeType("multipart/report");
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
