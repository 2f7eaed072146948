package org.relais.support;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A mail as a partner's client would send it to the hub, over SMTP. */
public class TestMail {

    public static final String HUB = "hub@relais.test";

    private final int smtpPort;
    private final Session session;
    private String from = "arges@relais.test";
    private String to = HUB;
    private String subject = "";
    private String text = "Bună ziua,\nvă trimit documentul.\n";
    private String messageId;
    private final List<MimeBodyPart> attachments = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A mail to the hub through the SMTP server on this port (the benchmarks run their own). */
    public TestMail(int smtpPort) {
        this.smtpPort = smtpPort;
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        this.session = Session.getInstance(properties);
    }

    public TestMail from(String address) {
        this.from = address;
        return this;
    }

    /** Where the mail goes (the envelope recipient too); the hub's address unless told. */
    public TestMail to(String address) {
        this.to = address;
        return this;
    }

    /**
     * A reply to a mail of the hub as a mail client writes it: to the mail's Reply-To, "Re: " and its subject,
     * threaded on it (In-Reply-To, References).
     */
    public TestMail answering(MimeMessage request) {
        try {
            String messageId = request.getMessageID();
            String references = request.getHeader("References", " ");
            return to(((InternetAddress) request.getReplyTo()[0]).getAddress())
                    .subject("Re: " + request.getSubject())
                    .header("In-Reply-To", messageId)
                    .header("References", references == null ? messageId : references + " " + messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestMail subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestMail text(String text) {
        this.text = text;
        return this;
    }

    public TestMail messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    public TestMail header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public TestMail attach(String fileName, byte[] content, String contentType) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
            part.setFileName(fileName);
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            attachments.add(part);
            return this;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attachment read from a file as the mail is sent: one larger than the heap can hold twice. */
    public TestMail attach(String fileName, Path file, String contentType) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.attachFile(file.toFile(), contentType, null);
            part.setFileName(fileName);
            attachments.add(part);
            return this;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public MimeMessage build() {
        try {
            MimeMessage message = messageId == null ? new MimeMessage(session) : new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            if (attachments.isEmpty()) {
                message.setText(text, "UTF-8");
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                mixed.addBodyPart(body);
                for (MimeBodyPart attachment : attachments) {
                    mixed.addBodyPart(attachment);
                }
                message.setContent(mixed);
            }
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MimeMessage send() {
        MimeMessage message = build();
        send(message);
        return message;
    }

    public void send(MimeMessage message) {
        try {
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the mail as the partnership's mail server delivers it to the hub mailbox: with the header lines that
     * server writes on top of what it received (its Authentication-Results, for instance), above any header the
     * sender wrote.
     */
    public MimeMessage sendThroughServer(String... serverHeaders) {
        MimeMessage message = build();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes((String.join("\r\n", serverHeaders) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(bytes(message));
        sendRaw(from, raw.toByteArray());
        return message;
    }

    /** Sends bytes exactly as given, however broken, the way a faulty client would. */
    public void sendRaw(String envelopeFrom, byte[] raw) {
        sendRaw(envelopeFrom, HUB, raw);
    }

    /** Sends bytes exactly as given to an envelope recipient of the hub's mailbox (a plus-address). */
    public void sendRaw(String envelopeFrom, String envelopeTo, byte[] raw) {
        RawSmtp.send(smtpPort, envelopeFrom, envelopeTo, raw);
    }

    public static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Session session() {
        return session;
    }

    /** The decoded bytes of the attachment of that name in a mail as sent (a test's own reading, not the hub's). */
    public static byte[] attachment(byte[] mail, String fileName) {
        try {
            Multipart parts = (Multipart) new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mail)).getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (fileName.equals(parts.getBodyPart(i).getFileName())) {
                    return parts.getBodyPart(i).getInputStream().readAllBytes();
                }
            }
            throw new AssertionError("no " + fileName + " in the mail");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
