package org.relais.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.relais.HubProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Builds a mail and stores it, ready to send: the rendered mail is what the ledger keeps, so a retry sends exactly
 * what was decided, with the same Message-ID.
 */
@Component
public class OutgoingMailComposer {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u0085\\u2028\\u2029]+");
    private static final Session SESSION = Session.getInstance(new Properties());

    private final OutgoingMailRepository repository;
    private final SignedAddresses addresses;
    private final String hubAddress;
    private final String publicName;
    private final String messageIdDomain;

    OutgoingMailComposer(OutgoingMailRepository repository, SignedAddresses addresses,
                         HubProperties hub) {
        this.repository = repository;
        this.addresses = addresses;
        this.hubAddress = hub.hubAddress();
        this.publicName = hub.publicName();
        this.messageIdDomain = hub.hubAddress().substring(hub.hubAddress().indexOf('@') + 1);
    }

    /** A mail written out to its last byte, with the id it will be stored under, not stored yet. */
    public record Composed(long id, String purpose, Long inboundMailId, String recipient, String language,
                           String subject, String messageId, byte[] raw, String listId, String request) {
    }

    /**
     * Stores the mail and returns its id for the {@code mail.outgoing} queue. Its Reply-To is its own signed address
     * for its recipient, and its Message-ID is random (UUID from a secure random source): a reply proves it answers
     * this mail by either, and nobody else can guess them.
     */
    public long store(OutgoingMail mail) {
        return store(compose(mail));
    }

    /**
     * Writes the mail out without storing it: a caller that still has to decide whether it goes (the loop guard, under
     * the sender's lock) does the writing first, so that the lock is held only for the decision. A mail never stored
     * leaves its id unused.
     */
    public Composed compose(OutgoingMail mail) {
        long id = repository.nextId();
        String recipient = mail.recipient().toLowerCase(Locale.ROOT);
        String messageId = "<" + mail.purpose() + "." + UUID.randomUUID() + "@" + messageIdDomain + ">";
        String subject = singleLine(mail.text().subject());
        String replyTo = addresses.address(SignedAddresses.Kind.REPLY, id, recipient, mail.purpose());
        byte[] raw = render(mail, subject, messageId, replyTo);
        return new Composed(id, mail.purpose(), mail.inboundMailId(), recipient, mail.language(), subject, messageId,
                raw, mail.list() == null ? null : mail.list().listId(), mail.request());
    }

    /** Stores a composed mail and returns its id for the {@code mail.outgoing} queue. */
    public long store(Composed mail) {
        repository.insert(mail.id(), mail.purpose(), mail.inboundMailId(), mail.recipient(), mail.language(),
                mail.subject(), mail.messageId(), mail.raw(), mail.listId(), mail.request());
        return mail.id();
    }

    /** Text that came from outside (a subject, a file name) never breaks a header line. */
    public static String singleLine(String text) {
        return text == null ? "" : LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }

    private byte[] render(OutgoingMail mail, String subject, String messageId, String replyTo) {
        try {
            MimeMessage message = new FixedIdMimeMessage(messageId);
            boolean multipart = !mail.attachments().isEmpty() || mail.html() != null;
            MimeMessageHelper helper = new SharedTypesHelper(message, multipart);
            helper.setFrom(new InternetAddress(hubAddress, publicName, "UTF-8"));
            helper.setReplyTo(new InternetAddress(replyTo, publicName, "UTF-8"));
            helper.setTo(new InternetAddress(mail.recipient(), singleLine(mail.recipientName()), "UTF-8"));
            helper.setSubject(subject);
            helper.setSentDate(new Date());
            if (mail.html() == null) {
                helper.setText(mail.text().body());
            } else {
                helper.setText(mail.text().body(), mail.html());
            }
            for (OutgoingMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(singleLine(attachment.fileName()), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", singleLine(mail.inReplyTo()));
                String references = mail.references() == null ? mail.inReplyTo()
                        : mail.references() + " " + mail.inReplyTo();
                // folded: a summary names many mails, and a header line may not pass 998 characters
                message.setHeader("References", MimeUtility.fold("References: ".length(), singleLine(references)));
            }
            // RFC 3834: tells other robots not to answer, so that no two machines ever loop.
            message.setHeader("Auto-Submitted", mail.inReplyTo() != null ? "auto-replied" : "auto-generated");
            message.setHeader("Content-Language", mail.language());
            if (mail.list() != null) {
                listHeaders(message, mail.list(), replyTo);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot build the mail to " + mail.recipient() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Spring's helper reads a new MIME type table (mime.types from every jar) for each mail unless the message comes
     * from its own sender; this one shares one table.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final ConfigurableMimeFileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

        static {
            FILE_TYPES.afterPropertiesSet();
        }

        SharedTypesHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }
    }

    /**
     * RFC 2369 list headers (the mailto goes to the mail's signed reply address, so that a mail client's unsubscribe
     * button is a bound reply), and RFC 8058 one-click unsubscription when there is a link to post to.
     */
    private static void listHeaders(MimeMessage message, OutgoingMail.ListHeaders list, String replyTo)
            throws MessagingException {
        message.setHeader("List-Id", singleLine(list.listName()) + " <" + singleLine(list.listId()) + ">");
        StringBuilder unsubscribe = new StringBuilder();
        if (list.unsubscribeSubject() != null) {
            unsubscribe.append("<mailto:").append(replyTo).append("?subject=")
                    .append(UriUtils.encodeQueryParam(singleLine(list.unsubscribeSubject()), StandardCharsets.UTF_8))
                    .append("&body=unsubscribe>");
        }
        if (list.unsubscribeUrl() != null) {
            unsubscribe.append(unsubscribe.isEmpty() ? "" : ", ").append('<').append(singleLine(list.unsubscribeUrl()))
                    .append('>');
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (!unsubscribe.isEmpty()) {
            message.setHeader("List-Unsubscribe", MimeUtility.fold("List-Unsubscribe: ".length(), unsubscribe.toString()));
        }
        message.setHeader("Precedence", "list");
    }

    /** A MimeMessage that keeps the Message-ID Relais gave it when the mail is saved or sent. */
    static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
