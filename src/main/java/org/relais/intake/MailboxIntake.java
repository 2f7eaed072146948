package org.relais.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step for every fetched mail: its bytes into PostgreSQL, committed before the mail server hears that the
 * mail was taken (the route marks it seen only after this returns). A mail fetched again is recognised; if a crash
 * left it unprocessed, it is handed on once more.
 */
@Component("mailboxIntake")
public class MailboxIntake {

    private final InboundMailRepository repository;

    MailboxIntake(InboundMailRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public MailReceipt store(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        if (message instanceof IMAPMessage prefetched) {
            // the folder keeps its messages while connected: bytes MailboxPrefetch fetched must not stay with them
            prefetched.invalidateHeaders();
        }
        MimeMessage headers = MailParser.headersAndBody(bytes);
        return repository.storeIfNew(DedupKey.of(bytes, headers), headers.getHeader("Message-ID", " "),
                senderOrNull(headers), subjectOf(headers), bytes);
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
