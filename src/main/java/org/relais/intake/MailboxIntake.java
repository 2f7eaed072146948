package org.relais.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.springframework.beans.factory.annotation.Value;
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
    private final Path spool;

    MailboxIntake(InboundMailRepository repository, @Value("${relais.data-dir}") Path dataDirectory) {
        this.repository = repository;
        this.spool = SpooledMail.folderIn(dataDirectory);
    }

    /** The mail goes through a spool file, never whole in memory; the file is gone once the row is written. */
    @Transactional
    public MailReceipt store(Message message) throws MessagingException, IOException {
        try (SpooledMail raw = SpooledMail.of(message, spool)) {
            if (message instanceof IMAPMessage prefetched) {
                // the folder keeps its messages while connected: bytes MailboxPrefetch fetched must not stay with them
                prefetched.invalidateHeaders();
            }
            MimeMessage headers = raw.message();
            String dedupKey;
            try (InputStream in = raw.stream()) {
                dedupKey = DedupKey.of(in, headers);
            }
            return repository.storeIfNew(dedupKey, headers.getHeader("Message-ID", " "), senderOrNull(headers),
                    subjectOf(headers), raw);
        }
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
