package org.relais.intake;

import jakarta.mail.Multipart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.relais.mail.Arrival;

/**
 * What the loop guard needs to know of a mail: when it was written, a fingerprint of what it says, and which mails it
 * answers (docs/loop-guard.md).
 */
final class LoopFacts {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern TRACKING_TAG = Pattern.compile("\\[REL-\\d{4}-\\d+]");
    /** Reply and forward prefixes of the partnership's mail clients (Re, Fwd, Tr, AW, Răspuns, Отг …), repeated. */
    private static final Pattern REPLY_PREFIXES = Pattern.compile(
            "^(\\s*(re|fw|fwd|tr|aw|wg|sv|vs|rv|ref|răspuns|raspuns|отг|отн|пр)(\\[\\d+])?\\s*:)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A Date this far ahead of the hub's clock is not believed. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_LEAVES = 200;
    /**
     * Of each leaf, its size and a CRC-32C of its first bytes are hashed: they tell a file sent again from another
     * file. A SHA-256 of whole attachments was a third of intake's CPU under a burst (bench/README.md, "Intake"); of
     * 16 KB it still takes 0.12 ms under the client compiler, which has no SHA intrinsics, and CRC-32C 1 µs. A base64
     * leaf's first bytes are decoded by the JDK (Base64Leaf), which is faster than JavaMail's stream.
     */
    private static final int HASHED_BYTES_PER_PART = 16 << 10;
    private static final int MAX_ANSWERED = 50;

    private LoopFacts() {
    }

    static Arrival of(long mailId, MimeMessage message, String sender, Instant now) throws MessagingException {
        return new Arrival(mailId, sender, writtenAt(message, now), fingerprint(message), answered(message));
    }

    /** The Date header, unless missing or ahead of the clock (then: now, when the hub reads it). */
    static Instant writtenAt(MimeMessage message, Instant now) {
        try {
            var date = message.getSentDate();
            return date == null || date.toInstant().isAfter(now.plus(CLOCK_SKEW)) ? now : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return now;
        }
    }

    /** The subject without reply prefixes and tracking tags, folded; what a robot's answers all share. */
    static String coreSubject(String subject) {
        String untagged = TRACKING_TAG.matcher(subject == null ? "" : subject).replaceAll(" ");
        String bare = REPLY_PREFIXES.matcher(untagged).replaceFirst("");
        return SPACES.matcher(bare).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A hash of the core subject and of every leaf's type, size and first decoded bytes: the same mail sent again has
     * the same one, whatever its Date, Message-ID and MIME boundaries. Null when the mail cannot be read.
     */
    static String fingerprint(MimeMessage message) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(coreSubject(MailParser.decodedSubject(message)).getBytes(StandardCharsets.UTF_8));
            walk(message, digest, new int[1]);
            return HexFormat.of().formatHex(digest.digest());
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(Part part, MessageDigest digest, int[] leaves) throws MessagingException, IOException {
        if (leaves[0] >= MAX_LEAVES) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), digest, leaves);
            }
        } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage forwarded) {
            walk(forwarded, digest, leaves);
        } else {
            leaves[0]++;
            digest.update(("\0" + part.getContentType() + "\0" + part.getSize() + "\0").getBytes(StandardCharsets.UTF_8));
            CRC32C content = new CRC32C();
            Optional<byte[]> first = Base64Leaf.firstBytes(part, HASHED_BYTES_PER_PART);
            if (first.isPresent()) {
                content.update(first.get());
            } else {
                try (InputStream in = part.getInputStream()) {
                    content.update(in.readNBytes(HASHED_BYTES_PER_PART));
                }
            }
            digest.update(Long.toString(content.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The Message-IDs of In-Reply-To and References. */
    static List<String> answered(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                Matcher id = MESSAGE_ID.matcher(value);
                while (id.find() && ids.size() < MAX_ANSWERED) {
                    ids.add(id.group());
                }
            }
        }
        return ids.stream().distinct().toList();
    }
}
