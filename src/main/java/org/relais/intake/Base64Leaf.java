package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;

/**
 * A base64 leaf of a mail decoded from its raw bytes by the JDK's decoder, which JavaMail's decoding stream is
 * slower than: a 100 KB attachment in 0.42 ms against 0.70 under the client compiler (bench/README.md, "The routes'
 * reads of an outcome"). Both ways ignore line breaks and other characters outside the alphabet; where the JDK refuses
 * an encoding (data after the padding, a lone last character), the leaf is read through JavaMail, as before, and a
 * leaf of more than {@link #MAX_ENCODED_BYTES} too, so that only a part's decoded bytes are ever held whole. A last
 * group without its padding, which JavaMail refused (the mail was answered as unreadable), is decoded: the padding
 * adds nothing a decoder needs.
 */
final class Base64Leaf {

    static final int MAX_ENCODED_BYTES = 4 << 20;

    private Base64Leaf() {
    }

    /** The decoded bytes of a base64 leaf of at most {@link #MAX_ENCODED_BYTES}; empty for any other. */
    static Optional<byte[]> decoded(Part leaf) throws MessagingException, IOException {
        if (!"base64".equalsIgnoreCase(encoding(leaf)) || leaf.getSize() < 0 || leaf.getSize() > MAX_ENCODED_BYTES) {
            return Optional.empty();
        }
        byte[] encoded;
        try (InputStream in = leaf instanceof MimeBodyPart part ? part.getRawInputStream()
                : ((MimeMessage) leaf).getRawInputStream()) {
            encoded = in.readAllBytes();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encoding(Part leaf) throws MessagingException {
        String encoding = leaf instanceof MimeBodyPart part ? part.getEncoding()
                : leaf instanceof MimeMessage message ? message.getEncoding() : null;
        return encoding == null ? null : encoding.strip();
    }
}
