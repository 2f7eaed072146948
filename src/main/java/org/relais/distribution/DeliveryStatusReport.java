package org.relais.distribution;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A delivery status notification (RFC 3464) read from its raw mail: for each recipient reported, the action, the
 * status code and the diagnostic, and the Message-ID of the mail it is about (from the returned headers).
 */
record DeliveryStatusReport(String originalMessageId, List<RecipientStatus> recipients) {

    enum Severity { HARD, SOFT, DELAYED, NONE }

    record RecipientStatus(String recipient, String action, String status, String diagnostic) {

        /** failed + 5.x.x is hard, failed + 4.x.x soft, delayed is only news; delivered/relayed are no bounce. */
        Severity severity() {
            String act = action == null ? "" : action.toLowerCase(Locale.ROOT);
            if (act.equals("failed")) {
                return status != null && status.startsWith("4") ? Severity.SOFT : Severity.HARD;
            }
            return act.equals("delayed") ? Severity.DELAYED : Severity.NONE;
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    static DeliveryStatusReport parse(byte[] raw) throws MessagingException, IOException {
        return parse(message(raw));
    }

    static MimeMessage message(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    static DeliveryStatusReport parse(MimeMessage message) throws MessagingException, IOException {
        List<RecipientStatus> recipients = new ArrayList<>();
        String[] originalId = {null};
        walk(message, recipients, originalId);
        return new DeliveryStatusReport(originalId[0], recipients);
    }

    private static void walk(Part part, List<RecipientStatus> recipients, String[] originalId)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, recipients, originalId);
            }
        } else if (part.isMimeType("message/delivery-status")) {
            recipients.addAll(statuses(part.getInputStream()));
        } else if (part.isMimeType("text/rfc822-headers") && originalId[0] == null) {
            try (InputStream in = part.getInputStream()) {
                originalId[0] = new InternetHeaders(in).getHeader("Message-ID", null);
            }
        } else if (part.isMimeType("message/rfc822") && originalId[0] == null) {
            try (InputStream in = part.getInputStream()) {
                originalId[0] = new InternetHeaders(in).getHeader("Message-ID", null);
            }
        }
    }

    /** The per-message block, then one block of fields per recipient, separated by blank lines. */
    private static List<RecipientStatus> statuses(InputStream content) throws MessagingException, IOException {
        List<RecipientStatus> statuses = new ArrayList<>();
        try (PushbackInputStream in = new PushbackInputStream(content)) {
            new InternetHeaders(in);
            while (hasMore(in)) {
                InternetHeaders fields = new InternetHeaders(in);
                String recipient = address(fields.getHeader("Final-Recipient", null));
                if (recipient == null) {
                    recipient = address(fields.getHeader("Original-Recipient", null));
                }
                if (recipient != null) {
                    statuses.add(new RecipientStatus(recipient, strip(fields.getHeader("Action", null)),
                            strip(fields.getHeader("Status", null)), strip(fields.getHeader("Diagnostic-Code", null))));
                }
            }
        }
        return statuses;
    }

    private static boolean hasMore(PushbackInputStream in) throws IOException {
        int next;
        do {
            next = in.read();
        } while (next == '\r' || next == '\n');
        if (next < 0) {
            return false;
        }
        in.unread(next);
        return true;
    }

    /** "rfc822; someone@example.org" → someone@example.org */
    private static String address(String field) {
        if (field == null) {
            return null;
        }
        String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
        value = value.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        return value.isEmpty() ? null : value;
    }

    private static String strip(String value) {
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }
}
