package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A spooled mail with what the store needs to know it again: its key, and the headers its row shows. The caller
 * closes the spool.
 */
record StorableMail(SpooledMail raw, DedupKey dedupKey, String messageId, String sender, String subject) {

    static StorableMail of(SpooledMail raw) throws MessagingException, IOException {
        MimeMessage headers = raw.message();
        DedupKey dedupKey;
        try (InputStream in = raw.stream()) {
            dedupKey = DedupKey.of(in, headers);
        }
        return new StorableMail(raw, dedupKey, headers.getHeader("Message-ID", " "), senderOrNull(headers),
                subjectOf(headers));
    }

    /** Stored unless a mail with the same key is there: see {@link InboundMailRepository#storeIfNew}. */
    MailReceipt storeIn(InboundMailRepository repository) throws IOException {
        return repository.storeIfNew(dedupKey, messageId, sender, subject, raw);
    }

    /** The subject as its author wrote it (encoded words decoded), else as it stands in the header. */
    private static String subjectOf(MimeMessage headers) throws MessagingException {
        try {
            return MailParser.decodedSubject(headers);
        } catch (MessagingException | RuntimeException e) {
            return headers.getHeader("Subject", " ");
        }
    }

    /** Nothing in a mail's content may stop it from being stored: a broken From is dealt with later. */
    private static String senderOrNull(MimeMessage headers) {
        try {
            InternetAddress from = MailParser.sender(headers);
            return from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
