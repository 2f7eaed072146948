package org.relais.intake;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Walks a mail's MIME tree into leaf parts: nested multipart/alternative inside multipart/mixed (Outlook), forwarded
 * message/rfc822 with their own attachments, names in RFC 2231 or encoded words. Bounded: at most {@code maxParts}
 * leaves and {@code maxPartBytes} kept per part.
 */
final class MailParser {

    static final Session SESSION = Session.getInstance(sessionProperties());

    private final int maxParts;
    private final long maxPartBytes;

    MailParser(int maxParts, long maxPartBytes) {
        this.maxParts = maxParts;
        this.maxPartBytes = maxPartBytes;
    }

    /** Given a {@link jakarta.mail.internet.SharedInputStream}, the parts' contents stay in it until read. */
    static MimeMessage headersAndBody(InputStream raw) throws MessagingException {
        return new MimeMessage(SESSION, raw);
    }

    ParsedMail parse(MimeMessage message) throws MalformedMailException {
        try {
            List<LeafPart> leaves = new ArrayList<>();
            walk(message, leaf -> {
                if (leaves.size() >= maxParts) {
                    throw MalformedMailException.tooManyParts(maxParts);
                }
                leaves.add(leaf(leaf, leaves.size()));
                return true;
            });
            InternetAddress from = sender(message);
            return new ParsedMail(from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                    from == null ? null : from.getPersonal(), decodedSubject(message), message.getMessageID(),
                    message.getHeader("References", " "), bodyText(leaves), List.copyOf(leaves));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MalformedMailException(describe(e), e);
        }
    }

    static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return address;
    }

    static String decodedSubject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? "" : subject;
    }

    /**
     * The decoded bytes of the leaf at {@code position}, as {@link #parse} numbered the leaves; the other leaves are not
     * read. Intake keeps a part's position, not a copy of its bytes: the original holds them (docs/intake.md).
     */
    static byte[] contentAt(MimeMessage message, int position) throws MessagingException, IOException {
        Part[] found = new Part[1];
        int[] leaves = new int[1];
        try {
            walk(message, leaf -> {
                if (leaves[0]++ < position) {
                    return true;
                }
                found[0] = leaf;
                return false;
            });
        } catch (MalformedMailException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        if (found[0] == null) {
            throw new MessagingException("the mail has no part at position " + position);
        }
        Optional<byte[]> decoded = Base64Leaf.decoded(found[0]);
        if (decoded.isPresent()) {
            return decoded.get();
        }
        try (InputStream in = found[0].getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** What to do with each leaf, in order; false stops the walk. */
    private interface LeafVisitor {
        boolean visit(Part leaf) throws MessagingException, IOException, MalformedMailException;
    }

    /** Visits the leaves depth first; false when a visit stopped the walk. */
    private static boolean walk(Part part, LeafVisitor visitor)
            throws MessagingException, IOException, MalformedMailException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MalformedMailException("a multipart whose parts cannot be read", null);
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                if (!walk(multipart.getBodyPart(i), visitor)) {
                    return false;
                }
            }
            return true;
        }
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage forwarded) {
            return walk(forwarded, visitor);
        }
        return visitor.visit(part);
    }

    private LeafPart leaf(Part part, int position) throws MessagingException, IOException {
        String fileName = fileName(part);
        boolean attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                || !(part.isMimeType("text/plain") || part.isMimeType("text/html"));
        ContentType type = contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        Optional<Base64Leaf> base64 = Base64Leaf.of(part);
        Optional<byte[]> decoded = base64.isPresent() ? kept(base64.get(), attachment) : Optional.empty();
        if (decoded.isPresent()) {
            long size = base64.get().size();
            return new LeafPart(position, fileName, baseType, type.getParameter("charset"), decoded.get(), size,
                    attachment, size > maxPartBytes);
        }
        try (InputStream in = part.getInputStream()) {
            byte[] kept = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPartBytes + 1));
            boolean truncated = kept.length > maxPartBytes;
            long size = kept.length + (truncated ? in.transferTo(OutputStream.nullOutputStream()) : 0);
            if (truncated) {
                kept = new byte[0];
            }
            return new LeafPart(position, fileName, baseType, type.getParameter("charset"), kept, size, attachment,
                    truncated);
        }
    }

    /**
     * What a base64 leaf keeps: nothing over the part limit, only its first bytes for an attachment whose first bytes
     * tell what it is (a PDF, a picture: {@link ContentSniffer#toldByItsHead}), else all its bytes; empty where the
     * JDK refuses the encoding.
     */
    private Optional<byte[]> kept(Base64Leaf leaf, boolean attachment) {
        if (leaf.size() > maxPartBytes) {
            return Optional.of(new byte[0]);
        }
        if (attachment && leaf.size() > ContentSniffer.HEAD_BYTES) {
            byte[] head = leaf.head(ContentSniffer.HEAD_BYTES);
            if (ContentSniffer.toldByItsHead(head)) {
                return Optional.of(head);
            }
        }
        return leaf.decoded();
    }

    static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.contains("=?")) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // an unknown charset in the encoded word: keep the name as sent rather than lose it
            }
        }
        return name.strip();
    }

    private static ContentType contentType(Part part) {
        try {
            return new ContentType(part.getContentType());
        } catch (MessagingException | RuntimeException e) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    /** The first plain-text body, else the first HTML body as text; forwarded bodies count too. */
    private String bodyText(List<LeafPart> leaves) {
        return leaves.stream().filter(LeafPart::isBody).filter(p -> p.declaredType().equals("text/plain"))
                .findFirst().or(() -> leaves.stream().filter(LeafPart::isBody)
                        .filter(p -> p.declaredType().equals("text/html")).findFirst())
                .map(BodyText::of)
                .orElse("");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        // headers in raw UTF-8 (RFC 6532), as some clients and curl write them, read as UTF-8
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }
}
