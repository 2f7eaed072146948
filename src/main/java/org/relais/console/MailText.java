package org.relais.console;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/** The readable text of a stored mail (its body or first plain-text part), to show as text, never as HTML. */
public final class MailText {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_DEPTH = 5;

    private MailText() {
    }

    public static String of(byte[] raw) {
        try {
            return text(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /**
     * A header as intake stored it (raw, possibly folded and encoded, =?UTF-8?Q?…?=) as a person reads it. Stays
     * text: the pages escape it like everything else that came by mail.
     */
    public static String header(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (IOException | RuntimeException e) {
            return raw;
        }
    }

    private static String text(Part part, int depth) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && part.getContent() instanceof String text) {
            return text;
        }
        if (depth < MAX_DEPTH && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child, depth + 1);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
