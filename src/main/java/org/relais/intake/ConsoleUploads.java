package org.relais.intake;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.relais.HubProperties;
import org.relais.broker.RouteHandOff;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents a coordinator gives the hub from the console, with their kind and seminar chosen in the form. They come
 * in as a mail from the coordinators' address, stored like a fetched one, so that intake inspects, records and
 * acknowledges them as it does every mail; intake takes the chosen kind and seminar instead of guessing them.
 */
@Component
public class ConsoleUploads {

    /** A file as the browser sent it. */
    public record File(String name, String contentType, byte[] content) {
    }

    /**
     * @param seminarCode null: the whole programme
     * @param subject     the subject of the mail that carries the files (the kind and seminar in words)
     * @param note        the text of that mail, blank if the coordinator wrote none
     */
    public record Upload(DocumentKind kind, String seminarCode, String subject, String note, List<File> files,
                         String uploadedBy) {
    }

    /** What the coordinator chose for an uploaded mail's documents. */
    record Chosen(DocumentKind kind, String seminarCode) {
    }

    private final InboundMailRepository mails;
    private final RouteHandOff handOff;
    private final String coordinatorAddress;
    private final String hubAddress;
    private final Path spool;
    private final Session session = Session.getInstance(new Properties());

    ConsoleUploads(InboundMailRepository mails, RouteHandOff handOff, HubProperties hub) throws IOException {
        this.mails = mails;
        this.handOff = handOff;
        this.coordinatorAddress = hub.coordinatorAddress();
        this.hubAddress = hub.hubAddress();
        this.spool = SpooledMail.folderIn(hub.dataDir());
    }

    /** Stores the upload as a mail and hands it to intake once committed; the stored mail's id. */
    @Transactional
    public long submit(Upload upload) {
        if (!upload.kind().outreach()) {
            throw new IllegalArgumentException("Only outreach is uploaded from the console, not " + upload.kind());
        }
        if (upload.files().isEmpty()) {
            throw new IllegalArgumentException("No file to upload");
        }
        try (SpooledMail raw = SpooledMail.of(message(upload), spool)) {
            MimeMessage headers = raw.message();
            DedupKey key;
            try (InputStream in = raw.stream()) {
                key = DedupKey.of(in, headers);
            }
            MailReceipt receipt = mails.storeIfNew(key, headers.getMessageID(), coordinatorAddress,
                    upload.subject(), raw);
            mails.recordUpload(receipt.mailId(), new Chosen(upload.kind(), upload.seminarCode()), upload.uploadedBy());
            handOff.afterCommit(receipt.ticket());
            return receipt.mailId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write the upload as a mail", e);
        }
    }

    private MimeMessage message(Upload upload) throws MessagingException {
        String messageId = "<upload." + UUID.randomUUID() + "@" + hubAddress.substring(hubAddress.indexOf('@') + 1)
                + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(coordinatorAddress));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(hubAddress));
        message.setSubject(upload.subject(), "UTF-8");
        message.setSentDate(new Date());
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart note = new MimeBodyPart();
        note.setText(upload.note() == null ? "" : upload.note(), "UTF-8");
        mixed.addBodyPart(note);
        for (File file : upload.files()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(),
                    file.contentType() == null || file.contentType().isBlank() ? "application/octet-stream"
                            : file.contentType())));
            part.setFileName(file.name());
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }
}
