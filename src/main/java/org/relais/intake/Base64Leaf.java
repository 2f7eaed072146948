package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A base64 leaf of a mail read from its raw bytes by the JDK's decoder, which JavaMail's decoding stream is slower
 * than: a 100 KB attachment in 0.42 ms against 0.70 under the client compiler (bench/README.md, "The routes' reads of
 * an outcome"). Both ways ignore line breaks and other characters outside the alphabet; where the JDK refuses an
 * encoding (data after the padding, a lone last character), the leaf is read through JavaMail, as before, and a leaf
 * of more than {@link #MAX_ENCODED_BYTES} too, so that only a part's decoded bytes are ever held whole. A last group
 * without its padding, which JavaMail refused (the mail was answered as unreadable), is decoded: the padding adds
 * nothing a decoder needs.
 *
 * <p>Its decoded size is counted from the encoding, and its first bytes can be decoded alone: a PDF's first bytes tell
 * all intake asks of it, and counting takes a third of decoding (bench/README.md, "A leaf read as far as its kind
 * needs").
 */
final class Base64Leaf {

    static final int MAX_ENCODED_BYTES = 4 << 20;
    /**
     * What each byte adds to a count of an encoding's characters of the alphabet (low half) and padding (high half):
     * one addition a byte, without a branch, is what the client compiler runs fastest (0.11 ms for 100 KB encoded).
     */
    private static final long[] COUNTS = new long[256];
    private static final long PADDING = 1L << 32;

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
            COUNTS[c] = 1;
        }
        COUNTS['='] = PADDING;
    }

    private final byte[] encoded;
    /** The characters of the alphabet, all before any padding. */
    private final int characters;

    private Base64Leaf(byte[] encoded, int characters) {
        this.encoded = encoded;
        this.characters = characters;
    }

    /**
     * The raw bytes of a base64 leaf of at most {@link #MAX_ENCODED_BYTES} in an encoding the JDK takes; empty for any
     * other leaf.
     */
    static Optional<Base64Leaf> of(Part leaf) throws MessagingException, IOException {
        if (!"base64".equalsIgnoreCase(encoding(leaf)) || leaf.getSize() < 0 || leaf.getSize() > MAX_ENCODED_BYTES) {
            return Optional.empty();
        }
        byte[] encoded;
        try (InputStream in = raw(leaf)) {
            encoded = in.readAllBytes();
        }
        long counts = 0;
        for (byte b : encoded) {
            counts += COUNTS[b & 0xff];
        }
        int characters = (int) counts;
        long paddings = counts / PADDING;
        long paddingsAtTheEnd = 0;
        for (int i = encoded.length - 1; i >= 0 && COUNTS[encoded[i] & 0xff] != 1; i--) {
            paddingsAtTheEnd += COUNTS[encoded[i] & 0xff] / PADDING;
        }
        // the JDK refuses a lone last character, padding after a whole group, and data after the padding
        boolean refused = characters % 4 == 1 || paddings > 0 && (characters % 4 == 0 || paddingsAtTheEnd < paddings);
        return refused ? Optional.empty() : Optional.of(new Base64Leaf(encoded, characters));
    }

    /**
     * The first {@code length} decoded bytes of a base64 leaf, or all of a shorter one, decoded from as much of its raw
     * bytes as they take; empty for any other leaf, for lines too short to find them where mail clients put them, or
     * for an encoding the JDK refuses there.
     */
    static Optional<byte[]> firstBytes(Part leaf, int length) throws MessagingException, IOException {
        if (!"base64".equalsIgnoreCase(encoding(leaf))) {
            return Optional.empty();
        }
        int wanted = (length + 2) / 3 * 4;
        // lines of 64 characters or more, each with its line break: what mail clients write
        int asked = wanted + wanted / 16 + 16;
        byte[] encoded;
        try (InputStream in = raw(leaf)) {
            encoded = in.readNBytes(asked);
        }
        int end = endOf(encoded, wanted);
        if (end == encoded.length && encoded.length == asked) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(Arrays.copyOf(encoded, end));
            return Optional.of(decoded.length > length ? Arrays.copyOf(decoded, length) : decoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The decoded bytes of a base64 leaf, as {@link #of} takes them; empty for any other. */
    static Optional<byte[]> decoded(Part leaf) throws MessagingException, IOException {
        Optional<Base64Leaf> base64 = of(leaf);
        return base64.isPresent() ? base64.get().decoded() : Optional.empty();
    }

    /** How many bytes the leaf decodes to, counted without decoding them. */
    long size() {
        return characters / 4 * 3L + Math.max(0, characters % 4 - 1);
    }

    /** All the decoded bytes; empty where the JDK refuses what {@link #of} did not foresee. */
    Optional<byte[]> decoded() {
        try {
            return Optional.of(Base64.getMimeDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first {@code length} decoded bytes (a multiple of 3, less than {@link #size}). */
    byte[] head(int length) {
        return Base64.getMimeDecoder().decode(Arrays.copyOf(encoded, endOf(encoded, length / 3 * 4)));
    }

    /** Where the first {@code wanted} characters of the alphabet end in the encoding, or its end if they are fewer. */
    private static int endOf(byte[] encoded, int wanted) {
        int end = 0;
        for (int seen = 0; seen < wanted && end < encoded.length; end++) {
            seen += (int) COUNTS[encoded[end] & 0xff];
        }
        return end;
    }

    private static InputStream raw(Part leaf) throws MessagingException {
        return leaf instanceof MimeBodyPart part ? part.getRawInputStream()
                : ((MimeMessage) leaf).getRawInputStream();
    }

    private static String encoding(Part leaf) throws MessagingException {
        String encoding = leaf instanceof MimeBodyPart part ? part.getEncoding()
                : leaf instanceof MimeMessage message ? message.getEncoding() : null;
        return encoding == null ? null : encoding.strip();
    }
}
